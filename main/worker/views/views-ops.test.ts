/**
 * The views' aggregates over a real sql.js demo workspace, each checked against SQL written
 * independently here (straight over customers, customer_scores, orders, payments,
 * opportunities and customer_tags — not over the view table), alone and with filters combined.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/index.ts';
import { emptyFilter, normalizeFilter, type CustomerFilter } from '../../../shared/filters/index.ts';
import { viewsValidators } from '../../../shared/views/api.ts';
import { Db } from '../data/db.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import type { JobContext } from '../job-context.ts';
import { memoryWorkspace } from '../memory-workspace.ts';
import { createAnalyticsOps } from '../analytics/analytics-ops.ts';
import { createViewsOps } from './views-ops.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

let db: Db;
let ops: ReturnType<typeof createViewsOps>;

beforeAll(async () => {
  db = await Db.open();
  initialiseWorkspace(db, 'test');
  await insertDataset(db, generateDemo({ customerCount: 1500 }), ctx);
  const workspace = memoryWorkspace(db);
  const access = workspace.access;
  createAnalyticsOps(access);
  await workspace.open(ctx);
  ops = createViewsOps(access);
}, 60_000);

const filter = (patch: Partial<CustomerFilter>): CustomerFilter => normalizeFilter({ ...emptyFilter, ...patch });

/** Independent reference: customers joined with scores, revenue summed from the orders. */
const REF = `(SELECT c.id, c.name, c.code, c.province, c.city, c.sales_region, c.account_manager, c.type,
   s.r_score, s.f_score, s.m_score, s.segment_8, s.segment_11, s.grade, s.lifecycle, s.churn_risk, s.recency_days, s.frequency, s.monetary,
   (SELECT total(o.amount) FROM orders o WHERE o.customer_id = c.id AND (o.status IS NULL OR o.status <> 'cancelled')) AS revenue,
   (SELECT count(*) FROM opportunities p WHERE p.customer_id = c.id AND p.result = 'won') AS won,
   (SELECT count(*) FROM opportunities p WHERE p.customer_id = c.id AND p.result = 'lost') AS lost
 FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id) AS x`;

function anyValue(sql: string): string {
  const v = db.value(sql);
  if (typeof v !== 'string') throw new Error(`no value for ${sql}`);
  return v;
}

