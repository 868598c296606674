// Writes a dataset as the files a user would get from their CRM and service systems: one
// workbook per record kind with Chinese headers under a merged title row, plus a GBK CSV.
// These are the sample files the app ships for trying the importer, so they deliberately
// carry the quirks real exports have (title rows, number formats, a legacy encoding).
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { open, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type {
  CustomerRecord,
  CustomerType,
  Dataset,
  EquipmentRecord,
  OpportunityRecord,
  OpportunityResult,
  OrderRecord,
  OrderStatus,
  PaymentRecord,
  SurveyRecord,
  TicketRecord,
  TicketType,
} from '../../shared/schema/records.ts';
import { DEMO_DEFAULTS, generateDemo } from '../../shared/demo/index.ts';
import { deflateZip } from './deflate-zip.ts';

export const CUSTOMER_TYPE_LABELS: Readonly<Record<CustomerType, string>> = {
  enterprise: '企业',
  rental: '租赁公司',
  owner_operator: '个体机主',
  government: '政府单位',
  dealer: '经销商',
};
export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  signed: '已签订',
  delivered: '已发货',
  completed: '已完成',
  cancelled: '已取消',
};
export const OPPORTUNITY_RESULT_LABELS: Readonly<Record<OpportunityResult, string>> = {
  won: '赢单',
  lost: '输单',
  open: '进行中',
};
export const TICKET_TYPE_LABELS: Readonly<Record<TicketType, string>> = {
  repair: '维修',
  maintenance: '保养',
  complaint: '投诉',
  consultation: '咨询',
};

type Kind = 'text' | 'date' | 'amount' | 'integer' | 'decimal';

interface Column<T> {
  header: string;
  kind: Kind;
  /** Width in characters; CJK characters count double in Excel's units. */
  width: number;
  value: (row: T) => string | number | null;
}

interface SheetSpec<T> {
  file: string;
  sheet: string;
  title: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
}

const DATE_FORMAT = 'yyyy-mm-dd';
const AMOUNT_FORMAT = '#,##0.00';
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Excel's serial day number of an ISO date. Cells get the number plus a date format rather
 * than a JS Date, which SheetJS would shift by the local time zone offset.
 */
export function excelSerial(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  return (Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) - EXCEL_EPOCH) / 86_400_000;
}

function cell(kind: Kind, value: string | number | null): XLSX.CellObject | undefined {
  if (value === null || value === '') return undefined;
  switch (kind) {
    case 'text':
      return { t: 's', v: String(value) };
    case 'date':
      return { t: 'n', v: excelSerial(String(value)), z: DATE_FORMAT };
    case 'amount':
      return { t: 'n', v: Number(value), z: AMOUNT_FORMAT };
    case 'decimal':
      return { t: 'n', v: Number(value), z: '0.0' };
    case 'integer':
      return { t: 'n', v: Number(value) };
  }
}

/**
 * Title in A1 merged across all columns, a blank row, the header in row 3, data from row 4.
 * Dense mode (rows as arrays): building 400,000 cells as A1-keyed properties took seconds.
 */
function buildSheet<T>(spec: SheetSpec<T>, title: string): XLSX.WorkSheet {
  const lastCol = spec.columns.length - 1;
  const data: XLSX.CellObject[][] = [[{ t: 's', v: title }], [], spec.columns.map((column) => ({ t: 's', v: column.header }))];
  for (const row of spec.rows) {
    const cells: XLSX.CellObject[] = [];
    spec.columns.forEach((column, c) => {
      const value = cell(column.kind, column.value(row));
      if (value) cells[c] = value;
    });
    data.push(cells);
  }
  return {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 2 + spec.rows.length, c: lastCol } }),
    '!merges': [{ s: { r: 0, c: 0 }, e: { r: 0, c: lastCol } }],
    '!cols': spec.columns.map((column) => ({ wch: column.width })),
  };
}

/** A sheet spec with its row type sealed in, so specs of different kinds share one list. */
interface PreparedSheet {
  file: string;
  sheet: string;
  title: string;
  build: (title: string) => XLSX.WorkSheet;
}

function prepare<T>(spec: SheetSpec<T>): PreparedSheet {
  return { file: spec.file, sheet: spec.sheet, title: spec.title, build: (title) => buildSheet(spec, title) };
}

function workbookBytes(spec: PreparedSheet, title: string): Uint8Array {
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, spec.build(title), spec.sheet);
  const stored: unknown = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: false });
  if (!(stored instanceof Uint8Array)) throw new Error('SheetJS did not return a buffer');
  return deflateZip(stored);
}

