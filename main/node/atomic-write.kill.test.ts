import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDir } from './runtime-paths.ts';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { createWorkspaceDb, openWorkspaceFile, saveWorkspaceFile } from '../worker/data/workspace-file.ts';

const KILLS = 50;
const fixture = path.join(outDir, 'test-fixtures', 'atomic-write-kill-fixture.mjs');
let dir: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir, cleanup } = makeTempDir('kill'));
  buildSync({
    entryPoints: [path.join(import.meta.dirname, 'atomic-write.kill-fixture.ts')],
    outfile: fixture,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
  });
});
afterAll(() => cleanup());

/**
 * Starts the saver, kills it with SIGKILL `delayMs` after it reports ready (so the kill lands
 * among saves however slow start-up is), and returns the last "saved N" it printed.
 */
function runAndKill(file: string, delayMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture, file, String(3 * 1024 * 1024)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (timer === undefined && out.includes('ready')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`saver exited on its own: ${err}`));
      const saved = [...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      resolve(saved.length ? saved[saved.length - 1]! : null);
    });
  });
}

describe('atomic save under SIGKILL', () => {
  it(`leaves a workspace that opens with the old or the new content after ${KILLS} kills`, async () => {
    const file = path.join(dir, 'killed.atlas');
    const db = await createWorkspaceDb('kill-test');
    saveWorkspaceFile(db, file);
    db.close();
    let known = 0;
    let killedMidSave = 0;
    for (let i = 0; i < KILLS; i++) {
      // Spread kills from before the first save completes to several saves in.
      const delay = Math.floor(Math.random() * 700);
      const lastPrinted = await runAndKill(file, delay);
      const { db: reopened } = await openWorkspaceFile(file);
      const generation = Number(reopened.value("SELECT value FROM meta WHERE key = 'generation'") ?? 0);
      const floor = lastPrinted ?? known;
      // Old content = the last save reported; new = the one in flight when killed.
      expect([floor, floor + 1]).toContain(generation);
      if (generation > 0) {
        const blob = reopened.value('SELECT blob FROM payload WHERE id = 1') as Uint8Array;
        const digest = crypto.createHash('sha256').update(blob).digest('hex');
        expect(digest).toBe(reopened.value("SELECT value FROM meta WHERE key = 'digest'"));
      }
      reopened.close();
      if (generation === floor + 1) killedMidSave += 1;
      known = generation;
    }
    // Temp files of killed saves are cleaned up by the next save, never left to pile up.
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-')).length).toBeLessThanOrEqual(2);
    expect(known).toBeGreaterThan(KILLS / 2);
    console.log(`kill test: ${KILLS} kills, final generation ${known}, ${killedMidSave} kills after rename before report`);
  }, 240_000);
});
