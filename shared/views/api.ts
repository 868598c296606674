/**
 * The views feature's part of the API contract: its calls (merged into ApiSpec), their
 * method names and their parameter validators.
 *
 * Every call takes the shared customer filter (shared/filters); the worker turns it into SQL
 * over one table per workspace state: customers joined with their scores and the metrics the
 * views need (revenue = all non-cancelled orders; 12-month amounts; overdue; won/lost
 * opportunities). Filters arrive as untrusted JSON and are checked field by field here, then
 * normalised.
 */
import { fail, integer, oneOf, record } from '../api/checks.ts';
import type { Validators } from '../api/checks.ts';
import { LIST_FIELDS, MAX_VALUES_PER_FIELD, MAX_VALUE_LENGTH, normalizeFilter, type CustomerFilter } from '../filters/index.ts';

// ───────────────────────────── shared shapes ─────────────────────────────

export const VIEW_SCHEMES = ['rfm8', 'rfm11'] as const;
export type ViewScheme = (typeof VIEW_SCHEMES)[number];

/** Churn risk (0–100) from which a customer counts as a churn-risk customer. */
export const CHURN_RISK_THRESHOLD = 50;

export interface SegmentInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  color: string | null;
}

// ───────────────────────────── segment grid ─────────────────────────────

export const GRID_Y_AXES = ['f', 'fm'] as const;
export type GridYAxis = (typeof GRID_Y_AXES)[number];
export const GRID_SIZES = ['customers', 'revenue'] as const;
export type GridSize = (typeof GRID_SIZES)[number];

export interface GridCell {
  /** Recency score (higher = more recent). */
  r: number;
  /** Frequency score, or F + M score when yAxis is 'fm'. */
  y: number;
  customers: number;
  revenue: number;
  /** Share of the filtered scored customers / revenue (0–1). */
  share: number;
  revenueShare: number;
  avgRecencyDays: number | null;
  avgFrequency: number | null;
  avgMonetary: number | null;
  /** The segment most customers of the cell belong to. */
  segment: string | null;
}

export interface SegmentGrid {
  scheme: ViewScheme;
  yAxis: GridYAxis;
  size: GridSize;
  /** Score bins (x axis runs 1..bins; y 1..bins, or 2..2×bins for F + M). */
  bins: number;
  cells: GridCell[];
  customers: number;
  revenue: number;
  /** Filtered customers without scores (prospects). */
  unscored: number;
  segments: SegmentInfo[];
}

// ───────────────────────────── segment summary ─────────────────────────────

export interface SegmentSummaryRow {
  segment: string;
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
  revenue12m: number;
  avgRecencyDays: number | null;
  avgFrequency: number | null;
  avgMonetary: number | null;
  won: number;
  lost: number;
  winRate: number | null;
}

export interface SegmentSummary {
  scheme: ViewScheme;
  rows: SegmentSummaryRow[];
  customers: number;
  revenue: number;
  segments: SegmentInfo[];
}

// ───────────────────────────── regions ─────────────────────────────

