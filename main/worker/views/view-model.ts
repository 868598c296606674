/**
 * The one table every view reads, held in memory by the worker as columns: one row per
 * customer (ascending id), its profile, scores and the few metrics the views show (revenue =
 * all non-cancelled orders, 12-month amounts, overdue, won/lost opportunities), text columns
 * dictionary-coded as integers, tags and product lines as per-row code lists.
 *
 * Built from SQL once per workspace state (a new scoring run, other customers, other metrics,
 * or `invalidateViewModel` after a region edit) and then filtered, grouped, summed and sorted
 * in typed-array loops: about 1–5 ms per aggregate over 100,000 customers instead of the
 * 200–500 ms SQLite (wasm) needs to sort-group the same rows. Nothing here is saved.
 *
 * The filter's meaning is that of filter-sql.ts / matchesFilter (a test checks all agree).
 */
import { normalizeFilter, searchKey, asciiLower, type CustomerFilter, type ListField } from '../../../shared/filters/index.ts';
import type { Db } from '../data/db.ts';
import { METRICS_VERSION } from '../analytics/analytics-ops.ts';

/** A dictionary-coded text column: codes[i] indexes dict, -1 = NULL. */
export interface Coded {
  codes: Int32Array;
  dict: string[];
}

export interface ViewModel {
  /** Changes with every rebuild (for caches derived from the model). */
  build: number;
  size: number;
  id: Int32Array;
  rowOf: Map<number, number>;
  code: string[];
  name: string[];
  /** asciiLower(name), asciiLower(code): what quick search compares with. */
  nameKey: string[];
  codeKey: string[];
  salesRegion: Coded;
  province: Coded;
  city: Coded;
  accountManager: Coded;
  customerType: Coded;
  segment8: Coded;
  segment11: Coded;
  /** JSON { schemeId: segmentId } per row, for schemes without a column (read through `segmentColumn`). */
  segmentsJson: string[];
  /** Coded segment columns of the other (user-defined) schemes, built from segmentsJson on first use. */
  schemeColumns: Map<string, Coded> | null;
  grade: Coded;
  /** Lifecycle stage; customers without scores count as 'prospect'. */
  lifecycle: Coded;
  /** NaN = NULL. */
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  /** Scores; 0 = NULL. */
  r: Int8Array;
  f: Int8Array;
  m: Int8Array;
  churnRisk: Float64Array;
  revenue: Float64Array;
  amount12m: Float64Array;
  amountPrev12m: Float64Array;
  overdue: Float64Array;
  won: Int32Array;
  lost: Int32Array;
  /** Tags of row i: tagCodes[tagStart[i] .. tagStart[i + 1]) into tagDict. */
  tagStart: Int32Array;
  tagCodes: Int32Array;
  tagDict: string[];
  /** Product lines of non-cancelled orders, same layout; read through `productLines` (built on first use). */
  lines: { start: Int32Array; codes: Int32Array; dict: string[] } | null;
}

let current: { db: Db; key: string; model: ViewModel } | null = null;
let builds = 0;
let revision = 0;

/** Forces a rebuild on the next call (after changing customers' regions in place). */
export function invalidateViewModel(): void {
  revision += 1;
}

function stateKey(db: Db): string {
  // Cheap (index ends only): a new scoring run follows every change of records or definitions.
  const row = db.get<Record<string, unknown>>(
    `SELECT (SELECT max(id) FROM scoring_runs) AS run, (SELECT max(rowid) FROM customers) AS maxId,
            (SELECT count(*) FROM customers) AS n, (SELECT max(rowid) FROM customer_scores) AS scored,
            (SELECT hex(data) FROM customer_metrics WHERE key = 'meta') AS meta`,
  );
  return `${revision}:${JSON.stringify(row ?? {})}`;
}

class Coder {
  readonly dict: string[] = [];
  private readonly index = new Map<string, number>();
  code(value: unknown): number {
    if (typeof value !== 'string') return -1;
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(value);
      this.index.set(value, c);
    }
    return c;
  }
}

function coded(values: readonly unknown[][], column: number, fallback?: string): Coded {
  const coder = new Coder();
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]![column];
    codes[i] = coder.code(typeof v === 'string' ? v : (fallback ?? null));
  }
  return { codes, dict: coder.dict };
}

