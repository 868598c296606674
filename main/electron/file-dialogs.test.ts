import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { dialogResultPath, withWorkspaceExtension, workspaceDialog } from './file-dialogs.ts';

describe('workspaceDialog', () => {
  it('opens existing .atlas files only', () => {
    const dialog = workspaceDialog('open', '/data', 'en');
    expect(dialog.kind).toBe('open');
    expect(dialog.options).toMatchObject({
      title: 'Open Workspace',
      defaultPath: '/data',
      filters: [{ name: 'Customer Atlas Workspace', extensions: ['atlas'] }],
      properties: ['openFile'],
    });
  });

  it('asks for a new file name in the suggested folder, in the user’s language', () => {
    const dialog = workspaceDialog('new', '/data', 'zh-CN');
    expect(dialog.kind).toBe('save');
    expect(dialog.options.title).toBe('新建工作区');
    expect(dialog.options.defaultPath).toBe(path.join('/data', '未命名工作区.atlas'));
    expect(dialog.options.filters).toEqual([{ name: 'Customer Atlas 工作区', extensions: ['atlas'] }]);
    expect(workspaceDialog('saveAs', '/data', 'en').options.title).toBe('Save Workspace As');
  });
});

describe('dialogResultPath', () => {
  it('returns null on cancel', () => {
    expect(dialogResultPath('open', { canceled: true, filePaths: ['/a.atlas'] })).toBeNull();
    expect(dialogResultPath('save', { canceled: true, filePath: '/a.atlas' })).toBeNull();
    expect(dialogResultPath('open', { canceled: false, filePaths: [] })).toBeNull();
    expect(dialogResultPath('save', { canceled: false, filePath: '' })).toBeNull();
  });

  it('returns the chosen file, adding .atlas to bare save names', () => {
    expect(dialogResultPath('open', { canceled: false, filePaths: ['/d/east.atlas'] })).toBe('/d/east.atlas');
    expect(dialogResultPath('save', { canceled: false, filePath: '/d/east' })).toBe('/d/east.atlas');
    expect(dialogResultPath('save', { canceled: false, filePath: '/d/east.ATLAS' })).toBe('/d/east.ATLAS');
  });
});

describe('withWorkspaceExtension', () => {
  it('adds the extension once', () => {
    expect(withWorkspaceExtension('/d/a')).toBe('/d/a.atlas');
    expect(withWorkspaceExtension('/d/a.atlas')).toBe('/d/a.atlas');
    expect(withWorkspaceExtension('/d/a.v2')).toBe('/d/a.v2.atlas');
  });
});
