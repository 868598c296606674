/**
 * Rows of a sheet to records of one kind. Every input row ends up exactly once in accepted,
 * rejected (with the column and a reason the user can act on) or skipped (blank and totals
 * rows), so the import result can account for every row it read.
 */
import type { RecordKind } from '../schema/records.ts';
import { buildReaders, inferColumnDateOrders, isProblem, type ColumnReader, type FieldValue, type Problem } from './column-readers.ts';
import { contentKey } from './content-key.ts';
import { normalizeCompanyName } from './company-names.ts';
import { FIELDS, customerRefFields } from './fields.ts';
import { isTotalsRow } from './locate-table.ts';
import { BUILDERS, makeValues, type BuildIssue, type Values } from './record-builders.ts';
import { normalizeText } from './text.ts';
import type { Cell, ColumnMapping, DateOrder, ImportRecord, NormalizeRowsOptions, NormalizeRowsResult, RejectedRow } from './types.ts';

const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  customerCode: '客户编码',
  customerName: '客户名称',
  code: '客户编码',
  name: '客户名称',
};

/** Index of the row's last cell that is not blank; -1 for a blank row. */
export function lastFilled(row: readonly Cell[]): number {
  for (let i = row.length - 1; i >= 0; i -= 1) {
    const c = row[i];
    if (c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) return i;
  }
  return -1;
}

function reject(into: RejectedRow[], row: readonly Cell[], rowNumber: number, column: string | null, code: string, reason: string): void {
  into.push({ rowNumber, column, code, reason, values: row.slice() });
}

function sourceKeyOf(kind: RecordKind, draft: Record<string, unknown>): string {
  if (kind === 'customers') {
    const code = draft['code'];
    if (typeof code === 'string' && code !== '') return code;
    return `name:${normalizeCompanyName(String(draft['name'] ?? ''))}`;
  }
  if (kind === 'equipment') return String(draft['serial'] ?? '');
  const id = draft['sourceId'];
  return typeof id === 'string' && id !== '' ? id : contentKey(kind, draft);
}

/**
 * Where one row's values come from: cells of a sheet (normalizeRows), or the bytes of a text
 * file read without a string per cell (the workspace's UTF-8 reader). Only a rejected row or a
 * warning needs the cells themselves.
 */
export interface RowSource {
  /** The value reader `reader` (slot `k`) gives the current row. */
  read(reader: ColumnReader, k: number): FieldValue | Problem;
  /** The current row's cells as written. */
  cells(): Cell[];
}

/**
 * The per-row part of normalising, built once per file: a row's values (already checked for
 * blank and totals rows) to an accepted record or a rejection with its reason.
 */
export class RowNormalizer<K extends RecordKind> {
  readonly readers: readonly ColumnReader[];
  private readonly fieldNames: string[];
  private readonly headerCount: number;
  private readonly required: string[];
  private readonly unmapped: string | undefined;
  private readonly requiredSlots: number[];
  private readonly codeSlot: number;
  private readonly nameSlot: number;
  private readonly refMissing: string;
  private readonly build: (typeof BUILDERS)[K];
  // Reused across rows: builders copy what they need, and a million rows should not mean
  // a million maps for the garbage collector.
  private readonly slots: FieldValue[];
  private readonly view: Values;
  private readonly issues: BuildIssue[] = [];
  private readonly regionHeader: string | null;
  private readonly byField: ReadonlyMap<string, ColumnReader>;

  constructor(
    private readonly kind: K,
    mapping: readonly ColumnMapping[],
    orders: Record<number, DateOrder>,
    options: { date1904: boolean; headerCount?: number },
  ) {
    this.byField = buildReaders(kind, mapping, orders, options.date1904);
    this.readers = [...this.byField.values()];
    this.fieldNames = this.readers.map((r) => r.field);
    this.headerCount = options.headerCount ?? mapping.length;
    this.required = FIELDS[kind].filter((s) => s.required).map((s) => s.field);
    this.unmapped = this.required.find((f) => !this.byField.has(f));
    this.requiredSlots = this.required.map((f) => this.fieldNames.indexOf(f));
    const [codeField, nameField] = customerRefFields(kind);
    this.codeSlot = this.fieldNames.indexOf(codeField);
    this.nameSlot = this.fieldNames.indexOf(nameField);
    this.refMissing = `missing customer (neither ${this.headerOf(codeField)} nor ${this.headerOf(nameField)} given)`;
    this.build = BUILDERS[kind];
    this.slots = this.fieldNames.map(() => null);
    this.view = makeValues(this.fieldNames, this.slots);
    this.regionHeader = regionColumn(this.byField);
  }

  private headerOf(field: string): string {
    return this.byField.get(field)?.header ?? DEFAULT_HEADERS[field] ?? field;
  }

