/**
 * Rows of a sheet to records of one kind. Every input row ends up exactly once in accepted,
 * rejected (with the column and a reason the user can act on) or skipped (blank and totals
 * rows), so the import result can account for every row it read.
 */
import type { RecordKind } from '../schema/records.ts';
import { buildReaders, inferColumnDateOrders, isProblem, type ColumnReader, type FieldValue } from './column-readers.ts';
import { contentKey } from './content-key.ts';
import { normalizeCompanyName } from './company-names.ts';
import { FIELDS, customerRefFields } from './fields.ts';
import { isTotalsRow } from './locate-table.ts';
import { BUILDERS, makeValues, type BuildIssue } from './record-builders.ts';
import { normalizeText } from './text.ts';
import type { Cell, ColumnMapping, ImportRecord, NormalizeRowsOptions, NormalizeRowsResult, RejectedRow } from './types.ts';

const DEFAULT_HEADERS: Readonly<Record<string, string>> = {
  customerCode: '客户编码',
  customerName: '客户名称',
  code: '客户编码',
  name: '客户名称',
};

function lastFilled(row: readonly Cell[]): number {
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

export function normalizeRows<K extends RecordKind>(
  kind: K,
  mapping: readonly ColumnMapping[],
  rows: Cell[][],
  options: NormalizeRowsOptions,
): NormalizeRowsResult<K> {
  const result: NormalizeRowsResult<K> = { accepted: [], rejected: [], warnings: [], skipped: [] };
  const orders = options.dateOrders ?? inferColumnDateOrders(kind, mapping, rows);
  const readers = buildReaders(kind, mapping, orders, options.date1904);
  const readerList = [...readers.values()];
  const fieldNames = readerList.map((r) => r.field);
  const headerCount = options.headerCount ?? mapping.length;
  const headerOf = (field: string): string => readers.get(field)?.header ?? DEFAULT_HEADERS[field] ?? field;
  const required = FIELDS[kind].filter((s) => s.required).map((s) => s.field);
  const unmapped = required.find((f) => !readers.has(f));
  const requiredSlots = required.map((f) => fieldNames.indexOf(f));
  const [codeField, nameField] = customerRefFields(kind);
  const codeSlot = fieldNames.indexOf(codeField);
  const nameSlot = fieldNames.indexOf(nameField);
  const refMissing = `missing customer (neither ${headerOf(codeField)} nor ${headerOf(nameField)} given)`;
  const build = BUILDERS[kind];
  // Reused across rows: builders copy what they need, and a million rows should not mean
  // a million maps for the garbage collector.
  const slots: FieldValue[] = fieldNames.map(() => null);
  const view = makeValues(fieldNames, slots);
  const issues: BuildIssue[] = [];
  const regionHeader = regionColumn(readers);

  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] ?? [];
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
    if (filled > headerCount) {
      reject(result.rejected, row, rowNumber, null, 'row.ragged', `row has ${filled} cells but the header has ${headerCount} columns (a delimiter or quote inside a value?)`);
      continue;
    }
    if (unmapped !== undefined) {
      reject(result.rejected, row, rowNumber, null, 'field.unmapped', `no column is mapped to the required field ${unmapped}`);
      continue;
    }
    const formats = options.formats?.[i];
    let failed: { reader: ColumnReader; code: string; reason: string } | undefined;
    for (let k = 0; k < readerList.length; k += 1) {
      const reader = readerList[k] as ColumnReader;
      const cell = row[reader.index] ?? null;
      const value = reader.read(cell, formats ? (formats[reader.index] ?? null) : null);
      if (!isProblem(value)) {
        slots[k] = value;
        continue;
      }
      if (value.severity === 'error') {
        failed = { reader, code: value.code, reason: value.reason };
        break;
      }
      result.warnings.push({ rowNumber, column: reader.header, code: value.code, message: value.reason, value: String(cell) });
      // A phone that is not one is kept as written; an unknown optional label is dropped.
      slots[k] = reader.spec.type === 'phone' ? normalizeText(cell) : null;
    }
    if (failed) {
      reject(result.rejected, row, rowNumber, failed.reader.header, failed.code, failed.reason);
      continue;
    }
    const missing = requiredSlots.findIndex((slot) => slots[slot] === null);
    if (missing !== -1) {
      const header = headerOf(required[missing] ?? '');
      reject(result.rejected, row, rowNumber, header, 'field.missing', `missing value in column ${header}`);
      continue;
    }
    if ((codeSlot === -1 || slots[codeSlot] === null) && (nameSlot === -1 || slots[nameSlot] === null)) {
      reject(result.rejected, row, rowNumber, null, 'customer.missing', refMissing);
      continue;
    }
    issues.length = 0;
    const record = build(view, issues) as unknown as Record<string, unknown>;
    if (issues.length > 0) {
      const error = issues.find((issue) => issue.severity === 'error');
      if (error) {
        const header = error.field === null ? null : headerOf(error.field);
        reject(result.rejected, row, rowNumber, header, error.code, `${error.reason} in column ${header ?? ''}: '${error.value}'`);
        continue;
      }
      for (const issue of issues) {
        const column = issue.field === null ? regionHeader : headerOf(issue.field);
        result.warnings.push({ rowNumber, column, code: issue.code, message: issue.reason, value: issue.value });
      }
    }
    const sourceKey = sourceKeyOf(kind, record);
    // Rows without an id are identified by their content, in the store as well.
    if (record['sourceId'] === '') record['sourceId'] = sourceKey;
    record['rowNumber'] = rowNumber;
    record['sourceKey'] = sourceKey;
    result.accepted.push(record as unknown as ImportRecord<K>);
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
