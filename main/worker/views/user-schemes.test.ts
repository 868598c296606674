/**
 * User-defined segment schemes in the views, on a real sql.js demo workspace: a scheme saved
 * through the analytics operations (as Settings saves it) is scored into customer_scores.segments,
 * and the Segments page's grid and summary, the filter options, the shared filter and the
 * regional segment share read it from there — checked against SQL over that JSON written here.
 * Deleting the scheme makes every view refuse it by name instead of answering with nobody.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/index.ts';
import { emptyFilter, normalizeFilter, type CustomerFilter } from '../../../shared/filters/index.ts';
import { AtlasError, toErrorData } from '../../../shared/api/errors.ts';
import { translateError } from '../../../shared/i18n/index.ts';
import type { SegmentScheme } from '../../../shared/analytics/index.ts';
import { KEY_ACCOUNTS } from '../../../shared/analytics/key-accounts.test-support.ts';
import { UNKNOWN_SCHEME_CODE, viewsValidators } from '../../../shared/views/api.ts';
import { Db } from '../data/db.ts';
import { filterToSql } from '../data/filter-sql.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import type { JobContext } from '../job-context.ts';
import { memoryWorkspace } from '../memory-workspace.ts';
import { createAnalyticsOps } from '../analytics/analytics-ops.ts';
import { createViewsOps } from './views-ops.ts';
import { segmentColumn, viewModel } from './view-model.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };

let db: Db;
let views: ReturnType<typeof createViewsOps>;
let analytics: ReturnType<typeof createAnalyticsOps>;

beforeAll(async () => {
  db = await Db.open();
  initialiseWorkspace(db, 'test');
  await insertDataset(db, generateDemo({ customerCount: 1500 }), ctx);
  const workspace = memoryWorkspace(db);
  const access = workspace.access;
  analytics = createAnalyticsOps(access);
  await workspace.open(ctx);
  views = createViewsOps(access);
  await analytics.analyticsSchemesSave({ scheme: KEY_ACCOUNTS }, ctx);
}, 60_000);

const filter = (patch: Partial<CustomerFilter>): CustomerFilter => normalizeFilter({ ...emptyFilter, ...patch });

/** The scheme's segment per customer, straight from the stored JSON. */
const SEG = `json_extract(s.segments, '$."key-accounts"')`;

function refCounts(): Map<string, number> {
  const rows = db.all<{ seg: string; n: number }>(`SELECT ${SEG} AS seg, count(*) AS n FROM customer_scores s WHERE ${SEG} IS NOT NULL GROUP BY 1`);
  return new Map(rows.map((r) => [r.seg, r.n]));
}

async function refusal(work: Promise<unknown>): Promise<AtlasError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AtlasError);
  return error as AtlasError;
}

