/**
 * Views benchmark (issue 5): the worker's answer time for the views' filtered aggregates over a
 * 100,000-customer workspace (the demo generator scaled up, scored by the real analytics ops,
 * in a real sql.js database). Target: a filtered aggregate within 200 ms.
 *
 *   node build/bench.mjs views            (ATLAS_BENCH_CUSTOMERS to scale, ATLAS_BENCH_RUNS)
 */
import { generateDemo } from '../shared/demo/index.ts';
import { emptyFilter, normalizeFilter, type CustomerFilter } from '../shared/filters/index.ts';
import { Db } from '../main/worker/data/db.ts';
import { insertDataset } from '../main/worker/data/insert-dataset.ts';
import { initialiseWorkspace } from '../main/worker/data/schema.ts';
import type { JobContext } from '../main/worker/job-context.ts';
import type { WorkspaceAccess } from '../main/worker/workspace-ops.ts';
import { createAnalyticsOps } from '../main/worker/analytics/analytics-ops.ts';
import { createViewsOps } from '../main/worker/views/views-ops.ts';

const CUSTOMERS = Number(process.env['ATLAS_BENCH_CUSTOMERS'] ?? 100_000);
const RUNS = Number(process.env['ATLAS_BENCH_RUNS'] ?? 7);
/**
 * Customers, scores, tags and orders straight in SQL (seconds, not minutes): the distributions
 * are rough but the shapes (30 provinces × ~10 cities, 7 regions, 60 managers, 5 grades, both
 * segment schemes, ~4 tags each, ~10 orders each) are those of the demo.
 */
