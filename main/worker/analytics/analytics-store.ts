/**
 * The analytics tables (migration 003): every SQL statement of the analytics feature lives
 * here. Definitions (settings, tags, grades, schemes) are JSON; the metric table is columnar
 * (one blob per column); scores and tag memberships are plain rows other features can join.
 */
import type {
  AnalysisInput,
  AnalysisSettings,
  ChurnSignal,
  GradeRule,
  MetricKey,
  MetricTable,
  Playbook,
  ScoringResult,
  SegmentScheme,
  TagDefinition,
} from '../../../shared/analytics/index.ts';
import { DATE_METRIC_KEYS, LIST_KEYS, NUMERIC_METRIC_KEYS, TEXT_KEYS } from '../../../shared/analytics/index.ts';
import type { ScoringRunInfo } from '../../../shared/analytics/api.ts';
import type { Db, Param } from '../data/db.ts';
import { DEFAULT_SEGMENT_COLUMNS } from '../data/filter-sql.ts';
import { parseJsonColumn } from '../data/json-column.ts';

const now = (): string => new Date().toISOString();

// ───────────────────────────── records → engine input ─────────────────────────────

/** Every record the engine reads, as plain rows (one query per kind). */
export function loadAnalysisInput(db: Db, today: string): AnalysisInput {
  return {
    customers: db.all(
      `SELECT id, code, name, type, industry, province, city, account_manager AS accountManager,
              sales_region AS salesRegion, created_date AS createdDate FROM customers ORDER BY id`,
    ),
    orders: db.all(
      `SELECT customer_id AS customerId, source_id AS sourceId, order_date AS orderDate,
              product_line AS productLine, quantity, amount, status FROM orders`,
    ),
    payments: db.all(
      `SELECT customer_id AS customerId, contract_id AS contractId, due_date AS dueDate, amount_due AS amountDue,
              paid_date AS paidDate, amount_paid AS amountPaid FROM payments`,
    ),
    opportunities: db.all(
      `SELECT customer_id AS customerId, created_date AS createdDate, stage, expected_amount AS expectedAmount,
              result, close_date AS closeDate, channel, account_manager AS accountManager,
              product_line AS productLine FROM opportunities`,
    ),
    tickets: db.all(
      `SELECT customer_id AS customerId, opened_date AS openedDate, closed_date AS closedDate, type, satisfaction
       FROM tickets`,
    ),
    surveys: db.all('SELECT customer_id AS customerId, survey_date AS surveyDate, score FROM surveys'),
    equipment: db.all(
      `SELECT customer_id AS customerId, purchase_date AS purchaseDate, working_hours_30d AS workingHours30d,
              last_online AS lastOnline, product_line AS productLine FROM equipment`,
    ),
    today,
  };
}

/**
 * A cheap fingerprint of the records: counts, largest ids and amount sums per table. Stored
 * with the metrics, so opening a workspace recomputes them only when the records changed
 * behind our back (an older file, another version).
 */
export function recordFingerprint(db: Db): string {
  const row = db.get<Record<string, number | null>>(
    `SELECT (SELECT count(*) FROM customers) AS c, (SELECT max(id) FROM customers) AS ci,
            (SELECT count(*) FROM orders) AS o, (SELECT max(id) FROM orders) AS oi, (SELECT total(amount) FROM orders) AS oa,
            (SELECT max(order_date) FROM orders) AS od,
            (SELECT count(*) FROM payments) AS p, (SELECT max(id) FROM payments) AS pi, (SELECT total(amount_paid) FROM payments) AS pa,
            (SELECT count(*) FROM opportunities) AS op, (SELECT max(id) FROM opportunities) AS opi,
            (SELECT count(*) FROM tickets) AS t, (SELECT max(id) FROM tickets) AS ti,
            (SELECT count(*) FROM surveys) AS s, (SELECT max(id) FROM surveys) AS si,
            (SELECT count(*) FROM equipment) AS e, (SELECT max(id) FROM equipment) AS ei`,
  );
  return JSON.stringify(row ?? {});
}

