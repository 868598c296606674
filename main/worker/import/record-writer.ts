/**
 * Writes normalised records into the workspace inside the caller's transaction: resolves
 * customers (by code, else normalised name, recording every source key; unknown customers
 * referenced by other records are created as minimal customers), and inserts, skips
 * (duplicate) or updates each record by its key, keeping the previous values of every row
 * it changes so the batch can be removed exactly.
 */
import { normalizeCompanyName, fnv1a64 } from '../../../shared/import/index.ts';
import type { ImportRecord } from '../../../shared/import/types.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import type { Db, Param, Row } from '../data/db.ts';
import { customerSlot, customerValues, RECORD_TABLES } from './record-tables.ts';
import type { EncodedRecords } from './record-tables.ts';
import { decodeCell, decodeRow, setNumberCell } from '../data/encoded-cells.ts';
import { KeyIndex } from './key-index.ts';
import type { KeyHash } from './key-index.ts';

export interface WriteCounts {
  accepted: number;
  duplicates: number;
  updated: number;
  createdCustomers: number;
}

export class CustomerRefError extends Error {}

const nameKeys = new Map<string, string>();

/** Normalised company name, cached: exports repeat the same few thousand names many times. */
function nameKeyOf(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    try {
      key = normalizeCompanyName(name);
    } catch {
      key = name.trim().toLowerCase();
    }
    if (nameKeys.size > 200_000) nameKeys.clear();
    nameKeys.set(name, key);
  }
  return key;
}

/** One per commit: the customer index and key maps persist across the files of the commit. */
export class RecordWriter {
  private byCode = new Map<string, number>();
  private byName = new Map<string, number>();
  private keys = new Map<RecordKind, KeyIndex>();
  /** Per encoder stream, the customer of each of the current file's references (see RecordEncoder). */
  private refIds: number[][] = [];
  private changed = new Set<string>();
  private batchId = 0;
  private source = '';
  private nextCustomerId: number;
  /** New customers and source keys, written in bulk before the records that need them. */
  private pendingCustomers: Param[][] = [];
  private pendingKeys: Param[][] = [];

  /** `keyHash` is for tests, which make keys collide on purpose. */
  constructor(
    private readonly db: Db,
    private readonly keyHash?: KeyHash,
  ) {
    this.nextCustomerId = Number(db.value('SELECT coalesce(max(id), 0) FROM customers')) + 1;
    for (const row of db.all<{ id: number; code: string; name: string }>('SELECT id, code, name FROM customers')) {
      this.byCode.set(row.code, row.id);
      const key = nameKeyOf(row.name);
      if (key !== '' && !this.byName.has(key)) this.byName.set(key, row.id);
    }
    for (const row of db.all<{ customer_id: number; key_kind: string; value: string }>('SELECT customer_id, key_kind, value FROM customer_source_keys')) {
      const map = row.key_kind === 'code' ? this.byCode : this.byName;
      if (!map.has(row.value)) map.set(row.value, row.customer_id);
    }
  }

  /** Starts the rows of one file (one batch); `source` names the export (its header signature). */
  beginBatch(batchId: number, source: string): void {
    this.batchId = batchId;
    this.source = source;
    this.refIds = [];
  }

  private keyIndex(kind: RecordKind): KeyIndex {
    let index = this.keys.get(kind);
    if (!index) {
      const table = RECORD_TABLES[kind];
      index = new KeyIndex(this.keyHash);
      for (const r of this.db.all<{ id: number; k: string }>(`SELECT id, ${table.key} AS k FROM ${table.table}`)) index.addKey(r.k, r.id);
      this.keys.set(kind, index);
    }
    return index;
  }

  private recordSourceKey(customerId: number, kind: 'code' | 'name_key', value: string): void {
    this.pendingKeys.push([customerId, this.source, kind, value, this.batchId]);
  }

  /** Writes buffered customers and source keys, many rows per statement. */
  flushCustomers(): void {
    if (this.pendingCustomers.length > 0) {
      this.db.insertRows('customers', ['id', ...RECORD_TABLES.customers.columns, 'batch_id'], this.pendingCustomers);
      this.pendingCustomers = [];
    }
    if (this.pendingKeys.length > 0) {
      this.db.insertRows('customer_source_keys', ['customer_id', 'source', 'key_kind', 'value', 'batch_id'], this.pendingKeys, { orIgnore: true });
      this.pendingKeys = [];
    }
  }

