/**
 * `atlas import` and `atlas export` as a user runs them: the eight sample files into a new
 * workspace give exactly the demo dataset's counts; importing them again adds nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../shared/demo/index.ts';
import { RECORD_KINDS } from '../../shared/schema/records.ts';
import { makeTempDir } from '../test-support/temp-dir.ts';
import type { ImportJson } from './import-command.ts';

const bin = path.resolve(import.meta.dirname, 'atlas.mjs');
const sampleDir = path.resolve(import.meta.dirname, '../../assets/sample');
let temp: { dir: string; cleanup: () => void };

function atlas(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  temp = makeTempDir('cli-import');
});
afterAll(() => temp.cleanup());

describe('atlas import / export', () => {
  it('imports the sample files into a new workspace with the demo counts; a re-import is all duplicates', () => {
    const samples = fs.readdirSync(sampleDir).sort().map((f) => path.join(sampleDir, f));
    expect(samples).toHaveLength(8);
    const workspace = path.join(temp.dir, 'imported.atlas');
    const first = atlas('import', ...samples, '--workspace', workspace, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const json = JSON.parse(first.stdout) as ImportJson;
    expect(json.files).toHaveLength(8);

    const info = JSON.parse(atlas('info', workspace, '--json').stdout) as { counts: Record<string, number> };
    const demo = generateDemo();
    for (const kind of RECORD_KINDS) expect(info.counts[kind], kind).toBe(demo[kind].length);
    for (const file of json.files) {
      expect(file.rejected, file.file).toBe(0);
      expect(file.updated, file.file).toBe(0);
    }
    // The GBK CSV holds the same customers as the workbook: all duplicates.
    const csv = json.files.find((f) => f.file.endsWith('.csv'))!;
    expect(csv).toMatchObject({ kind: 'customers', accepted: 0, duplicates: demo.customers.length });

    const again = JSON.parse(atlas('import', ...samples, '--workspace', workspace, '--json').stdout) as ImportJson;
    for (const file of again.files) {
      expect(file.accepted, file.file).toBe(0);
      expect(file.updated, file.file).toBe(0);
      expect(file.duplicates, file.file).toBe(file.rowsRead);
    }
    const after = JSON.parse(atlas('info', workspace, '--json').stdout) as { counts: Record<string, number> };
    expect(after.counts).toEqual(info.counts);

    const out = path.join(temp.dir, 'customers.csv');
    const exported = atlas('export', '--workspace', workspace, '--table', 'customers', '--out', out);
    expect(exported.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.trimEnd().split('\r\n')).toHaveLength(demo.customers.length + 1);
    expect(text).toContain(demo.customers[0]!.name);
  }, 300_000);

  it('exits 1 naming the file when it cannot be mapped, and 2 on wrong usage', () => {
    const file = path.join(temp.dir, 'mystery.csv');
    fs.writeFileSync(file, 'foo,bar,baz\n1,2,3\n4,5,6\n');
    const result = atlas('import', file, '--workspace', path.join(temp.dir, 'm.atlas'), '--kind', 'orders');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mystery.csv');
    expect(atlas('import', '--workspace', path.join(temp.dir, 'm.atlas')).code).toBe(2);
    expect(atlas('import', file).code).toBe(2);
  });
});
