/**
 * The report workbook from the worker's data: Summary, Segments, Regions, Tags, Conversion,
 * Lifecycle & churn and Customers, laid out in the UI language. Pure: the worker gathers
 * `ReportData`, main/report writes the sheets. Every figure of the filtered sheets is computed
 * here from the customers given, so the round-trip test can recompute it the same way.
 */
import type { Language } from '../api/contract.ts';
import type { ConversionView } from '../analytics/api.ts';
import type { TagStat } from '../analytics/types.ts';
import { FUNNEL_STAGES } from '../analytics/conversion.ts';
import { filterChips, filterFromQuery } from '../filters/index.ts';
import type { FilterField } from '../filters/index.ts';
import { translate } from '../i18n/index.ts';
import type { MessageKey, MessageParams } from '../i18n/index.ts';
import { summarySheet, reportSubtitle } from '../report/sheets.ts';
import type { CountRow, KeyFigure, ReportContext } from '../report/sheets.ts';
import type { ReportColumn, ReportColumnKind, ReportSheet, ReportValue } from '../report/report-model.ts';
import { CUSTOMER_COLUMN_IDS, REPORT_SHEET_IDS } from './api.ts';
import type { CustomerColumnId, ReportSheetId } from './api.ts';
import { AT_RISK_THRESHOLD } from './report-data.ts';
import type { NamedItem, ReportCustomer, ReportData } from './report-data.ts';

export interface BuildOptions {
  language: Language;
  sheets: readonly ReportSheetId[];
  customerColumns: readonly CustomerColumnId[];
  masked: boolean;
  /** Defaults to the translated "Customer report". */
  reportName?: string;
}

const LIFECYCLES = ['new', 'active', 'sleeping', 'lost', 'prospect'] as const;
const GRADES = ['A', 'B', 'C', 'D'] as const;
const TOP_PROVINCES = 10;

type L = (key: string, params?: MessageParams) => string;

function labeler(language: Language): L {
  return (key, params) => translate(language, `report.${key}` as MessageKey, params);
}

function nameOf(item: NamedItem | undefined, language: Language, fallback: string): string {
  if (!item) return fallback;
  return language === 'zh-CN' ? item.nameZh : item.nameEn;
}

