/**
 * The reports feature's part of the API contract: its calls (merged into ApiSpec), their
 * method names and their parameter validators.
 *
 * The filter travels as its URL query string (shared/filters `filterToQuery`): the worker reads
 * it with `filterFromQuery`, which accepts anything and returns a normalised filter, so an
 * untrusted filter needs no further shape check here.
 */
import { fail, integer, jobId, MAX_PATH, none, oneOf, record, text } from '../api/checks.ts';
import type { Validators } from '../api/checks.ts';
import type { JobParams, Language } from '../api/contract.ts';

/** The sheets a report can hold, in workbook order. */
export const REPORT_SHEET_IDS = ['summary', 'segments', 'regions', 'tags', 'conversion', 'churn', 'customers'] as const;
export type ReportSheetId = (typeof REPORT_SHEET_IDS)[number];

/** Columns of the Customers sheet, in sheet order. */
export const CUSTOMER_COLUMN_IDS = [
  'code',
  'name',
  'province',
  'city',
  'accountManager',
  'phone',
  'segment8',
  'segment11',
  'grade',
  'rfm',
  'orders',
  'revenue',
  'revenue12m',
  'overdue',
  'onTimeRate',
  'winRate',
  'lastOrder',
  'churnRisk',
  'lifecycle',
  // Long text last, where it can run on without covering figures.
  'tags',
] as const;
export type CustomerColumnId = (typeof CUSTOMER_COLUMN_IDS)[number];

export const REPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const CSV_ENCODINGS = ['utf8-bom', 'gbk'] as const;
export type ReportCsvEncoding = (typeof CSV_ENCODINGS)[number];
export const PERSONAL_DATA_MODES = ['masked', 'shown'] as const;
const LANGUAGES = ['zh-CN', 'en'] as const satisfies readonly Language[];

/** A named report template stored in the workspace: which sheets and which customer columns. */
export interface ReportTemplate {
  name: string;
  sheets: ReportSheetId[];
  customerColumns: CustomerColumnId[];
  updatedAt: string;
}

export const MAX_TEMPLATE_NAME = 80;

/** One cell of the RFM grid (the Segments page sent the Customers list there): R score and F (or F + M) score. */
export interface ReportGridCell {
  r: number;
  y: number;
  yAxis: 'f' | 'fm';
}

export interface ReportExportParams extends JobParams {
  /** The shared filter as a query string (`grade=A&province=江苏省`); '' = all customers. */
  filter: string;
  /** Only the customers of this RFM grid cell (as the Customers list shows after a click on the grid). */
  cell?: ReportGridCell;
  language: Language;
  /** Sheets to include; default all (or the template's). */
  sheets?: ReportSheetId[];
  /** Customers sheet columns; default all (or the template's). */
  customerColumns?: CustomerColumnId[];
  /** Use a stored template's sheets and columns (explicit sheets/columns win). */
  templateName?: string;
  format: ReportFormat;
  /** CSV only; default UTF-8 with BOM. */
  csvEncoding?: ReportCsvEncoding;
  /** Default masked. */
  personalData?: 'masked' | 'shown';
  /** Absolute path of the file to write (replaced atomically when complete). */
  path: string;
}

export interface ReportExportResult {
  path: string;
  /** Data rows written over all sheets. */
  rows: number;
  /** Sheet names as written (a CSV holds one sheet). */
  sheets: string[];
}

export interface ReportsApiSpec {
  /** Builds the report in the worker and writes it (job: progress and cancel by jobId). */
  'reports.export': { params: ReportExportParams; result: ReportExportResult };
  'reports.templates.list': { params: undefined; result: ReportTemplate[] };
  /** Stores (or replaces, by name) a template; returns the list. */
  'reports.templates.save': { params: { template: Omit<ReportTemplate, 'updatedAt'> }; result: ReportTemplate[] };
  'reports.templates.delete': { params: { name: string }; result: ReportTemplate[] };
  /** Electron's native save dialog; UNSUPPORTED where the host has none (browser mode). */
  'reports.chooseSavePath': { params: { format: ReportFormat; suggestedName: string }; result: string | null };
}

export const REPORTS_METHODS = {
  'reports.export': true,
  'reports.templates.list': true,
  'reports.templates.save': true,
  'reports.templates.delete': true,
  'reports.chooseSavePath': true,
} as const satisfies Record<keyof ReportsApiSpec, true>;

