/**
 * Where the built pieces live. Bundles sit together in out/main/; when code runs from
 * source (unit tests), the same bundles are found under the repository's out/ folder.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fs from 'node:fs';

/**
 * Bundled code runs from out/main/ or out/main/chunks/ (also inside app.asar, where there is
 * no source tree); source code (tests) runs from main/ and uses the repository's out/.
 */
function findOutDir(start: string): string {
  let dir = start;
  for (;;) {
    if (path.basename(dir) === 'out' && fs.existsSync(path.join(dir, 'main', 'worker.mjs'))) return dir;
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'main'))) return path.join(dir, 'out');
    const parent = path.dirname(dir);
    if (parent === dir) return path.join(start, '..', 'out');
    dir = parent;
  }
}

export const outDir = findOutDir(path.dirname(fileURLToPath(import.meta.url)));

export function workerUrl(): URL {
  return pathToFileURL(path.join(outDir, 'main', 'worker.mjs'));
}

/** The thread that normalises text files beside the workspace thread during an import. */
export function importNormaliserUrl(): URL {
  return pathToFileURL(path.join(outDir, 'main', 'import-normaliser.mjs'));
}

export function rendererDir(): string {
  return path.join(outDir, 'renderer');
}

/** The version in package.json (one level above out/, or the repository root). */
export function appVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(outDir), 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
