// Runs one benchmark: bundles bench/<name>.bench.ts with esbuild (dependencies stay in
// node_modules) and runs it with the given arguments. Benchmarks print their own figures
// and a ratio against a reference measured in the same run; they are not part of npm test.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const available = fs.readdirSync(path.join(root, 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, ''));
if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [args]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const outfile = path.join(root, 'out', 'bench', `${name}.mjs`);
await build({
  absWorkingDir: root,
  entryPoints: [path.join(root, 'bench', `${name}.bench.ts`)],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __atlasCreateRequire } from 'node:module'; const require = __atlasCreateRequire(import.meta.url);" },
});
const result = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
