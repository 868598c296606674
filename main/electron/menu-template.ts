/**
 * The application menu as data. Kept small: workspace files (new, open, demo, recent, save,
 * save as), the standard edit menu (copy/paste in inputs, essential on macOS), zoom and full
 * screen, and the developer items only when running from source.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, RecentWorkspace } from '../../shared/api/contract.ts';

export interface MenuCommands {
  newWorkspace(): Promise<void>;
  openWorkspace(): Promise<void>;
  openDemo(): Promise<void>;
  openRecent(file: string): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  language: Language;
  isDev: boolean;
  hasWorkspace: boolean;
  recent: readonly RecentWorkspace[];
  commands: MenuCommands;
}

type LabelKey =
  | 'file' | 'newWorkspace' | 'open' | 'openDemo' | 'openRecent' | 'noRecent' | 'save' | 'saveAs' | 'quit'
  | 'edit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'view' | 'reload' | 'forceReload' | 'devTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'fullScreen'
  | 'window' | 'minimize' | 'close';

export const MENU_LABELS: Readonly<Record<Language, Readonly<Record<LabelKey, string>>>> = {
  en: {
    file: '&File',
    newWorkspace: 'New Workspace…',
    open: 'Open…',
    openDemo: 'Open Demo Workspace',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Workspaces',
    save: 'Save',
    saveAs: 'Save As…',
    quit: 'Exit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    window: '&Window',
    minimize: 'Minimize',
    close: 'Close Window',
  },
  'zh-CN': {
    file: '文件(&F)',
    newWorkspace: '新建工作区…',
    open: '打开…',
    openDemo: '打开演示工作区',
    openRecent: '最近打开',
    noRecent: '没有最近的工作区',
    save: '保存',
    saveAs: '另存为…',
    quit: '退出',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图(&V)',
    reload: '重新加载',
    forceReload: '强制重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    window: '窗口(&W)',
    minimize: '最小化',
    close: '关闭窗口',
  },
};

export const MAX_RECENT_ITEMS = 10;

/** '&' would become a mnemonic on Windows and Linux; file names show it literally. */
function literal(text: string): string {
  return text.replaceAll('&', '&&');
}

function recentItems(input: MenuInput, labels: Readonly<Record<LabelKey, string>>): MenuItemConstructorOptions[] {
  const recent = input.recent.slice(0, MAX_RECENT_ITEMS);
  if (recent.length === 0) return [{ label: labels.noRecent, enabled: false }];
  const nameCounts = new Map<string, number>();
  for (const r of recent) nameCounts.set(r.name, (nameCounts.get(r.name) ?? 0) + 1);
  return recent.map((r) => ({
    label: literal((nameCounts.get(r.name) ?? 0) > 1 ? `${r.name} — ${path.dirname(r.path)}` : r.name),
    sublabel: r.path,
    enabled: r.exists,
    click: () => void input.commands.openRecent(r.path),
  }));
}

export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const labels = MENU_LABELS[input.language];
  const mac = input.platform === 'darwin';
  const { commands } = input;

  const file: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      { label: labels.newWorkspace, accelerator: 'CmdOrCtrl+N', click: () => void commands.newWorkspace() },
      { label: labels.open, accelerator: 'CmdOrCtrl+O', click: () => void commands.openWorkspace() },
      { label: labels.openRecent, submenu: recentItems(input, labels) },
      { label: labels.openDemo, click: () => void commands.openDemo() },
      { type: 'separator' },
      { label: labels.save, accelerator: 'CmdOrCtrl+S', enabled: input.hasWorkspace, click: () => void commands.save() },
      {
        label: labels.saveAs,
        accelerator: 'Shift+CmdOrCtrl+S',
        enabled: input.hasWorkspace,
        click: () => void commands.saveAs(),
      },
      { type: 'separator' },
      mac ? { role: 'close', label: labels.close } : { role: 'quit', label: labels.quit },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      { type: 'separator' },
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };

  const devItems: MenuItemConstructorOptions[] = input.isDev
    ? [
        { role: 'reload', label: labels.reload },
        { role: 'forceReload', label: labels.forceReload },
        { role: 'toggleDevTools', label: labels.devTools },
        { type: 'separator' },
      ]
    : [];
  const view: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      ...devItems,
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: labels.fullScreen },
    ],
  };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(file, edit, view);
  if (mac) template.push({ role: 'windowMenu', label: labels.window });
  return template;
}
