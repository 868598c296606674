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
import type { WorkspaceAccess } from '../workspace-ops.ts';
import { createAnalyticsOps } from './analytics-ops.ts';
import { loadAnalysisInput, loadMetricTable, saveMetricTable } from './analytics-store.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

async function setup() {
  const db = await Db.open();
  initialiseWorkspace(db, 'test');
  await insertDataset(db, generateDemo({ customerCount: 300 }), ctx);
  const opened: ((db: Db, ctx: JobContext) => Promise<boolean>)[] = [];
  const changed: ((db: Db, ctx: JobContext) => Promise<void>)[] = [];
  let dirty = 0;
  const access: WorkspaceAccess = {
    db: () => db,
    markDirty: () => void (dirty += 1),
    onOpened: (l) => void opened.push(l),
    onDataChanged: (l) => void changed.push(l),
    notifyDataChanged: async (c) => {
      for (const l of changed) await l(db, c);
    },
  };
  const ops = createAnalyticsOps(access);
  return { db, ops, access, open: () => opened[0]!(db, ctx), dirty: () => dirty };
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
});
