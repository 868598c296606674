/**
 * What the command line and the environment tell the desktop app at launch: a workspace file
 * to open (double-clicked .atlas files arrive as arguments on Windows and Linux) and an
 * override of the data folder (ATLAS_DATA_DIR, used by tests and portable setups).
 */
import path from 'node:path';

export const WORKSPACE_EXTENSION = '.atlas';

/**
 * The last argument naming a .atlas file. argv[0] is the executable; switches (-x, --x=y)
 * that Chromium or the OS add are ignored.
 */
export function findWorkspaceArgument(argv: readonly string[], cwd: string = process.cwd()): string | null {
  let found: string | null = null;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(WORKSPACE_EXTENSION) && arg.length > WORKSPACE_EXTENSION.length) {
      found = path.resolve(cwd, arg);
    }
  }
  return found;
}

/** ATLAS_DATA_DIR as an absolute path, or null to keep Electron's userData folder. */
export function dataDirOverride(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): string | null {
  const value = env['ATLAS_DATA_DIR']?.trim();
  return value ? path.resolve(cwd, value) : null;
}

/** True when running from source (`electron .`) rather than an installed package. */
export function isDevelopmentRun(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return !isPackaged || env['ATLAS_DEV'] === '1';
}