function synthesise(db: Db, n: number): void {
  db.exec(`
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
    INSERT INTO customers (id, code, name, type, province, city, account_manager, sales_region, created_date)
    SELECT i, printf('C%07d', i), printf('客户%d工程机械有限公司', i), CASE i % 3 WHEN 0 THEN '企业' ELSE '个体机主' END,
           printf('省份%02d', (i * 7) % 30), printf('城市%02d-%02d', (i * 7) % 30, (i * 13) % 10), printf('经理%02d', (i * 11) % 60),
           printf('大区%d', ((i * 7) % 30) % 7), '2020-01-01' FROM seq;
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
    INSERT INTO customer_scores (customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment_8, segment_11, segments,
                                 grade, lifecycle, churn_risk, churn_reasons)
    SELECT i, (i * 37) % 1500, 1 + (i * 5) % 12, 10000 + (i * 7919) % 3000000, 1 + (i * 3) % 5, 1 + (i * 7) % 5, 1 + (i * 11) % 5,
           'seg8-' || ((i * 3) % 8), 'seg11-' || ((i * 5) % 11), '{}', substr('ABCD', 1 + (i % 4), 1),
           CASE i % 5 WHEN 0 THEN 'active' WHEN 1 THEN 'sleeping' WHEN 2 THEN 'lost' WHEN 3 THEN 'new' ELSE 'active' END,
           (i * 17) % 100, '[]' FROM seq;
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n * 4})
    INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) SELECT 1 + (i * 7) % ${n}, 'tag-' || (i % 12) FROM seq;
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n * 10})
    INSERT INTO orders (source_id, customer_id, order_date, product_line, quantity, amount, status)
    SELECT 'O' || i, 1 + (i * 7) % ${n}, date('2019-01-01', '+' || (i % 2800) || ' days'), '产品线' || (i % 4), 1, 50000 + (i * 7919) % 900000, NULL FROM seq;
  `);
}

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const t0 = performance.now();
const db = await Db.open();
initialiseWorkspace(db, 'bench');
const opened: ((db: Db, ctx: JobContext) => Promise<boolean>)[] = [];
const access: WorkspaceAccess = {
  db: () => db,
  markDirty: () => undefined,
  onOpened: (l) => void opened.push(l),
  onDataChanged: () => undefined,
  notifyDataChanged: async () => undefined,
};
if (process.env['ATLAS_BENCH_SOURCE'] === 'demo') {
  // The demo generator scaled up and scored by the real analytics (slow: several minutes).
  await insertDataset(db, generateDemo({ customerCount: CUSTOMERS }), ctx);
  createAnalyticsOps(access);
  await opened[0]!(db, ctx);
} else {
  synthesise(db, CUSTOMERS);
}
const views = createViewsOps(access);
const customers = db.value('SELECT count(*) FROM customers');
const orders = db.value('SELECT count(*) FROM orders');
console.log(`workspace: ${String(customers)} customers, ${String(orders)} orders, generated and scored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const first = await time(() => views.viewsFilterOptions(undefined, ctx));
console.log(`first call (builds the view table, then filter options): ${first.ms.toFixed(0)} ms`);

const province = first.value.provinces[0] ?? '';
const tag = first.value.tags[0]?.id ?? '';
const f = (patch: Partial<CustomerFilter>): CustomerFilter => normalizeFilter({ ...emptyFilter, ...patch });
const filters: [string, CustomerFilter][] = [
  ['no filter', emptyFilter],
  ['province', f({ provinces: [province] })],
  ['grade A+B, active/sleeping', f({ grades: ['A', 'B'], lifecycles: ['active', 'sleeping'] })],
  ['tag (any) + segment', f({ tags: { mode: 'any', ids: [tag] }, segment: { scheme: 'rfm8', values: ['important-value', 'important-retain'] } })],
  ['product line + search', f({ productLines: [first.value.productLines[0] ?? ''], search: '工程' })],
];

const calls: [string, (filter: CustomerFilter) => Promise<unknown>][] = [
  ['segmentGrid', (filter) => views.viewsSegmentGrid({ filter, scheme: 'rfm8', yAxis: 'f', size: 'customers' }, ctx)],
  ['segmentSummary', (filter) => views.viewsSegmentSummary({ filter, scheme: 'rfm11' }, ctx)],
  ['regions (province)', (filter) => views.viewsRegions({ filter, level: 'province', metric: 'gradeShare', target: 'A' }, ctx)],
  ['customers (all rows)', (filter) => views.viewsCustomers({ filter }, ctx)],
];

for (const [scheme, yAxis] of [['rfm11', 'fm'], ['rfm11', 'fm'], ['rfm8', 'fm'], ['rfm11', 'f']] as const) {
  const r = await time(() => views.viewsSegmentGrid({ filter: emptyFilter, scheme, yAxis, size: 'revenue' }, ctx));
  console.log(`unfiltered grid ${scheme} ${yAxis} by revenue: ${r.ms.toFixed(1)} ms (the first aggregate after a rebuild is slow)`);
}
console.log(`\nworker answer time, median of ${RUNS} runs (ms):`);
console.log(['filter'.padEnd(30), 'new filter: 1st call'.padStart(22), 'regions 1st call'.padStart(22), ...calls.map(([name]) => name.padStart(22))].join(''));
let worstAggregate = 0;
for (const [label, filter] of filters) {
  // The first call after a filter change evaluates the filter (cached for the next calls).
  const cold = await time(() => views.viewsSegmentGrid({ filter, scheme: 'rfm11', yAxis: 'fm', size: 'revenue' }, ctx));
  worstAggregate = Math.max(worstAggregate, cold.ms);
  const coldRegions = await time(() => views.viewsRegions({ filter, level: 'province', metric: 'gradeShare', target: 'B' }, ctx));
  worstAggregate = Math.max(worstAggregate, coldRegions.ms);
  const cells: string[] = [cold.ms.toFixed(1).padStart(22), coldRegions.ms.toFixed(1).padStart(22)];
  for (const [name, run] of calls) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await time(() => run(filter))).ms);
    const m = median(times);
    if (name !== 'customers (all rows)') worstAggregate = Math.max(worstAggregate, m);
    cells.push(m.toFixed(1).padStart(22));
  }
  console.log([label.padEnd(30), ...cells].join(''));
}
const all = (await views.viewsCustomers({ filter: emptyFilter }, ctx)).rows;
console.log(`\ncustomer rows for the whole list: ${all.length}, ~${(JSON.stringify(all).length / 1e6).toFixed(1)} MB as JSON`);
console.log(`slowest filtered aggregate: ${worstAggregate.toFixed(1)} ms (target ≤ 200 ms): ${worstAggregate <= 200 ? 'OK' : 'OVER'}`);
