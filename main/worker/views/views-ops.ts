/**
 * The views feature's worker operations: every aggregate behind the Segments, Regions and
 * Customers pages and the customer list's pages, answered from the in-memory view model
 * (view-model.ts: one row per customer, integer-coded columns) with typed-array loops; the
 * shared filter becomes a row mask there. Answers are cached per model build (a page asks for
 * several aggregates per change; Back repeats earlier ones). The workspace-stored parts
 * (saved views, sales regions, region fixes) live in view-settings.ts.
 */
import { DEFAULT_SCHEMES, DEFAULT_TAG_LIBRARY, normalizeSettings } from '../../../shared/analytics/index.ts';
import type { SegmentScheme } from '../../../shared/analytics/index.ts';
import { normalizeFilter, searchKey, type CustomerFilter } from '../../../shared/filters/index.ts';
import { AtlasError } from '../../../shared/api/errors.ts';
import { CHURN_RISK_THRESHOLD, DEFAULT_VIEW_SCHEME, UNKNOWN_SCHEME_CODE } from '../../../shared/views/api.ts';
import type {
  CustomerIdsParams,
  CustomerRow,
  CustomerSort,
  CustomerSortColumn,
  CustomersParams,
  CustomersView,
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
import type { Db } from '../data/db.ts';
import { readSchemes, readSettings, readTags } from '../analytics/analytics-store.ts';
import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { ViewsWorkerSpec } from './views-protocol.ts';
import { filterMask, productLines, rowTags, segmentColumn, textAt, viewModel, type Coded, type ViewModel } from './view-model.ts';
import { createViewSettingsOps } from './view-settings.ts';

/** Answers per model build: a page asks for several aggregates per change, and Back repeats them. */
const RESULT_CACHE_SIZE = 48;
let resultCache: { build: number; entries: Map<string, unknown> } = { build: -1, entries: new Map() };

function cached<T>(model: ViewModel, key: string, compute: () => T): T {
  if (resultCache.build !== model.build) resultCache = { build: model.build, entries: new Map() };
  const entries = resultCache.entries;
  if (entries.has(key)) {
    const value = entries.get(key) as T;
    entries.delete(key);
    entries.set(key, value);
    return value;
  }
  const value = compute();
  entries.set(key, value);
  if (entries.size > RESULT_CACHE_SIZE) entries.delete(entries.keys().next().value as string);
  return value;
}

let maskCache: { build: number; key: string; mask: Uint8Array | null } | null = null;

/** The rows a filter keeps (null = all), the last one remembered. A segment filter must name a scheme the workspace has. */
function maskOf(db: Db, model: ViewModel, filter: CustomerFilter): Uint8Array | null {
  const normal = normalizeFilter(filter);
  if (normal.segment !== null) schemeOf(db, normal.segment.scheme);
  const key = JSON.stringify(normal);
  if (maskCache?.build !== model.build || maskCache.key !== key) maskCache = { build: model.build, key, mask: filterMask(db, model, filter) };
  return maskCache.mask;
}

const workspaceSchemes = (db: Db): readonly SegmentScheme[] => readSchemes(db) ?? DEFAULT_SCHEMES;

/**
 * The workspace's scheme of that id. An id it does not have (a scheme deleted since the page, a
 * saved view or a URL chose it) is refused with a message naming it and the schemes there are,
 * rather than answered as if nobody were in it.
 */
export function schemeOf(db: Db, id: ViewScheme): SegmentScheme {
  const schemes = workspaceSchemes(db);
  const found = schemes.find((s) => s.id === id);
  if (found) return found;
  throw new AtlasError('INVALID_INPUT', `there is no segment scheme "${id}" in this workspace (it has ${schemes.map((s) => s.id).join(', ')})`, {
    scheme: id,
    code: UNKNOWN_SCHEME_CODE,
  });
}

function segmentsOf(found: SegmentScheme): SegmentInfo[] {
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
  const model = viewModel(db);
  const scheme = schemeOf(db, p.scheme);
  return cached(model, JSON.stringify(['grid', p]), () => {
    const mask = maskOf(db, model, p.filter);
    const seg = segmentColumn(model, p.scheme);
    const fm = p.yAxis === 'fm';
    const cells = new Map<number, GridCell & { counts: Map<number, number>; rec: number; fr: number; mo: number }>();
    let unscored = 0;
    let customers = 0;
    let revenue = 0;
    for (let i = 0; i < model.size; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const r = model.r[i]!;
      const f = model.f[i]!;
      const m = model.m[i]!;
      if (m === 0 || r === 0 || f === 0) {
        unscored++;
        continue;
      }
      const y = fm ? f + m : f;
      const key = r * 64 + y;
      let cell = cells.get(key);
      if (!cell) {
        cell = { r, y, customers: 0, revenue: 0, share: 0, revenueShare: 0, avgRecencyDays: null, avgFrequency: null, avgMonetary: null, segment: null, counts: new Map(), rec: 0, fr: 0, mo: 0 };
        cells.set(key, cell);
      }
      const rev = model.revenue[i]!;
      cell.customers++;
      cell.revenue += rev;
      customers++;
      revenue += rev;
      const rec = model.recencyDays[i]!;
      const fr = model.frequency[i]!;
      const mo = model.monetary[i]!;
      if (!Number.isNaN(rec)) cell.rec += rec;
      if (!Number.isNaN(fr)) cell.fr += fr;
      if (!Number.isNaN(mo)) cell.mo += mo;
      const sc = seg.codes[i]!;
      cell.counts.set(sc, (cell.counts.get(sc) ?? 0) + 1);
    }
    const out: GridCell[] = [...cells.values()]
      .map(({ counts, rec, fr, mo, ...cell }) => {
        // The segment most customers of the cell belong to (ties: the first name in code order).
        let best = -1;
        let segment: string | null = null;
        for (const [code, n] of counts) {
          const name = code < 0 ? null : (seg.dict[code] ?? null);
          if (n > best || (n === best && (segment === null ? false : name === null || name < segment))) {
            best = n;
            segment = name;
          }
        }
        return {
          ...cell,
          segment,
          share: ratio(cell.customers, customers),
          revenueShare: ratio(cell.revenue, revenue),
          avgRecencyDays: cell.customers > 0 ? rec / cell.customers : null,
          avgFrequency: cell.customers > 0 ? fr / cell.customers : null,
          avgMonetary: cell.customers > 0 ? mo / cell.customers : null,
        };
      })
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
      segments: segmentsOf(scheme),
    };
  });
}

