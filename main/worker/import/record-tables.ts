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

/** A customer a file's records name: by code, by name, or both as the export wrote them. */
export interface CustomerRef {
  code: string | null;
  name: string | null;
}

/**
 * A chunk of non-customer records as the writer stores them: their column values (key first,
 * the customer_id slot still to be resolved) as EncodedCells, and per record the customer it
 * names, as an index into the file's customer references. Crosses from the normalising thread
 * by moving buffers, not by copying or parsing them.
 */
export interface EncodedRecords {
  cells: EncodedCells;
  /** Per record: its customer, an index into the file's references. */
  customers: Int32Array;
  /** The references this chunk names first, numbered from `firstNew` on. */
  newCustomers: CustomerRef[];
  firstNew: number;
  /** Which of the file's encoders numbered the references (one per normalising thread). */
  stream: number;
}

/**
 * Encodes a file's records chunk by chunk. Exports repeat the same customer on thousands of
 * lines: each distinct (code, name) pair crosses to the writer once per file and is resolved
 * there once, and a record carries only its number.
 */
export class RecordEncoder {
  private readonly byCode = new Map<string, number>();
  /** A code seen with more than one name, by code and name. */
  private readonly byCodeAndName = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private readonly refs: CustomerRef[] = [];

  constructor(
    private readonly kind: Exclude<RecordKind, 'customers'>,
    private readonly stream = 0,
  ) {}

  private refOf(code: string | null, name: string | null): number {
    let index = code !== null ? this.byCode.get(code) : this.byName.get(name ?? '');
    if (index !== undefined && this.refs[index]!.name === name) return index;
    if (index !== undefined && code !== null) {
      const both = `${code}\u0000${name ?? ''}`;
      index = this.byCodeAndName.get(both);
      if (index !== undefined) return index;
      index = this.refs.length;
      this.byCodeAndName.set(both, index);
    } else {
      index = this.refs.length;
      if (code !== null) this.byCode.set(code, index);
      else this.byName.set(name ?? '', index);
    }
    this.refs.push({ code, name });
    return index;
  }

  encode(records: readonly ImportRecord[]): EncodedRecords {
    const firstNew = this.refs.length;
    const builder = new CellsBuilder(RECORD_TABLES[this.kind].columns.length, records.length);
    const customers = new Int32Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const r = record as unknown as Record<string, unknown>;
      const code = typeof r['customerCode'] === 'string' && r['customerCode'] ? r['customerCode'] : null;
      const name = typeof r['customerName'] === 'string' && r['customerName'] ? r['customerName'] : null;
      customers[i] = this.refOf(code, name);
      builder.add(recordValues(this.kind, record, 0));
    }
    return { cells: builder.finish(), customers, newCustomers: this.refs.slice(firstNew), firstNew, stream: this.stream };
  }
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
