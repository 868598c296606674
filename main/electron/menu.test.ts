import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { API_METHODS } from '../../shared/api/contract.ts';
import type { AtlasApi, RecentWorkspace, WorkspaceInfo } from '../../shared/api/contract.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import { createMenuCommands } from './menu-commands.ts';
import { MENU_LABELS, buildMenuTemplate } from './menu-template.ts';
import type { MenuCommands, MenuInput } from './menu-template.ts';

function fakeCommands(): MenuCommands & Record<keyof MenuCommands, ReturnType<typeof vi.fn>> {
  return {
    newWorkspace: vi.fn(async () => {}),
    openWorkspace: vi.fn(async () => {}),
    openDemo: vi.fn(async () => {}),
    openRecent: vi.fn(async (_file: string) => {}),
    save: vi.fn(async () => {}),
    saveAs: vi.fn(async () => {}),
  };
}

function input(overrides: Partial<MenuInput> = {}): MenuInput {
  return {
    platform: 'linux',
    language: 'en',
    isDev: false,
    hasWorkspace: true,
    recent: [],
    commands: fakeCommands(),
    ...overrides,
  };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const sub = item?.submenu;
  if (!Array.isArray(sub)) throw new Error('expected a submenu array');
  return sub as MenuItemConstructorOptions[];
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const item = items.find((i) => i.label === label);
  if (!item) throw new Error(`no menu item ${label}`);
  return item;
}

function click(item: MenuItemConstructorOptions): void {
  const handler = item.click as (() => void) | undefined;
  if (!handler) throw new Error(`${String(item.label)} has no click handler`);
  handler();
}

const recent: RecentWorkspace[] = [
  { path: '/d/east.atlas', name: 'east.atlas', openedAt: '2025-01-02T00:00:00Z', exists: true },
  { path: '/old/gone.atlas', name: 'gone.atlas', openedAt: '2025-01-01T00:00:00Z', exists: false },
  { path: '/x/R&D.atlas', name: 'R&D.atlas', openedAt: '2024-12-01T00:00:00Z', exists: true },
];