export const REGION_METRICS = [
  'customers',
  'revenue',
  'revenue12m',
  'growth',
  'segmentShare',
  'gradeShare',
  'tagShare',
  'avgRfm',
  'winRate',
  'overdue',
  'churnRisk',
] as const;
export type RegionMetric = (typeof REGION_METRICS)[number];
export const REGION_LEVELS = ['province', 'city'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionRow {
  /** The stored name (province, city, sales region or account manager); '' when blank. */
  name: string;
  /** For cities: their province. */
  province: string | null;
  customers: number;
  revenue: number;
  revenue12m: number;
  revenuePrev12m: number;
  /** revenue12m / revenuePrev12m − 1; null when the previous 12 months were 0. */
  growth: number | null;
  /** Customers of the chosen segment / grade / tag (0 without a target). */
  targetCustomers: number;
  avgRfm: number | null;
  won: number;
  lost: number;
  winRate: number | null;
  overdue: number;
  churnRiskCustomers: number;
  /** The chosen metric's value. */
  value: number | null;
}

export interface RegionsParams {
  filter: CustomerFilter;
  level: RegionLevel;
  province?: string;
  metric: RegionMetric;
  /** The segment (of `scheme`), grade letter or tag id for the share metrics. */
  target?: string;
  scheme?: ViewScheme;
}

export interface RegionsView {
  level: RegionLevel;
  metric: RegionMetric;
  rows: RegionRow[];
  salesRegions: RegionRow[];
  accountManagers: RegionRow[];
  total: RegionRow;
}

// ───────────────────────────── customers ─────────────────────────────

export interface GridCellSelection {
  r: number;
  y: number;
  yAxis: GridYAxis;
}

export interface CustomerRow {
  id: number;
  code: string;
  name: string;
  salesRegion: string | null;
  province: string | null;
  city: string | null;
  accountManager: string | null;
  customerType: string | null;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segment8: string | null;
  segment11: string | null;
  grade: string | null;
  lifecycle: string;
  churnRisk: number;
  amount12m: number;
  overdue: number;
  tags: string[];
}

export interface CustomersParams {
  filter: CustomerFilter;
  /** Restricts to one cell of the segment grid. */
  cell?: GridCellSelection;
  offset?: number;
  limit?: number;
}

export interface CustomersView {
  /** Matching customers in total (rows may be a page of them). */
  total: number;
  rows: CustomerRow[];
}

// ───────────────────────────── filter options ─────────────────────────────

export interface FilterOptions {
  salesRegions: string[];
  provinces: string[];
  cities: { province: string | null; city: string }[];
  accountManagers: string[];
  productLines: string[];
  customerTypes: string[];
  grades: string[];
  lifecycles: string[];
  schemes: { id: ViewScheme; nameZh: string; nameEn: string; segments: SegmentInfo[] }[];
  tags: { id: string; nameZh: string; nameEn: string; color: string }[];
  /** What M means in the current scoring ('total' | 'average' | 'collected'). */
  monetary: string;
  analysisDate: string | null;
}

// ───────────────────────────── the spec ─────────────────────────────

export interface ViewsApiSpec {
  'views.segmentGrid': { params: { filter: CustomerFilter; scheme: ViewScheme; yAxis: GridYAxis; size: GridSize }; result: SegmentGrid };
  'views.segmentSummary': { params: { filter: CustomerFilter; scheme: ViewScheme }; result: SegmentSummary };
  'views.regions': { params: RegionsParams; result: RegionsView };
  'views.customers': { params: CustomersParams; result: CustomersView };
  'views.filterOptions': { params: undefined; result: FilterOptions };
}

export const VIEWS_METHODS = {
  'views.segmentGrid': true,
  'views.segmentSummary': true,
  'views.regions': true,
  'views.customers': true,
  'views.filterOptions': true,
} as const satisfies Record<keyof ViewsApiSpec, true>;

// ───────────────────────────── validators ─────────────────────────────

const MAX_ROWS = 1_000_000;

function stringList(method: string, value: unknown, where: string): string[] {
  if (!Array.isArray(value)) fail(method, `"${where}" must be a list of strings`);
  if (value.length > MAX_VALUES_PER_FIELD) fail(method, `"${where}" has more than ${MAX_VALUES_PER_FIELD} values`);
  return value.map((v) => {
    if (typeof v !== 'string' || v.length > MAX_VALUE_LENGTH || v.includes('\0')) fail(method, `"${where}" must hold strings up to ${MAX_VALUE_LENGTH} characters`);
    return v;
  });
}

function shortText(method: string, value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length > MAX_VALUE_LENGTH || value.includes('\0')) {
    fail(method, `"${where}" must be a string up to ${MAX_VALUE_LENGTH} characters`);
  }
  return value;
}

