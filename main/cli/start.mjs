#!/usr/bin/env node
// `npm start`: the desktop app where an Electron binary is installed, otherwise browser mode
// (with a plain explanation), so the command always leads to a working app.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const child = binary
  ? spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' })
  : (process.stdout.write(
      'Electron binary not installed (installed with ELECTRON_SKIP_BINARY_DOWNLOAD): starting browser mode instead.\n' +
        'Open the address below in Chromium or any modern browser.\n',
    ),
    spawn(process.execPath, [path.join(root, 'out/main/cli.mjs'), 'web', ...process.argv.slice(2)], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
