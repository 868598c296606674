// Tests that cross the worker or run the CLI use the real bundles; rebuild the Node side
// first (esbuild, about a second) so they never run against stale code.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export default function setup(): void {
  if (process.env['ATLAS_SKIP_BUILD'] === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'build/build.mjs'), 'node'], { cwd: root, stdio: 'inherit' });
}
