import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Copies the bundled China GeoJSON (assets/maps, see its LICENSE.md) into the build as maps/. */
function bundledMaps(): Plugin {
  const dir = path.join(root, 'assets/maps');
  return {
    name: 'atlas-bundled-maps',
    apply: 'build',
    generateBundle() {
      for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.json') && !file.endsWith('.md')) continue;
        const fileName = `maps/${file.split(path.sep).join('/')}`;
        this.emitFile({ type: 'asset', fileName, source: fs.readFileSync(path.join(dir, file)) });
      }
    },
  };
}

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react(), bundledMaps()],
  build: {
    outDir: path.join(root, 'out/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Inline scripts or styles would need CSP exceptions; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
