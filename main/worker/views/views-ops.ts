/**
 * The views feature's worker operations: every aggregate behind the Segments, Regions and
 * Customers pages, one filtered SQL query family over the view table (view-table.ts). The
 * shared filter becomes a parameterised WHERE (filter-sql.ts); grouping, sums and averages
 * run in SQL, JS only shapes the few result rows.
 */
import { DEFAULT_SCHEMES, DEFAULT_TAG_LIBRARY, normalizeSettings } from '../../../shared/analytics/index.ts';
import type { SegmentScheme } from '../../../shared/analytics/index.ts';
import { isEmptyFilter, normalizeFilter, type CustomerFilter } from '../../../shared/filters/index.ts';
import { CHURN_RISK_THRESHOLD } from '../../../shared/views/api.ts';
import type {
  CustomerRow,
  CustomersParams,
  FilterOptions,
  GridCell,
  RegionRow,
  RegionsParams,
  RegionsView,
  SegmentGrid,
  SegmentInfo,
  SegmentSummary,
  SegmentSummaryRow,
  ViewScheme,
} from '../../../shared/views/api.ts';
import type { Db, Param } from '../data/db.ts';
import { filterToSql } from '../data/filter-sql.ts';
import { readSchemes, readSettings, readTags } from '../analytics/analytics-store.ts';
import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { ViewsWorkerSpec } from './views-protocol.ts';
import { VIEW_TABLE, ensureViewTable } from './view-table.ts';

const SEGMENT_COLUMN: Record<ViewScheme, string> = { rfm8: 'segment_8', rfm11: 'segment_11' };
const TAG_SEP = '\u001f';

interface Source {
  /** FROM clause naming the view table `v` (joined with the selection when filtered). */
  table: string;
  where: string;
  params: Param[];
}

let selection: { build: number; key: string } | null = null;
let currentBuild = 0;
let regionCache: { build: number; key: string; rows: (RawRegion & { sr: string | null; am: string | null })[] } | null = null;

const selectionKey = (filter: CustomerFilter): string => JSON.stringify(normalizeFilter(filter));

/**
 * The customers a filter keeps. An empty filter reads the view table directly; any other
 * filter is evaluated once into `temp.views_sel` (ids), reused by every call with the same
 * filter until the view table is rebuilt — a page asks for several aggregates per change.
 * Product lines are matched with one pass over the orders instead of a lookup per customer
 * (same meaning as filter-sql's EXISTS: a non-cancelled order of one of the lines).
 */
function where(db: Db, filter: CustomerFilter): Source {
  const build = ensureViewTable(db);
  currentBuild = build;
  if (isEmptyFilter(filter)) return { table: `${VIEW_TABLE} AS v`, where: '1 = 1', params: [] };
  const key = selectionKey(filter);
  if (selection?.build !== build || selection.key !== key) {
    const { productLines, ...rest } = normalizeFilter(filter);
    const sql = filterToSql({ ...rest, productLines: [] }, { table: 'v' });
    let lines = '';
    const params: Param[] = [...sql.params];
    if (productLines.length > 0) {
      lines = ` AND v.id IN (SELECT customer_id FROM orders WHERE product_line IN (${productLines.map(() => '?').join(', ')}) AND (status IS NULL OR status <> 'cancelled'))`;
      params.push(...productLines);
    }
    db.exec('DROP TABLE IF EXISTS temp.views_sel; CREATE TEMP TABLE views_sel (id INTEGER PRIMARY KEY);');
    db.run(`INSERT INTO temp.views_sel SELECT v.id FROM ${VIEW_TABLE} AS v WHERE ${sql.where}${lines}`, params);
    selection = { build, key };
  }
  return { table: `temp.views_sel AS vs JOIN ${VIEW_TABLE} AS v ON v.id = vs.id`, where: '1 = 1', params: [] };
}

function schemeSegments(db: Db, scheme: ViewScheme): SegmentInfo[] {
  const schemes: readonly SegmentScheme[] = readSchemes(db) ?? DEFAULT_SCHEMES;
  const found = schemes.find((s) => s.id === scheme);
  if (!found) return [];
  return [
    ...found.segments.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, color: s.color ?? null })),
    { id: found.catchAll.id, nameZh: found.catchAll.nameZh, nameEn: found.catchAll.nameEn, color: found.catchAll.color ?? null },
  ];
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
const rateOrNull = (won: number, lost: number): number | null => (won + lost > 0 ? won / (won + lost) : null);

