/**
 * Options for the native workspace file dialogs and the reading of their results. Electron
 * only shows them (main.ts); what they ask for and what counts as an answer lives here.
 */
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FilePurpose, Language } from '../../shared/api/contract.ts';
import { WORKSPACE_EXTENSION } from './launch.ts';

const TEXT: Readonly<Record<Language, Readonly<Record<FilePurpose | 'filter' | 'untitled', string>>>> = {
  en: {
    open: 'Open Workspace',
    new: 'New Workspace',
    saveAs: 'Save Workspace As',
    filter: 'Customer Atlas Workspace',
    untitled: 'Untitled',
  },
  'zh-CN': {
    open: '打开工作区',
    new: '新建工作区',
    saveAs: '工作区另存为',
    filter: 'Customer Atlas 工作区',
    untitled: '未命名工作区',
  },
};

export type WorkspaceDialog =
  | { kind: 'open'; options: OpenDialogOptions }
  | { kind: 'save'; options: SaveDialogOptions };

export function workspaceDialog(purpose: FilePurpose, suggestedDir: string, language: Language): WorkspaceDialog {
  const text = TEXT[language];
  const filters = [{ name: text.filter, extensions: [WORKSPACE_EXTENSION.slice(1)] }];
  if (purpose === 'open') {
    return {
      kind: 'open',
      options: { title: text.open, defaultPath: suggestedDir, filters, properties: ['openFile'] },
    };
  }
  return {
    kind: 'save',
    options: {
      title: text[purpose],
      defaultPath: path.join(suggestedDir, `${text.untitled}${WORKSPACE_EXTENSION}`),
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    },
  };
}

/** Appends .atlas when the user typed a bare name (Linux dialogs do not add it). */
export function withWorkspaceExtension(file: string): string {
  return path.extname(file).toLowerCase() === WORKSPACE_EXTENSION ? file : `${file}${WORKSPACE_EXTENSION}`;
}

/** The chosen path, or null when the dialog was cancelled. */
export function dialogResultPath(
  kind: WorkspaceDialog['kind'],
  result: { canceled: boolean; filePaths?: readonly string[]; filePath?: string },
): string | null {
  if (result.canceled) return null;
  if (kind === 'open') return result.filePaths?.[0] ?? null;
  const file = result.filePath;
  return file ? withWorkspaceExtension(file) : null;
}
