import os from 'node:os';
import path from 'node:path';

/**
 * The same folder Electron uses as userData for "Customer Atlas", so browser mode and the
 * desktop app share settings and the demo workspace. ATLAS_DATA_DIR overrides it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['ATLAS_DATA_DIR']) return path.resolve(env['ATLAS_DATA_DIR']);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'Customer Atlas');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Customer Atlas');
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'Customer Atlas');
}

export function systemLocale(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'];
  if (fromEnv && fromEnv !== 'C' && fromEnv !== 'POSIX') return fromEnv.split('.')[0]!.replace('_', '-');
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
