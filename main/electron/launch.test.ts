import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { dataDirOverride, findWorkspaceArgument, isDevelopmentRun } from './launch.ts';

const cwd = path.resolve('/home/li');

describe('findWorkspaceArgument', () => {
  it('finds a double-clicked workspace', () => {
    expect(findWorkspaceArgument(['/opt/Customer Atlas/customer-atlas', '/data/东区 2024.atlas'], cwd)).toBe(
      path.resolve('/data/东区 2024.atlas'),
    );
    expect(findWorkspaceArgument(['C:\\Atlas\\Customer Atlas.exe', 'east.ATLAS'], cwd)).toBe(path.resolve(cwd, 'east.ATLAS'));
  });

  it('ignores the executable, the app folder and switches', () => {
    expect(findWorkspaceArgument(['/usr/bin/x.atlas'], cwd)).toBeNull();
    expect(findWorkspaceArgument(['electron', '.', '--inspect=0', '--user-data-dir=/tmp/x.atlas'], cwd)).toBeNull();
    expect(findWorkspaceArgument(['electron', '.', 'notes.txt', '.atlas'], cwd)).toBeNull();
  });

  it('takes the last workspace named', () => {
    expect(findWorkspaceArgument(['app', 'a.atlas', '--flag', 'b.atlas'], cwd)).toBe(path.resolve(cwd, 'b.atlas'));
  });
});

describe('dataDirOverride', () => {
  it('uses ATLAS_DATA_DIR as an absolute path', () => {
    expect(dataDirOverride({ ATLAS_DATA_DIR: 'tmp/atlas' }, cwd)).toBe(path.resolve(cwd, 'tmp/atlas'));
    expect(dataDirOverride({ ATLAS_DATA_DIR: '/var/atlas' }, cwd)).toBe(path.resolve('/var/atlas'));
  });

  it('keeps Electron’s folder when unset or blank', () => {
    expect(dataDirOverride({}, cwd)).toBeNull();
    expect(dataDirOverride({ ATLAS_DATA_DIR: '  ' }, cwd)).toBeNull();
  });
});

describe('isDevelopmentRun', () => {
  it('is true from source or with ATLAS_DEV=1', () => {
    expect(isDevelopmentRun(false, {})).toBe(true);
    expect(isDevelopmentRun(true, {})).toBe(false);
    expect(isDevelopmentRun(true, { ATLAS_DEV: '1' })).toBe(true);
  });
});
