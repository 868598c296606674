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
import { ID_PATTERN } from '../analytics/api.ts';
import type { Validators } from '../api/checks.ts';
import { LIST_FIELDS, MAX_VALUES_PER_FIELD, MAX_VALUE_LENGTH, normalizeFilter, type CustomerFilter } from '../filters/index.ts';

// ───────────────────────────── shared shapes ─────────────────────────────

/**
 * A segment scheme id: one of the shipped schemes ('rfm8', 'rfm11') or a user-defined one. The
 * validators check only its shape; whether the workspace has that scheme is the worker's check
 * (schemes are workspace data), answered with `UNKNOWN_SCHEME_CODE` in the error details.
 */
export type ViewScheme = string;
/** The scheme every view starts on, and falls back to when the chosen one was deleted. */
export const DEFAULT_VIEW_SCHEME: ViewScheme = 'rfm8';
/** The schemes that ship (they cannot be deleted) and have their own columns in the customer list. */
export const SHIPPED_VIEW_SCHEMES: readonly ViewScheme[] = ['rfm8', 'rfm11'];
/** `details.code` of the INVALID_INPUT error for a scheme id the workspace does not have. */
export const UNKNOWN_SCHEME_CODE = 'unknown-scheme';

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

/** Columns the customer list sorts by (in the worker, over every matching customer). */
export const CUSTOMER_SORT_COLUMNS = [
  'code', 'name', 'province', 'city', 'salesRegion', 'manager', 'type', 'recency', 'frequency', 'monetary', 'scores',
  'segment8', 'segment11', 'grade', 'lifecycle', 'churnRisk', 'amount12m', 'overdue', 'tags',
] as const;
export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];

export interface CustomerSort {
  column: CustomerSortColumn;
  direction: 'asc' | 'desc';
}

export interface CustomersParams {
  filter: CustomerFilter;
  /** Restricts to one cell of the segment grid. */
  cell?: GridCellSelection;
  /** Quick find within the list: name, code, city or account manager contains it. */
  find?: string;
  /** Empty values last in either direction, ties by id; default: by id. */
  sort?: CustomerSort;
  offset?: number;
  limit?: number;
}

/** Which customers a list shows, without paging: for "select all matching". */
export interface CustomerIdsParams {
  filter: CustomerFilter;
  cell?: GridCellSelection;
  find?: string;
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
  /** Every scheme of the workspace, in the order Settings lists them (shipped ones first). */
  schemes: { id: ViewScheme; nameZh: string; nameEn: string; shipped: boolean; segments: SegmentInfo[] }[];
  tags: { id: string; nameZh: string; nameEn: string; color: string }[];
  /** What M means in the current scoring ('total' | 'average' | 'collected'). */
  monetary: string;
  analysisDate: string | null;
}

// ───────────────────────────── saved views, sales regions, region fixes ─────────────────────────────

/** A named filter set stored in the workspace; `query` is the filter as the URL carries it. */
export interface SavedViewRecord {
  name: string;
  query: string;
  updatedAt: string;
}

export const MAX_VIEW_NAME = 60;
export const MAX_REGION_NAME = 20;

export interface SalesRegionRow {
  /** Province full name (江苏省) and its GB/T 2260 code. */
  province: string;
  code: string;
  region: string;
  /** The shipped default region of this province. */
  defaultRegion: string;
}

export interface SalesRegionMapping {
  rows: SalesRegionRow[];
  /** Region names in use, shipped ones first. */
  regions: string[];
  /** True when the workspace stores its own mapping. */
  customised: boolean;
}

export const REGION_FIX_LEVELS = ['province', 'city'] as const;
export type RegionFixLevel = (typeof REGION_FIX_LEVELS)[number];

/** A hand fix: customers whose province (or city) reads `raw` get this province / city. */
export interface RegionFix {
  raw: string;
  level: RegionFixLevel;
  province: string;
  city: string | null;
  /** Customers it applied to when last applied. */
  customers: number;
}

/** A province or city name stored on customers that is not a known division. */
export interface UnmatchedRegionName {
  raw: string;
  level: RegionFixLevel;
  /** The (known) province of those customers, for an unknown city. */
  province: string | null;
  customers: number;
}

export interface RegionFixesView {
  unmatched: UnmatchedRegionName[];
  fixes: RegionFix[];
}

