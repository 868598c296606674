/**
 * `atlas report` end to end (real CLI process, real worker, real sql.js): the demo workspace
 * exported with a filter, read back with SheetJS; filter keys checked; usage errors exit 2.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { WorkerClient } from '../services/worker-client.ts';
import { cliFilterQuery } from './report-command.ts';

const bin = path.resolve(import.meta.dirname, 'atlas.mjs');
let temp: { dir: string; cleanup: () => void };

function atlas(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  temp = makeTempDir('cli-report');
  expect(atlas('demo', '--out', path.join(temp.dir, 'demo.atlas')).code).toBe(0);
}, 120_000);

afterAll(() => temp.cleanup());

describe('atlas report', () => {
  it('reads the filter in the app’s URL keys', () => {
    expect(cliFilterQuery('grade=A,province=江苏省')).toBe('province=%E6%B1%9F%E8%8B%8F%E7%9C%81&grade=A');
    expect(cliFilterQuery('segment=important-value')).toContain('scheme=rfm8');
    expect(() => cliFilterQuery('colour=red')).toThrow(/unknown key "colour"/);
    expect(() => cliFilterQuery('grade')).toThrow(/key=value/);
    expect(() => cliFilterQuery('grade=A,province=')).toThrow(/"province=" has no value/);
    expect(() => cliFilterQuery('grade=E')).toThrow(/grade must be one of A, B, C, D \(got "E"\)/);
    expect(() => cliFilterQuery('stage=dormant')).toThrow(/stage must be one of new, active, sleeping, lost, prospect/);
    expect(() => cliFilterQuery('tag=x,tags=every')).toThrow(/tags must be one of all, any/);
    expect(() => cliFilterQuery('q=徐州,q=南京')).toThrow(/q may be given only once/);
    expect(() => cliFilterQuery('scheme=rfm11')).toThrow(/scheme needs at least one segment/);
    expect(cliFilterQuery('grade=A,grade=B，stage=active')).toBe('grade=A&grade=B&stage=active');
  });

  it('writes the filtered workbook in the chosen language', () => {
    const out = path.join(temp.dir, 'out', 'report.xlsx');
    fs.mkdirSync(path.dirname(out));
    const run = atlas('report', '--workspace', path.join(temp.dir, 'demo.atlas'), '--filter', 'grade=A,province=江苏省', '--language', 'en', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Report written to .*report\.xlsx: \d+ rows in 7 sheet/);
    const book = XLSX.read(fs.readFileSync(out));
    expect(book.SheetNames).toEqual(['Summary', 'Segments', 'Regions', 'Tags', 'Conversion', 'Lifecycle & churn', 'Customers']);
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['Customers']!, { header: 1, defval: null });
    const headerAt = rows.findIndex((r) => r[0] === 'Customer code');
    const header = rows[headerAt]!;
    const body = rows.slice(headerAt + 1).filter((r) => r[0] !== null);
    expect(body.length).toBeGreaterThan(0);
    for (const r of body) {
      expect(r[header.indexOf('Grade')]).toBe('A');
      expect(r[header.indexOf('Province')]).toBe('江苏省');
      const phone = r[header.indexOf('Phone')];
      if (phone !== null) expect(String(phone)).toContain('****');
    }
    expect(fs.readdirSync(path.dirname(out))).toEqual(['report.xlsx']);
  }, 120_000);

  it('refuses unknown filter keys, missing --out and unknown templates', () => {
    const ws = path.join(temp.dir, 'demo.atlas');
    expect(atlas('report', '--workspace', ws, '--filter', 'foo=1', '--out', path.join(temp.dir, 'x.xlsx')).code).toBe(2);
    expect(atlas('report', '--workspace', ws).code).toBe(2);
    const missing = atlas('report', '--workspace', ws, '--template', 'nope', '--out', path.join(temp.dir, 'y.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope');
    expect(fs.existsSync(path.join(temp.dir, 'y.xlsx'))).toBe(false);
  }, 120_000);

  it('exports by a template saved in the workspace (the monthly report in one call)', async () => {
    const ws = path.join(temp.dir, 'tpl.atlas');
    fs.copyFileSync(path.join(temp.dir, 'demo.atlas'), ws);
    const worker = new WorkerClient({ createdBy: 'report-command.test' });
    try {
      await worker.call('open', { path: ws });
      await worker.call('reportsTemplatesSave', { template: { name: '华东月报', sheets: ['summary', 'customers'], customerColumns: ['code', 'name', 'grade', 'revenue12m'] } });
      await worker.call('save', {});
    } finally {
      await worker.terminate();
    }
    const out = path.join(temp.dir, 'monthly.xlsx');
    const run = atlas('report', '--workspace', ws, '--template', '华东月报', '--filter', 'grade=A', '--language', 'en', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const book = XLSX.read(fs.readFileSync(out));
    expect(book.SheetNames).toEqual(['Summary', 'Customers']);
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['Customers']!, { header: 1, defval: null });
    const headerAt = rows.findIndex((r) => r[0] === 'Customer code');
    expect(rows[headerAt]!.filter((c) => c !== null)).toEqual(['Customer code', 'Customer', 'Grade', 'Revenue, last 12 months (CNY)']);
    expect(rows.slice(headerAt + 1).filter((r) => r[0] !== null).every((r) => r[2] === 'A')).toBe(true);
  }, 120_000);

  it('names the bad pair of a filter and writes nothing', () => {
    const out = path.join(temp.dir, 'bad.xlsx');
    const run = atlas('report', '--workspace', path.join(temp.dir, 'demo.atlas'), '--filter', 'grade=a', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('grade must be one of A, B, C, D (got "a")');
    expect(fs.existsSync(out)).toBe(false);
  });
});
