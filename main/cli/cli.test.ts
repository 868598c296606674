import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { WorkerClient } from '../services/worker-client.ts';
import type { InfoJson } from './cli.ts';

const bin = path.resolve(import.meta.dirname, 'atlas.mjs');
let temp: { dir: string; cleanup: () => void };

function atlas(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  temp = makeTempDir('cli');
});
afterAll(() => temp.cleanup());

describe('atlas CLI', () => {
  it('prints help and exits 0; without a command it prints help and exits 2', () => {
    const help = atlas('--help');
    expect(help.code).toBe(0);
    for (const command of ['demo', 'info', 'samples', 'web']) expect(help.stdout).toContain(`atlas ${command}`);
    expect(atlas().code).toBe(2);
    const unknown = atlas('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('writes the demo workspace and `info --json` reports exactly what the worker reports', async () => {
    const file = path.join(temp.dir, 'demo.atlas');
    const demo = atlas('demo', '--out', file);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);

    const info = atlas('info', file, '--json');
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout) as InfoJson;
    const worker = new WorkerClient();
    try {
      await worker.call('open', { path: file });
      const overview = await worker.call('overview', undefined);
      expect(json.counts).toEqual(overview.counts);
      expect(json.totalRevenue).toBe(overview.totalRevenue);
      expect(json.orderDateRange).toEqual(overview.orderDateRange);
    } finally {
      await worker.terminate();
    }
    expect(json.counts.customers).toBeGreaterThan(2500);

    const human = atlas('info', file);
    expect(human.stdout).toContain(`customers:      ${json.counts.customers.toLocaleString('en-US')}`);

    // Deterministic: a second demo holds the same figures.
    const again = path.join(temp.dir, 'again.atlas');
    expect(atlas('demo', '--out', again).code).toBe(0);
    const json2 = JSON.parse(atlas('info', again, '--json').stdout) as InfoJson;
    expect({ ...json2, workspace: '' }).toEqual({ ...json, workspace: '' });

    const refused = atlas('demo', '--out', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already exists');
  });

  it('fails with a clear message and exit 1 for a file that is not a workspace', () => {
    const file = path.join(temp.dir, 'orders.csv');
    fs.writeFileSync(file, '合同号,客户,金额\nHT1,华东重工,100\n');
    const result = atlas('info', file, '--json');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('is not a Customer Atlas workspace');
    const missing = atlas('info', path.join(temp.dir, 'missing.atlas'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('File not found');
  });

  it('exits 2 on wrong usage', () => {
    expect(atlas('info').code).toBe(2);
    expect(atlas('demo').code).toBe(2);
    expect(atlas('demo', '--out', 'x.atlas', '--seed', 'abc').code).toBe(2);
    expect(atlas('web', '--port', '99999').code).toBe(2);
  });
});