const numOr = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Per-row code lists from (customer id, text) pairs. */
function lists(size: number, rowOf: Map<number, number>, pairs: unknown[][]): { start: Int32Array; codes: Int32Array; dict: string[] } {
  const coder = new Coder();
  const count = new Int32Array(size + 1);
  const rows = new Int32Array(pairs.length);
  const values = new Int32Array(pairs.length);
  let kept = 0;
  for (const pair of pairs) {
    const row = rowOf.get(Number(pair[0]));
    if (row === undefined || typeof pair[1] !== 'string') continue;
    rows[kept] = row;
    values[kept] = coder.code(pair[1]);
    count[row + 1]! += 1;
    kept++;
  }
  for (let i = 0; i < size; i++) count[i + 1]! += count[i]!;
  const start = count.slice();
  const fill = count.slice(0, size);
  const codes = new Int32Array(kept);
  for (let k = 0; k < kept; k++) {
    const row = rows[k]!;
    codes[fill[row]!] = values[k]!;
    fill[row]! += 1;
  }
  return { start, codes, dict: coder.dict };
}

const UPPER = /[A-Z]/;

const METRIC_COLUMNS = ['totalAmount', 'amount12m', 'amountPrev12m', 'overdueAmount', 'wonOpportunities', 'lostOpportunities'] as const;

/**
 * Just the six stored metric columns the views show (the analytics' metric table, written by
 * each scoring run): read as raw blobs, without decoding the rest of the table (text and list
 * columns are JSON and cost seconds at 100,000 customers). Null when none is stored or it was
 * made by another metrics version.
 */
function storedMetrics(db: Db): { ids: Int32Array; columns: Record<(typeof METRIC_COLUMNS)[number], Float64Array> } | null {
  const rows = db.all<{ key: string; data: Uint8Array }>(
    `SELECT key, data FROM customer_metrics WHERE key IN ('meta', 'ids', ${METRIC_COLUMNS.map((k) => `'col:${k}'`).join(', ')})`,
  );
  const byKey = new Map(rows.map((r) => [r.key, r.data]));
  const metaBytes = byKey.get('meta');
  const idBytes = byKey.get('ids');
  if (!metaBytes || !idBytes) return null;
  const meta = JSON.parse(new TextDecoder().decode(metaBytes)) as { version?: number; size?: number };
  const size = meta.size ?? -1;
  if (meta.version !== METRICS_VERSION || idBytes.byteLength !== size * 4) return null;
  const columns = {} as Record<(typeof METRIC_COLUMNS)[number], Float64Array>;
  for (const key of METRIC_COLUMNS) {
    const bytes = byKey.get(`col:${key}`);
    if (!bytes || bytes.byteLength !== size * 8) return null;
    columns[key] = new Float64Array(bytes.slice().buffer);
  }
  return { ids: new Int32Array(idBytes.slice().buffer), columns };
}