function bins(db: Db, cells: readonly { r: number; y: number }[], yAxis: 'f' | 'fm'): number {
  const settings = normalizeSettings(readSettings(db));
  const seen = cells.reduce((m, c) => Math.max(m, c.r, yAxis === 'f' ? c.y : Math.ceil(c.y / 2)), 0);
  return Math.max(settings.bins.r, settings.bins.f, settings.bins.m, seen);
}

export function segmentGrid(db: Db, p: ViewsWorkerSpec['viewsSegmentGrid']['params']): SegmentGrid {
  const w = where(db, p.filter);
  const y = p.yAxis === 'f' ? 'v.f_score' : '(v.f_score + v.m_score)';
  const seg = `v.${SEGMENT_COLUMN[p.scheme]}`;
  // Unscored customers (no purchases) come back as one group with y NULL.
  const all = db.all<{ r: number | null; y: number | null; seg: string | null; n: number; revenue: number; rec: number | null; fr: number | null; mo: number | null }>(
    `SELECT CASE WHEN v.m_score IS NULL THEN NULL ELSE v.r_score END AS r, CASE WHEN v.m_score IS NULL OR v.r_score IS NULL THEN NULL ELSE ${y} END AS y,
            ${seg} AS seg, count(*) AS n, total(v.revenue) AS revenue,
            total(v.recency_days) AS rec, total(v.frequency) AS fr, total(v.monetary) AS mo
     FROM ${w.table} WHERE ${w.where}
     GROUP BY 1, 2, 3`,
    w.params,
  );
  const unscored = all.filter((row) => row.r === null || row.y === null).reduce((sum, row) => sum + row.n, 0);
  const rows = all.filter((row): row is typeof row & { r: number; y: number } => row.r !== null && row.y !== null);
  const cells = new Map<string, GridCell & { best: number; rec: number; fr: number; mo: number }>();
  let customers = 0;
  let revenue = 0;
  for (const row of rows) {
    customers += row.n;
    revenue += row.revenue;
    const key = `${row.r}:${row.y}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { r: row.r, y: row.y, customers: 0, revenue: 0, share: 0, revenueShare: 0, avgRecencyDays: null, avgFrequency: null, avgMonetary: null, segment: null, best: -1, rec: 0, fr: 0, mo: 0 };
      cells.set(key, cell);
    }
    cell.customers += row.n;
    cell.revenue += row.revenue;
    cell.rec += row.rec ?? 0;
    cell.fr += row.fr ?? 0;
    cell.mo += row.mo ?? 0;
    if (row.n > cell.best) {
      cell.best = row.n;
      cell.segment = row.seg;
    }
  }
  const out: GridCell[] = [...cells.values()]
    .map(({ best: _best, rec, fr, mo, ...cell }) => ({
      ...cell,
      share: ratio(cell.customers, customers),
      revenueShare: ratio(cell.revenue, revenue),
      avgRecencyDays: cell.customers > 0 ? rec / cell.customers : null,
      avgFrequency: cell.customers > 0 ? fr / cell.customers : null,
      avgMonetary: cell.customers > 0 ? mo / cell.customers : null,
    }))
    .sort((a, b) => a.r - b.r || a.y - b.y);
  return {
    scheme: p.scheme,
    yAxis: p.yAxis,
    size: p.size,
    bins: bins(db, out, p.yAxis),
    cells: out,
    customers,
    revenue,
    unscored,
    segments: schemeSegments(db, p.scheme),
  };
}

export function segmentSummary(db: Db, p: ViewsWorkerSpec['viewsSegmentSummary']['params']): SegmentSummary {
  const w = where(db, p.filter);
  const seg = `v.${SEGMENT_COLUMN[p.scheme]}`;
  const rows = db.all<{ seg: string; n: number; revenue: number; r12: number; rec: number | null; fr: number | null; mo: number | null; won: number; lost: number }>(
    `SELECT ${seg} AS seg, count(*) AS n, total(v.revenue) AS revenue, total(v.amount_12m) AS r12,
            avg(v.recency_days) AS rec, avg(v.frequency) AS fr, avg(v.monetary) AS mo, total(v.won) AS won, total(v.lost) AS lost
     FROM ${w.table} WHERE ${seg} IS NOT NULL AND ${w.where} GROUP BY 1`,
    w.params,
  );
  const customers = rows.reduce((s, r) => s + r.n, 0);
  const revenue = rows.reduce((s, r) => s + r.revenue, 0);
  const segments = schemeSegments(db, p.scheme);
  const order = new Map(segments.map((s, i) => [s.id, i]));
  const out: SegmentSummaryRow[] = rows
    .map((r) => ({
      segment: r.seg,
      customers: r.n,
      share: ratio(r.n, customers),
      revenue: r.revenue,
      revenueShare: ratio(r.revenue, revenue),
      revenue12m: r.r12,
      avgRecencyDays: r.rec,
      avgFrequency: r.fr,
      avgMonetary: r.mo,
      won: r.won,
      lost: r.lost,
      winRate: rateOrNull(r.won, r.lost),
    }))
    .sort((a, b) => (order.get(a.segment) ?? 999) - (order.get(b.segment) ?? 999));
  return { scheme: p.scheme, rows: out, customers, revenue, segments };
}

interface RawRegion {
  name: string | null;
  province: string | null;
  n: number;
  revenue: number;
  r12: number;
  p12: number;
  target: number;
  rfmSum: number;
  rfmCount: number;
  won: number;
  lost: number;
  overdue: number;
  churn: number;
}

const emptyRaw = (name: string | null, province: string | null): RawRegion => ({
  name, province, n: 0, revenue: 0, r12: 0, p12: 0, target: 0, rfmSum: 0, rfmCount: 0, won: 0, lost: 0, overdue: 0, churn: 0,
});

function addRaw(into: RawRegion, row: RawRegion): void {
  into.n += row.n;
  into.revenue += row.revenue;
  into.r12 += row.r12;
  into.p12 += row.p12;
  into.target += row.target;
  into.rfmSum += row.rfmSum;
  into.rfmCount += row.rfmCount;
  into.won += row.won;
  into.lost += row.lost;
  into.overdue += row.overdue;
  into.churn += row.churn;
}

function regionRow(raw: RawRegion, metric: RegionsParams['metric']): RegionRow {
  const growth = raw.p12 > 0 ? raw.r12 / raw.p12 - 1 : null;
  const winRate = rateOrNull(raw.won, raw.lost);
  const avgRfm = raw.rfmCount > 0 ? raw.rfmSum / raw.rfmCount : null;
  const share = raw.n > 0 ? raw.target / raw.n : null;
  const values: Record<RegionsParams['metric'], number | null> = {
    customers: raw.n,
    revenue: raw.revenue,
    revenue12m: raw.r12,
    growth,
    segmentShare: share,
    gradeShare: share,
    tagShare: share,
    avgRfm,
    winRate,
    overdue: raw.overdue,
    churnRisk: raw.churn,
  };
  return {
    name: raw.name ?? '',
    province: raw.province,
    customers: raw.n,
    revenue: raw.revenue,
    revenue12m: raw.r12,
    revenuePrev12m: raw.p12,
    growth,
    targetCustomers: raw.target,
    avgRfm,
    won: raw.won,
    lost: raw.lost,
    winRate,
    overdue: raw.overdue,
    churnRiskCustomers: raw.churn,
    value: values[metric],
  };
}

/**
 * One scan grouped by (region, sales region, account manager) — a few thousand rows at most —
 * rolled up here into the regions, the sales regions, the account managers and the total.
 */
export function regions(db: Db, p: RegionsParams): RegionsView {
  const w = where(db, p.filter);
  let target = '0';
  const targetParams: Param[] = [];
  if (p.target !== undefined) {
    if (p.metric === 'segmentShare') {
      target = `(v.${SEGMENT_COLUMN[p.scheme ?? 'rfm8']} = ?)`;
      targetParams.push(p.target);
    } else if (p.metric === 'gradeShare') {
      target = '(v.grade = ?)';
      targetParams.push(p.target);
    } else if (p.metric === 'tagShare') {
      target = 'EXISTS (SELECT 1 FROM customer_tags AS vt WHERE vt.tag_id = ? AND vt.customer_id = v.id)';
      targetParams.push(p.target);
    }
  }
  const city = p.level === 'city';
  const scoped = city && p.province !== undefined;
  const cacheKey = JSON.stringify([selectionKey(p.filter), city, p.province ?? null, target, targetParams]);
  const cached = regionCache?.build === currentBuild && regionCache.key === cacheKey ? regionCache.rows : null;
  const rows = cached ?? db.all<RawRegion & { sr: string | null; am: string | null }>(
    `SELECT ${city ? 'v.city' : 'v.province'} AS name, ${city ? 'v.province' : 'NULL'} AS province, v.sales_region AS sr, v.account_manager AS am,
            count(*) AS n, total(v.revenue) AS revenue, total(v.amount_12m) AS r12, total(v.amount_prev_12m) AS p12,
            total(${target}) AS target, total((v.r_score + v.f_score + v.m_score) / 3.0) AS rfmSum,
            count(v.r_score + v.f_score + v.m_score) AS rfmCount, total(v.won) AS won, total(v.lost) AS lost,
            total(v.overdue) AS overdue, total(v.churn_risk >= ${CHURN_RISK_THRESHOLD}) AS churn
     FROM ${w.table} WHERE ${scoped ? 'v.province = ?' : '1 = 1'} AND ${w.where}
     GROUP BY ${city ? 'v.province, v.city' : 'v.province'}, v.sales_region, v.account_manager`,
    [...targetParams, ...(scoped ? [p.province ?? ''] : []), ...w.params],
  );
  // Switching between metrics that need no target reuses the same grouped rows.
  regionCache = { build: currentBuild, key: cacheKey, rows };
  const main = new Map<string, RawRegion>();
  const salesRegions = new Map<string, RawRegion>();
  const managers = new Map<string, RawRegion>();
  const total = emptyRaw('', null);
  const into = (map: Map<string, RawRegion>, key: string, name: string | null, province: string | null, row: RawRegion): void => {
    let raw = map.get(key);
    if (!raw) {
      raw = emptyRaw(name, province);
      map.set(key, raw);
    }
    addRaw(raw, row);
  };
  for (const row of rows) {
    into(main, JSON.stringify([row.province, row.name]), row.name, row.province, row);
    into(salesRegions, row.sr ?? '', row.sr, null, row);
    into(managers, row.am ?? '', row.am, null, row);
    addRaw(total, row);
  }
  const byValue = (a: RegionRow, b: RegionRow): number => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name);
  const finish = (map: Map<string, RawRegion>): RegionRow[] => [...map.values()].map((r) => regionRow(r, p.metric)).sort(byValue);
  return {
    level: p.level,
    metric: p.metric,
    rows: finish(main),
    salesRegions: finish(salesRegions),
    accountManagers: finish(managers),
    total: regionRow(total, p.metric),
  };
}

export function customers(db: Db, p: CustomersParams): { total: number; rows: CustomerRow[] } {
  const w = where(db, p.filter);
  let cellWhere = '1 = 1';
  const cellParams: Param[] = [];
  if (p.cell) {
    cellWhere = p.cell.yAxis === 'f' ? 'v.r_score = ? AND v.f_score = ?' : 'v.r_score = ? AND v.f_score + v.m_score = ?';
    cellParams.push(p.cell.r, p.cell.y);
  }
  const params = [...cellParams, ...w.params];
  const totalValue = db.value(`SELECT count(*) FROM ${w.table} WHERE ${cellWhere} AND ${w.where}`, params);
  const limit = p.limit ?? -1;
  const offset = p.offset ?? 0;
  const result = db.table(
    `SELECT v.id, v.code, v.name, v.sales_region, v.province, v.city, v.account_manager, v.customer_type, v.recency_days,
            v.frequency, v.monetary, v.r_score, v.f_score, v.m_score, v.segment_8, v.segment_11, v.grade, v.lifecycle,
            v.churn_risk, v.amount_12m, v.overdue
     FROM ${w.table} WHERE ${cellWhere} AND ${w.where} ORDER BY v.id LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const n = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const raw: Omit<CustomerRow, 'tags'>[] = result.values.map((r) => ({
    id: n(r[0]) ?? 0,
    code: s(r[1]) ?? '',
    name: s(r[2]) ?? '',
    salesRegion: s(r[3]),
    province: s(r[4]),
    city: s(r[5]),
    accountManager: s(r[6]),
    customerType: s(r[7]),
    recencyDays: n(r[8]),
    frequency: n(r[9]),
    monetary: n(r[10]),
    r: n(r[11]),
    f: n(r[12]),
    m: n(r[13]),
    segment8: s(r[14]),
    segment11: s(r[15]),
    grade: s(r[16]),
    lifecycle: s(r[17]) ?? 'prospect',
    churnRisk: n(r[18]) ?? 0,
    amount12m: n(r[19]) ?? 0,
    overdue: n(r[20]) ?? 0,
  }));
  // Tags in grouped passes: by id list for a selection, by id range for (nearly) everyone.
  const tags = new Map<number, string[]>();
  const collect = (sql: string, params: Param[]): void => {
    for (const row of db.all<{ id: number; tags: string }>(sql, params)) tags.set(row.id, row.tags.split(TAG_SEP));
  };
  const groupSql = (cond: string): string =>
    `SELECT customer_id AS id, group_concat(tag_id, '${TAG_SEP}') AS tags FROM customer_tags WHERE ${cond} GROUP BY customer_id`;
  if (raw.length > 0 && raw.length <= 20_000) {
    for (let i = 0; i < raw.length; i += 500) {
      const ids = raw.slice(i, i + 500).map((r) => r.id);
      collect(groupSql(`customer_id IN (${ids.map(() => '?').join(', ')})`), ids);
    }
  } else if (raw.length > 0) {
    collect(groupSql('customer_id BETWEEN ? AND ?'), [raw[0]?.id ?? 0, raw[raw.length - 1]?.id ?? 0]);
  }
  const rows: CustomerRow[] = raw.map((r) => ({ ...r, tags: tags.get(r.id) ?? [] }));
  return { total: typeof totalValue === 'number' ? totalValue : 0, rows };
}

function distinct(db: Db, sql: string): string[] {
  return db.all<{ v: string }>(sql).map((r) => r.v);
}

export function filterOptions(db: Db): FilterOptions {
  const settings = normalizeSettings(readSettings(db));
  const tags = readTags(db) ?? DEFAULT_TAG_LIBRARY;
  const nonEmpty = (col: string, table = 'customers'): string =>
    `SELECT DISTINCT ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL AND ${col} <> '' ORDER BY 1`;
  const analysisDate = db.value("SELECT json_extract(CAST(data AS TEXT), '$.analysisDate') FROM customer_metrics WHERE key = 'meta'");
  return {
    salesRegions: distinct(db, nonEmpty('sales_region')),
    provinces: distinct(db, nonEmpty('province')),
    cities: db.all<{ province: string | null; city: string }>(
      "SELECT DISTINCT province, city FROM customers WHERE city IS NOT NULL AND city <> '' ORDER BY province, city",
    ),
    accountManagers: distinct(db, nonEmpty('account_manager')),
    productLines: distinct(db, nonEmpty('product_line', 'orders')),
    customerTypes: distinct(db, nonEmpty('type')),
    grades: distinct(db, nonEmpty('grade', 'customer_scores')),
    lifecycles: distinct(db, nonEmpty('lifecycle', 'customer_scores')),
    schemes: (['rfm8', 'rfm11'] as const).map((id) => {
      const scheme = (readSchemes(db) ?? DEFAULT_SCHEMES).find((s) => s.id === id);
      return { id, nameZh: scheme?.nameZh ?? id, nameEn: scheme?.nameEn ?? id, segments: schemeSegments(db, id) };
    }),
    tags: tags
      .filter((t) => t.rule !== null)
      .map((t) => ({ id: t.id, nameZh: t.nameZh, nameEn: t.nameEn, color: t.color })),
    monetary: settings.monetary,
    analysisDate: typeof analysisDate === 'string' ? analysisDate : null,
  };
}

export function createViewsOps(workspace: WorkspaceAccess): Handlers<ViewsWorkerSpec> {
  return {
    viewsSegmentGrid: async (params) => segmentGrid(workspace.db(), params),
    viewsSegmentSummary: async (params) => segmentSummary(workspace.db(), params),
    viewsRegions: async (params) => regions(workspace.db(), params),
    viewsCustomers: async (params) => customers(workspace.db(), params),
    viewsFilterOptions: async () => filterOptions(workspace.db()),
  };
}