let tempCounter = 0;

/** Write to a temporary sibling, flush, then rename over the target: readers never see half a file. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  tempCounter += 1;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${tempCounter}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

type NameOf = (code: string) => string | null;

function text<T>(header: string, width: number, value: (row: T) => string | null): Column<T> {
  return { header, kind: 'text', width, value };
}
function date<T>(header: string, value: (row: T) => string | null): Column<T> {
  return { header, kind: 'date', width: 12, value };
}
function amount<T>(header: string, value: (row: T) => number | null): Column<T> {
  return { header, kind: 'amount', width: 16, value };
}

function customerColumns(): Column<CustomerRecord>[] {
  return [
    text('客户编码', 10, (c) => c.code),
    text('客户名称', 32, (c) => c.name),
    text('客户类型', 10, (c) => CUSTOMER_TYPE_LABELS[c.type]),
    text('行业', 12, (c) => c.industry),
    text('省份', 14, (c) => c.province),
    text('城市', 14, (c) => c.city),
    text('区县', 12, (c) => c.county),
    text('地址', 44, (c) => c.address),
    text('联系人', 10, (c) => c.contact),
    text('电话', 14, (c) => c.phone),
    text('客户经理', 10, (c) => c.accountManager),
    text('所属大区', 10, (c) => c.salesRegion),
    date('建档日期', (c) => c.createdDate),
  ];
}

/** The sheets, in file order. Customer names are looked up so every sheet reads on its own. */
function sheetSpecs(dataset: Dataset, nameOf: NameOf): PreparedSheet[] {
  return [
    prepare<CustomerRecord>({
      file: '01-客户档案.xlsx',
      sheet: '客户档案',
      title: '客户档案导出',
      columns: customerColumns(),
      rows: dataset.customers,
    }),
    prepare<OrderRecord>({
      file: '02-销售合同.xlsx',
      sheet: '销售合同',
      title: '销售合同明细',
      columns: [
        text('合同号', 16, (o) => o.sourceId),
        text('客户编码', 10, (o) => o.customerCode),
        text('客户名称', 32, (o) => nameOf(o.customerCode)),
        date('签订日期', (o) => o.orderDate),
        text('产品线', 12, (o) => o.productLine),
        text('机型', 12, (o) => o.model),
        { header: '数量', kind: 'integer', width: 8, value: (o) => o.quantity },
        amount('金额(元)', (o) => o.amount),
        text('付款方式', 10, (o) => o.paymentTerms),
        text('状态', 8, (o) => (o.status === null ? null : ORDER_STATUS_LABELS[o.status])),
      ],
      rows: dataset.orders,
    }),
    prepare<PaymentRecord>({
      file: '03-回款记录.xlsx',
      sheet: '回款记录',
      title: '回款明细',
      columns: [
        text('回款单号', 18, (p) => p.sourceId),
        text('合同号', 16, (p) => p.contractId),
        text('客户编码', 10, (p) => p.customerCode),
        text('客户名称', 32, (p) => nameOf(p.customerCode)),
        date('应收日期', (p) => p.dueDate),
        amount('应收金额', (p) => p.amountDue),
        date('实收日期', (p) => p.paidDate),
        amount('实收金额', (p) => p.amountPaid),
      ],
      rows: dataset.payments,
    }),
    prepare<OpportunityRecord>({
      file: '04-商机.xlsx',
      sheet: '商机',
      title: '销售商机（销售信息单）',
      columns: [
        text('商机编号', 14, (o) => o.sourceId),
        text('客户编码', 10, (o) => o.customerCode),
        text('客户名称', 32, (o) => nameOf(o.customerCode)),
        date('创建日期', (o) => o.createdDate),
        text('阶段', 10, (o) => o.stage),
        amount('预计金额', (o) => o.expectedAmount),
        text('结果', 8, (o) => OPPORTUNITY_RESULT_LABELS[o.result]),
        date('关闭日期', (o) => o.closeDate),
        text('来源', 10, (o) => o.channel),
        text('客户经理', 10, (o) => o.accountManager),
        text('产品线', 12, (o) => o.productLine),
      ],
      rows: dataset.opportunities,
    }),
    prepare<TicketRecord>({
      file: '05-服务工单.xlsx',
      sheet: '服务工单',
      title: '400服务工单导出',
      columns: [
        text('工单号', 16, (t) => t.sourceId),
        text('客户编码', 10, (t) => t.customerCode),
        text('客户名称', 32, (t) => nameOf(t.customerCode)),
        text('设备序列号', 14, (t) => t.serial),
        date('报修日期', (t) => t.openedDate),
        date('完成日期', (t) => t.closedDate),
        text('类型', 8, (t) => TICKET_TYPE_LABELS[t.type]),
        { header: '满意度', kind: 'integer', width: 8, value: (t) => t.satisfaction },
        text('描述', 30, (t) => t.description),
      ],
      rows: dataset.tickets,
    }),
    prepare<SurveyRecord>({
      file: '06-满意度调研.xlsx',
      sheet: '满意度调研',
      title: '客户满意度调研结果',
      columns: [
        text('调研编号', 14, (s) => s.sourceId),
        text('客户编码', 10, (s) => s.customerCode),
        text('客户名称', 32, (s) => nameOf(s.customerCode)),
        date('调研日期', (s) => s.surveyDate),
        { header: '得分', kind: 'integer', width: 8, value: (s) => s.score },
        text('意见', 30, (s) => s.comments),
      ],
      rows: dataset.surveys,
    }),
    prepare<EquipmentRecord>({
      file: '07-设备物联.xlsx',
      sheet: '设备运行',
      title: '智能管家设备运行数据',
      columns: [
        text('设备序列号', 14, (e) => e.serial),
        text('客户编码', 10, (e) => e.customerCode),
        text('客户名称', 32, (e) => nameOf(e.customerCode)),
        text('机型', 12, (e) => e.model),
        text('产品线', 12, (e) => e.productLine),
        date('购买日期', (e) => e.purchaseDate),
        { header: '近30天工作小时', kind: 'decimal', width: 14, value: (e) => e.workingHours30d },
        date('最近上线', (e) => e.lastOnline),
        text('位置', 20, (e) => e.location),
      ],
      rows: dataset.equipment,
    }),
  ];
}