export function latestOrderDate(db: Db): string | null {
  const v = db.value("SELECT max(order_date) FROM orders WHERE status IS NULL OR status <> 'cancelled'");
  return typeof v === 'string' ? v : null;
}

// ───────────────────────────── definitions ─────────────────────────────

export function readSettings(db: Db): Partial<AnalysisSettings> | null {
  const v = db.value('SELECT settings FROM analysis_settings WHERE id = 1');
  return typeof v === 'string' ? (JSON.parse(v) as Partial<AnalysisSettings>) : null;
}

export function writeSettings(db: Db, settings: AnalysisSettings): void {
  db.run(
    `INSERT INTO analysis_settings (id, settings, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
    [JSON.stringify(settings), now()],
  );
}

export function readTags(db: Db): TagDefinition[] | null {
  const rows = db.all<{ definition: string }>('SELECT definition FROM tag_definitions ORDER BY position, id');
  return rows.length === 0 ? null : rows.map((r) => JSON.parse(r.definition) as TagDefinition);
}

export function writeTags(db: Db, tags: readonly TagDefinition[]): void {
  db.transaction(() => {
    db.run('DELETE FROM tag_definitions');
    const at = now();
    db.withStatement('INSERT INTO tag_definitions (id, position, definition, updated_at) VALUES (?, ?, ?, ?)', (run) => {
      tags.forEach((tag, i) => run([tag.id, i, JSON.stringify(tag), at]));
    });
  });
}

export interface StoredGrades {
  rules: GradeRule[];
  complaintPlaybook: Playbook;
}

export function readGrades(db: Db): StoredGrades | null {
  const v = db.value('SELECT rules FROM grade_rules WHERE id = 1');
  return typeof v === 'string' ? (JSON.parse(v) as StoredGrades) : null;
}

export function writeGrades(db: Db, grades: StoredGrades): void {
  db.run(
    `INSERT INTO grade_rules (id, rules, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at`,
    [JSON.stringify(grades), now()],
  );
}

export function readSchemes(db: Db): SegmentScheme[] | null {
  const rows = db.all<{ scheme: string }>('SELECT scheme FROM segment_schemes ORDER BY position, id');
  return rows.length === 0 ? null : rows.map((r) => JSON.parse(r.scheme) as SegmentScheme);
}

export function writeSchemes(db: Db, schemes: readonly SegmentScheme[]): void {
  db.transaction(() => {
    db.run('DELETE FROM segment_schemes');
    const at = now();
    db.withStatement('INSERT INTO segment_schemes (id, position, scheme, updated_at) VALUES (?, ?, ?, ?)', (run) => {
      schemes.forEach((scheme, i) => run([scheme.id, i, JSON.stringify(scheme), at]));
    });
  });
}

// ───────────────────────────── metric table (columnar) ─────────────────────────────

interface MetricMeta {
  version: number;
  size: number;
  analysisDate: string;
  analysisDay: number;
  settings: AnalysisSettings;
  fingerprint: string;
}

const bytesOf = (array: Float64Array | Int32Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function saveMetricTable(db: Db, table: MetricTable, fingerprint: string, version: number): void {
  const meta: MetricMeta = {
    version,
    size: table.size,
    analysisDate: table.analysisDate,
    analysisDay: table.analysisDay,
    settings: table.settings,
    fingerprint,
  };
  db.transaction(() => {
    db.run('DELETE FROM customer_metrics');
    db.withStatement('INSERT INTO customer_metrics (key, kind, data) VALUES (?, ?, ?)', (run) => {
      run(['meta', 'json', utf8.encode(JSON.stringify(meta))]);
      run(['ids', 'i32', bytesOf(table.customerIds)]);
      for (const key of [...NUMERIC_METRIC_KEYS, ...DATE_METRIC_KEYS]) run([`col:${key}`, 'f64', bytesOf(table.columns[key])]);
      for (const key of TEXT_KEYS) run([`text:${key}`, 'json', utf8.encode(JSON.stringify(table.text[key]))]);
      for (const key of LIST_KEYS) run([`list:${key}`, 'json', utf8.encode(JSON.stringify(table.lists[key]))]);
    });
  });
}

/** The stored metric table, or null when none is stored or it was made by another version. */
export function loadMetricTable(db: Db, version: number): { table: MetricTable; fingerprint: string } | null {
  const rows = db.all<{ key: string; data: Uint8Array }>('SELECT key, data FROM customer_metrics');
  if (rows.length === 0) return null;
  const byKey = new Map(rows.map((r) => [r.key, r.data]));
  const metaBytes = byKey.get('meta');
  if (!metaBytes) return null;
  const meta = JSON.parse(fromUtf8.decode(metaBytes)) as MetricMeta;
  if (meta.version !== version) return null;
  const f64 = (key: string): Float64Array | null => {
    const b = byKey.get(key);
    return b && b.byteLength === meta.size * 8 ? new Float64Array(b.slice().buffer) : null;
  };
  const json = <T,>(key: string): T | null => {
    const b = byKey.get(key);
    return b ? (JSON.parse(fromUtf8.decode(b)) as T) : null;
  };
  const idBytes = byKey.get('ids');
  if (!idBytes || idBytes.byteLength !== meta.size * 4) return null;
  const customerIds = new Int32Array(idBytes.slice().buffer);
  const columns = {} as Record<MetricKey, Float64Array>;
  for (const key of [...NUMERIC_METRIC_KEYS, ...DATE_METRIC_KEYS]) {
    const col = f64(`col:${key}`);
    if (!col) return null;
    columns[key] = col;
  }
  const text = {} as MetricTable['text'];
  for (const key of TEXT_KEYS) {
    const values = json<(string | null)[]>(`text:${key}`);
    if (!values) return null;
    text[key] = values;
  }
  const lists = {} as MetricTable['lists'];
  for (const key of LIST_KEYS) {
    const values = json<string[][]>(`list:${key}`);
    if (!values) return null;
    lists[key] = values;
  }
  const indexOf = new Map<number, number>();
  customerIds.forEach((id, i) => indexOf.set(id, i));
  return {
    table: {
      size: meta.size,
      customerIds,
      indexOf,
      analysisDate: meta.analysisDate,
      analysisDay: meta.analysisDay,
      settings: meta.settings,
      columns,
      text,
      lists,
    },
    fingerprint: meta.fingerprint,
  };
}

// ───────────────────────────── results ─────────────────────────────

const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

/** An SQL string literal for a value we produced ourselves (ids, names); NUL is refused. */
function quote(value: string): string {
  if (value.includes('\0')) throw new TypeError('NUL character in a value');
  return `'${value.replace(/'/g, "''")}'`;
}