function build(db: Db): ViewModel {
  const table = db.table(
    `SELECT c.id, c.code, c.name, c.type, c.sales_region, c.province, c.city, c.account_manager,
            s.recency_days, s.frequency, s.monetary, s.r_score, s.f_score, s.m_score,
            s.segment_8, s.segment_11, s.segments, s.grade, s.lifecycle, s.churn_risk
     FROM customers AS c LEFT JOIN customer_scores AS s ON s.customer_id = c.id ORDER BY c.id`,
  );
  const v = table.values;
  const size = v.length;
  const id = new Int32Array(size);
  const rowOf = new Map<number, number>();
  const code: string[] = new Array<string>(size);
  const name: string[] = new Array<string>(size);
  const nameKey: string[] = new Array<string>(size);
  const codeKey: string[] = new Array<string>(size);
  const segmentsJson: string[] = new Array<string>(size);
  const recencyDays = new Float64Array(size);
  const frequency = new Float64Array(size);
  const monetary = new Float64Array(size);
  const r = new Int8Array(size);
  const f = new Int8Array(size);
  const m = new Int8Array(size);
  const churnRisk = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const row = v[i]!;
    id[i] = Number(row[0]);
    rowOf.set(id[i]!, i);
    code[i] = typeof row[1] === 'string' ? row[1] : '';
    name[i] = typeof row[2] === 'string' ? row[2] : '';
    nameKey[i] = UPPER.test(name[i]!) ? asciiLower(name[i]!) : name[i]!;
    codeKey[i] = UPPER.test(code[i]!) ? asciiLower(code[i]!) : code[i]!;
    recencyDays[i] = numOr(row[8], NaN);
    frequency[i] = numOr(row[9], NaN);
    monetary[i] = numOr(row[10], NaN);
    r[i] = numOr(row[11], 0);
    f[i] = numOr(row[12], 0);
    m[i] = numOr(row[13], 0);
    segmentsJson[i] = typeof row[16] === 'string' ? row[16] : '{}';
    churnRisk[i] = numOr(row[19], 0);
  }
  const revenue = new Float64Array(size);
  const amount12m = new Float64Array(size);
  const amountPrev12m = new Float64Array(size);
  const overdue = new Float64Array(size);
  const won = new Int32Array(size);
  const lost = new Int32Array(size);
  const stored = storedMetrics(db);
  if (stored) {
    const c = stored.columns;
    for (let k = 0; k < stored.ids.length; k++) {
      const i = rowOf.get(stored.ids[k] ?? -1);
      if (i === undefined) continue;
      revenue[i] = numOr(c.totalAmount[k], 0);
      amount12m[i] = numOr(c.amount12m[k], 0);
      amountPrev12m[i] = numOr(c.amountPrev12m[k], 0);
      overdue[i] = numOr(c.overdueAmount[k], 0);
      won[i] = numOr(c.wonOpportunities[k], 0);
      lost[i] = numOr(c.lostOpportunities[k], 0);
    }
  } else {
    // No stored metrics (a transient scoring): revenue straight from the orders, the rest 0.
    for (const [cid, total] of db.table(
      "SELECT customer_id, total(amount) FROM orders WHERE status IS NULL OR status <> 'cancelled' GROUP BY customer_id",
    ).values) {
      const i = rowOf.get(Number(cid));
      if (i !== undefined) revenue[i] = numOr(total, 0);
    }
  }
  const tags = lists(size, rowOf, db.table('SELECT customer_id, tag_id FROM customer_tags').values);
  builds += 1;
  return {
    build: builds,
    size,
    id,
    rowOf,
    code,
    name,
    nameKey,
    codeKey,
    customerType: coded(v, 3),
    salesRegion: coded(v, 4),
    province: coded(v, 5),
    city: coded(v, 6),
    accountManager: coded(v, 7),
    segment8: coded(v, 14),
    segment11: coded(v, 15),
    segmentsJson,
    schemeColumns: null,
    grade: coded(v, 17),
    lifecycle: coded(v, 18, 'prospect'),
    recencyDays,
    frequency,
    monetary,
    r,
    f,
    m,
    churnRisk,
    revenue,
    amount12m,
    amountPrev12m,
    overdue,
    won,
    lost,
    tagStart: tags.start,
    tagCodes: tags.codes,
    tagDict: tags.dict,
    lines: null,
  };
}

/**
 * Product lines per customer: one pass over the orders (about 1 s at a million orders), so it
 * runs once per build — right after the build when the worker is idle, or on first use.
 */
export function productLines(db: Db, model: ViewModel): NonNullable<ViewModel['lines']> {
  model.lines ??= lists(
    model.size,
    model.rowOf,
    db.table(
      "SELECT DISTINCT customer_id, product_line FROM orders WHERE product_line IS NOT NULL AND (status IS NULL OR status <> 'cancelled')",
    ).values,
  );
  return model.lines;
}

/**
 * The coded segment column of any scheme: the stored columns for the two shipped schemes, else
 * one built from the per-customer JSON. The first call parses every row's JSON once and codes
 * every scheme found there (a page switching between user schemes then pays nothing); the
 * columns live and die with the model, which is rebuilt after every scoring run — and saving or
 * deleting a scheme is one. A scheme no customer has (not scored yet, or unknown) gets an
 * all-NULL column.
 */
export function segmentColumn(model: ViewModel, scheme: string): Coded {
  if (scheme === 'rfm8') return model.segment8;
  if (scheme === 'rfm11') return model.segment11;
  if (model.schemeColumns === null) {
    const coders = new Map<string, { coder: Coder; codes: Int32Array }>();
    for (let i = 0; i < model.size; i++) {
      const json = model.segmentsJson[i]!;
      if (json === '{}') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch {
        continue;
      }
      if (typeof parsed !== 'object' || parsed === null) continue;
      for (const [id, segment] of Object.entries(parsed as Record<string, unknown>)) {
        if (typeof segment !== 'string' || id === 'rfm8' || id === 'rfm11') continue;
        let column = coders.get(id);
        if (!column) {
          column = { coder: new Coder(), codes: new Int32Array(model.size).fill(-1) };
          coders.set(id, column);
        }
        column.codes[i] = column.coder.code(segment);
      }
    }
    model.schemeColumns = new Map([...coders].map(([id, c]) => [id, { codes: c.codes, dict: c.coder.dict }]));
  }
  let column = model.schemeColumns.get(scheme);
  if (!column) {
    column = { codes: new Int32Array(model.size).fill(-1), dict: [] };
    model.schemeColumns.set(scheme, column);
  }
  return column;
}