  /** The name last seen with each code: exports repeat the same code and name on every line. */
  private lastNameOfCode = new Map<string, string>();

  /** Finds the customer a record refers to; null when none matches. Records the keys used. */
  private findCustomer(code: string | null, name: string | null): number | null {
    if (code && name && this.lastNameOfCode.get(code) === name) return this.byCode.get(code) ?? null;
    const id = this.lookupCustomer(code, name);
    if (id !== null && code && name) this.lastNameOfCode.set(code, name);
    return id;
  }

  private lookupCustomer(code: string | null, name: string | null): number | null {
    let id: number | undefined;
    // By code when the record has one (never by name then: two customers may share a
    // normalised name), else by normalised name.
    if (code) {
      id = this.byCode.get(code);
      // The common case: a known code whose name key is already recorded.
      if (id !== undefined && !name) return id;
    }
    const nameKey = name ? nameKeyOf(name) : '';
    if (!code && nameKey) id = this.byName.get(nameKey);
    if (id === undefined) return null;
    if (code && !this.byCode.has(code)) {
      this.byCode.set(code, id);
      this.recordSourceKey(id, 'code', code);
    }
    if (nameKey && !this.byName.has(nameKey)) {
      this.byName.set(nameKey, id);
      this.recordSourceKey(id, 'name_key', nameKey);
    }
    return id;
  }

  private newCode(nameKey: string): string {
    let code = `AUTO-${fnv1a64(nameKey).slice(0, 10).toUpperCase()}`;
    for (let n = 2; this.byCode.has(code); n++) code = `AUTO-${fnv1a64(`${nameKey}#${n}`).slice(0, 10).toUpperCase()}`;
    return code;
  }

  private insertCustomer(values: Param[], nameKey: string): number {
    const id = this.nextCustomerId++;
    this.pendingCustomers.push([id, ...values, this.batchId]);
    const code = String(values[0]);
    this.byCode.set(code, id);
    if (nameKey && !this.byName.has(nameKey)) this.byName.set(nameKey, id);
    this.recordSourceKey(id, 'code', code);
    if (nameKey) this.recordSourceKey(id, 'name_key', nameKey);
    return id;
  }

  /** The customer a non-customer record names, created as a minimal customer when unknown. */
  customerFor(code: string | null, name: string | null, counts: WriteCounts): number {
    const found = this.findCustomer(code, name);
    if (found !== null) return found;
    if (!code && !name) throw new CustomerRefError('missing customer');
    const nameKey = name ? nameKeyOf(name) : '';
    const finalCode = code ?? this.newCode(nameKey);
    const values: Param[] = [finalCode, name ?? finalCode, null, null, null, null, null, null, null, null, null, null, null, null];
    counts.createdCustomers += 1;
    return this.insertCustomer(values, nameKey);
  }

  /** Keeps the row's previous values once per batch (rows the batch inserted need none). */
  private rememberBefore(table: string, row: Row): void {
    const mark = `${table}:${String(row['id'])}`;
    if (row['batch_id'] === this.batchId || this.changed.has(mark)) return;
    this.changed.add(mark);
    this.db.run('INSERT INTO import_changes (batch_id, table_name, row_id, before) VALUES (?,?,?,?)', [
      this.batchId, table, Number(row['id']), JSON.stringify(row),
    ]);
  }

  private storedRow(kind: RecordKind, id: number): Row {
    const table = RECORD_TABLES[kind].table;
    const row = this.db.get(`SELECT * FROM ${table} WHERE id = ?`, [id]);
    if (!row) throw new Error(`row ${id} of ${table} vanished`);
    return row;
  }