/** A column of few distinct strings, stored per row as a small code (0 = NULL). */
class Dictionary {
  readonly codes: Uint16Array;
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  constructor(size: number) {
    this.codes = new Uint16Array(size);
  }
  set(i: number, value: string | null | undefined): void {
    if (value === null || value === undefined) return;
    let code = this.index.get(value);
    if (code === undefined) {
      if (this.values.length >= 0xfffe) throw new RangeError('too many distinct values for a coded column');
      this.values.push(value);
      code = this.values.length;
      this.index.set(value, code);
    }
    this.codes[i] = code;
  }
  get bits(): number {
    return Math.max(1, Math.ceil(Math.log2(this.values.length + 1)));
  }
}

/** A field packed into one of the integer words bound per row. */
interface PackedField {
  word: number;
  shift: number;
  bits: number;
  codes: Uint8Array | Uint16Array;
}

/** Assigns fields to 30-bit words (bound as plain integers). */
function packFields(fields: { bits: number; codes: Uint8Array | Uint16Array }[]): { packed: PackedField[]; words: number } {
  const packed: PackedField[] = [];
  let word = 0;
  let shift = 0;
  for (const field of fields) {
    if (shift + field.bits > 30) {
      word += 1;
      shift = 0;
    }
    packed.push({ word, shift, bits: field.bits, codes: field.codes });
    shift += field.bits;
  }
  return { packed, words: word + 1 };
}

const SCORE_COLUMNS = [
  'customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment_8', 'segment_11', 'segments',
  'grade', 'grade_rule', 'lifecycle', 'churn_risk', 'churn_reasons',
] as const;