describe('user-defined segment schemes in the views', () => {
  it('are listed in the filter options after the shipped ones, with their own names and colours', async () => {
    const options = await views.viewsFilterOptions(undefined, ctx);
    expect(options.schemes.map((s) => [s.id, s.shipped])).toEqual([
      ['rfm8', true],
      ['rfm11', true],
      ['key-accounts', false],
    ]);
    const mine = options.schemes[2]!;
    expect(mine.nameZh).toBe('大客户关注');
    expect(mine.segments).toEqual([
      { id: 'key-active', nameZh: '大客户·活跃', nameEn: 'Key accounts, active', color: '#1a7f37' },
      { id: 'key-slipping', nameZh: '大客户·下滑', nameEn: 'Key accounts, slipping', color: '#cf222e' },
      { id: 'small-recent', nameZh: '小客户·近期', nameEn: 'Smaller buyers, recent', color: '#2f81f7' },
      { id: 'rest', nameZh: '其余客户', nameEn: 'Everyone else', color: '#8c959f' },
    ]);
  });

  it('summarise every scored customer in exactly one of the scheme’s segments, in the scheme’s order', async () => {
    const summary = await views.viewsSegmentSummary({ filter: emptyFilter, scheme: 'key-accounts' }, ctx);
    const ref = refCounts();
    expect(summary.rows.map((r) => [r.segment, r.customers])).toEqual(
      ['key-active', 'key-slipping', 'small-recent', 'rest'].filter((id) => ref.has(id)).map((id) => [id, ref.get(id)]),
    );
    const scored = db.value('SELECT count(*) FROM customer_scores WHERE r_score IS NOT NULL');
    expect(summary.customers).toBe(scored);
    // The demo has customers in every segment of this scheme, so each shows up.
    expect(summary.rows.length).toBe(4);
    // Revenue per segment is the orders' total of its customers.
    const revenue = db.value(
      `SELECT total(o.amount) FROM orders o JOIN customer_scores s ON s.customer_id = o.customer_id
       WHERE ${SEG} = 'key-slipping' AND (o.status IS NULL OR o.status <> 'cancelled')`,
    ) as number;
    expect(summary.rows.find((r) => r.segment === 'key-slipping')!.revenue).toBeCloseTo(revenue, 2);
    expect(summary.segments.map((s) => s.id)).toEqual(['key-active', 'key-slipping', 'small-recent', 'rest']);
  });

  it('colour each grid cell by the scheme segment most of its customers are in', async () => {
    const grid = await views.viewsSegmentGrid({ filter: emptyFilter, scheme: 'key-accounts', yAxis: 'f', size: 'customers' }, ctx);
    expect(grid.cells.reduce((n, c) => n + c.customers, 0)).toBe(db.value('SELECT count(*) FROM customer_scores WHERE r_score IS NOT NULL'));
    for (const cell of grid.cells) {
      const top = db.get<{ n: number }>(
        `SELECT count(*) AS n FROM customer_scores s WHERE r_score = ? AND f_score = ? GROUP BY ${SEG} ORDER BY n DESC LIMIT 1`,
        [cell.r, cell.y],
      )!;
      const mine = db.value(`SELECT count(*) FROM customer_scores s WHERE r_score = ? AND f_score = ? AND ${SEG} = ?`, [cell.r, cell.y, cell.segment]);
      expect(mine, `cell ${cell.r}/${cell.y}`).toBe(top.n);
    }
    // Recent key accounts are only in R 4–5 cells: the scheme's own ranges show on the map.
    expect(grid.cells.filter((c) => c.segment === 'key-active').every((c) => c.r >= 4)).toBe(true);
    expect(grid.segments.find((s) => s.id === 'key-slipping')?.color).toBe('#cf222e');
  });

  it('filter the customer list, the grid and the regions by one of the scheme’s segments', async () => {
    const ref = refCounts();
    const f = filter({ segment: { scheme: 'key-accounts', values: ['key-slipping'] } });
    const list = await views.viewsCustomers({ filter: f }, ctx);
    const expected = db.all<{ id: number }>(`SELECT customer_id AS id FROM customer_scores s WHERE ${SEG} = 'key-slipping' ORDER BY customer_id`).map((r) => r.id);
    expect(list.total).toBe(ref.get('key-slipping'));
    expect(list.rows.map((r) => r.id)).toEqual(expected);
    // The same customers as the SQL filter reports use (segments JSON for user schemes).
    const sql = filterToSql(f, { table: 'cv' });
    const viaSql = db.all<{ id: number }>(
      `SELECT cv.id FROM (SELECT c.id, c.name, c.code, s.segment_8, s.segment_11, COALESCE(s.segments, '{}') AS segments
        FROM customers c LEFT JOIN customer_scores s ON s.customer_id = c.id) AS cv WHERE ${sql.where} ORDER BY cv.id`,
      sql.params,
    );
    expect(viaSql.map((r) => r.id)).toEqual(expected);
    const grid = await views.viewsSegmentGrid({ filter: f, scheme: 'rfm8', yAxis: 'f', size: 'customers' }, ctx);
    expect(grid.customers).toBe(expected.length);
    // Two segments of the scheme: alternatives.
    const two = await views.viewsCustomerIds({ filter: filter({ segment: { scheme: 'key-accounts', values: ['key-active', 'key-slipping'] } }) }, ctx);
    expect(two.ids.length).toBe((ref.get('key-active') ?? 0) + (ref.get('key-slipping') ?? 0));

    const regions = await views.viewsRegions({ filter: emptyFilter, level: 'province', metric: 'segmentShare', target: 'key-slipping', scheme: 'key-accounts' }, ctx);
    expect(regions.total.targetCustomers).toBe(ref.get('key-slipping'));
  });

  it('build the scheme’s coded column once per model, and read it anew after the next scoring run', async () => {
    const model = viewModel(db);
    const column = segmentColumn(model, 'key-accounts');
    expect(segmentColumn(viewModel(db), 'key-accounts')).toBe(column);
    expect(column.dict.slice().sort()).toEqual(['key-active', 'key-slipping', 'rest', 'small-recent']);

    // Widening "active" to R 3–5 is a scoring run: the next answer counts the new ranges.
    const before = refCounts().get('key-active') ?? 0;
    const widened: SegmentScheme = { ...KEY_ACCOUNTS, segments: KEY_ACCOUNTS.segments.map((s) => (s.id === 'key-active' ? { ...s, scores: { r: [3, 5], m: [4, 5] } } : s)) };
    await analytics.analyticsSchemesSave({ scheme: widened }, ctx);
    const after = refCounts().get('key-active') ?? 0;
    expect(after).toBeGreaterThan(before);
    expect(segmentColumn(viewModel(db), 'key-accounts')).not.toBe(column);
    const summary = await views.viewsSegmentSummary({ filter: emptyFilter, scheme: 'key-accounts' }, ctx);
    expect(summary.rows.find((r) => r.segment === 'key-active')?.customers).toBe(after);
    await analytics.analyticsSchemesSave({ scheme: KEY_ACCOUNTS }, ctx);
  });

  it('refuse a deleted scheme by name in every view, while the shipped schemes keep answering', async () => {
    const temp: SegmentScheme = { ...KEY_ACCOUNTS, id: 'short-lived', nameEn: 'Short-lived', nameZh: '临时方案' };
    await analytics.analyticsSchemesSave({ scheme: temp }, ctx);
    expect((await views.viewsSegmentSummary({ filter: emptyFilter, scheme: 'short-lived' }, ctx)).customers).toBeGreaterThan(0);
    await analytics.analyticsSchemesDelete({ id: 'short-lived' }, ctx);

    const refused = await refusal(views.viewsSegmentSummary({ filter: emptyFilter, scheme: 'short-lived' }, ctx));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.details).toMatchObject({ scheme: 'short-lived', code: UNKNOWN_SCHEME_CODE });
    expect(refused.message).toContain('"short-lived"');
    // The message the page shows, in both languages.
    expect(translateError('zh-CN', toErrorData(refused))).toBe('此工作区没有分群方案“short-lived”（可能已被删除）。');
    expect(translateError('en', toErrorData(refused))).toContain('no segment scheme "short-lived"');

    await refusal(views.viewsSegmentGrid({ filter: emptyFilter, scheme: 'short-lived', yAxis: 'f', size: 'customers' }, ctx));
    // A saved view or link still filtering by it: refused too, not an empty list.
    const stale = filter({ segment: { scheme: 'short-lived', values: ['key-active'] } });
    expect((await refusal(views.viewsCustomers({ filter: stale, limit: 10 }, ctx))).details['code']).toBe(UNKNOWN_SCHEME_CODE);
    await refusal(views.viewsRegions({ filter: emptyFilter, level: 'province', metric: 'segmentShare', target: 'x', scheme: 'short-lived' }, ctx));

    const options = await views.viewsFilterOptions(undefined, ctx);
    expect(options.schemes.map((s) => s.id)).toEqual(['rfm8', 'rfm11', 'key-accounts']);
    const fallback = await views.viewsSegmentSummary({ filter: emptyFilter, scheme: 'rfm8' }, ctx);
    expect(fallback.customers).toBe(db.value('SELECT count(*) FROM customer_scores WHERE segment_8 IS NOT NULL'));
  });

  it('validators take any scheme id of the editor’s shape and refuse other strings', () => {
    const v = viewsValidators;
    expect(v['views.segmentSummary']({ filter: emptyFilter, scheme: 'custom-12' }).scheme).toBe('custom-12');
    expect(v['views.segmentGrid']({ filter: emptyFilter, scheme: 'key.accounts_2', yAxis: 'fm', size: 'revenue' }).scheme).toBe('key.accounts_2');
    for (const bad of ['', ' rfm8', 'a b', '-lead', 'x'.repeat(65), 'a"b', 42, null]) {
      expect(() => v['views.segmentSummary']({ filter: emptyFilter, scheme: bad }), String(bad)).toThrow(/"scheme" must be a segment scheme id/);
    }
    expect(() => v['views.regions']({ filter: emptyFilter, level: 'province', metric: 'segmentShare', scheme: '../x' })).toThrow(/scheme/);
    expect(() =>
      v['views.customers']({ filter: { ...emptyFilter, segment: { scheme: 'key accounts', values: ['key-active'] } } }),
    ).toThrow(/filter\.segment\.scheme/);
    expect(v['views.customers']({ filter: { ...emptyFilter, segment: { scheme: 'key-accounts', values: ['key-active'] } } }).filter.segment).toEqual({
      scheme: 'key-accounts',
      values: ['key-active'],
    });
  });
});