  /**
   * Normalises the row numbered `rowNumber` whose last filled cell is number `filled`
   * (1-based) into `result.accepted` or `result.rejected`.
   */
  row(rowNumber: number, filled: number, source: RowSource, result: NormalizeRowsResult<K>): void {
    if (filled > this.headerCount) {
      reject(result.rejected, source.cells(), rowNumber, null, 'row.ragged', `row has ${filled} cells but the header has ${this.headerCount} columns (a delimiter or quote inside a value?)`);
      return;
    }
    if (this.unmapped !== undefined) {
      reject(result.rejected, source.cells(), rowNumber, null, 'field.unmapped', `no column is mapped to the required field ${this.unmapped}`);
      return;
    }
    const { readers, slots } = this;
    for (let k = 0; k < readers.length; k += 1) {
      const reader = readers[k] as ColumnReader;
      const value = source.read(reader, k);
      if (!isProblem(value)) {
        slots[k] = value;
        continue;
      }
      if (value.severity === 'error') {
        reject(result.rejected, source.cells(), rowNumber, reader.header, value.code, value.reason);
        return;
      }
      const cell = source.cells()[reader.index] ?? null;
      result.warnings.push({ rowNumber, column: reader.header, code: value.code, message: value.reason, value: String(cell) });
      // A phone that is not one is kept as written; an unknown optional label is dropped.
      slots[k] = reader.spec.type === 'phone' ? normalizeText(cell) : null;
    }
    const { requiredSlots } = this;
    for (let r = 0; r < requiredSlots.length; r += 1) {
      if (slots[requiredSlots[r] as number] !== null) continue;
      const header = this.headerOf(this.required[r] ?? '');
      reject(result.rejected, source.cells(), rowNumber, header, 'field.missing', `missing value in column ${header}`);
      return;
    }
    if ((this.codeSlot === -1 || slots[this.codeSlot] === null) && (this.nameSlot === -1 || slots[this.nameSlot] === null)) {
      reject(result.rejected, source.cells(), rowNumber, null, 'customer.missing', this.refMissing);
      return;
    }
    const { issues } = this;
    issues.length = 0;
    const record = this.build(this.view, issues) as unknown as Record<string, unknown>;
    if (issues.length > 0) {
      const error = issues.find((issue) => issue.severity === 'error');
      if (error) {
        const header = error.field === null ? null : this.headerOf(error.field);
        reject(result.rejected, source.cells(), rowNumber, header, error.code, `${error.reason} in column ${header ?? ''}: '${error.value}'`);
        return;
      }
      for (const issue of issues) {
        const column = issue.field === null ? this.regionHeader : this.headerOf(issue.field);
        result.warnings.push({ rowNumber, column, code: issue.code, message: issue.reason, value: issue.value });
      }
    }
    const sourceKey = sourceKeyOf(this.kind, record);
    // Rows without an id are identified by their content, in the store as well.
    if (record['sourceId'] === '') record['sourceId'] = sourceKey;
    record['rowNumber'] = rowNumber;
    record['sourceKey'] = sourceKey;
    result.accepted.push(record as unknown as ImportRecord<K>);
  }
}

export function normalizeRows<K extends RecordKind>(
  kind: K,
  mapping: readonly ColumnMapping[],
  rows: Cell[][],
  options: NormalizeRowsOptions,
): NormalizeRowsResult<K> {
  const result: NormalizeRowsResult<K> = { accepted: [], rejected: [], warnings: [], skipped: [] };
  const orders = options.dateOrders ?? inferColumnDateOrders(kind, mapping, rows);
  const normalizer = new RowNormalizer(kind, mapping, orders, options);
  let row: Cell[] = [];
  let formats: readonly (string | null)[] | undefined;
  const source: RowSource = {
    read: (reader) => reader.read(row[reader.index] ?? null, formats ? (formats[reader.index] ?? null) : null),
    cells: () => row,
  };
  for (let i = 0; i < rows.length; i += 1) {
    row = rows[i] ?? [];
    const rowNumber = options.firstRowNumber + i;
    const filled = lastFilled(row) + 1;
    if (filled === 0) {
      result.skipped.push({ rowNumber, code: 'row.blank', reason: 'blank row' });
      continue;
    }
    if (isTotalsRow(row)) {
      result.skipped.push({ rowNumber, code: 'row.totals', reason: 'totals row' });
      continue;
    }
    formats = options.formats?.[i];
    normalizer.row(rowNumber, filled, source, result);
  }
  return result;
}

/** The column a region warning points at: the first of province, city, address that is mapped. */
function regionColumn(readers: ReadonlyMap<string, ColumnReader>): string | null {
  for (const field of ['province', 'city', 'county', 'address']) {
    const reader = readers.get(field);
    if (reader) return reader.header;
  }
  return null;
}