// ───────────────────────────── the spec ─────────────────────────────

export interface ViewsApiSpec {
  'views.segmentGrid': { params: { filter: CustomerFilter; scheme: ViewScheme; yAxis: GridYAxis; size: GridSize }; result: SegmentGrid };
  'views.segmentSummary': { params: { filter: CustomerFilter; scheme: ViewScheme }; result: SegmentSummary };
  'views.regions': { params: RegionsParams; result: RegionsView };
  'views.customers': { params: CustomersParams; result: CustomersView };
  'views.filterOptions': { params: undefined; result: FilterOptions };
  'views.customerIds': { params: CustomerIdsParams; result: { ids: number[] } };
  'views.savedViews.list': { params: undefined; result: SavedViewRecord[] };
  /** Saves (or, with `previousName`, renames and updates) a view; returns the list. */
  'views.savedViews.save': { params: { name: string; query: string; previousName?: string }; result: SavedViewRecord[] };
  'views.savedViews.delete': { params: { name: string }; result: SavedViewRecord[] };
  'views.salesRegions.get': { params: undefined; result: SalesRegionMapping };
  /** Stores the mapping (province full name → region) and applies it to every customer; null = shipped default. */
  'views.salesRegions.set': { params: { mapping: Record<string, string> | null }; result: SalesRegionMapping };
  'views.regionFixes.list': { params: undefined; result: RegionFixesView };
  'views.regionFixes.set': { params: { raw: string; level: RegionFixLevel; province: string; city: string | null }; result: RegionFixesView };
  'views.regionFixes.delete': { params: { raw: string; level: RegionFixLevel }; result: RegionFixesView };
}