  /** Compares with the stored row; null incoming values keep what is stored. */
  private upsertExisting(kind: RecordKind, row: Row, values: Param[], counts: WriteCounts): void {
    const table = RECORD_TABLES[kind];
    const id = Number(row['id']);
    const sets: string[] = [];
    const params: Param[] = [];
    table.columns.forEach((col, i) => {
      const value = values[i] ?? null;
      if (value === null || value === row[col]) return;
      sets.push(`${col} = ?`);
      params.push(value);
    });
    if (sets.length === 0) {
      counts.duplicates += 1;
      return;
    }
    this.rememberBefore(table.table, row);
    this.db.run(`UPDATE ${table.table} SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
    counts.updated += 1;
  }

  writeCustomer(record: ImportRecord<'customers'>, counts: WriteCounts): void {
    const r = record as unknown as Record<string, unknown>;
    const code = (typeof r['code'] === 'string' && r['code']) || (typeof r['customerCode'] === 'string' && r['customerCode']) || null;
    const name = (typeof r['name'] === 'string' && r['name']) || (typeof r['customerName'] === 'string' && r['customerName']) || null;
    if (!code && !name) throw new CustomerRefError('missing customer');
    const existing = this.findCustomer(code, name);
    const nameKey = name ? nameKeyOf(name) : '';
    if (existing === null) {
      const finalCode = code ?? this.newCode(nameKey);
      this.insertCustomer(customerValues(record, finalCode, name ?? finalCode), nameKey);
      counts.accepted += 1;
      return;
    }
    // The stored code stays (codes are how other records refer to the customer).
    const values = customerValues(record, '', name ?? '');
    values[0] = null;
    if (!name) values[1] = null;
    this.flushCustomers();
    this.upsertExisting('customers', this.storedRow('customers', existing), values, counts);
  }

  /** Per table: the id its next inserted row gets (ids are assigned here, see writeEncoded). */
  private nextIds = new Map<RecordKind, number>();

  /**
   * Writes records [from, to) of a chunk: inserts new ones, updates changed ones and counts
   * unchanged ones as duplicates. New rows get their ids here, in order, and are inserted with
   * them, so the key index learns a row's id as the row is queued, and a key seen again while
   * its row is still queued flushes the queue before the update.
   */
  writeEncoded(kind: Exclude<RecordKind, 'customers'>, records: EncodedRecords, from: number, to: number, counts: WriteCounts): void {
    const table = RECORD_TABLES[kind];
    const slot = customerSlot(kind);
    const keys = this.keyIndex(kind);
    const columns = ['id', ...table.columns, 'batch_id'];
    const { cells } = records;
    // The customers this chunk names first, each resolved once for the whole file.
    const refIds = (this.refIds[records.stream] ??= []);
    for (let i = refIds.length - records.firstNew; i < records.newCustomers.length; i++) {
      const ref = records.newCustomers[i]!;
      refIds.push(this.customerFor(ref.code, ref.name, counts));
    }
    let nextId = this.nextIds.get(kind) ?? Number(this.db.value(`SELECT coalesce(max(id), 0) FROM ${table.table}`)) + 1;
    let firstPending = nextId;
    const pending: number[] = [];
    const flush = () => {
      this.flushCustomers();
      if (pending.length > 0) this.db.insertEncoded(table.table, columns, cells, pending, { prefixIds: firstPending, suffix: [this.batchId] });
      pending.length = 0;
      firstPending = nextId;
    };
    const { spans, text, width } = cells;
    for (let row = from; row < to; row++) {
      setNumberCell(cells, row, slot, refIds[records.customers[row]!]!);
      const candidate = keys.find(text, spans[2 * row * width]!, spans[2 * row * width + 1]!);
      if (candidate >= 0) {
        flush();
        // The hash proposes a record; the stored key decides (see KeyIndex).
        const key = decodeCell(cells, row, 0) as string;
        let stored: Row | null = this.storedRow(kind, candidate);
        if (stored[table.key] !== key) {
          const other = keys.collided.get(key);
          stored = other === undefined ? null : this.storedRow(kind, other);
        }
        if (stored) {
          this.upsertExisting(kind, stored, decodeRow(cells, row), counts);
          continue;
        }
        keys.collided.set(key, nextId++);
      } else {
        keys.add(nextId++);
      }
      pending.push(row);
      counts.accepted += 1;
      if (pending.length >= 5000) flush();
    }
    flush();
    this.nextIds.set(kind, nextId);
  }
}