const SCORE_CHUNK = 128;

/**
 * Every scheme's segment of a stored score row. The shipped schemes have their own columns
 * (segment_8, segment_11) and are not repeated in the `segments` JSON, which holds the user's
 * schemes only (building that JSON for every row was a tenth of writing the scores back).
 */
export function storedSegments(row: { segment_8: string | null; segment_11: string | null; segments: string | null }): Record<string, string | null> {
  const segments = parseJsonColumn<Record<string, string | null>>(row.segments, {});
  if (row.segment_8 !== null) segments['rfm8'] = row.segment_8;
  if (row.segment_11 !== null) segments['rfm11'] = row.segment_11;
  return segments;
}

/**
 * The stored churn reasons: the codes, strongest first (ties in the order found). That is all
 * that is read back (the reports list them; a dossier explains the customer afresh, with texts
 * and strengths), and the few distinct lists code like any other text column — no string is
 * bound per row. JSON of fixed identifiers, so no escaping.
 */
function reasonCodesJson(reasons: readonly ChurnSignal[]): string {
  if (reasons.length === 1) return `["${reasons[0]!.code}"]`;
  const ordered = [...reasons].sort((a, b) => b.strength - a.strength);
  return `[${ordered.map((r) => `"${r.code}"`).join(',')}]`;
}

/**
 * Churn reason codes of a stored score row, strongest first. Rows written before reasons were
 * stored as codes hold {code, strength} objects: ordered here the same way.
 */
export function storedChurnReasons(json: string | null): string[] {
  const stored = parseJsonColumn<unknown[]>(json, []);
  if (!Array.isArray(stored)) return [];
  if (stored.every((r): r is string => typeof r === 'string')) return stored;
  return (stored as { code?: unknown; strength?: unknown }[])
    .filter((r) => typeof r?.code === 'string')
    .sort((a, b) => Number(b.strength ?? 0) - Number(a.strength ?? 0))
    .map((r) => r.code as string);
}

/**
 * Replaces customer_scores with a scoring result.
 *
 * Written for speed in sql.js, where every bound value is a call into WASM and every string an
 * allocation plus a UTF-8 copy: per row only numbers are bound, 6–7 of them (id, three metrics,
 * churn risk, and one or two integers packing the R/F/M scores and dictionary codes of
 * segments, grade, grade rule, lifecycle and churn reasons). The statement decodes them natively
 * (shifts, masks and CASE over the few distinct strings, json_object for the segments of user
 * schemes: see storedSegments) — 128 rows per statement, prepared once per write. The table
 * has no secondary index to maintain (migration 009).
 */
