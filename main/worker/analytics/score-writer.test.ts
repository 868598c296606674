/**
 * Writing a scoring result back (packed, dictionary-coded statements): every stored value is
 * what the result says, tag members follow each change exactly (entered / left), and the run
 * records the same counts — over a real sql.js workspace with the demo data.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/index.ts';
import {
  COMPLAINT_PLAYBOOK,
  DEFAULT_GRADES,
  DEFAULT_SCHEMES,
  DEFAULT_SETTINGS,
  DEFAULT_TAG_LIBRARY,
  computeMetrics,
} from '../../../shared/analytics/index.ts';
import type { AnalysisSettings, MetricTable, ScoringResult, SegmentScheme } from '../../../shared/analytics/index.ts';
import { emptyFilter } from '../../../shared/filters/index.ts';
import { Db } from '../data/db.ts';
import { filterToSql } from '../data/filter-sql.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import type { JobContext } from '../job-context.ts';
import { createAnalyticsEngine } from './analytics-engine.ts';
import type { Definitions } from './analytics-engine.ts';
import { applyTagChanges, listRuns, loadAnalysisInput, loadMetricTable, saveMetricTable, storedChurnReasons, storedSegments } from './analytics-store.ts';
import { writeScoring } from './score-writer.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

// 1,000 customers: more than several 128-row statements plus a remainder statement.
async function setup(customerCount = 1000) {
  const db = await Db.open();
  initialiseWorkspace(db, 'test');
  await insertDataset(db, generateDemo({ customerCount }), ctx);
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS };
  const table = computeMetrics(loadAnalysisInput(db, '2026-11-26'), settings);
  return { db, table, settings };
}

const defs = (settings: AnalysisSettings, schemes: SegmentScheme[] = DEFAULT_SCHEMES.map((s) => ({ ...s }))): Definitions => ({
  settings,
  tags: DEFAULT_TAG_LIBRARY.map((t) => ({ ...t })),
  grades: DEFAULT_GRADES.map((g) => ({ ...g })),
  complaintPlaybook: COMPLAINT_PLAYBOOK,
  schemes,
});

function expectStoredAsResult(db: Db, table: MetricTable, result: ScoringResult, schemeIds: string[]): void {
  const rows = db.all<Record<string, string | number | null>>('SELECT * FROM customer_scores ORDER BY customer_id');
  expect(rows).toHaveLength(table.size);
  const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
  rows.forEach((row, i) => {
    const scored = result.rfm.scored[i] === 1;
    // The shipped schemes are stored in their own columns only; the JSON holds the others.
    const segments: Record<string, string | null> = {};
    for (const id of schemeIds) if (id !== 'rfm8' && id !== 'rfm11') segments[id] = result.segments[id]?.[i] ?? null;
    const reasons = result.churn.reasons[i] ?? [];
    expect(row).toEqual({
      customer_id: table.customerIds[i],
      recency_days: num(table.columns.recencyDays[i]),
      frequency: num(table.columns.frequency[i]),
      monetary: num(table.columns.monetary[i]),
      r_score: scored ? result.rfm.r[i] : null,
      f_score: scored ? result.rfm.f[i] : null,
      m_score: scored ? result.rfm.m[i] : null,
      segment_8: result.segments['rfm8']?.[i] ?? null,
      segment_11: result.segments['rfm11']?.[i] ?? null,
      segments: JSON.stringify(segments),
      grade: result.grades.grade[i] ?? null,
      grade_rule: String(result.grades.ruleIndex[i] ?? -2),
      lifecycle: result.lifecycle[i] ?? 'prospect',
      churn_risk: Math.round((result.churn.risk[i] ?? 0) * 10) / 10,
      churn_reasons: JSON.stringify([...reasons].sort((a, b) => b.strength - a.strength).map((r) => r.code)),
    });
  });
}

function storedMembers(db: Db): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of db.all<{ tag_id: string; customer_id: number }>('SELECT tag_id, customer_id FROM customer_tags ORDER BY tag_id, customer_id')) {
    const list = out.get(r.tag_id) ?? [];
    list.push(r.customer_id);
    out.set(r.tag_id, list);
  }
  return out;
}

function expectedMembers(table: MetricTable, result: ScoringResult): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const tagId of result.tags.order) {
    const flags = result.tags.flags[tagId]!;
    const ids: number[] = [];
    for (let i = 0; i < flags.length; i++) if (flags[i] === 1) ids.push(table.customerIds[i]!);
    ids.sort((a, b) => a - b);
    if (ids.length > 0) out.set(tagId, ids);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

describe('writing scores back', () => {
  it('stores every value of the result exactly, across chunk boundaries', async () => {
    const { db, table, settings } = await setup();
    const engine = createAnalyticsEngine();
    const scored = engine.score(table, defs(settings));
    const schemeIds = DEFAULT_SCHEMES.map((s) => s.id);
    writeScoring(db, { table, result: scored.result, schemeIds, previous: null, reason: 'open', settings, durationMs: 1 });
    expectStoredAsResult(db, table, scored.result, schemeIds);
    // The shipped schemes give several segments and grades: the decode is not one constant.
    expect(Number(db.value('SELECT count(DISTINCT segment_11) FROM customer_scores'))).toBeGreaterThan(5);
    expect(Number(db.value('SELECT count(DISTINCT grade) FROM customer_scores'))).toBeGreaterThanOrEqual(3);
    expect(Number(db.value("SELECT count(DISTINCT churn_reasons) FROM customer_scores WHERE churn_reasons LIKE '%,%'"))).toBeGreaterThanOrEqual(2);
    // No secondary index to rebuild on every re-score (migration 009).
    expect(db.value("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_scores' AND sql IS NOT NULL")).toBe(0);
    expect(storedMembers(db)).toEqual(expectedMembers(table, scored.result));
  });

  it('a settings change writes only the tag rows that entered or left and records them in the run', async () => {
    const { db, table, settings } = await setup();
    const engine = createAnalyticsEngine();
    const schemeIds = DEFAULT_SCHEMES.map((s) => s.id);
    const first = engine.score(table, defs(settings));
    writeScoring(db, { table, result: first.result, schemeIds, previous: null, reason: 'open', settings, durationMs: 1 });
    const changed: AnalysisSettings = { ...settings, bins: { r: 3, f: 3, m: 3 } };
    const second = engine.score(table, defs(changed));
    const previous = { kind: 'flags' as const, customerIds: table.customerIds, flags: first.result.tags.flags };
    const { delta } = writeScoring(db, { table, result: second.result, schemeIds, previous, reason: 'settings', settings: changed, durationMs: 1 });
    expectStoredAsResult(db, table, second.result, schemeIds);
    expect(storedMembers(db)).toEqual(expectedMembers(table, second.result));
    // entered / left as counted independently from the two flag sets
    const run = listRuns(db, 1)[0]!;
    for (const tagId of second.result.tags.order) {
      const a = first.result.tags.flags[tagId]!;
      const b = second.result.tags.flags[tagId]!;
      let entered = 0;
      let left = 0;
      for (let i = 0; i < a.length; i++) {
        if (b[i] === 1 && a[i] !== 1) entered += 1;
        if (a[i] === 1 && b[i] !== 1) left += 1;
      }
      expect(run.tagChanges[tagId], tagId).toEqual({ entered, left });
      expect(delta.inserts.get(tagId)?.length ?? 0).toBe(entered);
    }
    // The run's change log names exactly who entered and left (reports count it per filter).
    const logged = () => {
      const out = new Map<string, number[]>();
      for (const r of db.all<{ run_id: number; tag_id: string; change: number; customer_ids: string }>('SELECT * FROM tag_change_sets')) {
        expect(r.run_id).toBe(listRuns(db, 1)[0]!.id);
        out.set(`${r.change > 0 ? '+' : '-'}${r.tag_id}`, (JSON.parse(r.customer_ids) as number[]).sort((a, b) => a - b));
      }
      return out;
    };
    const changes = (before: Map<string, number[]>, after: Map<string, number[]>) => {
      const out = new Map<string, number[]>();
      for (const tagId of new Set([...before.keys(), ...after.keys()])) {
        const a = new Set(before.get(tagId) ?? []);
        const b = new Set(after.get(tagId) ?? []);
        const entered = [...b].filter((id) => !a.has(id));
        const left = [...a].filter((id) => !b.has(id));
        if (entered.length > 0) out.set(`+${tagId}`, entered);
        if (left.length > 0) out.set(`-${tagId}`, left);
      }
      return out;
    };
    expect(logged()).toEqual(changes(expectedMembers(table, first.result), expectedMembers(table, second.result)));
    expect(logged().size).toBeGreaterThan(2);
    // The same change diffed against the table (no result in memory) gives the same rows; a
    // tag taken out of the library leaves every member, in the table and in the log.
    const dropped = DEFAULT_TAG_LIBRARY.find((t) => (expectedMembers(table, second.result).get(t.id)?.length ?? 0) > 0)!;
    const third = engine.score(table, { ...defs(settings), tags: DEFAULT_TAG_LIBRARY.filter((t) => t.id !== dropped.id).map((t) => ({ ...t })) });
    writeScoring(db, { table, result: third.result, schemeIds, previous: null, reason: 'settings', settings, durationMs: 1 });
    expect(storedMembers(db)).toEqual(expectedMembers(table, third.result));
    expect(logged()).toEqual(changes(expectedMembers(table, second.result), expectedMembers(table, third.result)));
    expect(logged().get(`-${dropped.id}`)).toEqual(expectedMembers(table, second.result).get(dropped.id));
  });

  it('stores the segments of a user scheme and names with quotes safely', async () => {
    const { db, table, settings } = await setup(200);
    const engine = createAnalyticsEngine();
    const base = DEFAULT_SCHEMES.find((s) => s.id === 'rfm11')!;
    const user: SegmentScheme = {
      ...base,
      id: "my'scheme",
      builtIn: false,
      segments: base.segments.map((s) => ({ ...s, id: `${s.id}'x` })),
    } as SegmentScheme;
    const schemes = [...DEFAULT_SCHEMES.map((s) => ({ ...s })), user];
    const scored = engine.score(table, defs(settings, schemes));
    const schemeIds = schemes.map((s) => s.id);
    writeScoring(db, { table, result: scored.result, schemeIds, previous: null, reason: 'open', settings, durationMs: 1 });
    expectStoredAsResult(db, table, scored.result, schemeIds);
    expect(Number(db.value(`SELECT count(*) FROM customer_scores WHERE json_extract(segments, '$."my''scheme"') LIKE '%''x'`))).toBeGreaterThan(0);
    // Read back, every scheme's segment is there: the shipped ones from their columns.
    const rows = db.all<{ segment_8: string | null; segment_11: string | null; segments: string }>('SELECT segment_8, segment_11, segments FROM customer_scores ORDER BY customer_id');
    rows.forEach((row, i) => {
      const expected: Record<string, string | null> = {};
      for (const id of schemeIds) if (result(id, i) !== null || id === "my'scheme") expected[id] = result(id, i);
      expect(storedSegments(row)).toEqual(expected);
    });
    function result(id: string, i: number): string | null {
      return scored.result.segments[id]?.[i] ?? null;
    }
  });

  it('reads churn reasons back strongest first, as stored now and as stored before (with strengths)', () => {
    expect(storedChurnReasons('["amount-down","gap-beyond-rhythm"]')).toEqual(['amount-down', 'gap-beyond-rhythm']);
    expect(
      storedChurnReasons('[{"code":"gap-beyond-rhythm","strength":0.4},{"code":"unresolved-complaint","strength":1},{"code":"idle-equipment","strength":0.4}]'),
    ).toEqual(['unresolved-complaint', 'gap-beyond-rhythm', 'idle-equipment']);
    expect(storedChurnReasons('[]')).toEqual([]);
    expect(storedChurnReasons(null)).toEqual([]);
    expect(storedChurnReasons('not json')).toEqual([]);
  });

  it('a large tag load stores every row once, in one b-tree the filters search by primary key', async () => {
    const db = await Db.open();
    initialiseWorkspace(db, 'test');
    const ids = Array.from({ length: 15_000 }, (_, i) => i + 1);
    applyTagChanges(db, new Map([['a', ids], ['b', ids.filter((id) => id % 2 === 0)]]), new Map(), []);
    expect(Number(db.value('SELECT count(*) FROM customer_tags'))).toBe(22_500);
    expect(db.value("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_tags'")).toBe(0);
    // A tag filter (any or all of several tags) searches the primary key, customer by customer.
    for (const mode of ['any', 'all'] as const) {
      const { where, params } = filterToSql({ ...emptyFilter, tags: { mode, ids: ['a', 'b'] } }, { table: 'c' });
      const plan = db.table(`EXPLAIN QUERY PLAN SELECT id FROM customers AS c WHERE ${where}`, params).values.map((r) => String(r[3])).join(' | ');
      expect(plan, mode).toMatch(/SEARCH ft .*USING PRIMARY KEY \(tag_id=\? AND customer_id=\?\)/);
    }
    // Entered twice (a stale diff) is still one row; leaving removes exactly those rows.
    applyTagChanges(db, new Map([['b', [2, 4]]]), new Map([['a', ids.slice(0, 100)]]), ['c']);
    expect(Number(db.value("SELECT count(*) FROM customer_tags WHERE tag_id = 'b'"))).toBe(7_500);
    expect(Number(db.value("SELECT min(customer_id) FROM customer_tags WHERE tag_id = 'a'"))).toBe(101);
  });

  it('the app’s sequence — store metrics, load them, re-score and write back again and again — runs hot without failing', async () => {
    // bench:rescore's sequence, which once crashed the process when V8 inlined the bulk-write
    // path's calls into WASM (see db.ts); every write must stay exact however often it runs.
    const { db, table, settings } = await setup();
    saveMetricTable(db, table, 'test', 1);
    const loaded = loadMetricTable(db, 1)!.table;
    const engine = createAnalyticsEngine();
    const schemeIds = DEFAULT_SCHEMES.map((s) => s.id);
    let scored = engine.score(loaded, defs(settings));
    writeScoring(db, { table: loaded, result: scored.result, schemeIds, previous: null, reason: 'open', settings, durationMs: 1 });
    for (let i = 0; i < 12; i++) {
      const bins = i % 2 === 0 ? 3 : 5;
      const changed: AnalysisSettings = { ...settings, bins: { r: bins, f: bins, m: bins } };
      const previous = { kind: 'flags' as const, customerIds: loaded.customerIds, flags: scored.result.tags.flags };
      scored = engine.score(loaded, defs(changed));
      writeScoring(db, { table: loaded, result: scored.result, schemeIds, previous, reason: 'settings', settings: changed, durationMs: 1 });
      saveMetricTable(db, loaded, 'test', 1);
    }
    expectStoredAsResult(db, loaded, scored.result, schemeIds);
    expect(storedMembers(db)).toEqual(expectedMembers(loaded, scored.result));
  });
});