export function segmentSummary(db: Db, p: ViewsWorkerSpec['viewsSegmentSummary']['params']): SegmentSummary {
  const model = viewModel(db);
  const scheme = schemeOf(db, p.scheme);
  return cached(model, JSON.stringify(['summary', p]), () => {
    const mask = maskOf(db, model, p.filter);
    const seg = segmentColumn(model, p.scheme);
    const acc = seg.dict.map(() => ({ n: 0, revenue: 0, r12: 0, rec: 0, recN: 0, fr: 0, frN: 0, mo: 0, moN: 0, won: 0, lost: 0 }));
    for (let i = 0; i < model.size; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const a = acc[seg.codes[i]!];
      if (a === undefined) continue;
      a.n++;
      a.revenue += model.revenue[i]!;
      a.r12 += model.amount12m[i]!;
      const rec = model.recencyDays[i]!;
      const fr = model.frequency[i]!;
      const mo = model.monetary[i]!;
      if (!Number.isNaN(rec)) (a.rec += rec), a.recN++;
      if (!Number.isNaN(fr)) (a.fr += fr), a.frN++;
      if (!Number.isNaN(mo)) (a.mo += mo), a.moN++;
      a.won += model.won[i]!;
      a.lost += model.lost[i]!;
    }
    const rows = acc.map((a, code) => ({ seg: seg.dict[code]!, ...a })).filter((r) => r.n > 0);
    const customers = rows.reduce((s, r) => s + r.n, 0);
    const revenue = rows.reduce((s, r) => s + r.revenue, 0);
    const segments = segmentsOf(scheme);
    const order = new Map(segments.map((s, i) => [s.id, i]));
    const out: SegmentSummaryRow[] = rows
      .map((r) => ({
        segment: r.seg,
        customers: r.n,
        share: ratio(r.n, customers),
        revenue: r.revenue,
        revenueShare: ratio(r.revenue, revenue),
        revenue12m: r.r12,
        avgRecencyDays: r.recN > 0 ? r.rec / r.recN : null,
        avgFrequency: r.frN > 0 ? r.fr / r.frN : null,
        avgMonetary: r.moN > 0 ? r.mo / r.moN : null,
        won: r.won,
        lost: r.lost,
        winRate: rateOrNull(r.won, r.lost),
      }))
      .sort((a, b) => (order.get(a.segment) ?? 999) - (order.get(b.segment) ?? 999) || a.segment.localeCompare(b.segment));
    return { scheme: p.scheme, rows: out, customers, revenue, segments };
  });
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

/** One pass over the filtered customers into the regions, the sales regions, the account managers and the total. */
export function regions(db: Db, p: RegionsParams): RegionsView {
  const model = viewModel(db);
  const scheme = p.scheme ?? DEFAULT_VIEW_SCHEME;
  if (p.metric === 'segmentShare') schemeOf(db, scheme);
  return cached(model, JSON.stringify(['regions', p]), () => {
    const mask = maskOf(db, model, p.filter);
    // Which rows count towards the chosen segment / grade / tag share.
    let isTarget: (i: number) => boolean = () => false;
    if (p.target !== undefined) {
      const target = p.target;
      if (p.metric === 'segmentShare') {
        const col = segmentColumn(model, scheme);
        const code = col.dict.indexOf(target);
        isTarget = (i) => code >= 0 && col.codes[i] === code;
      } else if (p.metric === 'gradeShare') {
        const code = model.grade.dict.indexOf(target);
        isTarget = (i) => code >= 0 && model.grade.codes[i] === code;
      } else if (p.metric === 'tagShare') {
        const code = model.tagDict.indexOf(target);
        isTarget = (i) => {
          for (let k = model.tagStart[i]!; k < model.tagStart[i + 1]!; k++) if (model.tagCodes[k] === code) return true;
          return false;
        };
      }
    }
    const city = p.level === 'city';
    const scopedCode = city && p.province !== undefined ? model.province.dict.indexOf(p.province) : null;
    // Dense group numbers per row for the three groupings (code + 1; 0 = blank), then one
    // accumulation pass into flat arrays.
    const mainKeys = new Map<number, number>();
    const mainName: (string | null)[] = [];
    const mainProvince: (string | null)[] = [];
    const cityKeys = model.city.dict.length + 1;
    const FIELDS = 11;
    const regionsOf = model.salesRegion.codes;
    const managersOf = model.accountManager.codes;
    const sums = {
      main: [] as number[],
      sales: new Float64Array((model.salesRegion.dict.length + 1) * FIELDS),
      managers: new Float64Array((model.accountManager.dict.length + 1) * FIELDS),
      total: new Float64Array(FIELDS),
    };
    const mainSums: number[] = sums.main;
    const add = (acc: Float64Array | number[], base: number, i: number, hit: number, rfm: number, scored: number, churn: number): void => {
      acc[base] = (acc[base] ?? 0) + 1;
      acc[base + 1] = (acc[base + 1] ?? 0) + model.revenue[i]!;
      acc[base + 2] = (acc[base + 2] ?? 0) + model.amount12m[i]!;
      acc[base + 3] = (acc[base + 3] ?? 0) + model.amountPrev12m[i]!;
      acc[base + 4] = (acc[base + 4] ?? 0) + hit;
      acc[base + 5] = (acc[base + 5] ?? 0) + rfm;
      acc[base + 6] = (acc[base + 6] ?? 0) + scored;
      acc[base + 7] = (acc[base + 7] ?? 0) + model.won[i]!;
      acc[base + 8] = (acc[base + 8] ?? 0) + model.lost[i]!;
      acc[base + 9] = (acc[base + 9] ?? 0) + model.overdue[i]!;
      acc[base + 10] = (acc[base + 10] ?? 0) + churn;
    };
    const provinceCodes = model.province.codes;
    const cityCodes = model.city.codes;
    for (let i = 0; i < model.size; i++) {
      if (mask !== null && mask[i] !== 1) continue;
      const pc = provinceCodes[i]!;
      if (scopedCode !== null && pc !== scopedCode) continue;
      const key = city ? (pc + 1) * cityKeys + (cityCodes[i]! + 1) : pc + 1;
      let g = mainKeys.get(key);
      if (g === undefined) {
        g = mainName.length;
        mainKeys.set(key, g);
        mainName.push(textAt(city ? model.city : model.province, i));
        mainProvince.push(city ? textAt(model.province, i) : null);
        for (let k = 0; k < FIELDS; k++) mainSums.push(0);
      }
      const hit = isTarget(i) ? 1 : 0;
      const r = model.r[i]!;
      const f = model.f[i]!;
      const m = model.m[i]!;
      const scored = r > 0 && f > 0 && m > 0 ? 1 : 0;
      const rfm = scored ? (r + f + m) / 3 : 0;
      const churn = model.churnRisk[i]! >= CHURN_RISK_THRESHOLD ? 1 : 0;
      add(mainSums, g * FIELDS, i, hit, rfm, scored, churn);
      add(sums.sales, (regionsOf[i]! + 1) * FIELDS, i, hit, rfm, scored, churn);
      add(sums.managers, (managersOf[i]! + 1) * FIELDS, i, hit, rfm, scored, churn);
      add(sums.total, 0, i, hit, rfm, scored, churn);
    }
    const raw = (acc: Float64Array | number[], base: number, name: string | null, province: string | null): RawRegion => ({
      name,
      province,
      n: acc[base] ?? 0,
      revenue: acc[base + 1] ?? 0,
      r12: acc[base + 2] ?? 0,
      p12: acc[base + 3] ?? 0,
      target: acc[base + 4] ?? 0,
      rfmSum: acc[base + 5] ?? 0,
      rfmCount: acc[base + 6] ?? 0,
      won: acc[base + 7] ?? 0,
      lost: acc[base + 8] ?? 0,
      overdue: acc[base + 9] ?? 0,
      churn: acc[base + 10] ?? 0,
    });
    const groups = (acc: Float64Array, dict: readonly string[]): RawRegion[] => {
      const out: RawRegion[] = [];
      for (let g = 0; g <= dict.length; g++) if ((acc[g * FIELDS] ?? 0) > 0) out.push(raw(acc, g * FIELDS, g === 0 ? null : dict[g - 1]!, null));
      return out;
    };
    const main = mainName.map((name, g) => raw(mainSums, g * FIELDS, name, mainProvince[g] ?? null));
    const total = raw(sums.total, 0, '', null);
    const byValue = (a: RegionRow, b: RegionRow): number => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name);
    const finish = (list: RawRegion[]): RegionRow[] => list.map((r) => regionRow(r, p.metric)).sort(byValue);
    return {
      level: p.level,
      metric: p.metric,
      rows: finish(main),
      salesRegions: finish(groups(sums.sales, model.salesRegion.dict)),
      accountManagers: finish(groups(sums.managers, model.accountManager.dict)),
      total: regionRow(total, p.metric),
    };
  });
}