export function saveScores(db: Db, table: MetricTable, result: ScoringResult, schemeIds: readonly string[]): void {
  const { rfm, grades, lifecycle, churn } = result;
  const n = table.size;
  const segmentDicts = schemeIds.map((id) => {
    const dict = new Dictionary(n);
    const values = result.segments[id];
    if (values) for (let i = 0; i < n; i++) dict.set(i, values[i]);
    return dict;
  });
  const grade = new Dictionary(n);
  const gradeRule = new Dictionary(n);
  const stage = new Dictionary(n);
  const reasons = new Dictionary(n);
  for (let i = 0; i < n; i++) {
    grade.set(i, grades.grade[i] ?? null);
    gradeRule.set(i, String(grades.ruleIndex[i] ?? -2));
    stage.set(i, lifecycle[i] ?? 'prospect');
    const signals = churn.reasons[i];
    if (signals !== undefined && signals.length > 0) reasons.set(i, reasonCodesJson(signals));
  }
  // R/F/M scores are 1..5 (0 = unscored); segment_8 / segment_11 come from the shipped schemes.
  const scoreCodes = (scores: Uint8Array): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = rfm.scored[i] === 1 ? scores[i]! : 0;
    return out;
  };
  const fields = [
    { bits: 3, codes: scoreCodes(rfm.r) },
    { bits: 3, codes: scoreCodes(rfm.f) },
    { bits: 3, codes: scoreCodes(rfm.m) },
    ...segmentDicts,
    grade,
    gradeRule,
    stage,
    reasons,
  ];
  const { packed, words } = packFields(fields.map((f) => ({ bits: f.bits, codes: f.codes })));
  const [r, f, m, ...rest] = packed;
  const segmentFields = rest.slice(0, schemeIds.length);
  const [gradeField, ruleField, stageField, reasonsField] = rest.slice(schemeIds.length) as [PackedField, PackedField, PackedField, PackedField];

  const perRow = 5 + words; // id, recency, frequency, monetary, churn risk, words
  const rowSql = (base: number): string => {
    const p = (k: number): string => `?${base + k}`;
    const bitsOf = (field: PackedField): string => `((${p(5 + field.word)} >> ${field.shift}) & ${(1 << field.bits) - 1})`;
    const decode = (field: PackedField, values: readonly string[]): string =>
      values.length === 0 ? 'NULL' : `CASE ${bitsOf(field)} ${values.map((v, k) => `WHEN ${k + 1} THEN ${quote(v)}`).join(' ')} END`;
    const segmentOf = (schemeId: string): string => {
      const k = schemeIds.indexOf(schemeId);
      return k < 0 ? 'NULL' : decode(segmentFields[k]!, segmentDicts[k]!.values);
    };
    const inJson = schemeIds.flatMap((id, k) => (Object.hasOwn(DEFAULT_SEGMENT_COLUMNS, id) ? [] : [k]));
    const segmentsJson =
      inJson.length === 0
        ? `'{}'`
        : `json_object(${inJson.map((k) => `${quote(schemeIds[k]!)}, ${decode(segmentFields[k]!, segmentDicts[k]!.values)}`).join(', ')})`;
    return `(${[
      p(0), p(1), p(2), p(3),
      `NULLIF(${bitsOf(r!)}, 0)`, `NULLIF(${bitsOf(f!)}, 0)`, `NULLIF(${bitsOf(m!)}, 0)`,
      segmentOf('rfm8'), segmentOf('rfm11'), segmentsJson,
      decode(gradeField, grade.values), decode(ruleField, gradeRule.values), decode(stageField, stage.values),
      p(4), `COALESCE(${decode(reasonsField, reasons.values)}, '[]')`,
    ].join(',')})`;
  };
  const statementFor = (rows: number): string =>
    `INSERT INTO customer_scores (${SCORE_COLUMNS.join(',')}) VALUES ${Array.from({ length: rows }, (_, k) => rowSql(1 + k * perRow)).join(',')}`;

  db.run('DELETE FROM customer_scores');
  const params: Param[] = new Array<Param>(SCORE_CHUNK * perRow);
  const fill = (start: number, rows: number): Param[] => {
    const out = rows === SCORE_CHUNK ? params : new Array<Param>(rows * perRow);
    for (let k = 0; k < rows; k++) {
      const i = start + k;
      const at = k * perRow;
      out[at] = table.customerIds[i]!;
      out[at + 1] = orNull(table.columns.recencyDays[i]);
      out[at + 2] = orNull(table.columns.frequency[i]);
      out[at + 3] = orNull(table.columns.monetary[i]);
      out[at + 4] = Math.round((churn.risk[i] ?? 0) * 10) / 10;
      for (let w = 0; w < words; w++) out[at + 5 + w] = 0;
      for (const field of packed) out[at + 5 + field.word] = (out[at + 5 + field.word] as number) | (field.codes[i]! << field.shift);
    }
    return out;
  };
  const full = Math.floor(n / SCORE_CHUNK) * SCORE_CHUNK;
  if (full > 0) {
    db.withStatement(statementFor(SCORE_CHUNK), (run) => {
      for (let start = 0; start < full; start += SCORE_CHUNK) run(fill(start, SCORE_CHUNK));
    });
  }
  if (full < n) db.run(statementFor(n - full), fill(full, n - full));
}

/**
 * Applies tag membership changes per tag (customer ids entered / left) and drops tags no longer
 * evaluated: one statement per tag and direction, the ids passed as one JSON array.
 */
