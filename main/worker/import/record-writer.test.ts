import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../../shared/import/types.ts';
import { Db } from '../data/db.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import { insertBatch } from './import-store.ts';
import { fnvPair, KeyIndex } from './key-index.ts';
import type { KeyHash } from './key-index.ts';
import { RecordEncoder } from './record-tables.ts';
import { RecordWriter } from './record-writer.ts';
import type { WriteCounts } from './record-writer.ts';

/** Orders as normalizeRows gives them; `i` picks the contract, so some repeat with changes. */
function orders(from: number, to: number, contracts: number): ImportRecord[] {
  const records: ImportRecord[] = [];
  for (let i = from; i < to; i++) {
    const customer = i % 37;
    records.push({
      sourceId: `HT${i % contracts}`,
      customerCode: customer % 5 === 0 ? null : `C${customer}`,
      customerName: customer % 3 === 0 && customer % 5 !== 0 ? null : `客户${customer}有限公司`,
      orderDate: `2023-0${1 + (i % 9)}-1${i % 10}`,
      productLine: ['起重机', '挖掘机'][i % 2]!,
      model: null,
      quantity: 1 + (i % 3),
      amount: 100 + i,
      paymentTerms: null,
      status: i < contracts ? '已签订' : '已完成',
      rowNumber: i + 2,
      sourceKey: `HT${i % contracts}`,
    } as unknown as ImportRecord);
  }
  return records;
}

/** Two files of orders written in chunks; the tables and counts they leave. */
async function importTwice(keyHash?: KeyHash) {
  const db = await Db.open();
  try {
    initialiseWorkspace(db, 'test');
    const writer = new RecordWriter(db, keyHash);
    const counts: WriteCounts[] = [];
    for (const [file, records] of [
      ['a.csv', orders(0, 900, 700)],
      ['b.csv', orders(600, 1500, 1000)],
    ] as const) {
      const batch = insertBatch(db, { fileName: file, fileHash: file, kind: 'orders', sheet: null, mapping: '{}' });
      writer.beginBatch(batch, file);
      const encoder = new RecordEncoder('orders');
      const count: WriteCounts = { accepted: 0, duplicates: 0, updated: 0, createdCustomers: 0 };
      for (let at = 0; at < records.length; at += 250) {
        const encoded = encoder.encode(records.slice(at, at + 250));
        writer.writeEncoded('orders', encoded, 0, 100, count);
        writer.writeEncoded('orders', encoded, 100, encoded.cells.count, count);
      }
      counts.push(count);
    }
    return {
      counts,
      orders: db.all('SELECT * FROM orders ORDER BY id'),
      customers: db.all('SELECT * FROM customers ORDER BY id'),
      keys: db.all('SELECT * FROM customer_source_keys ORDER BY customer_id, key_kind, value'),
      changes: db.all('SELECT batch_id, table_name, row_id, before FROM import_changes ORDER BY id'),
    };
  } finally {
    db.close();
  }
}

describe('RecordWriter.writeEncoded', () => {
  it('inserts, updates and skips by source id, and names every customer once per reference', async () => {
    const result = await importTwice();
    // a.csv: 700 contracts, 200 of them twice (the second time with another amount and status).
    expect(result.counts[0]).toMatchObject({ accepted: 700, updated: 200 });
    // b.csv: contracts 600..999, of which 600..699 exist; 1,000 distinct in all.
    expect(result.counts[1]).toMatchObject({ accepted: 300 });
    expect(result.orders).toHaveLength(1000);
    expect(new Set(result.orders.map((o) => o['source_id'])).size).toBe(1000);
    const byId = new Map(result.customers.map((c) => [c['id'], c]));
    for (const order of result.orders.slice(0, 50)) expect(byId.has(order['customer_id'])).toBe(true);
    expect(result.changes.length).toBeGreaterThan(0);
  });

  it('never merges two contracts whose key hashes collide', async () => {
    const fine = await importTwice();
    // Every key hashes alike: only the stored keys can tell them apart.
    const constant: KeyHash = (_bytes, _start, _end, out) => {
      out[0] = 7;
      out[1] = 9;
    };
    const collided = await importTwice(constant);
    expect(collided).toEqual(fine);
    // And a hash that collides in part of the keys only.
    const half: KeyHash = (bytes, start, end, out) => {
      fnvPair(bytes, start, end, out);
      if (bytes[end - 1]! % 2 === 0) out[0] = out[1] = 1;
    };
    expect(await importTwice(half)).toEqual(fine);
  });

  it('finds the records of earlier imports by their stored keys', () => {
    const index = new KeyIndex();
    index.addKey('HT1', 1);
    index.addKey('合同-2', 2);
    const bytes = new TextEncoder().encode('xHT1合同-2HT3');
    expect(index.find(bytes, 1, 4)).toBe(1);
    expect(index.find(bytes, 4, 12)).toBe(2);
    expect(index.find(bytes, 12, 15)).toBe(-1);
  });
});
