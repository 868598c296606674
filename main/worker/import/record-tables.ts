/**
 * How each record kind is stored: its table, the key that identifies a record across
 * imports (customer code, source id, equipment serial) and its columns in insert order.
 */
import type { RecordKind } from '../../../shared/schema/records.ts';
import type { ImportRecord } from '../../../shared/import/types.ts';
import type { Param } from '../data/db.ts';
import { CellsBuilder } from '../data/encoded-cells.ts';
import type { EncodedCells } from '../data/encoded-cells.ts';

export interface RecordTable {
  table: RecordKind;
  /** Column identifying a record across imports. */
  key: string;
  /** Columns written by the importer, key first; customer_id where the kind has one. */
  columns: readonly string[];
}

export const RECORD_TABLES: Readonly<Record<RecordKind, RecordTable>> = {
  customers: {
    table: 'customers',
    key: 'code',
    columns: ['code', 'name', 'type', 'industry', 'province', 'city', 'county', 'division_code', 'address', 'contact', 'phone', 'account_manager', 'sales_region', 'created_date'],
  },
  orders: {
    table: 'orders',
    key: 'source_id',
    columns: ['source_id', 'customer_id', 'order_date', 'product_line', 'model', 'quantity', 'amount', 'payment_terms', 'status'],
  },
  payments: {
    table: 'payments',
    key: 'source_id',
    columns: ['source_id', 'contract_id', 'customer_id', 'due_date', 'amount_due', 'paid_date', 'amount_paid'],
  },
  opportunities: {
    table: 'opportunities',
    key: 'source_id',
    columns: ['source_id', 'customer_id', 'created_date', 'stage', 'expected_amount', 'result', 'close_date', 'channel', 'account_manager', 'product_line'],
  },
  tickets: {
    table: 'tickets',
    key: 'source_id',
    columns: ['source_id', 'customer_id', 'serial', 'opened_date', 'closed_date', 'type', 'satisfaction', 'description'],
  },
  surveys: {
    table: 'surveys',
    key: 'source_id',
    columns: ['source_id', 'customer_id', 'survey_date', 'score', 'comments'],
  },
  equipment: {
    table: 'equipment',
    key: 'serial',
    columns: ['serial', 'customer_id', 'model', 'product_line', 'purchase_date', 'working_hours_30d', 'last_online', 'location'],
  },
};

/** Children first: the order in which a batch's rows are deleted. */
export const DELETE_ORDER: readonly RecordKind[] = ['equipment', 'surveys', 'tickets', 'opportunities', 'payments', 'orders', 'customers'];

const str = (v: unknown): Param => (v === undefined || v === null || v === '' ? null : typeof v === 'number' ? v : String(v));
const num = (v: unknown): Param => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The key of a non-customer record: its source id, else the content key normalizeRows gave it. */
export function recordKey(kind: Exclude<RecordKind, 'customers'>, record: ImportRecord): string {
  const r = record as unknown as Record<string, unknown>;
  const own = kind === 'equipment' ? r['serial'] : r['sourceId'];
  if (typeof own === 'string' && own.trim() !== '') return own.trim();
  return String(r['sourceKey']);
}

/** Column values (aligned with RECORD_TABLES[kind].columns) of a non-customer record. */
export function recordValues(kind: Exclude<RecordKind, 'customers'>, record: ImportRecord, customerId: number): Param[] {
  const r = record as unknown as Record<string, unknown>;
  const key = recordKey(kind, record);
  switch (kind) {
    case 'orders':
      return [key, customerId, str(r['orderDate']), str(r['productLine']) ?? '', str(r['model']), num(r['quantity']) ?? 1, num(r['amount']) ?? 0, str(r['paymentTerms']), str(r['status'])];
    case 'payments':
      return [key, str(r['contractId']), customerId, str(r['dueDate']), num(r['amountDue']) ?? 0, str(r['paidDate']), num(r['amountPaid']) ?? 0];
    case 'opportunities':
      return [key, customerId, str(r['createdDate']), str(r['stage']) ?? '', num(r['expectedAmount']), str(r['result']) ?? 'open', str(r['closeDate']), str(r['channel']), str(r['accountManager']), str(r['productLine'])];
    case 'tickets':
      return [key, customerId, str(r['serial']), str(r['openedDate']), str(r['closedDate']), str(r['type']), num(r['satisfaction']), str(r['description'])];
    case 'surveys':
      return [key, customerId, str(r['surveyDate']), num(r['score']) ?? 0, str(r['comments'])];
    case 'equipment':
      return [key, customerId, str(r['model']) ?? '', str(r['productLine']) ?? '', str(r['purchaseDate']), num(r['workingHours30d']), str(r['lastOnline']), str(r['location'])];
  }
}

/**
 * A chunk of non-customer records as the writer stores them: their column values (key first,
 * the customer_id slot still to be resolved) as EncodedCells, and per record its key and the
 * customer it names. Crosses from the normalising thread by moving buffers, not by copying
 * or parsing them.
 */
export interface EncodedRecords {
  cells: EncodedCells;
  keys: string[];
  codes: (string | null)[];
  /** A customer name is sent only the first time its code comes with it in the chunk. */
  names: (string | null)[];
}

/**
 * Encodes a chunk of records in order. The writer resolves the later rows of a code by code
 * alone (exports repeat both on every line, and names are the longest strings that cross).
 */
export function encodeRecords(kind: Exclude<RecordKind, 'customers'>, records: readonly ImportRecord[]): EncodedRecords {
  const named = new Map<string, string>();
  const builder = new CellsBuilder(RECORD_TABLES[kind].columns.length, records.length);
  const keys: string[] = new Array<string>(records.length);
  const codes: (string | null)[] = new Array<string | null>(records.length);
  const names: (string | null)[] = new Array<string | null>(records.length);
  records.forEach((record, i) => {
    const r = record as unknown as Record<string, unknown>;
    const code = typeof r['customerCode'] === 'string' && r['customerCode'] ? r['customerCode'] : null;
    let name = typeof r['customerName'] === 'string' && r['customerName'] ? r['customerName'] : null;
    if (code !== null && name !== null) {
      if (named.get(code) === name) name = null;
      else named.set(code, name);
    }
    const values = recordValues(kind, record, 0);
    builder.add(values);
    keys[i] = values[0] as string;
    codes[i] = code;
    names[i] = name;
  });
  return { cells: builder.finish(), keys, codes, names };
}

/** Where customer_id sits in a kind's column values. */
export const customerSlot = (kind: Exclude<RecordKind, 'customers'>): number => RECORD_TABLES[kind].columns.indexOf('customer_id');

/** Column values of a customer row, code and name resolved by the caller. */
export function customerValues(record: ImportRecord<'customers'>, code: string, name: string): Param[] {
  const r = record as unknown as Record<string, unknown>;
  return [
    code, name, str(r['type']), str(r['industry']), str(r['province']), str(r['city']), str(r['county']), str(r['divisionCode']),
    str(r['address']), str(r['contact']), str(r['phone']), str(r['accountManager']), str(r['salesRegion']), str(r['createdDate']),
  ];
}