/** The model of the workspace's current state, rebuilt when that state changed. */
export function viewModel(db: Db): ViewModel {
  const key = stateKey(db);
  if (current?.db !== db || current.key !== key) {
    const model = build(db);
    const state = { db, key, model };
    current = state;
    // Idle prefetch of the product lines, unless another build or workspace came first.
    setTimeout(() => {
      if (current !== state) return;
      try {
        productLines(db, model);
      } catch {
        // The workspace was closed meanwhile: the next use builds them.
      }
    }, 30);
  }
  return current.model;
}

// ───────────────────────────── filtering ─────────────────────────────

const CODED_FIELDS: Readonly<Record<Exclude<ListField, 'productLines'>, keyof ViewModel>> = {
  salesRegions: 'salesRegion',
  provinces: 'province',
  cities: 'city',
  accountManagers: 'accountManager',
  customerTypes: 'customerType',
  grades: 'grade',
  lifecycles: 'lifecycle',
};

/** Which dictionary codes are among `values` (a NULL value never is). */
function allowed(col: Coded, values: readonly string[]): Uint8Array {
  const ok = new Uint8Array(col.dict.length);
  const wanted = new Set(values);
  col.dict.forEach((v, c) => {
    if (wanted.has(v)) ok[c] = 1;
  });
  return ok;
}

function keepCoded(mask: Uint8Array, col: Coded, values: readonly string[]): void {
  const ok = allowed(col, values);
  const codes = col.codes;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && (codes[i]! < 0 || ok[codes[i]!] !== 1)) mask[i] = 0;
}

function keepListAny(mask: Uint8Array, start: Int32Array, codes: Int32Array, ok: Uint8Array): void {
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] !== 1) continue;
    let hit = false;
    for (let k = start[i]!; k < start[i + 1]! && !hit; k++) hit = ok[codes[k]!] === 1;
    if (!hit) mask[i] = 0;
  }
}

function codesOf(dict: readonly string[], values: readonly string[]): Uint8Array {
  const ok = new Uint8Array(dict.length);
  const wanted = new Set(values);
  dict.forEach((v, c) => {
    if (wanted.has(v)) ok[c] = 1;
  });
  return ok;
}

/** 1 for every row the filter keeps; null when it keeps every row. */
export function filterMask(db: Db, model: ViewModel, filter: CustomerFilter): Uint8Array | null {
  const f = normalizeFilter(filter);
  const mask = new Uint8Array(model.size).fill(1);
  let any = false;
  for (const [field, column] of Object.entries(CODED_FIELDS) as [Exclude<ListField, 'productLines'>, keyof ViewModel][]) {
    if (f[field].length === 0) continue;
    keepCoded(mask, model[column] as Coded, f[field]);
    any = true;
  }
  if (f.segment) {
    any = true;
    keepCoded(mask, segmentColumn(model, f.segment.scheme), f.segment.values);
  }
  if (f.productLines.length > 0) {
    any = true;
    const lines = productLines(db, model);
    keepListAny(mask, lines.start, lines.codes, codesOf(lines.dict, f.productLines));
  }
  if (f.tags.ids.length > 0) {
    any = true;
    const ok = codesOf(model.tagDict, f.tags.ids);
    if (f.tags.mode === 'any') keepListAny(mask, model.tagStart, model.tagCodes, ok);
    else {
      const need = f.tags.ids.length;
      const seen = new Set<number>();
      for (let i = 0; i < mask.length; i++) {
        if (mask[i] !== 1) continue;
        seen.clear();
        for (let k = model.tagStart[i]!; k < model.tagStart[i + 1]!; k++) if (ok[model.tagCodes[k]!] === 1) seen.add(model.tagCodes[k]!);
        if (seen.size !== need) mask[i] = 0;
      }
    }
  }
  if (f.search !== '') {
    any = true;
    const needle = searchKey(f.search);
    for (let i = 0; i < mask.length; i++) {
      if (mask[i] === 1 && !model.nameKey[i]!.includes(needle) && !model.codeKey[i]!.includes(needle)) mask[i] = 0;
    }
  }
  return any ? mask : null;
}

/** Tag ids of row i. */
export function rowTags(model: ViewModel, i: number): string[] {
  const out: string[] = [];
  for (let k = model.tagStart[i]!; k < model.tagStart[i + 1]!; k++) out.push(model.tagDict[model.tagCodes[k]!]!);
  return out;
}

export function textAt(col: Coded, i: number): string | null {
  const c = col.codes[i]!;
  return c < 0 ? null : (col.dict[c] ?? null);
}
