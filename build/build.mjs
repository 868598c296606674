// One build for every runtime: esbuild bundles the Node-side entries (Electron main, preload,
// worker, browser-mode server, CLI) and Vite builds the renderer. Dependencies stay external
// (node_modules ships with the app), so the bundles stay small and sql.js finds its wasm file.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const only = process.argv.slice(2);
const want = (part) => only.length === 0 || only.includes(part);

const nodeEntries = {
  electron: 'main/electron/main.ts',
  worker: 'main/worker/worker-entry.ts',
  server: 'main/server/server-entry.ts',
  cli: 'main/cli/cli-entry.ts',
  'import-reader': 'main/import-reader/spreadsheet-child.ts',
  'import-normaliser': 'main/worker/import/text-normaliser-thread.ts',
};

async function buildNode() {
  const entryPoints = Object.fromEntries(
    Object.entries(nodeEntries).filter(([, file]) => fs.existsSync(path.join(root, file))),
  );
  await esbuild({
    absWorkingDir: root,
    entryPoints,
    outdir: path.join(out, 'main'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __atlasCreateRequire } from 'node:module'; const require = __atlasCreateRequire(import.meta.url);" },
  });
  // Sandboxed preloads must be a single CommonJS file that requires nothing but 'electron'.
  if (fs.existsSync(path.join(root, 'main/electron/preload.ts'))) {
    await esbuild({
      absWorkingDir: root,
      entryPoints: { preload: 'main/electron/preload.ts' },
      outdir: path.join(out, 'main'),
      outExtension: { '.js': '.cjs' },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['electron'],
      sourcemap: true,
      logLevel: 'warning',
    });
  }
}

async function buildRenderer() {
  const config = path.join(root, 'build/vite.renderer.config.ts');
  if (!fs.existsSync(config)) return;
  await viteBuild({ configFile: config, logLevel: 'warn' });
}

const started = Date.now();
if (want('node')) await buildNode();
if (want('renderer')) await buildRenderer();
fs.writeFileSync(path.join(out, 'BUILD'), new Date().toISOString() + '\n');
console.log(`atlas build: ${only.length ? only.join(', ') : 'all'} in ${Date.now() - started} ms`);