// ───────────────────────────── the customer list ─────────────────────────────

const LIFECYCLE_ORDER = ['prospect', 'new', 'active', 'sleeping', 'lost'];
const collator = new Intl.Collator('zh-CN', { numeric: true });
let orderCache: { build: number; orders: Map<string, Int32Array> } = { build: -1, orders: new Map() };

/** Sort keys per row (NaN = empty, always last). */
function sortKeys(db: Db, model: ViewModel, column: CustomerSortColumn): Float64Array {
  const keys = new Float64Array(model.size);
  const rankOf = (col: Coded, order?: readonly string[]): void => {
    const sorted = col.dict.map((_, c) => c).sort((a, b) => {
      if (order) {
        const ia = order.indexOf(col.dict[a]!);
        const ib = order.indexOf(col.dict[b]!);
        if (ia !== ib) return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
      }
      return collator.compare(col.dict[a]!, col.dict[b]!);
    });
    const rank = new Float64Array(col.dict.length);
    sorted.forEach((c, k) => (rank[c] = k));
    for (let i = 0; i < model.size; i++) keys[i] = col.codes[i]! < 0 || col.dict[col.codes[i]!] === '' ? NaN : rank[col.codes[i]!]!;
  };
  const text = (values: readonly string[]): void => {
    const idx = Array.from({ length: model.size }, (_, i) => i).sort((a, b) => collator.compare(values[a]!, values[b]!));
    idx.forEach((i, k) => (keys[i] = values[i] === '' ? NaN : k));
  };
  const copy = (values: ArrayLike<number>, zeroIsEmpty = false): void => {
    for (let i = 0; i < model.size; i++) keys[i] = zeroIsEmpty && values[i] === 0 ? NaN : values[i]!;
  };
  const segmentOrder = (scheme: ViewScheme): string[] => {
    const found = workspaceSchemes(db).find((s) => s.id === scheme);
    return found ? segmentsOf(found).map((s) => s.id) : [];
  };
  switch (column) {
    case 'code': text(model.code); break;
    case 'name': text(model.name); break;
    case 'province': rankOf(model.province); break;
    case 'city': rankOf(model.city); break;
    case 'salesRegion': rankOf(model.salesRegion); break;
    case 'manager': rankOf(model.accountManager); break;
    case 'type': rankOf(model.customerType); break;
    case 'recency': copy(model.recencyDays); break;
    case 'frequency': copy(model.frequency); break;
    case 'monetary': copy(model.monetary); break;
    case 'scores':
      for (let i = 0; i < model.size; i++) keys[i] = model.r[i] === 0 ? NaN : model.r[i]! * 100 + model.f[i]! * 10 + model.m[i]!;
      break;
    case 'segment8': rankOf(model.segment8, segmentOrder('rfm8')); break;
    case 'segment11': rankOf(model.segment11, segmentOrder('rfm11')); break;
    case 'grade': rankOf(model.grade); break;
    case 'lifecycle': rankOf(model.lifecycle, LIFECYCLE_ORDER); break;
    case 'churnRisk': copy(model.churnRisk); break;
    case 'amount12m': copy(model.amount12m); break;
    case 'overdue': copy(model.overdue); break;
    case 'tags':
      for (let i = 0; i < model.size; i++) keys[i] = model.tagStart[i + 1]! - model.tagStart[i]!;
      break;
  }
  return keys;
}