describe('buildMenuTemplate', () => {
  it('has File, Edit and View on Windows and Linux, with Exit in File', () => {
    const template = buildMenuTemplate(input());
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View']);
    const file = submenu(template[0]);
    expect(file.map((i) => i.label ?? i.type)).toEqual([
      'New Workspace…',
      'Open…',
      'Open Recent',
      'Open Demo Workspace',
      'separator',
      'Save',
      'Save As…',
      'separator',
      'Exit',
    ]);
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('adds the app and window menus on macOS and closes the window from File', () => {
    const template = buildMenuTemplate(input({ platform: 'darwin' }));
    expect(template[0]?.role).toBe('appMenu');
    expect(template.at(-1)?.role).toBe('windowMenu');
    expect(submenu(template[1]).at(-1)?.role).toBe('close');
  });

  it('wires the file commands and their shortcuts', () => {
    const commands = fakeCommands();
    const file = submenu(buildMenuTemplate(input({ commands }))[0]);
    expect(find(file, 'New Workspace…').accelerator).toBe('CmdOrCtrl+N');
    expect(find(file, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(find(file, 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(find(file, 'Save As…').accelerator).toBe('Shift+CmdOrCtrl+S');
    for (const label of ['New Workspace…', 'Open…', 'Open Demo Workspace', 'Save', 'Save As…']) click(find(file, label));
    expect(commands.newWorkspace).toHaveBeenCalledOnce();
    expect(commands.openWorkspace).toHaveBeenCalledOnce();
    expect(commands.openDemo).toHaveBeenCalledOnce();
    expect(commands.save).toHaveBeenCalledOnce();
    expect(commands.saveAs).toHaveBeenCalledOnce();
  });

  it('disables Save and Save As without a workspace', () => {
    const file = submenu(buildMenuTemplate(input({ hasWorkspace: false }))[0]);
    expect(find(file, 'Save').enabled).toBe(false);
    expect(find(file, 'Save As…').enabled).toBe(false);
  });

  it('lists recent workspaces, disabling missing files and escaping ampersands', () => {
    const commands = fakeCommands();
    const items = submenu(find(submenu(buildMenuTemplate(input({ commands, recent }))[0]), 'Open Recent'));
    expect(items.map((i) => [i.label, i.enabled])).toEqual([
      ['east.atlas', true],
      ['gone.atlas', false],
      ['R&&D.atlas', true],
    ]);
    click(items[0]!);
    expect(commands.openRecent).toHaveBeenCalledWith('/d/east.atlas');
  });

  it('tells same-named recent workspaces apart by folder', () => {
    const twins: RecentWorkspace[] = [
      { path: '/a/q.atlas', name: 'q.atlas', openedAt: '', exists: true },
      { path: '/b/q.atlas', name: 'q.atlas', openedAt: '', exists: true },
    ];
    const items = submenu(find(submenu(buildMenuTemplate(input({ recent: twins }))[0]), 'Open Recent'));
    expect(items.map((i) => i.label)).toEqual(['q.atlas — /a', 'q.atlas — /b']);
  });

  it('shows a disabled placeholder when nothing was opened yet', () => {
    const items = submenu(find(submenu(buildMenuTemplate(input())[0]), 'Open Recent'));
    expect(items).toEqual([{ label: 'No Recent Workspaces', enabled: false }]);
  });

  it('offers reload and developer tools only when running from source', () => {
    const roles = (isDev: boolean) => submenu(buildMenuTemplate(input({ isDev }))[2]).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('speaks Chinese', () => {
    const template = buildMenuTemplate(input({ language: 'zh-CN' }));
    expect(template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)']);
    expect(submenu(template[0]).map((i) => i.label)).toContain('新建工作区…');
  });

  it('has the same label keys in every language', () => {
    expect(Object.keys(MENU_LABELS['zh-CN']).sort()).toEqual(Object.keys(MENU_LABELS.en).sort());
  });
});

describe('createMenuCommands', () => {
  const workspace: WorkspaceInfo = {
    path: '/d/new.atlas',
    name: 'new.atlas',
    schemaVersion: 1,
    isDemo: false,
    dirty: false,
    lastSavedAt: null,
  };

  function fakeApi(overrides: Partial<Record<keyof AtlasApi, (params: never) => Promise<unknown>>>) {
    const calls: [string, unknown][] = [];
    const api = Object.fromEntries(
      API_METHODS.map((method) => [
        method,
        async (params: unknown) => {
          calls.push([method, params]);
          const override = overrides[method] as ((p: unknown) => Promise<unknown>) | undefined;
          if (!override) throw new Error(`unexpected call ${method}`);
          return override(params);
        },
      ]),
    ) as unknown as AtlasApi;
    return { api, calls };
  }

  it('asks for a file, then creates, opens or saves as', async () => {
    const { api, calls } = fakeApi({
      'workspace.chooseFile': async () => '/d/new.atlas',
      'workspace.new': async () => workspace,
      'workspace.open': async () => workspace,
      'workspace.saveAs': async () => workspace,
    });
    const showError = vi.fn();
    const commands = createMenuCommands({ api, language: () => 'en', showError });
    await commands.newWorkspace();
    await commands.openWorkspace();
    await commands.saveAs();
    expect(calls).toEqual([
      ['workspace.chooseFile', { purpose: 'new' }],
      ['workspace.new', { path: '/d/new.atlas' }],
      ['workspace.chooseFile', { purpose: 'open' }],
      ['workspace.open', { path: '/d/new.atlas' }],
      ['workspace.chooseFile', { purpose: 'saveAs' }],
      ['workspace.saveAs', { path: '/d/new.atlas' }],
    ]);
    expect(showError).not.toHaveBeenCalled();
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { api, calls } = fakeApi({ 'workspace.chooseFile': async () => null });
    const commands = createMenuCommands({ api, language: () => 'en', showError: vi.fn() });
    await commands.openWorkspace();
    await commands.newWorkspace();
    expect(calls.map(([m]) => m)).toEqual(['workspace.chooseFile', 'workspace.chooseFile']);
  });

  it('opens recent files and the demo, and saves', async () => {
    const { api, calls } = fakeApi({
      'workspace.open': async () => workspace,
      'workspace.openDemo': async () => workspace,
      'workspace.save': async () => workspace,
    });
    const commands = createMenuCommands({ api, language: () => 'en', showError: vi.fn() });
    await commands.openRecent('/d/east.atlas');
    await commands.openDemo();
    await commands.save();
    expect(calls).toEqual([
      ['workspace.open', { path: '/d/east.atlas' }],
      ['workspace.openDemo', {}],
      ['workspace.save', undefined],
    ]);
  });

  it('shows failures as translated messages instead of throwing', async () => {
    const { api } = fakeApi({
      'workspace.open': async () => {
        throw new AtlasError('FILE_NOT_FOUND', 'missing', { path: '/old/gone.atlas' });
      },
    });
    const showError = vi.fn();
    const commands = createMenuCommands({ api, language: () => 'en', showError });
    await expect(commands.openRecent('/old/gone.atlas')).resolves.toBeUndefined();
    expect(showError).toHaveBeenCalledWith('File not found: /old/gone.atlas');
  });
});
