/**
 * Sheet names, titles and column headers of the report, in the UI language, as a typed record
 * read from the i18n dictionaries (`report.*` in shared/i18n/reports.ts).
 */
import type { Language } from '../api/contract.ts';
import { reportsEn, reportsZhCN } from '../i18n/reports.ts';

export interface ReportLabels {
  summarySheet: string;
  customersSheet: string;
  keyFigures: string;
  segments: string;
  grades: string;
  topProvinces: string;
  figure: string;
  value: string;
  previous: string;
  segment: string;
  grade: string;
  province: string;
  customers: string;
  share: string;
  revenue: string;
  analysisDate: string;
  filters: string;
  noFilters: string;
  workspace: string;
  personalDataMasked: string;
  customerCode: string;
  customerName: string;
  city: string;
  accountManager: string;
  phone: string;
  tags: string;
  rfm: string;
  orders: string;
  revenue12m: string;
  overdue: string;
  onTimeRate: string;
  winRate: string;
  lastOrder: string;
  listSeparator: string;
  fieldSeparator: string;
}

const FIELDS: readonly (keyof ReportLabels)[] = [
  'summarySheet', 'customersSheet', 'keyFigures', 'segments', 'grades', 'topProvinces', 'figure', 'value', 'previous',
  'segment', 'grade', 'province', 'customers', 'share', 'revenue', 'analysisDate', 'filters', 'noFilters', 'workspace',
  'personalDataMasked', 'customerCode', 'customerName', 'city', 'accountManager', 'phone', 'tags', 'rfm', 'orders',
  'revenue12m', 'overdue', 'onTimeRate', 'winRate', 'lastOrder', 'listSeparator', 'fieldSeparator',
];

function labelsFor(dictionary: Readonly<Record<string, string>>): ReportLabels {
  const out: Partial<Record<keyof ReportLabels, string>> = {};
  for (const field of FIELDS) out[field] = dictionary[`report.${field}`] ?? field;
  return out as ReportLabels;
}

const ZH = labelsFor(reportsZhCN);
const EN = labelsFor(reportsEn);

export function reportLabels(language: Language): ReportLabels {
  return language === 'zh-CN' ? ZH : EN;
}
