/**
 * Types of the pure import logic: what the file reader hands over (SheetData), what the
 * mapper proposes (MappingProposal) and what normalising rows yields (ImportRecord,
 * RejectedRow, ImportWarning). The pipeline, API and screens build on these names.
 */
import type {
  CustomerRecord,
  EquipmentRecord,
  OpportunityRecord,
  OrderRecord,
  PaymentRecord,
  RecordKind,
  SurveyRecord,
  TicketRecord,
} from '../schema/records.ts';

/** A raw cell as SheetJS gives it (`raw: true`): Excel dates arrive as serial numbers. */
export type Cell = string | number | boolean | null;

export interface SheetData {
  name: string;
  rows: Cell[][];
  /** Number format string per cell (`cellNF`), when the reader has it. */
  formats?: (string | null)[][];
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904: boolean;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface EncodingGuess {
  encoding: TextEncoding;
  bom: boolean;
  /** 0..1; 1 for a BOM or strictly valid UTF-8 with non-ASCII content. */
  confidence: number;
}

export type Delimiter = ',' | ';' | '\t' | '|';

export interface DelimitedParser {
  /** Feeds a chunk; returns the rows completed by it (a row split across chunks waits). */
  push(chunk: string): string[][];
  /** Flushes the last row (without a trailing newline). */
  end(): string[][];
}

export interface TableLocation {
  /** 0-based index of the header row in the sheet's rows. */
  headerRow: number;
  /** 0-based, inclusive; firstDataRow > lastDataRow when there is no data. */
  firstDataRow: number;
  lastDataRow: number;
  /** Title and blank rows above the header. */
  skippedTop: number[];
  /** Totals rows at the bottom (合计 / 总计 / Total …), never data. */
  totalsRows: number[];
  /** Blank rows between firstDataRow and lastDataRow (skipped, not rejected). */
  blankRows: number[];
}

export type FieldType =
  | 'text'
  | 'code'
  | 'date'
  | 'amount'
  | 'number'
  | 'integer'
  | 'phone'
  | 'province'
  | 'city'
  | 'county'
  | 'enum';

export interface FieldSpec {
  /** The record property name: 'customerCode', 'orderDate', 'amount' … */
  field: string;
  type: FieldType;
  required: boolean;
  /** Header synonyms in zh-Hans, zh-Hant and English. */
  synonyms: string[];
  /** For enums: canonical value → the labels exports use for it. */
  enumValues?: Record<string, string[]>;
}

export type MappingReason = 'synonym' | 'fuzzy' | 'shape' | 'template' | 'none';

export interface ColumnMapping {
  index: number;
  header: string;
  field: string | null;
  /** 0..1 */
  confidence: number;
  reason: MappingReason;
  /** 10000 for a header like 金额（万元）; amounts in the column are multiplied by it. */
  unitMultiplier?: number;
}

export interface MappingProposal {
  kind: RecordKind;
  kindConfidence: number;
  kindScores: Record<RecordKind, number>;
  columns: ColumnMapping[];
  /**
   * Required fields no column maps to. 'customerCode|customerName' stands for "a customer
   * reference", satisfied by either.
   */
  missingRequired: string[];
}

/** A normaliser's answer: a value, or a reason fit for the user plus a stable code. */
export type NormalizeResult<T> = { ok: true; value: T } | { ok: false; code: string; reason: string };

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export interface RegionInput {
  province?: string | null;
  city?: string | null;
  county?: string | null;
  address?: string | null;
}

export interface NormalizedRegion {
  province: string | null;
  city: string | null;
  county: string | null;
  /** GB/T 2260 code of the city, else of the province. */
  divisionCode: string | null;
  /** Names given but not recognised, in the order province, city, county. */
  unmatched: string[];
}

type WithCustomerRef<T> = Omit<T, 'customerCode'> & { customerCode: string | null; customerName: string | null };

interface RowMeta {
  /** 1-based row number as the user sees it in Excel. */
  rowNumber: number;
  /** The source id, or a content key for rows without one. */
  sourceKey: string;
}

/** A customer row: code is null when the export has only a name (the pipeline assigns one). */
export type ImportedCustomer = Omit<CustomerRecord, 'code' | 'province' | 'city' | 'type' | 'industry'> & {
  code: string | null;
  customerCode: string | null;
  customerName: string | null;
  type: CustomerRecord['type'] | null;
  industry: string | null;
  province: string | null;
  city: string | null;
} & RowMeta;

export interface ImportRecordByKind {
  customers: ImportedCustomer;
  orders: WithCustomerRef<OrderRecord> & RowMeta;
  payments: WithCustomerRef<PaymentRecord> & RowMeta;
  opportunities: WithCustomerRef<OpportunityRecord> & RowMeta;
  tickets: WithCustomerRef<TicketRecord> & RowMeta;
  surveys: WithCustomerRef<SurveyRecord> & RowMeta;
  equipment: WithCustomerRef<EquipmentRecord> & RowMeta;
}

export type ImportRecord<K extends RecordKind = RecordKind> = ImportRecordByKind[K];

export interface RejectedRow {
  rowNumber: number;
  /** Header text of the offending column, or null for row-level problems. */
  column: string | null;
  code: string;
  reason: string;
  values: Cell[];
}

export interface ImportWarning {
  rowNumber: number;
  column: string | null;
  code: string;
  message: string;
  value: string;
}

/** A row that is neither data nor an error: blank, or a totals/subtotals row. */
export interface SkippedRow {
  rowNumber: number;
  code: 'row.blank' | 'row.totals';
  reason: string;
}

export interface NormalizeRowsOptions {
  date1904: boolean;
  /** Sheet row number (1-based) of rows[0]. */
  firstRowNumber: number;
  fileName: string;
  /** Number formats aligned with `rows`. */
  formats?: (string | null)[][];
  /** Number of header columns, for ragged-row detection; defaults to the mapping's length. */
  headerCount?: number;
  /**
   * Day/month order per column index. Pass the orders inferred over the whole file
   * (inferColumnDateOrders) when normalising in batches, so every batch reads alike.
   */
  dateOrders?: Record<number, DateOrder>;
}

export interface NormalizeRowsResult<K extends RecordKind = RecordKind> {
  accepted: ImportRecord<K>[];
  rejected: RejectedRow[];
  warnings: ImportWarning[];
  /** Blank and totals rows; accepted + rejected + skipped = every input row, once. */
  skipped: SkippedRow[];
}
