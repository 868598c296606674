/**
 * The analytics worker operations over a real sql.js workspace: stored metrics round-trip,
 * opening recomputes only stale results, an import notification re-scores, and scores and
 * tags land in the tables other features read.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/index.ts';
import { DEFAULT_SETTINGS, computeMetrics } from '../../../shared/analytics/index.ts';
import { Db } from '../data/db.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import type { JobContext } from '../job-context.ts';
import { memoryWorkspace } from '../memory-workspace.ts';
import { createAnalyticsOps } from './analytics-ops.ts';
import { loadAnalysisInput, loadMetricTable, saveMetricTable } from './analytics-store.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

async function setup() {
  const db = await Db.open();
  initialiseWorkspace(db, 'test');
  await insertDataset(db, generateDemo({ customerCount: 300 }), ctx);
  const workspace = memoryWorkspace(db);
  const ops = createAnalyticsOps(workspace.access);
  return { db, ops, access: workspace.access, open: () => workspace.open(ctx), dirty: () => workspace.dirty };
}

describe('analytics worker operations', () => {
  it('stores the metric table columnar and loads it back identical', async () => {
    const { db } = await setup();
    const table = computeMetrics(loadAnalysisInput(db, '2026-11-26'), DEFAULT_SETTINGS);
    saveMetricTable(db, table, 'fp', 7);
    const loaded = loadMetricTable(db, 7)!;
    expect(loaded.fingerprint).toBe('fp');
    expect(loaded.table.size).toBe(table.size);
    expect([...loaded.table.customerIds]).toEqual([...table.customerIds]);
    for (const key of Object.keys(table.columns) as (keyof typeof table.columns)[]) {
      expect([...loaded.table.columns[key]], key).toEqual([...table.columns[key]]);
    }
    expect(loaded.table.text).toEqual(table.text);
    expect(loaded.table.lists).toEqual(table.lists);
    expect(loadMetricTable(db, 8)).toBeNull();
  });

  it('opening scores a workspace once; a fresh workspace opens without recomputing; changed records are noticed', async () => {
    const { db, ops, open } = await setup();
    expect(await open()).toBe(true);
    const scored = Number(db.value('SELECT count(*) FROM customer_scores'));
    expect(scored).toBe(300);
    expect(Number(db.value('SELECT count(*) FROM customer_tags'))).toBeGreaterThan(100);
    expect(Number(db.value("SELECT count(DISTINCT grade) FROM customer_scores WHERE grade IS NOT NULL"))).toBeGreaterThanOrEqual(3);
    expect(Number(db.value('SELECT count(*) FROM customer_scores WHERE segment_8 IS NOT NULL'))).toBe(
      Number(db.value('SELECT count(*) FROM customer_scores WHERE r_score IS NOT NULL')),
    );
    expect(Number(db.value('SELECT count(*) FROM tag_definitions'))).toBeGreaterThan(10);
    expect(Number(db.value('SELECT count(*) FROM segment_schemes'))).toBe(2);
    expect(await open()).toBe(false);
    expect(Number(db.value('SELECT count(*) FROM scoring_runs'))).toBe(1);

    // Records changed behind the stored metrics (another program, an older version): recompute.
    db.run("UPDATE orders SET amount = amount * 2 WHERE id = (SELECT min(id) FROM orders)");
    expect(await open()).toBe(true);
    expect(Number(db.value('SELECT count(*) FROM scoring_runs'))).toBe(2);
    const summary = await ops.analyticsSummary(undefined, ctx);
    expect(summary.customers).toBe(300);
  });

  it('re-scores after an import notification and keeps the run history', async () => {
    const { db, ops, access, open, dirty } = await setup();
    await open();
    const before = await ops.analyticsSummary(undefined, ctx);
    db.run("INSERT INTO customers (code, name) VALUES ('NEW-1', '新客户有限公司')");
    const id = Number(db.value("SELECT id FROM customers WHERE code = 'NEW-1'"));
    db.run("INSERT INTO orders (source_id, customer_id, order_date, product_line, quantity, amount) VALUES ('X-NEW-1', ?, ?, '配件', 1, 5000000)", [id, before.analysisDate]);
    const dirtyBefore = dirty();
    await access.notifyDataChanged(ctx);
    expect(dirty()).toBeGreaterThan(dirtyBefore);
    const after = await ops.analyticsSummary(undefined, ctx);
    expect(after.customers).toBe(301);
    expect(after.scored).toBe(before.scored + 1);
    const runs = await ops.analyticsRuns(undefined, ctx);
    expect(runs[0]!.reason).toBe('import');
    const explained = await ops.analyticsExplain({ customerId: id }, ctx);
    expect(explained.recencyDays).toBe(0);
    expect(explained.frequency).toBe(1);
    expect(explained.lifecycle).toBe('new');
    expect(Number(db.value('SELECT r_score FROM customer_scores WHERE customer_id = ?', [id]))).toBe(explained.scores!.r);
  });

  it('segment schemes: live preview counts every scored customer once, saving re-scores, user schemes delete, shipped ones reset', async () => {
    const { db, ops, open } = await setup();
    await open();
    const views = await ops.analyticsSchemesGet(undefined, ctx);
    const eleven = views.find((v) => v.scheme.id === 'rfm11')!;
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(eleven.counts)).toBe(eleven.scored);

    // Widen Champions to FM 3–5: the draft's counts change, nothing is stored yet.
    const draft = structuredClone(eleven.scheme);
    draft.segments[0] = { ...draft.segments[0]!, nameEn: 'Top buyers', scores: { r: [5, 5], fm: [3, 5] } };
    const preview = await ops.analyticsSchemesPreview({ scheme: draft }, ctx);
    expect(sum(preview.counts)).toBe(preview.scored);
    expect(preview.counts['champions']!).toBeGreaterThan(eleven.counts['champions'] ?? 0);
    const storedChampions = () => Number(db.value("SELECT count(*) FROM customer_scores WHERE segment_11 = 'champions'"));
    expect(storedChampions()).toBe(eleven.counts['champions'] ?? 0);

    // A broken draft: problems named by place, no counts.
    const broken = structuredClone(draft);
    broken.segments[1] = { ...broken.segments[1]!, scores: { r: [4, 2] } };
    const bad = await ops.analyticsSchemesPreview({ scheme: broken }, ctx);
    expect(bad.counts).toEqual({});
    expect(bad.issues.some((i) => i.severity === 'error' && i.path === 'segments[1].scores.r')).toBe(true);
    await expect(ops.analyticsSchemesSave({ scheme: broken }, ctx)).rejects.toThrow(/segments\[1\]\.scores\.r/);

    const runsBefore = (await ops.analyticsRuns(undefined, ctx)).length;
    await ops.analyticsSchemesSave({ scheme: draft }, ctx);
    expect(storedChampions()).toBe(preview.counts['champions']);
    expect((await ops.analyticsRuns(undefined, ctx)).length).toBe(runsBefore + 1);

    // Shipped schemes cannot be deleted but reset to their defaults.
    await expect(ops.analyticsSchemesDelete({ id: 'rfm11' }, ctx)).rejects.toThrow(/cannot be deleted/);
    const reset = await ops.analyticsSchemesReset({ id: 'rfm11' }, ctx);
    expect(reset.find((v) => v.scheme.id === 'rfm11')!.scheme.segments[0]!.nameEn).toBe('Champions');
    expect(storedChampions()).toBe(eleven.counts['champions'] ?? 0);

    // A user scheme: saved, its segments stored per customer, then deleted.
    const mine = { ...structuredClone(eleven.scheme), id: 'custom-1', nameZh: '我的方案', nameEn: 'Mine' };
    const withMine = await ops.analyticsSchemesSave({ scheme: mine }, ctx);
    expect(withMine.map((v) => v.scheme.id)).toEqual(['rfm8', 'rfm11', 'custom-1']);
    expect(Number(db.value(`SELECT count(*) FROM customer_scores WHERE json_extract(segments, '$."custom-1"') IS NOT NULL`))).toBe(eleven.scored);
    await expect(ops.analyticsSchemesReset({ id: 'custom-1' }, ctx)).rejects.toThrow(/not a shipped scheme/);
    const afterDelete = await ops.analyticsSchemesDelete({ id: 'custom-1' }, ctx);
    expect(afterDelete.map((v) => v.scheme.id)).toEqual(['rfm8', 'rfm11']);
    expect(Number(db.value('SELECT count(*) FROM segment_schemes'))).toBe(2);
  });
});
