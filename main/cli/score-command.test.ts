/**
 * `atlas score` end to end (real CLI process, real worker, real sql.js): a tiny orders CSV
 * whose R/F/M were computed by hand, scores checked against an independent implementation of
 * the documented quantile rule, and the workspace form on the demo.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';

const bin = path.resolve(import.meta.dirname, 'atlas.mjs');
let temp: { dir: string; cleanup: () => void };

function atlas(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** RFC 4180 rows of the output (quoted fields may hold commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

/** Independent quantile score: 1 + floor(bins × (customers strictly worse) / scored). */
function quantile(values: readonly number[], bins: number, lowerIsBetter: boolean): number[] {
  return values.map((v) => 1 + Math.floor((bins * values.filter((w) => (lowerIsBetter ? w > v : w < v)).length) / values.length));
}

beforeAll(() => {
  temp = makeTempDir('score');
});
afterAll(() => temp.cleanup());

// As of 2024-06-30. Hand-computed: 甲 R 29 F 3 M 600; B R 41 F 1 M 50; C R 136 F 2 M 2000;
// D R 29 F 1 M 10; E R 395 F 1 M 500; "Q, Inc" only ordered after the date: a prospect.
const ORDERS = [
  '客户,日期,金额,备注',
  '甲公司,2024-01-10,100,',
  '甲公司,2024/3/1,200,',
  '甲公司,2024-06-01,300,',
  'B,2024-05-20,50,',
  'C,2023-12-01,1000,',
  'C,2024-02-15,"1,000",quoted amount',
  'D,2024-06-01,10,',
  'E,2023-06-01,500,',
  '"Q, Inc",2024-07-05,999,after the analysis date',
  'F,2024-06-10,,no amount',
].join('\r\n');

const EXPECTED: Record<string, { r: number; f: number; m: number }> = {
  甲公司: { r: 29, f: 3, m: 600 },
  B: { r: 41, f: 1, m: 50 },
  C: { r: 136, f: 2, m: 2000 },
  D: { r: 29, f: 1, m: 10 },
  E: { r: 395, f: 1, m: 500 },
};

describe('atlas score', () => {
  it('scores a plain orders CSV without a workspace, matching hand-computed R/F/M and the documented rule', () => {
    const orders = path.join(temp.dir, 'orders.csv');
    fs.writeFileSync(orders, `\uFEFF${ORDERS}\r\n`, 'utf8');
    const out = path.join(temp.dir, 'scores.csv');
    const run = atlas('score', '--orders', orders, '--customer-col', '客户', '--date-col', '日期', '--amount-col', '金额', '--as-of', '2024-06-30', '--bins', '3', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('row 11: bad amount');
    expect(run.stdout).toContain('Scored 6 customers (5 with purchases) as of 2024-06-30');

    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.toString('utf8').slice(1));
    expect(header).toEqual(['id', 'name', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment_8', 'segment_11', 'grade', 'lifecycle', 'churn_risk', 'tags']);
    const byName = new Map(rows.map((r) => [r[1]!, Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))]));
    expect(byName.size).toBe(6);

    const prospect = byName.get('Q, Inc')!;
    expect(prospect['recency_days']).toBe('');
    expect(prospect['r_score']).toBe('');
    expect(prospect['segment_8']).toBe('');
    expect(prospect['lifecycle']).toBe('prospect');

    const names = Object.keys(EXPECTED);
    for (const name of names) {
      const row = byName.get(name)!;
      expect(Number(row['recency_days']), name).toBe(EXPECTED[name]!.r);
      expect(Number(row['frequency']), name).toBe(EXPECTED[name]!.f);
      expect(Number(row['monetary']), name).toBe(EXPECTED[name]!.m);
    }
    const r = quantile(names.map((n) => EXPECTED[n]!.r), 3, true);
    const f = quantile(names.map((n) => EXPECTED[n]!.f), 3, false);
    const m = quantile(names.map((n) => EXPECTED[n]!.m), 3, false);
    names.forEach((name, i) => {
      const row = byName.get(name)!;
      expect([Number(row['r_score']), Number(row['f_score']), Number(row['m_score'])], name).toEqual([r[i], f[i], m[i]]);
    });
    // By hand as well: R 2,2,1,2,1 · F 3,1,2,1,1 · M 2,1,3,1,2.
    expect(r).toEqual([2, 2, 1, 2, 1]);
    expect(f).toEqual([3, 1, 2, 1, 1]);
    expect(m).toEqual([2, 1, 3, 1, 2]);
    // 8-class against the means (R 126 days, F 1.6, M 632; a value above the mean of days is LOW).
    expect(byName.get('甲公司')!['segment_8']).toBe('general-value');
    expect(byName.get('C')!['segment_8']).toBe('important-retention');
    expect(byName.get('B')!['segment_8']).toBe('general-development');
    expect(byName.get('E')!['segment_8']).toBe('general-recovery');

    // M as the average per purchase: 甲 600 / 3 = 200, C 2000 / 2 = 1000.
    const avgOut = path.join(temp.dir, 'avg.csv');
    expect(atlas('score', '--orders', orders, '--customer-col', '客户', '--date-col', '日期', '--amount-col', '金额', '--as-of', '2024-06-30', '--monetary', 'average', '--out', avgOut).code).toBe(0);
    const avgRows = parseCsv(fs.readFileSync(avgOut, 'utf8').slice(1));
    const monetary = new Map(avgRows.slice(1).map((row) => [row[1]!, row[4]!]));
    expect(Number(monetary.get('甲公司'))).toBe(200);
    expect(Number(monetary.get('C'))).toBe(1000);
  });

  it('scores a workspace with overrides without changing it, and refuses wrong usage', () => {
    const ws = path.join(temp.dir, 'demo.atlas');
    expect(atlas('demo', '--out', ws).code).toBe(0);
    const before = fs.readFileSync(ws);
    const out = path.join(temp.dir, 'demo-scores.csv');
    const run = atlas('score', '--workspace', ws, '--bins', '4', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const rows = parseCsv(fs.readFileSync(out, 'utf8').slice(1)).slice(1);
    expect(rows.length).toBeGreaterThan(2000);
    const rScores = new Set(rows.map((row) => row[5]).filter((s) => s !== ''));
    expect([...rScores].sort()).toEqual(['1', '2', '3', '4']);
    expect(new Set(rows.map((row) => row[10])).size).toBeGreaterThanOrEqual(4);
    expect(rows.some((row) => row[13]!.includes(';'))).toBe(true);
    expect(fs.readFileSync(ws).equals(before)).toBe(true);

    expect(atlas('score', '--workspace', ws).code).toBe(2);
    expect(atlas('score', '--workspace', ws, '--bins', '7', '--out', out).code).toBe(2);
    expect(atlas('score', '--orders', path.join(temp.dir, 'x.csv'), '--out', out).code).toBe(2);
  });
});