export function applyTagChanges(
  db: Db,
  inserts: ReadonlyMap<string, readonly number[]>,
  deletes: ReadonlyMap<string, readonly number[]>,
  droppedTags: readonly string[],
): void {
  for (const tagId of droppedTags) db.run('DELETE FROM customer_tags WHERE tag_id = ?', [tagId]);
  for (const [tagId, ids] of deletes) {
    db.run('DELETE FROM customer_tags WHERE tag_id = ? AND customer_id IN (SELECT value FROM json_each(?))', [tagId, JSON.stringify(ids)]);
  }
  for (const [tagId, ids] of inserts) {
    db.run('INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) SELECT value, ? FROM json_each(?)', [tagId, JSON.stringify(ids)]);
  }
}

/** The stored tag members per tag (customer ids), for "entered / left" after reopening. */
export function readTagMembers(db: Db): Map<string, Set<number>> {
  const members = new Map<string, Set<number>>();
  for (const row of db.all<{ customer_id: number; tag_id: string }>('SELECT customer_id, tag_id FROM customer_tags')) {
    let set = members.get(row.tag_id);
    if (!set) members.set(row.tag_id, (set = new Set()));
    set.add(row.customer_id);
  }
  return members;
}

export function insertRun(db: Db, run: Omit<ScoringRunInfo, 'id'>): number {
  db.run(
    `INSERT INTO scoring_runs (at, reason, settings, customers, scored, tag_counts, tag_changes, duration_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      run.at,
      run.reason,
      JSON.stringify(run.settings),
      run.customers,
      run.scored,
      JSON.stringify(run.tagCounts),
      JSON.stringify(run.tagChanges),
      Math.round(run.durationMs * 10) / 10,
    ],
  );
  // Keep the history bounded: the latest 200 runs are plenty for trends.
  db.run('DELETE FROM scoring_runs WHERE id NOT IN (SELECT id FROM scoring_runs ORDER BY id DESC LIMIT 200)');
  return Number(db.value('SELECT max(id) FROM scoring_runs'));
}

/**
 * The change log of a run: who entered / left each tag, one row per tag and direction with
 * the customer ids as JSON (reports count them within a filter). Only the latest run's log is
 * kept; tag_change_runs says the log of that run is complete. `changes` null = nothing to
 * compare with (the first run).
 */
export function recordTagChanges(
  db: Db,
  runId: number,
  changes: { inserts: ReadonlyMap<string, readonly number[]>; deletes: ReadonlyMap<string, readonly number[]> } | null,
): void {
  db.run('DELETE FROM tag_change_sets WHERE run_id < ?', [runId]);
  db.run('DELETE FROM tag_change_runs WHERE run_id < ?', [runId]);
  if (changes) {
    const rows: Param[][] = [];
    for (const [tagId, ids] of changes.inserts) rows.push([runId, tagId, 1, JSON.stringify(ids)]);
    for (const [tagId, ids] of changes.deletes) rows.push([runId, tagId, -1, JSON.stringify(ids)]);
    db.insertRows('tag_change_sets', ['run_id', 'tag_id', 'change', 'customer_ids'], rows);
  }
  db.run('INSERT OR REPLACE INTO tag_change_runs (run_id) VALUES (?)', [runId]);
}

export function listRuns(db: Db, limit = 100): ScoringRunInfo[] {
  return db
    .all<{
      id: number;
      at: string;
      reason: string;
      settings: string;
      customers: number;
      scored: number;
      tag_counts: string;
      tag_changes: string;
      duration_ms: number;
    }>('SELECT * FROM scoring_runs ORDER BY id DESC LIMIT ?', [limit])
    .map((r) => ({
      id: r.id,
      at: r.at,
      reason: r.reason,
      settings: JSON.parse(r.settings) as AnalysisSettings,
      customers: r.customers,
      scored: r.scored,
      tagCounts: JSON.parse(r.tag_counts) as Record<string, number>,
      tagChanges: JSON.parse(r.tag_changes) as Record<string, { entered: number; left: number }>,
      durationMs: r.duration_ms,
    }));
}

export function customerHeader(db: Db, customerId: number): { code: string; name: string } | undefined {
  return db.get<{ code: string; name: string }>('SELECT code, name FROM customers WHERE id = ?', [customerId]);
}
