/**
 * Builders of report sheets from plain data (sketch until the analytics answers are final):
 * the worker turns its answers into these inputs, the builders lay them out in the UI
 * language. Amounts are yuan, shares and rates fractions (0.315 = 31.5 %), dates ISO.
 */
import type { Language } from '../api/contract.ts';
import { reportLabels, type ReportLabels } from './report-labels.ts';
import type { ReportColumnKind, ReportSheet, ReportValue } from './report-model.ts';

export interface ReportContext {
  language: Language;
  /** The report's name, shown in every sheet's title row. */
  reportName: string;
  workspace: string;
  analysisDate: string;
  /** Filters as the user reads them: "等级 = A", "省份 = 江苏省". */
  filters: readonly string[];
  /** False when the user chose to show personal data. */
  masked: boolean;
}

export interface KeyFigure {
  label: string;
  value: number | string | null;
  previous?: number | string | null;
  kind: Exclude<ReportColumnKind, 'text' | 'code' | 'phone'>;
}

export interface CountRow {
  name: string;
  customers: number;
  share: number;
  revenue?: number;
}

export interface SummaryInput {
  keyFigures: readonly KeyFigure[];
  segments: readonly CountRow[];
  grades: readonly CountRow[];
  provinces: readonly CountRow[];
  notes?: readonly string[];
}

export interface CustomerReportRow {
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  accountManager: string | null;
  phone: string | null;
  segment: string | null;
  grade: string | null;
  tags: readonly string[];
  /** "R-F-M" scores, e.g. "5-3-4". */
  rfm: string | null;
  orders: number;
  revenue: number;
  revenue12m: number;
  overdue: number;
  onTimeRate: number | null;
  winRate: number | null;
  lastOrder: string | null;
}

/** "工作区：… · 分析日期 2026-11-26 · 筛选：等级 = A；省份 = 江苏省 · 个人信息已脱敏". */
export function reportSubtitle(context: ReportContext): string {
  const l = reportLabels(context.language);
  const colon = context.language === 'zh-CN' ? '：' : ': ';
  const parts = [
    `${l.workspace}${colon}${context.workspace}`,
    `${l.analysisDate} ${context.analysisDate}`,
    `${l.filters}${colon}${context.filters.length > 0 ? context.filters.join(l.fieldSeparator) : l.noFilters}`,
  ];
  if (context.masked) parts.push(l.personalDataMasked);
  return parts.join(' · ');
}

function countRows(rows: readonly CountRow[]): ReportValue[][] {
  return rows.map((row) => [row.name, row.customers, row.share, row.revenue ?? null]);
}

function countColumns(l: ReportLabels, first: string): ReportSheet['columns'] {
  return [
    { header: first, kind: 'text' },
    { header: l.customers, kind: 'integer' },
    { header: l.share, kind: 'percent' },
    { header: l.revenue, kind: 'amount' },
  ];
}

/** Summary: key figures (with the previous period when given), then segment, grade and province counts. */
export function summarySheet(context: ReportContext, input: SummaryInput): ReportSheet {
  const l = reportLabels(context.language);
  const withPrevious = input.keyFigures.some((figure) => figure.previous !== undefined);
  return {
    name: l.summarySheet,
    title: context.reportName,
    subtitle: reportSubtitle(context),
    columns: [
      { header: l.figure, kind: 'text' },
      { header: l.value, kind: 'amount' },
      ...(withPrevious ? [{ header: l.previous, kind: 'amount' as const }] : []),
    ],
    rows: input.keyFigures.map((figure) => [
      figure.label,
      figure.value,
      ...(withPrevious ? [figure.previous ?? null] : []),
    ]),
    rowKinds: input.keyFigures.map((figure) => figure.kind),
    sections: [
      { heading: l.segments, columns: countColumns(l, l.segment), rows: countRows(input.segments) },
      { heading: l.grades, columns: countColumns(l, l.grade), rows: countRows(input.grades) },
      { heading: l.topProvinces, columns: countColumns(l, l.province), rows: countRows(input.provinces) },
    ],
    ...(input.notes && input.notes.length > 0 ? { notes: [...input.notes] } : {}),
  };
}

/** The (filtered) customer list: one row per customer. */
export function customersSheet(context: ReportContext, customers: readonly CustomerReportRow[]): ReportSheet {
  const l = reportLabels(context.language);
  return {
    name: l.customersSheet,
    title: context.reportName,
    subtitle: reportSubtitle(context),
    columns: [
      { header: l.customerCode, kind: 'code' },
      { header: l.customerName, kind: 'text' },
      { header: l.province, kind: 'text' },
      { header: l.city, kind: 'text' },
      { header: l.accountManager, kind: 'text' },
      { header: l.phone, kind: 'phone' },
      { header: l.segment, kind: 'text' },
      { header: l.grade, kind: 'text' },
      { header: l.tags, kind: 'text' },
      { header: l.rfm, kind: 'code' },
      { header: l.orders, kind: 'integer' },
      { header: l.revenue, kind: 'amount' },
      { header: l.revenue12m, kind: 'amount' },
      { header: l.overdue, kind: 'amount' },
      { header: l.onTimeRate, kind: 'percent' },
      { header: l.winRate, kind: 'percent' },
      { header: l.lastOrder, kind: 'date' },
    ],
    rows: customers.map((c) => [
      c.code,
      c.name,
      c.province,
      c.city,
      c.accountManager,
      c.phone,
      c.segment,
      c.grade,
      c.tags.join(l.listSeparator),
      c.rfm,
      c.orders,
      c.revenue,
      c.revenue12m,
      c.overdue,
      c.onTimeRate,
      c.winRate,
      c.lastOrder,
    ]),
  };
}