function lifecycleName(language: Language, stage: string): string {
  return (LIFECYCLES as readonly string[]).includes(stage) ? translate(language, `analytics.lifecycle.${stage}` as MessageKey) : stage;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** Names for segment ids (every scheme), tag ids and lifecycle stages. */
function namers(data: ReportData, language: Language) {
  const segmentNames = new Map<string, Map<string, string>>();
  for (const scheme of data.schemes) {
    segmentNames.set(scheme.id, new Map(scheme.segments.map((s) => [s.id, nameOf(s, language, s.id)])));
  }
  const tagNames = new Map(data.tags.map((t) => [t.id, nameOf(t, language, t.id)]));
  return {
    segment: (schemeId: string, id: string | null | undefined): string | null =>
      id === null || id === undefined ? null : (segmentNames.get(schemeId)?.get(id) ?? id),
    anySegment: (id: string): string => {
      for (const names of segmentNames.values()) {
        const name = names.get(id);
        if (name !== undefined) return name;
      }
      return id;
    },
    tag: (id: string): string => tagNames.get(id) ?? id,
  };
}

/** The filter as the reader reads it: "省份 = 江苏省、浙江省", one entry per field. */
export function filterDescriptions(data: ReportData, language: Language): string[] {
  const l = labeler(language);
  const names = namers(data, language);
  const fieldLabel: Record<FilterField, string> = {
    search: l('filterSearch'),
    salesRegions: l('filterRegion'),
    provinces: l('province'),
    cities: l('city'),
    accountManagers: l('accountManager'),
    productLines: l('filterProduct'),
    customerTypes: l('filterType'),
    grades: l('grade'),
    lifecycles: l('lifecycle'),
    segment: l('filterSegment'),
    tags: l('filterTags'),
  };
  const grouped = new Map<FilterField, string[]>();
  for (const chip of filterChips(filterFromQuery(data.filterQuery))) {
    const value =
      chip.field === 'segment'
        ? (names.segment(chip.labelParams['scheme'] ?? '', chip.value) ?? chip.value)
        : chip.field === 'tags'
          ? names.tag(chip.value)
          : chip.field === 'lifecycles'
            ? lifecycleName(language, chip.value)
            : chip.value;
    grouped.set(chip.field, [...(grouped.get(chip.field) ?? []), value]);
  }
  const out = [...grouped].map(([field, values]) => `${fieldLabel[field]} = ${values.join(l('listSeparator'))}`);
  if (data.cell) out.push(l('filterCell', { r: data.cell.r, y: data.cell.y, axis: data.cell.yAxis === 'f' ? 'F' : 'F+M' }));
  return out;
}

interface Totals {
  customers: number;
  revenue: number;
  revenue12m: number;
  overdue: number;
  won: number;
  lost: number;
}

function totalsOf(customers: readonly ReportCustomer[]): Totals {
  const t: Totals = { customers: 0, revenue: 0, revenue12m: 0, overdue: 0, won: 0, lost: 0 };
  for (const c of customers) {
    t.customers += 1;
    t.revenue += c.revenue;
    t.revenue12m += c.revenue12m;
    t.overdue += c.overdue;
    t.won += c.won;
    t.lost += c.lost;
  }
  return t;
}

function groupBy(customers: readonly ReportCustomer[], key: (c: ReportCustomer) => string): Map<string, ReportCustomer[]> {
  const out = new Map<string, ReportCustomer[]>();
  for (const c of customers) {
    const k = key(c);
    const list = out.get(k);
    if (list) list.push(c);
    else out.set(k, [c]);
  }
  return out;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Customers at risk: churn risk at or over the threshold and not yet lost, highest first. */
export function atRiskCustomers(customers: readonly ReportCustomer[]): ReportCustomer[] {
  return customers
    .filter((c) => c.churnRisk >= AT_RISK_THRESHOLD && c.lifecycle !== 'lost' && c.lifecycle !== 'prospect')
    .sort((a, b) => b.churnRisk - a.churnRisk || b.revenue12m - a.revenue12m || a.code.localeCompare(b.code));
}

/** The key figures of the Summary, in order (the round-trip test compares them by position). */
export function keyFigures(data: ReportData, language: Language): KeyFigure[] {
  const l = labeler(language);
  const t = totalsOf(data.customers);
  const gradeA = data.customers.filter((c) => c.grade === 'A').reduce((sum, c) => sum + c.revenue12m, 0);
  return [
    { label: l('kfCustomers'), value: t.customers, kind: 'integer' },
    { label: l('kfBuyers'), value: data.customers.filter((c) => c.orders > 0).length, kind: 'integer' },
    { label: l('kfRevenue'), value: round2(t.revenue), kind: 'amount' },
    { label: l('kfRevenue12m'), value: round2(t.revenue12m), kind: 'amount' },
    { label: l('kfOverdue'), value: round2(t.overdue), kind: 'amount' },
    { label: l('kfWinRate'), value: ratio(t.won, t.won + t.lost), kind: 'percent' },
    { label: l('kfAtRisk'), value: atRiskCustomers(data.customers).length, kind: 'integer' },
    { label: l('kfARevenueShare'), value: ratio(gradeA, t.revenue12m), kind: 'percent' },
  ];
}

function countRows(groups: Map<string, ReportCustomer[]>, total: number, name: (key: string) => string, order?: readonly string[]): CountRow[] {
  const keys = order ? order.filter((k) => groups.has(k)) : [...groups.keys()];
  return keys.map((key) => {
    const list = groups.get(key) ?? [];
    return { name: name(key), customers: list.length, share: share(list.length, total), revenue: round2(list.reduce((s, c) => s + c.revenue, 0)) };
  });
}

/** A tag's figures within the report's customers: the same shape as the Tags page's. */
export type TagRow = TagStat;

/**
 * Tag statistics within the filtered customers (the analytics engine's definitions over that
 * subset): coverage among them, who entered / left in the latest run, and lift = win rate of the
 * tag's customers ÷ win rate of all filtered customers. Evaluated tags in library order.
 */
export function tagRows(data: ReportData): TagRow[] {
  const t = totalsOf(data.customers);
  const overall = ratio(t.won, t.won + t.lost);
  const stats = new Map<string, { count: number; won: number; lost: number }>();
  for (const c of data.customers) {
    for (const id of c.tags) {
      const s = stats.get(id) ?? { count: 0, won: 0, lost: 0 };
      s.count += 1;
      s.won += c.won;
      s.lost += c.lost;
      stats.set(id, s);
    }
  }
  return data.tags
    .filter((tag) => tag.evaluated)
    .map((tag) => {
      const s = stats.get(tag.id) ?? { count: 0, won: 0, lost: 0 };
      const winRate = ratio(s.won, s.won + s.lost);
      return {
        tagId: tag.id,
        count: s.count,
        share: share(s.count, t.customers),
        entered: data.tagChanges === null ? null : (data.tagChanges.entered[tag.id] ?? 0),
        left: data.tagChanges === null ? null : (data.tagChanges.left[tag.id] ?? 0),
        won: s.won,
        lost: s.lost,
        winRate,
        lift: winRate !== null && overall !== null && overall > 0 ? winRate / overall : null,
      };
    });
}

/** Segment rows of one scheme: in scheme order, then unscored. */
export function segmentRows(data: ReportData, schemeId: string, language: Language): CountRow[] {
  const l = labeler(language);
  const scheme = data.schemes.find((s) => s.id === schemeId);
  const groups = groupBy(data.customers, (c) => c.segments[schemeId] ?? '');
  const order = [...(scheme?.segments.map((s) => s.id) ?? []), ...[...groups.keys()].filter((k) => !scheme?.segments.some((s) => s.id === k) && k !== ''), ''];
  const names = namers(data, language);
  return countRows(groups, data.customers.length, (k) => (k === '' ? l('unscored') : (names.segment(schemeId, k) ?? k)), order);
}

export function gradeRows(data: ReportData, language: Language): CountRow[] {
  const l = labeler(language);
  const groups = groupBy(data.customers, (c) => c.grade ?? '');
  return countRows(groups, data.customers.length, (k) => (k === '' ? l('unrated') : k), [...GRADES, '']);
}

interface AreaRow {
  province: string;
  city: string;
  customers: number;
  revenue: number;
  revenue12m: number;
  winRate: number | null;
  overdue: number;
}

function areaRows(groups: Map<string, ReportCustomer[]>): AreaRow[] {
  const rows: AreaRow[] = [];
  for (const list of groups.values()) {
    const t = totalsOf(list);
    const first = list[0]!;
    rows.push({
      province: first.province ?? '',
      city: first.city ?? '',
      customers: t.customers,
      revenue: round2(t.revenue),
      revenue12m: round2(t.revenue12m),
      winRate: ratio(t.won, t.won + t.lost),
      overdue: round2(t.overdue),
    });
  }
  return rows.sort((a, b) => b.revenue - a.revenue || b.customers - a.customers || a.province.localeCompare(b.province) || a.city.localeCompare(b.city));
}

export function provinceRows(data: ReportData): AreaRow[] {
  return areaRows(groupBy(data.customers, (c) => c.province ?? ''));
}

export function cityRows(data: ReportData): AreaRow[] {
  return areaRows(groupBy(data.customers, (c) => `${c.province ?? ''}\u0000${c.city ?? ''}`));
}

/** Column definitions of the Customers sheet. */
function customerColumn(id: CustomerColumnId, data: ReportData, language: Language): { column: ReportColumn; value: (c: ReportCustomer) => ReportValue } {
  const l = labeler(language);
  const names = namers(data, language);
  const col = (header: string, kind: ReportColumnKind, value: (c: ReportCustomer) => ReportValue, extra: Partial<ReportColumn> = {}) => ({
    column: { header, kind, ...extra },
    value,
  });
  switch (id) {
    case 'code': return col(l('customerCode'), 'code', (c) => c.code);
    case 'name': return col(l('customerName'), 'text', (c) => c.name);
    case 'province': return col(l('province'), 'text', (c) => c.province);
    case 'city': return col(l('city'), 'text', (c) => c.city);
    case 'accountManager': return col(l('accountManager'), 'text', (c) => c.accountManager);
    case 'phone': return col(l('phone'), 'phone', (c) => c.phone);
    case 'segment8': return col(l('segment8'), 'text', (c) => names.segment('rfm8', c.segments['rfm8']));
    case 'segment11': return col(l('segment11'), 'text', (c) => names.segment('rfm11', c.segments['rfm11']));
    case 'grade': return col(l('grade'), 'text', (c) => c.grade);
    case 'lifecycle': return col(l('lifecycle'), 'text', (c) => lifecycleName(language, c.lifecycle));
    case 'churnRisk': return col(l('churnRisk'), 'integer', (c) => c.churnRisk);
    case 'tags': return col(l('tags'), 'text', (c) => c.tags.map((t) => names.tag(t)).join(l('listSeparator')), { width: 40, wrap: true });
    case 'rfm': return col(l('rfm'), 'code', (c) => (c.r === null || c.f === null || c.m === null ? null : `${c.r}-${c.f}-${c.m}`));
    case 'orders': return col(l('orders'), 'integer', (c) => c.orders);
    case 'revenue': return col(l('revenue'), 'amount', (c) => c.revenue);
    case 'revenue12m': return col(l('revenue12m'), 'amount', (c) => c.revenue12m);
    case 'overdue': return col(l('overdue'), 'amount', (c) => c.overdue);
    case 'onTimeRate': return col(l('onTimeRate'), 'percent', (c) => c.onTimeRate);
    case 'winRate': return col(l('winRate'), 'percent', (c) => c.winRate);
    case 'lastOrder': return col(l('lastOrder'), 'date', (c) => c.lastOrder);
  }
}

function conversionSection(view: ConversionView, heading: string, first: string, l: L, name: (key: string) => string, rank?: (key: string) => number) {
  const rows = [...view.rows].sort(rank ? (a, b) => rank(a.key) - rank(b.key) : (a, b) => b.won - a.won || a.key.localeCompare(b.key));
  if (view.total) rows.push(view.total);
  return {
    heading,
    columns: [
      { header: first, kind: 'text' },
      { header: l('open'), kind: 'integer' },
      { header: l('won'), kind: 'integer' },
      { header: l('lost'), kind: 'integer' },
      { header: l('winRate'), kind: 'percent' },
      { header: l('wonAmount'), kind: 'amount' },
      { header: l('valueWinRate'), kind: 'percent' },
      { header: l('openAmount'), kind: 'amount' },
    ] satisfies ReportColumn[],
    rows: rows.map((r, i): ReportValue[] => [
      i === view.rows.length ? l('total') : name(r.key),
      r.open,
      r.won,
      r.lost,
      r.winRate,
      r.wonAmount,
      r.valueWinRate,
      r.openAmount,
    ]),
  };
}

/** Every chosen sheet, in workbook order. */
export function buildReport(data: ReportData, options: BuildOptions): ReportSheet[] {
  const { language } = options;
  const l = labeler(language);
  const names = namers(data, language);
  const context: ReportContext = {
    language,
    reportName: options.reportName ?? l('reportName'),
    workspace: data.workspace,
    analysisDate: data.analysisDate,
    filters: filterDescriptions(data, language),
    masked: options.masked,
  };
  const subtitle = reportSubtitle(context);
  const chosen = REPORT_SHEET_IDS.filter((id) => options.sheets.includes(id));
  const total = data.customers.length;
  const sheets: ReportSheet[] = [];
  const areaColumns = (withCity: boolean): ReportColumn[] => [
    { header: l('province'), kind: 'text' },
    ...(withCity ? [{ header: l('city'), kind: 'text' as const }] : []),
    { header: l('customers'), kind: 'integer' },
    { header: l('revenue'), kind: 'amount' },
    { header: l('revenue12m'), kind: 'amount' },
    { header: l('winRate'), kind: 'percent' },
    { header: l('overdue'), kind: 'amount' },
  ];
  const areaValues = (r: AreaRow, withCity: boolean): ReportValue[] => [
    r.province === '' ? l('none') : r.province,
    ...(withCity ? [r.city === '' ? l('none') : r.city] : []),
    r.customers,
    r.revenue,
    r.revenue12m,
    r.winRate,
    r.overdue,
  ];

  for (const id of chosen) {
    switch (id) {
      case 'summary': {
        const provinces = provinceRows(data).slice(0, TOP_PROVINCES);
        const sheet = summarySheet(context, {
          keyFigures: keyFigures(data, language),
          segments: segmentRows(data, data.schemes[0]?.id ?? 'rfm8', language),
          grades: gradeRows(data, language),
          provinces: provinces.map((p) => ({ name: p.province === '' ? l('none') : p.province, customers: p.customers, share: share(p.customers, total), revenue: p.revenue })),
          notes: [l('noteSummary')],
        });
        // The key-figure table's first column holds labels: name it as such.
        sheets.push({ ...sheet, columns: [{ header: l('keyFigures'), kind: 'text' }, ...sheet.columns.slice(1)] });
        break;
      }
      case 'segments': {
        const countColumns = (first: string): ReportColumn[] => [
          { header: first, kind: 'text' },
          { header: l('customers'), kind: 'integer' },
          { header: l('share'), kind: 'percent' },
          { header: l('revenue'), kind: 'amount' },
        ];
        const [main, ...rest] = data.schemes;
        const rowsOf = (schemeId: string): ReportValue[][] =>
          segmentRows(data, schemeId, language).map((r) => [r.name, r.customers, r.share, r.revenue ?? null]);
        sheets.push({
          name: l('segmentsSheet'),
          title: `${context.reportName} — ${l('segmentsSheet')}`,
          subtitle,
          columns: countColumns(main ? nameOf(main, language, main.id) : l('segment')),
          rows: main ? rowsOf(main.id) : [],
          sections: rest.map((scheme) => ({ heading: nameOf(scheme, language, scheme.id), columns: countColumns(l('segment')), rows: rowsOf(scheme.id) })),
        });
        break;
      }
      case 'regions':
        sheets.push({
          name: l('regionsSheet'),
          title: `${context.reportName} — ${l('regionsSheet')}`,
          subtitle,
          columns: areaColumns(false),
          rows: provinceRows(data).map((r) => areaValues(r, false)),
          sections: [{ heading: l('cities'), columns: areaColumns(true), rows: cityRows(data).map((r) => areaValues(r, true)) }],
          notes: [l('noteRegions')],
        });
        break;
      case 'tags': {
        const byId = new Map(data.tags.map((t) => [t.id, t]));
        sheets.push({
          name: l('tagsSheet'),
          title: `${context.reportName} — ${l('tagsSheet')}`,
          subtitle,
          columns: [
            { header: l('tag'), kind: 'text' },
            { header: l('tagGroup'), kind: 'text' },
            { header: l('customers'), kind: 'integer' },
            { header: l('coverage'), kind: 'percent' },
            { header: l('entered'), kind: 'integer' },
            { header: l('left'), kind: 'integer' },
            { header: l('winRate'), kind: 'percent' },
            { header: l('lift'), kind: 'ratio' },
          ],
          rows: tagRows(data).map((s) => {
            const parent = byId.get(s.tagId)?.parentId ?? null;
            return [names.tag(s.tagId), parent === null ? null : names.tag(parent), s.count, s.share, s.entered, s.left, s.winRate, s.lift];
          }),
          notes: [l('noteTags')],
        });
        break;
      }
      case 'conversion': {
        const conv = data.conversion;
        if (!conv) break;
        const grade = conversionSection(conv.grade, l('byGrade'), l('grade'), l, (k) => (k === '' || k === 'unrated' ? l('unrated') : k), (k) => { const i = (GRADES as readonly string[]).indexOf(k); return i < 0 ? 99 : i; });
        const segmentOrder = data.schemes[0]?.segments.map((g) => g.id) ?? [];
        const segment = conversionSection(conv.segment, l('bySegment'), l('segment'), l, (k) => (k === '' ? l('unscored') : names.anySegment(k)), (k) => { const i = segmentOrder.indexOf(k); return i < 0 ? 99 : i; });
        const province = conversionSection(conv.province, l('byProvince'), l('province'), l, (k) => (k === '' ? l('none') : k));
        sheets.push({
          name: l('conversionSheet'),
          title: `${context.reportName} — ${l('conversionSheet')}`,
          subtitle,
          columns: grade.columns,
          rows: grade.rows,
          sections: [
            segment,
            province,
            {
              heading: l('funnel'),
              columns: [
                { header: l('stage'), kind: 'text' },
                { header: l('stageCurrent'), kind: 'integer' },
                { header: l('stageReached'), kind: 'integer' },
                { header: l('amount'), kind: 'amount' },
              ],
              // Open stages are the CRM's own names (data); the two outcomes are ours, in the report's language.
              rows: conv.grade.funnel.map((s) => [s.stage === FUNNEL_STAGES[4] ? l('won') : s.stage === FUNNEL_STAGES[5] ? l('lost') : s.stage, s.current, s.reached, s.amount]),
            },
          ],
          notes: [l('noteConversion')],
        });
        break;
      }
      case 'churn': {
        const stages = groupBy(data.customers, (c) => c.lifecycle);
        const risk = atRiskCustomers(data.customers);
        sheets.push({
          name: l('churnSheet'),
          title: `${context.reportName} — ${l('churnSheet')}`,
          subtitle,
          columns: [
            { header: l('customerCode'), kind: 'code' },
            { header: l('customerName'), kind: 'text' },
            { header: l('province'), kind: 'text' },
            { header: l('city'), kind: 'text' },
            { header: l('accountManager'), kind: 'text' },
            { header: l('grade'), kind: 'text' },
            { header: l('lifecycle'), kind: 'text' },
            { header: l('churnRisk'), kind: 'integer' },
            { header: l('churnReasons'), kind: 'text', width: 36, wrap: true },
            { header: l('revenue12m'), kind: 'amount' },
            { header: l('lastOrder'), kind: 'date' },
          ],
          rows: risk.map((c) => [
            c.code,
            c.name,
            c.province,
            c.city,
            c.accountManager,
            c.grade,
            lifecycleName(language, c.lifecycle),
            c.churnRisk,
            c.churnReasons.map((code) => translate(language, `report.reason.${code}` as MessageKey)).join(l('listSeparator')),
            c.revenue12m,
            c.lastOrder,
          ]),
          sections: [
            {
              heading: l('lifecycleStages'),
              columns: [
                { header: l('lifecycle'), kind: 'text' },
                { header: l('customers'), kind: 'integer' },
                { header: l('share'), kind: 'percent' },
                { header: l('revenue12m'), kind: 'amount' },
              ],
              rows: LIFECYCLES.filter((s) => stages.has(s)).map((s) => {
                const list = stages.get(s) ?? [];
                return [lifecycleName(language, s), list.length, share(list.length, total), round2(list.reduce((sum, c) => sum + c.revenue12m, 0))];
              }),
            },
          ],
          notes: [l('noteChurn', { threshold: AT_RISK_THRESHOLD })],
        });
        break;
      }
      case 'customers': {
        const columns = CUSTOMER_COLUMN_IDS.filter((c) => options.customerColumns.includes(c)).map((c) => customerColumn(c, data, language));
        sheets.push({
          name: l('customersSheet'),
          title: `${context.reportName} — ${l('customersSheet')}`,
          subtitle,
          columns: columns.map((c) => c.column),
          rows: data.customers.map((customer) => columns.map((c) => c.value(customer))),
        });
        break;
      }
    }
  }
  // Every printed page: the report and workspace at the top (the sheet name beside it), page X of Y below.
  const pageHeader = `${context.reportName} · ${data.workspace}`;
  return sheets.map((sheet) => ({ ...sheet, pageHeader, pageNumberLabel: l('pageNumber') }));
}