/** A customer filter from untrusted JSON: every field required, checked, then normalised. */
export function checkFilter(method: string, value: unknown): CustomerFilter {
  const obj = record(method, value, [...LIST_FIELDS, 'segment', 'tags', 'search']);
  const list = (field: (typeof LIST_FIELDS)[number]): string[] => stringList(method, obj[field] ?? [], `filter.${field}`);
  let segment: CustomerFilter['segment'] = null;
  if (obj['segment'] !== null && obj['segment'] !== undefined) {
    const seg = record(method, obj['segment'], ['scheme', 'values']);
    segment = { scheme: shortText(method, seg['scheme'], 'filter.segment.scheme'), values: stringList(method, seg['values'], 'filter.segment.values') };
  }
  const tagsRaw = record(method, obj['tags'] ?? { mode: 'any', ids: [] }, ['mode', 'ids']);
  const mode = oneOf(method, tagsRaw, 'mode', ['any', 'all'] as const);
  const ids = stringList(method, tagsRaw['ids'] ?? [], 'filter.tags.ids');
  const search = shortText(method, obj['search'] ?? '', 'filter.search');
  return normalizeFilter({
    salesRegions: list('salesRegions'),
    provinces: list('provinces'),
    cities: list('cities'),
    accountManagers: list('accountManagers'),
    productLines: list('productLines'),
    customerTypes: list('customerTypes'),
    grades: list('grades'),
    lifecycles: list('lifecycles'),
    segment,
    tags: { mode, ids },
    search,
  });
}

export const viewsValidators: Validators<ViewsApiSpec> = {
  'views.segmentGrid': (params) => {
    const m = 'views.segmentGrid';
    const obj = record(m, params, ['filter', 'scheme', 'yAxis', 'size']);
    return {
      filter: checkFilter(m, obj['filter']),
      scheme: oneOf(m, obj, 'scheme', VIEW_SCHEMES),
      yAxis: oneOf(m, obj, 'yAxis', GRID_Y_AXES),
      size: oneOf(m, obj, 'size', GRID_SIZES),
    };
  },
  'views.segmentSummary': (params) => {
    const m = 'views.segmentSummary';
    const obj = record(m, params, ['filter', 'scheme']);
    return { filter: checkFilter(m, obj['filter']), scheme: oneOf(m, obj, 'scheme', VIEW_SCHEMES) };
  },
  'views.regions': (params) => {
    const m = 'views.regions';
    const obj = record(m, params, ['filter', 'level', 'province', 'metric', 'target', 'scheme']);
    const out: RegionsParams = {
      filter: checkFilter(m, obj['filter']),
      level: oneOf(m, obj, 'level', REGION_LEVELS),
      metric: oneOf(m, obj, 'metric', REGION_METRICS),
    };
    if (obj['province'] !== undefined) out.province = shortText(m, obj['province'], 'province');
    if (obj['target'] !== undefined) out.target = shortText(m, obj['target'], 'target');
    if (obj['scheme'] !== undefined) out.scheme = oneOf(m, obj, 'scheme', VIEW_SCHEMES);
    return out;
  },
  'views.customers': (params) => {
    const m = 'views.customers';
    const obj = record(m, params, ['filter', 'cell', 'offset', 'limit']);
    const out: CustomersParams = { filter: checkFilter(m, obj['filter']) };
    if (obj['cell'] !== undefined) {
      const cell = record(m, obj['cell'], ['r', 'y', 'yAxis']);
      out.cell = { r: integer(m, cell, 'r', 1, 20), y: integer(m, cell, 'y', 1, 40), yAxis: oneOf(m, cell, 'yAxis', GRID_Y_AXES) };
    }
    if (obj['offset'] !== undefined) out.offset = integer(m, obj, 'offset', 0, MAX_ROWS);
    if (obj['limit'] !== undefined) out.limit = integer(m, obj, 'limit', 1, MAX_ROWS);
    return out;
  },
  'views.filterOptions': (params) => {
    if (params !== undefined && params !== null) fail('views.filterOptions', 'takes no parameters');
    return undefined;
  },
};