describe('views worker operations', () => {
  it('segment grid cells match counts and revenue per (R, F) and (R, F+M) computed independently', async () => {
    const grid = await ops.viewsSegmentGrid({ filter: emptyFilter, scheme: 'rfm8', yAxis: 'f', size: 'customers' }, ctx);
    const ref = db.all<{ r: number; f: number; n: number; rev: number }>(
      `SELECT r_score AS r, f_score AS f, count(*) AS n, total(revenue) AS rev FROM ${REF} WHERE r_score IS NOT NULL GROUP BY 1, 2`,
    );
    expect(grid.cells.length).toBe(ref.length);
    for (const r of ref) {
      const cell = grid.cells.find((c) => c.r === r.r && c.y === r.f);
      expect(cell?.customers).toBe(r.n);
      expect(cell?.revenue).toBeCloseTo(r.rev, 2);
    }
    const scored = db.value('SELECT count(*) FROM customer_scores WHERE r_score IS NOT NULL');
    expect(grid.customers).toBe(scored);
    expect(grid.cells.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 9);

    const fm = await ops.viewsSegmentGrid({ filter: emptyFilter, scheme: 'rfm11', yAxis: 'fm', size: 'revenue' }, ctx);
    const refFm = db.all<{ r: number; y: number; n: number }>(
      `SELECT r_score AS r, f_score + m_score AS y, count(*) AS n FROM ${REF} WHERE r_score IS NOT NULL GROUP BY 1, 2`,
    );
    expect(fm.cells.map((c) => [c.r, c.y, c.customers])).toEqual(refFm.map((r) => [r.r, r.y, r.n]));
    // Dominant segment of each cell is the most frequent one there.
    for (const cell of fm.cells.slice(0, 5)) {
      const top = db.get<{ seg: string; n: number }>(
        `SELECT segment_11 AS seg, count(*) AS n FROM ${REF} WHERE r_score = ? AND f_score + m_score = ? GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
        [cell.r, cell.y],
      );
      const n = db.value(`SELECT count(*) FROM ${REF} WHERE r_score = ? AND f_score + m_score = ? AND segment_11 = ?`, [cell.r, cell.y, cell.segment]);
      expect(n).toBe(top?.n);
    }
  });

  it('segment summary matches per-segment counts, revenue, averages and win rate', async () => {
    const summary = await ops.viewsSegmentSummary({ filter: emptyFilter, scheme: 'rfm8' }, ctx);
    const ref = db.all<{ seg: string; n: number; rev: number; rec: number; won: number; lost: number }>(
      `SELECT segment_8 AS seg, count(*) AS n, total(revenue) AS rev, avg(recency_days) AS rec, total(won) AS won, total(lost) AS lost
       FROM ${REF} WHERE segment_8 IS NOT NULL GROUP BY 1`,
    );
    expect(summary.rows.length).toBe(ref.length);
    const totalN = ref.reduce((s, r) => s + r.n, 0);
    for (const r of ref) {
      const row = summary.rows.find((x) => x.segment === r.seg)!;
      expect(row.customers).toBe(r.n);
      expect(row.share).toBeCloseTo(r.n / totalN, 9);
      expect(row.revenue).toBeCloseTo(r.rev, 2);
      expect(row.avgRecencyDays ?? 0).toBeCloseTo(r.rec, 6);
      expect(row.winRate).toBe(r.won + r.lost > 0 ? r.won / (r.won + r.lost) : null);
    }
    expect(summary.segments.length).toBeGreaterThan(5);
  });

  it('regions by province and city, sales region and account manager match, with the chosen metric', async () => {
    const view = await ops.viewsRegions({ filter: emptyFilter, level: 'province', metric: 'gradeShare', target: 'A' }, ctx);
    const ref = db.all<{ p: string; n: number; rev: number; a: number; churn: number }>(
      `SELECT province AS p, count(*) AS n, total(revenue) AS rev, total(grade = 'A') AS a, total(churn_risk >= 50) AS churn FROM ${REF} GROUP BY 1`,
    );
    expect(view.rows.length).toBe(ref.length);
    for (const r of ref) {
      const row = view.rows.find((x) => x.name === (r.p ?? ''))!;
      expect(row.customers).toBe(r.n);
      expect(row.revenue).toBeCloseTo(r.rev, 2);
      expect(row.targetCustomers).toBe(r.a);
      expect(row.value).toBeCloseTo(r.a / r.n, 9);
      expect(row.churnRiskCustomers).toBe(r.churn);
    }
    // Sorted by the metric, highest first.
    const values = view.rows.map((r) => r.value ?? -1);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const regionsRef = db.all<{ s: string; n: number }>(`SELECT sales_region AS s, count(*) AS n FROM ${REF} GROUP BY 1`);
    expect(view.salesRegions.map((r) => [r.name, r.customers]).sort()).toEqual(regionsRef.map((r) => [r.s ?? '', r.n]).sort());
    const managers = db.value(`SELECT count(*) FROM (SELECT DISTINCT account_manager FROM ${REF})`);
    expect(view.accountManagers.length).toBe(managers);
    expect(view.total.customers).toBe(db.value('SELECT count(*) FROM customers'));

    const province = anyValue("SELECT province FROM customers WHERE province IS NOT NULL GROUP BY province ORDER BY count(*) DESC LIMIT 1");
    const cities = await ops.viewsRegions({ filter: emptyFilter, level: 'city', province, metric: 'revenue' }, ctx);
    const cityRef = db.all<{ c: string; rev: number; n: number }>(`SELECT city AS c, total(revenue) AS rev, count(*) AS n FROM ${REF} WHERE province = ? GROUP BY 1`, [province]);
    expect(cities.rows.length).toBe(cityRef.length);
    for (const r of cityRef) {
      const row = cities.rows.find((x) => x.name === (r.c ?? ''))!;
      expect(row.province).toBe(province);
      expect(row.customers).toBe(r.n);
      expect(row.value).toBeCloseTo(r.rev, 2);
    }
  });

  it('filter combinations give the same customers as independent SQL', async () => {
    const province = anyValue("SELECT province FROM customers GROUP BY province ORDER BY count(*) DESC LIMIT 1");
    const manager = anyValue('SELECT account_manager FROM customers WHERE province = (SELECT province FROM customers GROUP BY province ORDER BY count(*) DESC LIMIT 1) LIMIT 1');
    const tag = anyValue('SELECT tag_id FROM customer_tags GROUP BY tag_id ORDER BY count(*) DESC LIMIT 1');
    const cases: [CustomerFilter, string, (string | number)[]][] = [
      [filter({ provinces: [province] }), 'province = ?', [province]],
      [filter({ provinces: [province], grades: ['A', 'B'] }), "province = ? AND grade IN ('A', 'B')", [province]],
      [filter({ accountManagers: [manager], lifecycles: ['active', 'sleeping'] }), "account_manager = ? AND lifecycle IN ('active', 'sleeping')", [manager]],
      [filter({ segment: { scheme: 'rfm8', values: ['important-value'] } }), "segment_8 = 'important-value'", []],
      [filter({ tags: { mode: 'any', ids: [tag] }, provinces: [province] }), 'province = ? AND EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = x.id AND t.tag_id = ?)', [province, tag]],
      [filter({ search: 'C00' }), "instr(lower(code), 'c00') > 0 OR instr(lower(name), 'c00') > 0", []],
    ];
    for (const [f, cond, params] of cases) {
      const expected = db.all<{ id: number }>(`SELECT id FROM ${REF} WHERE ${cond} ORDER BY id`, params).map((r) => r.id);
      const list = await ops.viewsCustomers({ filter: f }, ctx);
      expect(list.total).toBe(expected.length);
      expect(list.rows.map((r) => r.id)).toEqual(expected);
      const grid = await ops.viewsSegmentGrid({ filter: f, scheme: 'rfm8', yAxis: 'f', size: 'customers' }, ctx);
      const scored = db.value(`SELECT count(*) FROM ${REF} WHERE r_score IS NOT NULL AND (${cond})`, params);
      expect(grid.customers).toBe(scored);
      const regions = await ops.viewsRegions({ filter: f, level: 'province', metric: 'customers' }, ctx);
      expect(regions.total.customers).toBe(expected.length);
    }
  });

  it('customer rows carry scores, segments, tags; a grid cell restricts the list; pages work', async () => {
    const all = await ops.viewsCustomers({ filter: emptyFilter }, ctx);
    expect(all.rows.length).toBe(db.value('SELECT count(*) FROM customers'));
    const withTags = all.rows.find((r) => r.tags.length > 1)!;
    const refTags = db.all<{ t: string }>('SELECT tag_id AS t FROM customer_tags WHERE customer_id = ?', [withTags.id]).map((r) => r.t);
    expect([...withTags.tags].sort()).toEqual(refTags.sort());
    const cell = await ops.viewsCustomers({ filter: emptyFilter, cell: { r: 5, y: 1, yAxis: 'f' } }, ctx);
    expect(cell.total).toBe(db.value('SELECT count(*) FROM customer_scores WHERE r_score = 5 AND f_score = 1'));
    expect(cell.rows.every((r) => r.r === 5 && r.f === 1)).toBe(true);
    const page = await ops.viewsCustomers({ filter: emptyFilter, offset: 10, limit: 5 }, ctx);
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(10, 15).map((r) => r.id));
    expect(page.total).toBe(all.total);
  });

  it('sorts every column over all matching customers, empty values last, and pages the sorted list', async () => {
    const all = (await ops.viewsCustomers({ filter: emptyFilter }, ctx)).rows;
    const byAmount = await ops.viewsCustomers({ filter: emptyFilter, sort: { column: 'amount12m', direction: 'desc' }, offset: 0, limit: 50 }, ctx);
    const expected = [...all].sort((a, b) => b.amount12m - a.amount12m || a.id - b.id).slice(0, 50);
    expect(byAmount.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(byAmount.total).toBe(all.length);
    // Page 3 of the ascending recency order = the same slice of the whole sorted list; NULLs last.
    const asc = await ops.viewsCustomers({ filter: emptyFilter, sort: { column: 'recency', direction: 'asc' } }, ctx);
    const firstNull = asc.rows.findIndex((r) => r.recencyDays === null);
    if (firstNull >= 0) expect(asc.rows.slice(firstNull).every((r) => r.recencyDays === null)).toBe(true);
    const values = asc.rows.map((r) => r.recencyDays).filter((v): v is number => v !== null);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    const page = await ops.viewsCustomers({ filter: emptyFilter, sort: { column: 'recency', direction: 'asc' }, offset: 100, limit: 20 }, ctx);
    expect(page.rows.map((r) => r.id)).toEqual(asc.rows.slice(100, 120).map((r) => r.id));
    const desc = await ops.viewsCustomers({ filter: emptyFilter, sort: { column: 'recency', direction: 'desc' } }, ctx);
    if (firstNull >= 0) expect(desc.rows[desc.rows.length - 1]!.recencyDays).toBeNull();
    // Text columns in Chinese collation order (pinyin), names too.
    const provinces = (await ops.viewsCustomers({ filter: emptyFilter, sort: { column: 'province', direction: 'asc' } }, ctx)).rows.map((r) => r.province ?? '');
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    const nonEmpty = provinces.filter((p) => p !== '');
    expect(nonEmpty).toEqual([...nonEmpty].sort((a, b) => collator.compare(a, b)));
    for (const column of ['code', 'name', 'city', 'salesRegion', 'manager', 'type', 'frequency', 'monetary', 'scores', 'segment8', 'segment11', 'grade', 'lifecycle', 'churnRisk', 'overdue', 'tags'] as const) {
      const sorted = await ops.viewsCustomers({ filter: emptyFilter, sort: { column, direction: 'asc' }, limit: 5 }, ctx);
      expect(sorted.rows.length).toBe(5);
      expect(sorted.total).toBe(all.length);
    }
  });

  it('quick find, grid cell and filter combine; customerIds lists every matching customer for select-all', async () => {
    const province = anyValue("SELECT province FROM customers GROUP BY province ORDER BY count(*) DESC LIMIT 1");
    const city = anyValue('SELECT city FROM customers WHERE province = ? AND city IS NOT NULL LIMIT 1'.replace('?', `'${province}'`));
    const f = filter({ provinces: [province] });
    const found = await ops.viewsCustomers({ filter: f, find: city }, ctx);
    const expected = db.all<{ id: number }>(
      `SELECT id FROM ${REF} WHERE province = ? AND (instr(lower(name), ?) > 0 OR instr(lower(code), ?) > 0 OR city LIKE '%' || ? || '%' OR account_manager LIKE '%' || ? || '%') ORDER BY id`,
      [province, city, city, city, city],
    );
    expect(found.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    const ids = await ops.viewsCustomerIds({ filter: f, cell: { r: 5, y: 1, yAxis: 'f' } }, ctx);
    const refIds = db.all<{ id: number }>(`SELECT id FROM ${REF} WHERE province = ? AND r_score = 5 AND f_score = 1 ORDER BY id`, [province]).map((r) => r.id);
    expect(ids.ids).toEqual(refIds);
    const fm = await ops.viewsCustomerIds({ filter: emptyFilter, cell: { r: 4, y: 6, yAxis: 'fm' } }, ctx);
    expect(fm.ids.length).toBe(db.value('SELECT count(*) FROM customer_scores WHERE r_score = 4 AND f_score + m_score = 6'));
  });

  it('the in-memory filter keeps exactly the customers filter-sql keeps, for filters drawn from the data', async () => {
    const { filterToSql } = await import('../data/filter-sql.ts');
    const pick = (sql: string): string[] => db.all<{ v: string }>(sql).map((r) => r.v);
    const provinces = pick("SELECT DISTINCT province AS v FROM customers WHERE province IS NOT NULL LIMIT 6");
    const managers = pick('SELECT DISTINCT account_manager AS v FROM customers WHERE account_manager IS NOT NULL LIMIT 6');
    const tags = pick('SELECT DISTINCT tag_id AS v FROM customer_tags LIMIT 6');
    const lines = pick('SELECT DISTINCT product_line AS v FROM orders WHERE product_line IS NOT NULL LIMIT 4');
    const segs = pick('SELECT DISTINCT segment_11 AS v FROM customer_scores WHERE segment_11 IS NOT NULL LIMIT 5');
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const some = (list: string[]): string[] => list.filter(() => rand(3) === 0);
    const VIEW = `(SELECT c.id, c.code, c.name, c.type AS customer_type, c.sales_region, c.province, c.city, c.account_manager,
        s.segment_8, s.segment_11, COALESCE(s.segments, '{}') AS segments, s.grade, COALESCE(s.lifecycle, 'prospect') AS lifecycle
      FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id) AS cv`;
    for (let k = 0; k < 40; k++) {
      const f = filter({
        provinces: some(provinces),
        accountManagers: rand(4) === 0 ? some(managers) : [],
        grades: some(['A', 'B', 'C', 'D']),
        lifecycles: rand(3) === 0 ? some(['new', 'active', 'sleeping', 'lost', 'prospect']) : [],
        productLines: rand(3) === 0 ? some(lines) : [],
        segment: rand(3) === 0 ? { scheme: 'rfm11', values: some(segs) } : null,
        tags: { mode: rand(2) === 0 ? 'any' : 'all', ids: rand(2) === 0 ? some(tags).slice(0, 2) : [] },
        search: rand(4) === 0 ? ['1', 'c0', '公司', 'Co'][rand(4)]! : '',
      });
      const sql = filterToSql(f, { table: 'cv' });
      const expected = db.all<{ id: number }>(`SELECT id FROM ${VIEW} WHERE ${sql.where} ORDER BY id`, sql.params).map((r) => r.id);
      expect((await ops.viewsCustomerIds({ filter: f }, ctx)).ids, JSON.stringify(f)).toEqual(expected);
    }
  });

  it('lists filter options and rebuilds after the scores change', async () => {
    const options = await ops.viewsFilterOptions(undefined, ctx);
    expect(options.provinces.length).toBe(db.value("SELECT count(DISTINCT province) FROM customers WHERE province <> ''"));
    expect(options.schemes.map((s) => s.id)).toEqual(['rfm8', 'rfm11']);
    expect(options.tags.length).toBeGreaterThan(3);
    expect(options.grades).toContain('A');
    const before = (await ops.viewsSegmentSummary({ filter: emptyFilter, scheme: 'rfm8' }, ctx)).customers;
    db.run("UPDATE customer_scores SET segment_8 = NULL WHERE customer_id IN (SELECT customer_id FROM customer_scores WHERE segment_8 IS NOT NULL LIMIT 3)");
    db.run("INSERT INTO scoring_runs (at, reason, settings, customers, scored, tag_counts, tag_changes, duration_ms) VALUES ('x', 'test', '{}', 0, 0, '{}', '{}', 0)");
    expect((await ops.viewsSegmentSummary({ filter: emptyFilter, scheme: 'rfm8' }, ctx)).customers).toBe(before - 3);
    // An export (which reopens sql.js' database) changes nothing the model depends on.
    db.export();
    expect((await ops.viewsSegmentSummary({ filter: emptyFilter, scheme: 'rfm8' }, ctx)).customers).toBe(before - 3);
  });

  it('validators refuse malformed parameters and normalise filters', () => {
    const v = viewsValidators;
    expect(() => v['views.segmentGrid']({ filter: emptyFilter, scheme: 'no scheme', yAxis: 'f', size: 'customers' })).toThrow(/scheme/);
    expect(() => v['views.regions']({ filter: { ...emptyFilter, provinces: [1] }, level: 'province', metric: 'revenue' })).toThrow(/provinces/);
    expect(() => v['views.customers']({ filter: { ...emptyFilter, extra: 1 } })).toThrow(/extra/);
    expect(() => v['views.customers']({ filter: emptyFilter, limit: -1 })).toThrow(/limit/);
    expect(v['views.customers']({ filter: { ...emptyFilter, provinces: [' 江苏省 ', '江苏省'] } }).filter.provinces).toEqual(['江苏省']);
    expect(() => v['views.customers']({ filter: emptyFilter, sort: { column: 'phone', direction: 'asc' } })).toThrow(/column/);
    expect(() => v['views.savedViews.save']({ name: '  ', query: '' })).toThrow(/name/);
    expect(() => v['views.savedViews.save']({ name: 'x'.repeat(61), query: '' })).toThrow(/at most 60/);
    expect(() => v['views.salesRegions.set']({ mapping: { 江苏省: '' } })).toThrow(/江苏省/);
    expect(() => v['views.regionFixes.set']({ raw: 'x', level: 'county', province: '江苏省', city: null })).toThrow(/level/);
  });
});