/** Row indices in the order of `sort` (computed once per model build and column). */
function sortedRows(db: Db, model: ViewModel, sort: CustomerSort | undefined): Int32Array | null {
  if (sort === undefined) return null;
  if (orderCache.build !== model.build) orderCache = { build: model.build, orders: new Map() };
  const key = `${sort.column}:${sort.direction}`;
  let order = orderCache.orders.get(key);
  if (!order) {
    const keys = sortKeys(db, model, sort.column);
    const sign = sort.direction === 'asc' ? 1 : -1;
    order = Int32Array.from({ length: model.size }, (_, i) => i).sort((a, b) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      const na = Number.isNaN(ka);
      const nb = Number.isNaN(kb);
      if (na || nb) return na === nb ? a - b : na ? 1 : -1;
      return (ka - kb) * sign || a - b;
    });
    orderCache.orders.set(key, order);
  }
  return order;
}

/** The rows a list shows: filter, grid cell and quick find. */
function listMask(db: Db, model: ViewModel, p: CustomerIdsParams): Uint8Array | null {
  const base = maskOf(db, model, p.filter);
  const find = p.find === undefined ? '' : searchKey(p.find);
  if (!p.cell && find === '') return base;
  const mask = base === null ? new Uint8Array(model.size).fill(1) : base.slice();
  if (p.cell) {
    const { r, y, yAxis } = p.cell;
    for (let i = 0; i < model.size; i++) {
      if (mask[i] !== 1) continue;
      const cy = yAxis === 'f' ? model.f[i]! : model.f[i]! + model.m[i]!;
      if (model.r[i] !== r || model.f[i] === 0 || (yAxis === 'fm' && model.m[i] === 0) || cy !== y) mask[i] = 0;
    }
  }
  if (find !== '') {
    const dictHits = (col: Coded): Uint8Array => Uint8Array.from(col.dict, (v) => (searchKey(v).includes(find) ? 1 : 0));
    const cities = dictHits(model.city);
    const managers = dictHits(model.accountManager);
    for (let i = 0; i < model.size; i++) {
      if (mask[i] !== 1) continue;
      const c = model.city.codes[i]!;
      const a = model.accountManager.codes[i]!;
      if (!model.nameKey[i]!.includes(find) && !model.codeKey[i]!.includes(find) && !(c >= 0 && cities[c] === 1) && !(a >= 0 && managers[a] === 1)) mask[i] = 0;
    }
  }
  return mask;
}