export const CSV_FILE = '08-客户档案-GBK.csv';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** 2023-03-07 → 2023/3/7, the way Excel writes dates into a Chinese-locale CSV. */
function csvDate(iso: string | null): string {
  if (iso === null) return '';
  const [y, m, d] = iso.split('-');
  return `${y}/${Number(m)}/${Number(d)}`;
}

/** The customer list as a GBK CSV with CRLF lines and no BOM, as legacy Windows tools save it. */
export function customersCsv(customers: readonly CustomerRecord[]): Uint8Array {
  const columns = customerColumns();
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const customer of customers) {
    lines.push(
      columns
        .map((column) => {
          const value = column.value(customer);
          if (column.kind === 'date') return csvDate(value === null ? null : String(value));
          return csvField(value === null ? '' : String(value));
        })
        .join(','),
    );
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

export interface SampleOptions {
  /** Company name in the title rows. */
  company?: string;
  /** Date in the title rows; defaults to the latest date found in the dataset. */
  exportDate?: string;
}

function latestDate(dataset: Dataset): string {
  let latest = '';
  const consider = (d: string | null): void => {
    if (d !== null && d > latest) latest = d;
  };
  for (const o of dataset.orders) consider(o.orderDate);
  for (const p of dataset.payments) consider(p.paidDate ?? p.dueDate);
  for (const t of dataset.tickets) consider(t.closedDate ?? t.openedDate);
  for (const e of dataset.equipment) consider(e.lastOnline);
  return latest;
}

/**
 * Writes the dataset as sample import files into `outDir` (created if missing) and returns
 * their absolute paths in file-name order. Existing files of the same names are replaced
 * atomically; nothing else in the folder is touched.
 */
export async function writeSampleFiles(dataset: Dataset, outDir: string, options: SampleOptions = {}): Promise<string[]> {
  const dir = path.resolve(outDir);
  await mkdir(dir, { recursive: true });
  const company = options.company ?? '华岳重工';
  const exportDate = options.exportDate ?? latestDate(dataset);
  const names = new Map(dataset.customers.map((c) => [c.code, c.name]));
  const nameOf: NameOf = (code) => names.get(code) ?? null;

  const written: string[] = [];
  for (const spec of sheetSpecs(dataset, nameOf)) {
    const file = path.join(dir, spec.file);
    await writeFileAtomic(file, workbookBytes(spec, `${company} ${spec.title} ${exportDate}`.trim()));
    written.push(file);
  }
  const csv = path.join(dir, CSV_FILE);
  await writeFileAtomic(csv, customersCsv(dataset.customers));
  written.push(csv);
  return written;
}

/** `atlas samples --out DIR`: the default demo dataset as sample files. */
export async function writeDemoSamples(outDir: string): Promise<string[]> {
  return writeSampleFiles(generateDemo(), outDir, { exportDate: DEMO_DEFAULTS.endDate });
}
