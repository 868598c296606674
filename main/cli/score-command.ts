/**
 * `atlas score`: one row per customer with R/F/M, scores, segments of both schemes, grade,
 * lifecycle stage, churn risk and tags, as UTF-8 CSV with a BOM (Excel opens it right).
 *
 *   atlas score --workspace W [--as-of DATE] [--bins N] [--monetary total|average|collected] --out F.csv
 *   atlas score --orders FILE --customer-col C --date-col D --amount-col A [--as-of DATE] [--bins N]
 *               [--monetary total|average] --out F.csv
 *
 * The second form needs no workspace: it reads a plain orders table (.csv/.txt in any
 * encoding the importer sniffs, or the first sheet of an .xlsx/.xls), loads it into a
 * temporary workspace (one order = one purchase) and scores that. Overrides (--as-of, --bins,
 * --monetary) apply to this run only: the workspace's stored settings are not changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import { decodeText, inferDateOrder, parseAmount, parseDate, parseDelimited, sniffDelimiter } from '../../shared/import/index.ts';
import type { Cell } from '../../shared/import/index.ts';
import type { AnalysisSettings, Bins, MonetaryDefinition } from '../../shared/analytics/types.ts';
import type { PlainOrder, ScoreRow } from '../worker/analytics/analytics-protocol.ts';
import { WorkerClient } from '../services/worker-client.ts';
import { appVersion } from '../node/runtime-paths.ts';

export class ScoreUsageError extends Error {}

export interface ScoreIo {
  out(text: string): void;
  err(text: string): void;
}

export interface ScoreOptions {
  workspace?: string;
  orders?: string;
  customerCol?: string;
  dateCol?: string;
  amountCol?: string;
  asOf?: string;
  bins?: string;
  monetary?: string;
  out: string;
}

export const SCORE_COLUMNS = [
  'id',
  'name',
  'recency_days',
  'frequency',
  'monetary',
  'r_score',
  'f_score',
  'm_score',
  'segment_8',
  'segment_11',
  'grade',
  'lifecycle',
  'churn_risk',
  'tags',
] as const;

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function scoreCsv(rows: readonly ScoreRow[]): string {
  const lines = [SCORE_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.code,
        r.name,
        r.recencyDays,
        r.frequency,
        r.monetary,
        r.r,
        r.f,
        r.m,
        r.segments['rfm8'] ?? null,
        r.segments['rfm11'] ?? null,
        r.grade,
        r.lifecycle,
        r.churnRisk,
        r.tags.join(';'),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function readTable(file: string): Promise<Cell[][]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls' || ext === '.xlsm') {
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellDates: false, codepage: 936 });
    const first = book.SheetNames[0];
    const sheet = first === undefined ? undefined : book.Sheets[first];
    if (!sheet) return [];
    return XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: false });
  }
  const { text } = decodeText(new Uint8Array(fs.readFileSync(file)));
  return parseDelimited(text, sniffDelimiter(text));
}

/** Reads a plain orders table: the header row names the three columns. */
export async function readPlainOrders(file: string, columns: { customer: string; date: string; amount: string }, io: ScoreIo): Promise<PlainOrder[]> {
  if (!fs.existsSync(file)) throw new AtlasError('FILE_NOT_FOUND', `${file} does not exist`, { path: file });
  const table = await readTable(file);
  const header = (table[0] ?? []).map((c) => String(c ?? '').trim().toLowerCase());
  const find = (name: string): number => {
    const i = header.indexOf(name.trim().toLowerCase());
    if (i < 0) throw new ScoreUsageError(`column "${name}" not found; the header has: ${header.join(', ')}`);
    return i;
  };
  const ci = find(columns.customer);
  const di = find(columns.date);
  const ai = find(columns.amount);
  const body = table.slice(1);
  const order = inferDateOrder(body.map((r) => r[di] ?? null));
  const orders: PlainOrder[] = [];
  const rejected: string[] = [];
  body.forEach((row, k) => {
    const line = k + 2;
    if (row.every((c) => c === null || String(c).trim() === '')) return;
    const customer = String(row[ci] ?? '').trim();
    const date = parseDate(row[di] ?? null, order, false);
    const amount = parseAmount(row[ai] ?? null);
    if (customer === '') rejected.push(`row ${line}: no customer`);
    else if (!date.ok || date.value === null) rejected.push(`row ${line}: bad date ${String(row[di] ?? '')}`);
    else if (!amount.ok || amount.value === null) rejected.push(`row ${line}: bad amount ${String(row[ai] ?? '')}`);
    else orders.push({ customer, date: date.value, amount: amount.value });
  });
  if (rejected.length > 0) {
    io.err(`${rejected.length} row(s) skipped:\n${rejected.slice(0, 10).map((r) => `  ${r}\n`).join('')}${rejected.length > 10 ? '  …\n' : ''}`);
  }
  return orders;
}