function customerRow(model: ViewModel, i: number): CustomerRow {
  const n = (v: number): number | null => (Number.isNaN(v) ? null : v);
  const score = (v: number): number | null => (v === 0 ? null : v);
  return {
    id: model.id[i]!,
    code: model.code[i]!,
    name: model.name[i]!,
    salesRegion: textAt(model.salesRegion, i),
    province: textAt(model.province, i),
    city: textAt(model.city, i),
    accountManager: textAt(model.accountManager, i),
    customerType: textAt(model.customerType, i),
    recencyDays: n(model.recencyDays[i]!),
    frequency: n(model.frequency[i]!),
    monetary: n(model.monetary[i]!),
    r: score(model.r[i]!),
    f: score(model.f[i]!),
    m: score(model.m[i]!),
    segment8: textAt(model.segment8, i),
    segment11: textAt(model.segment11, i),
    grade: textAt(model.grade, i),
    lifecycle: textAt(model.lifecycle, i) ?? 'prospect',
    churnRisk: model.churnRisk[i]!,
    amount12m: model.amount12m[i]!,
    overdue: model.overdue[i]!,
    tags: rowTags(model, i),
  };
}

/** One page of the list (all of it without `limit`) and how many match in total. */
export function customers(db: Db, p: CustomersParams): CustomersView {
  const model = viewModel(db);
  const mask = listMask(db, model, p);
  const order = sortedRows(db, model, p.sort);
  const offset = p.offset ?? 0;
  const end = p.limit === undefined ? Infinity : offset + p.limit;
  const rows: CustomerRow[] = [];
  let total = 0;
  for (let k = 0; k < model.size; k++) {
    const i = order === null ? k : order[k]!;
    if (mask !== null && mask[i] !== 1) continue;
    if (total >= offset && total < end) rows.push(customerRow(model, i));
    total++;
  }
  return { total, rows };
}

