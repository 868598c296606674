#!/usr/bin/env node
// The `atlas` command. The CLI is bundled by `npm run build` (which `npm ci` runs through
// the prepare script); say so plainly when it is missing instead of a stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const bundle = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/main/cli.mjs');
if (!existsSync(bundle)) {
  process.stderr.write('atlas: the app is not built yet; run `npm run build` in the Customer Atlas folder.\n');
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