export const VIEWS_METHODS = {
  'views.segmentGrid': true,
  'views.segmentSummary': true,
  'views.regions': true,
  'views.customers': true,
  'views.filterOptions': true,
  'views.customerIds': true,
  'views.savedViews.list': true,
  'views.savedViews.save': true,
  'views.savedViews.delete': true,
  'views.salesRegions.get': true,
  'views.salesRegions.set': true,
  'views.regionFixes.list': true,
  'views.regionFixes.set': true,
  'views.regionFixes.delete': true,
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

/** A scheme id's shape: the id pattern the scheme editor enforces (at most 64 characters). */
function schemeId(method: string, value: unknown, where: string): ViewScheme {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    fail(method, `"${where}" must be a segment scheme id (letters, digits, ".", "_", "-"; at most 64 characters)`);
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
    segment = { scheme: schemeId(method, seg['scheme'], 'filter.segment.scheme'), values: stringList(method, seg['values'], 'filter.segment.values') };
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

function checkCell(m: string, value: unknown): GridCellSelection {
  const cell = record(m, value, ['r', 'y', 'yAxis']);
  return { r: integer(m, cell, 'r', 1, 20), y: integer(m, cell, 'y', 1, 40), yAxis: oneOf(m, cell, 'yAxis', GRID_Y_AXES) };
}

/** A name typed by the user: trimmed, non-empty, at most `max` characters, no control characters. */
function userName(m: string, value: unknown, where: string, max: number): string {
  if (typeof value !== 'string') fail(m, `"${where}" must be a string`);
  const name = value.trim();
  if (name === '') fail(m, `"${where}" must not be empty`);
  if (name.length > max) fail(m, `"${where}" must be at most ${max} characters`);
  if (/[\u0000-\u001f\u007f]/.test(name)) fail(m, `"${where}" must not contain control characters`);
  return name;
}

const none = (m: string) => (params: unknown): undefined => {
  if (params !== undefined && params !== null) fail(m, 'takes no parameters');
  return undefined;
};

export const viewsValidators: Validators<ViewsApiSpec> = {
  'views.segmentGrid': (params) => {
    const m = 'views.segmentGrid';
    const obj = record(m, params, ['filter', 'scheme', 'yAxis', 'size']);
    return {
      filter: checkFilter(m, obj['filter']),
      scheme: schemeId(m, obj['scheme'], 'scheme'),
      yAxis: oneOf(m, obj, 'yAxis', GRID_Y_AXES),
      size: oneOf(m, obj, 'size', GRID_SIZES),
    };
  },
  'views.segmentSummary': (params) => {
    const m = 'views.segmentSummary';
    const obj = record(m, params, ['filter', 'scheme']);
    return { filter: checkFilter(m, obj['filter']), scheme: schemeId(m, obj['scheme'], 'scheme') };
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
    if (obj['scheme'] !== undefined) out.scheme = schemeId(m, obj['scheme'], 'scheme');
    return out;
  },
  'views.customers': (params) => {
    const m = 'views.customers';
    const obj = record(m, params, ['filter', 'cell', 'find', 'sort', 'offset', 'limit']);
    const out: CustomersParams = { filter: checkFilter(m, obj['filter']) };
    if (obj['cell'] !== undefined) out.cell = checkCell(m, obj['cell']);
    if (obj['find'] !== undefined) out.find = shortText(m, obj['find'], 'find');
    if (obj['sort'] !== undefined) {
      const sort = record(m, obj['sort'], ['column', 'direction']);
      out.sort = { column: oneOf(m, sort, 'column', CUSTOMER_SORT_COLUMNS), direction: oneOf(m, sort, 'direction', ['asc', 'desc'] as const) };
    }
    if (obj['offset'] !== undefined) out.offset = integer(m, obj, 'offset', 0, MAX_ROWS);
    if (obj['limit'] !== undefined) out.limit = integer(m, obj, 'limit', 1, MAX_ROWS);
    return out;
  },
  'views.filterOptions': none('views.filterOptions'),
  'views.customerIds': (params) => {
    const m = 'views.customerIds';
    const obj = record(m, params, ['filter', 'cell', 'find']);
    const out: CustomerIdsParams = { filter: checkFilter(m, obj['filter']) };
    if (obj['cell'] !== undefined) out.cell = checkCell(m, obj['cell']);
    if (obj['find'] !== undefined) out.find = shortText(m, obj['find'], 'find');
    return out;
  },
  'views.savedViews.list': none('views.savedViews.list'),
  'views.savedViews.save': (params) => {
    const m = 'views.savedViews.save';
    const obj = record(m, params, ['name', 'query', 'previousName']);
    const query = obj['query'];
    if (typeof query !== 'string' || query.length > 20_000) fail(m, '"query" must be a filter query string up to 20000 characters');
    const out: { name: string; query: string; previousName?: string } = { name: userName(m, obj['name'], 'name', MAX_VIEW_NAME), query };
    if (obj['previousName'] !== undefined) out.previousName = shortText(m, obj['previousName'], 'previousName');
    return out;
  },
  'views.savedViews.delete': (params) => {
    const m = 'views.savedViews.delete';
    const obj = record(m, params, ['name']);
    return { name: shortText(m, obj['name'], 'name') };
  },
  'views.salesRegions.get': none('views.salesRegions.get'),
  'views.salesRegions.set': (params) => {
    const m = 'views.salesRegions.set';
    const obj = record(m, params, ['mapping']);
    const raw = obj['mapping'];
    if (raw === null) return { mapping: null };
    if (typeof raw !== 'object' || raw === undefined || Array.isArray(raw)) fail(m, '"mapping" must be an object { province: region } or null');
    const entries = Object.entries(raw as Record<string, unknown>);
    if (entries.length > 100) fail(m, '"mapping" has more than 100 provinces');
    const mapping: Record<string, string> = {};
    for (const [province, region] of entries) mapping[shortText(m, province, 'mapping key')] = userName(m, region, `mapping.${province}`, MAX_REGION_NAME);
    return { mapping };
  },
  'views.regionFixes.list': none('views.regionFixes.list'),
  'views.regionFixes.set': (params) => {
    const m = 'views.regionFixes.set';
    const obj = record(m, params, ['raw', 'level', 'province', 'city']);
    const city = obj['city'];
    return {
      raw: userName(m, obj['raw'], 'raw', MAX_VALUE_LENGTH),
      level: oneOf(m, obj, 'level', REGION_FIX_LEVELS),
      province: userName(m, obj['province'], 'province', MAX_VALUE_LENGTH),
      city: city === null || city === undefined || city === '' ? null : userName(m, city, 'city', MAX_VALUE_LENGTH),
    };
  },
  'views.regionFixes.delete': (params) => {
    const m = 'views.regionFixes.delete';
    const obj = record(m, params, ['raw', 'level']);
    return { raw: shortText(m, obj['raw'], 'raw'), level: oneOf(m, obj, 'level', REGION_FIX_LEVELS) };
  },
};