/** Ids of every customer the list shows, in id order. */
export function customerIds(db: Db, p: CustomerIdsParams): { ids: number[] } {
  const model = viewModel(db);
  const mask = listMask(db, model, p);
  const ids: number[] = [];
  for (let i = 0; i < model.size; i++) if (mask === null || mask[i] === 1) ids.push(model.id[i]!);
  return { ids };
}

export function filterOptions(db: Db): FilterOptions {
  const model = viewModel(db);
  return cached(model, 'filterOptions', () => {
    const settings = normalizeSettings(readSettings(db));
    const tags = readTags(db) ?? DEFAULT_TAG_LIBRARY;
    const analysisDate = db.value("SELECT json_extract(CAST(data AS TEXT), '$.analysisDate') FROM customer_metrics WHERE key = 'meta'");
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    const sorted = (values: readonly string[]): string[] => values.filter((v) => v !== '').sort((a, b) => collator.compare(a, b));
    const present = (col: Coded): string[] => {
      const used = new Uint8Array(col.dict.length);
      for (let i = 0; i < model.size; i++) if (col.codes[i]! >= 0) used[col.codes[i]!] = 1;
      return sorted(col.dict.filter((_, c) => used[c] === 1));
    };
    const pairs = new Map<string, { province: string | null; city: string }>();
    for (let i = 0; i < model.size; i++) {
      const city = textAt(model.city, i);
      if (city === null || city === '') continue;
      const province = textAt(model.province, i);
      pairs.set(`${province ?? ''}\u0000${city}`, { province, city });
    }
    return {
      salesRegions: present(model.salesRegion),
      provinces: present(model.province),
      cities: [...pairs.values()].sort((a, b) => collator.compare(a.province ?? '', b.province ?? '') || collator.compare(a.city, b.city)),
      accountManagers: present(model.accountManager),
      productLines: sorted(productLines(db, model).dict),
      customerTypes: present(model.customerType),
      grades: present(model.grade),
      lifecycles: present(model.lifecycle),
      schemes: workspaceSchemes(db).map((s) => ({
        id: s.id,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        shipped: DEFAULT_SCHEMES.some((d) => d.id === s.id),
        segments: segmentsOf(s),
      })),
      tags: tags
        .filter((t) => t.rule !== null)
        .map((t) => ({ id: t.id, nameZh: t.nameZh, nameEn: t.nameEn, color: t.color })),
      monetary: settings.monetary,
      analysisDate: typeof analysisDate === 'string' ? analysisDate : null,
    };
  });
}

export function createViewsOps(workspace: WorkspaceAccess): Handlers<ViewsWorkerSpec> {
  return {
    ...createViewSettingsOps(workspace),
    viewsSegmentGrid: async (params) => segmentGrid(workspace.db(), params),
    viewsSegmentSummary: async (params) => segmentSummary(workspace.db(), params),
    viewsRegions: async (params) => regions(workspace.db(), params),
    viewsCustomers: async (params) => customers(workspace.db(), params),
    viewsCustomerIds: async (params) => customerIds(workspace.db(), params),
    viewsFilterOptions: async () => filterOptions(workspace.db()),
  };
}
