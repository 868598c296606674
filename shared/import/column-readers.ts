/**
 * One reader per mapped column, built once per file: it turns a cell into the field's value
 * or into a problem phrased for the user ("unparseable date in column 签订日期: '2023-13-45'").
 * Building the readers up front keeps the per-row loop free of lookups for a million rows.
 */
import type { RecordKind } from '../schema/records.ts';
import { parseAmount, parseInteger, parseNumber, parseQuantity } from './amounts.ts';
import { addDateEvidence, decideDateOrder, noDateEvidence, parseDate, type DateOrderEvidence } from './dates.ts';
import { matchEnum } from './enums.ts';
import { FIELDS } from './fields.ts';
import { normalizePhone } from './phones.ts';
import { normalizeCode, normalizeText, numberToText } from './text.ts';
import type { Cell, ColumnMapping, DateOrder, FieldSpec } from './types.ts';

export type FieldValue = string | number | null;

export interface Problem {
  code: string;
  reason: string;
  /** Warnings keep the row (the value is kept as text or dropped); errors reject it. */
  severity: 'error' | 'warning';
}

export interface ColumnReader {
  field: string;
  index: number;
  header: string;
  spec: FieldSpec;
  read(cell: Cell, format: string | null): FieldValue | Problem;
}

export function isProblem(v: FieldValue | Problem): v is Problem {
  return v !== null && typeof v === 'object';
}

function quoted(cell: Cell): string {
  return `'${String(cell)}'`;
}

/** Enums whose value a record cannot do without; the others fall back to null with a warning. */
const STRICT_ENUMS = new Set(['tickets.type', 'opportunities.result']);
const QUANTITY_FIELDS = new Set(['quantity', 'workingHours30d']);

/** Excel shows a number formatted "000000" with its zeros: codes must keep them. */
function codeFromNumber(cell: number, format: string | null): string {
  const text = numberToText(cell);
  if (format && /^0+$/.test(format) && Number.isInteger(cell)) return text.padStart(format.length, '0');
  return text;
}

export function buildReader(kind: RecordKind, column: ColumnMapping, spec: FieldSpec, order: DateOrder, date1904: boolean): ColumnReader {
  const where = `in column ${column.header}`;
  const error = (code: string, what: string, cell: Cell): Problem => ({ code, reason: `${what} ${where}: ${quoted(cell)}`, severity: 'error' });
  const base = { field: spec.field, index: column.index, header: column.header, spec };
  switch (spec.type) {
    case 'date':
      return {
        ...base,
        read: (cell) => {
          const r = parseDate(cell, order, date1904);
          return r.ok ? r.value : error(r.code, 'unparseable date', cell);
        },
      };
    case 'amount': {
      const multiplier = column.unitMultiplier ?? 1;
      return {
        ...base,
        read: (cell) => {
          const r = parseAmount(cell, multiplier);
          return r.ok ? r.value : error(r.code, r.code === 'amount.too-large' ? 'amount too large' : 'unparseable amount', cell);
        },
      };
    }
    case 'number':
    case 'integer': {
      const parse = QUANTITY_FIELDS.has(spec.field) ? parseQuantity : spec.type === 'integer' ? parseInteger : parseNumber;
      const label = spec.field === 'quantity' ? 'quantity' : 'number';
      return {
        ...base,
        read: (cell) => {
          const r = parse(cell);
          if (r.ok) return r.value;
          return error(r.code, r.code === 'quantity.negative' ? `negative ${label}` : `unparseable ${label}`, cell);
        },
      };
    }
    case 'phone':
      return {
        ...base,
        read: (cell) => {
          const r = normalizePhone(cell);
          if (r.ok) return r.value;
          return { code: r.code, reason: `not a phone number ${where}: ${quoted(cell)} (kept as written)`, severity: 'warning' };
        },
      };
    case 'code':
      return { ...base, read: (cell, format) => normalizeCode(typeof cell === 'number' ? codeFromNumber(cell, format) : cell) };
    case 'enum': {
      const values = spec.enumValues ?? {};
      const key = `${kind}.${spec.field}`;
      const strict = STRICT_ENUMS.has(key);
      const expected = Object.values(values)
        .map((labels) => labels[0] ?? '')
        .join(', ');
      return {
        ...base,
        read: (cell) => {
          const text = normalizeText(cell);
          if (text === null) return null;
          const canonical = matchEnum(values, key, text);
          if (canonical !== undefined) return canonical;
          return {
            code: 'enum.unknown',
            reason: `unknown value ${where}: ${quoted(cell)} (expected ${expected})`,
            severity: strict ? 'error' : 'warning',
          };
        },
      };
    }
    default:
      return { ...base, read: (cell) => normalizeText(cell) };
  }
}

/** The sheet columns mapped to date fields of the kind. */
export function dateColumns(kind: RecordKind, mapping: readonly ColumnMapping[]): number[] {
  return mapping.filter((column) => FIELDS[kind].find((s) => s.field === column.field)?.type === 'date').map((column) => column.index);
}

/** Adds the date evidence of `rows` per date column (keyed by column index). */
export function addColumnDateEvidence(
  into: Record<number, DateOrderEvidence>,
  columns: readonly number[],
  rows: readonly (readonly Cell[])[],
): Record<number, DateOrderEvidence> {
  for (const index of columns) {
    const evidence = (into[index] ??= noDateEvidence());
    addDateEvidence(evidence, rows.map((row) => row[index] ?? null));
  }
  return into;
}

export function decideColumnDateOrders(evidence: Readonly<Record<number, DateOrderEvidence>>): Record<number, DateOrder> {
  const orders: Record<number, DateOrder> = {};
  for (const [index, e] of Object.entries(evidence)) orders[Number(index)] = decideDateOrder(e);
  return orders;
}

/** The day/month order of every mapped date column, inferred over all of its values. */
export function inferColumnDateOrders(kind: RecordKind, mapping: readonly ColumnMapping[], rows: readonly (readonly Cell[])[]): Record<number, DateOrder> {
  return decideColumnDateOrders(addColumnDateEvidence({}, dateColumns(kind, mapping), rows));
}

/** Readers for every mapped column of the kind (unknown fields are ignored). */
export function buildReaders(
  kind: RecordKind,
  mapping: readonly ColumnMapping[],
  orders: Record<number, DateOrder>,
  date1904: boolean,
): Map<string, ColumnReader> {
  const readers = new Map<string, ColumnReader>();
  for (const column of mapping) {
    if (column.field === null) continue;
    const spec = FIELDS[kind].find((s) => s.field === column.field);
    if (!spec || readers.has(spec.field)) continue;
    readers.set(spec.field, buildReader(kind, column, spec, orders[column.index] ?? 'ymd', date1904));
  }
  return readers;
}