function overrides(settings: AnalysisSettings, opts: ScoreOptions): AnalysisSettings | null {
  let next = settings;
  let changed = false;
  if (opts.asOf !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf) || Number.isNaN(Date.parse(`${opts.asOf}T00:00:00Z`))) throw new ScoreUsageError('--as-of must be a date YYYY-MM-DD');
    next = { ...next, analysisDate: opts.asOf };
    changed = true;
  }
  if (opts.bins !== undefined) {
    const n = Number(opts.bins);
    if (n !== 3 && n !== 4 && n !== 5) throw new ScoreUsageError('--bins must be 3, 4 or 5');
    const bins = n as Bins;
    next = { ...next, bins: { r: bins, f: bins, m: bins } };
    changed = true;
  }
  if (opts.monetary !== undefined) {
    if (!['total', 'average', 'collected'].includes(opts.monetary)) throw new ScoreUsageError('--monetary must be total, average or collected');
    next = { ...next, monetary: opts.monetary as MonetaryDefinition };
    changed = true;
  }
  if (changed && next.method === 'thresholds') {
    // Business thresholds are written for the stored bin counts; a bins override scores by quantiles.
    if (opts.bins !== undefined) next = { ...next, method: 'quantile' };
  }
  return changed ? next : null;
}

export async function scoreCommand(opts: ScoreOptions, io: ScoreIo): Promise<number> {
  if ((opts.workspace === undefined) === (opts.orders === undefined)) throw new ScoreUsageError('score needs either --workspace W or --orders FILE');
  if (opts.orders !== undefined && (!opts.customerCol || !opts.dateCol || !opts.amountCol)) {
    throw new ScoreUsageError('score --orders needs --customer-col C --date-col D --amount-col A');
  }
  const out = path.resolve(opts.out);
  const worker = new WorkerClient({ createdBy: `Customer Atlas ${appVersion()} (cli)` });
  let tempDir: string | null = null;
  try {
    if (opts.workspace !== undefined) {
      await worker.call('open', { path: path.resolve(opts.workspace) });
    } else {
      const orders = await readPlainOrders(path.resolve(opts.orders!), { customer: opts.customerCol!, date: opts.dateCol!, amount: opts.amountCol! }, io);
      if (orders.length === 0) throw new AtlasError('INVALID_INPUT', 'no usable order rows in the file', { why: 'no usable order rows in the file' });
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-score-'));
      await worker.call('create', { path: path.join(tempDir, 'orders.atlas'), demo: false });
      await worker.call('analyticsLoadOrders', { orders });
    }
    const { settings } = await worker.call('analyticsSettingsGet', undefined);
    // A plain orders file has one order per row: every row is a purchase.
    const base: AnalysisSettings = opts.orders !== undefined ? { ...settings, purchaseUnit: 'line' } : settings;
    const changed = overrides(base, opts) ?? (base === settings ? null : base);
    const summary = changed
      ? await worker.call('analyticsSettingsSet', { settings: changed, transient: true })
      : await worker.call('analyticsSummary', undefined);
    const rows = await worker.call('analyticsScoreRows', undefined);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, scoreCsv(rows), 'utf8');
    io.out(
      `Scored ${summary.customers} customers (${summary.scored} with purchases) as of ${summary.analysisDate}; ` +
        `M = ${summary.rfm.monetary}, bins R${summary.rfm.bins.r}/F${summary.rfm.bins.f}/M${summary.rfm.bins.m}\n` +
        `Written to ${out}\n`,
    );
    for (const w of summary.rfm.warnings) io.err(`warning: ${w.messageEn}\n`);
    return 0;
  } finally {
    await worker.terminate();
    if (tempDir !== null) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}