function idList<T extends string>(method: string, obj: Record<string, unknown>, key: string, allowed: readonly T[]): T[] {
  const value = obj[key];
  if (!Array.isArray(value)) fail(method, `"${key}" must be a list`);
  const out: T[] = [];
  for (const item of value) {
    if (!(allowed as readonly unknown[]).includes(item)) fail(method, `"${key}" holds an unknown id: ${String(item).slice(0, 40)}`);
    if (!out.includes(item as T)) out.push(item as T);
  }
  return allowed.filter((id) => out.includes(id));
}

function templateName(method: string, obj: Record<string, unknown>, key: string): string {
  const name = text(method, obj, key, MAX_TEMPLATE_NAME).trim();
  if (/[\u0000-\u001f]/.test(name)) fail(method, `"${key}" contains control characters`);
  return name;
}

export const reportsValidators: Validators<ReportsApiSpec> = {
  'reports.export': (p) => {
    const m = 'reports.export';
    const obj = record(m, p, [
      'filter',
      'cell',
      'language',
      'sheets',
      'customerColumns',
      'templateName',
      'format',
      'csvEncoding',
      'personalData',
      'path',
      'jobId',
    ]);
    const filter = obj['filter'] ?? '';
    if (typeof filter !== 'string' || filter.length > 20_000) fail(m, '"filter" must be a query string');
    const path = text(m, obj, 'path', MAX_PATH);
    const sheets = obj['sheets'] === undefined ? undefined : idList(m, obj, 'sheets', REPORT_SHEET_IDS);
    if (sheets !== undefined && sheets.length === 0) fail(m, '"sheets" must name at least one sheet');
    const customerColumns = obj['customerColumns'] === undefined ? undefined : idList(m, obj, 'customerColumns', CUSTOMER_COLUMN_IDS);
    let cell: ReportGridCell | undefined;
    if (obj['cell'] !== undefined) {
      const c = record(m, obj['cell'], ['r', 'y', 'yAxis']);
      cell = { r: integer(m, c, 'r', 1, 20), y: integer(m, c, 'y', 1, 40), yAxis: oneOf(m, c, 'yAxis', ['f', 'fm'] as const) };
    }
    return {
      filter,
      ...(cell === undefined ? {} : { cell }),
      language: oneOf(m, obj, 'language', LANGUAGES),
      format: oneOf(m, obj, 'format', REPORT_FORMATS),
      path,
      ...(sheets === undefined ? {} : { sheets }),
      ...(customerColumns === undefined ? {} : { customerColumns }),
      ...(obj['templateName'] === undefined ? {} : { templateName: templateName(m, obj, 'templateName') }),
      ...(obj['csvEncoding'] === undefined ? {} : { csvEncoding: oneOf(m, obj, 'csvEncoding', CSV_ENCODINGS) }),
      ...(obj['personalData'] === undefined ? {} : { personalData: oneOf(m, obj, 'personalData', PERSONAL_DATA_MODES) }),
      ...jobId(m, obj),
    };
  },
  'reports.templates.list': (p) => none('reports.templates.list', p),
  'reports.templates.save': (p) => {
    const m = 'reports.templates.save';
    const obj = record(m, p, ['template']);
    const t = record(m, obj['template'], ['name', 'sheets', 'customerColumns', 'updatedAt']);
    const sheets = idList(m, t, 'sheets', REPORT_SHEET_IDS);
    if (sheets.length === 0) fail(m, '"sheets" must name at least one sheet');
    return { template: { name: templateName(m, t, 'name'), sheets, customerColumns: idList(m, t, 'customerColumns', CUSTOMER_COLUMN_IDS) } };
  },
  'reports.templates.delete': (p) => {
    const obj = record('reports.templates.delete', p, ['name']);
    return { name: templateName('reports.templates.delete', obj, 'name') };
  },
  'reports.chooseSavePath': (p) => {
    const m = 'reports.chooseSavePath';
    const obj = record(m, p, ['format', 'suggestedName']);
    return { format: oneOf(m, obj, 'format', REPORT_FORMATS), suggestedName: text(m, obj, 'suggestedName', 200) };
  },
};

/** The file name a report suggests: "客户报表-2026-11-26.xlsx". */
export function suggestedReportName(base: string, date: string, format: ReportFormat): string {
  const safe = base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'report';
  return `${safe}-${date}.${format}`;
}
