/**
 * How each record kind is stored: its table, the key that identifies a record across
 * imports (customer code, source id, equipment serial) and its columns in insert order.
 */
import type { RecordKind } from '../../../shared/schema/records.ts';
import type { ImportRecord } from '../../../shared/import/types.ts';
import type { Param } from '../data/db.ts';

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
 * A non-customer record as the writer stores it: the customer it names and its column
 * values (key first) with the customer_id slot still to be resolved. Compact enough to cross
 * from the normalising thread as one JSON string.
 */
export type PackedRecord = [customerCode: string | null, customerName: string | null, values: Param[]];

export function packRecord(kind: Exclude<RecordKind, 'customers'>, record: ImportRecord): PackedRecord {
  const r = record as unknown as Record<string, unknown>;
  const code = typeof r['customerCode'] === 'string' && r['customerCode'] ? r['customerCode'] : null;
  const name = typeof r['customerName'] === 'string' && r['customerName'] ? r['customerName'] : null;
  return [code, name, recordValues(kind, record, 0)];
}

/**
 * Packs a chunk of records in order. A customer name is sent only the first time its code
 * comes with it in the chunk: the writer resolves the later rows by code alone (exports
 * repeat both on every line, and the names are the longest strings that cross threads).
 */
export function packRecords(kind: Exclude<RecordKind, 'customers'>, records: readonly ImportRecord[]): PackedRecord[] {
  const named = new Map<string, string>();
  return records.map((record) => {
    const packed = packRecord(kind, record);
    const [code, name] = packed;
    if (code !== null && name !== null) {
      if (named.get(code) === name) packed[1] = null;
      else named.set(code, name);
    }
    return packed;
  });
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
