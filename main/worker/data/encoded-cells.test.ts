/**
 * Rows as EncodedCells: they must decode to exactly the values encoded, and insertEncoded
 * must store exactly what insertRows stores for the same rows (the import relies on both).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './db.ts';
import type { Param } from './db.ts';
import { decodeRow, encodeCells, setNumberCell } from './encoded-cells.ts';

const ROWS: Param[][] = Array.from({ length: 300 }, (_, i) => [
  `HT${String(i).padStart(6, '0')}`,
  i % 11 === 0 ? null : `客户${i}（江苏）😀`,
  i % 5 === 0 ? '' : `2024-0${1 + (i % 9)}-1${i % 10}`,
  i * 1.25 - 40,
  i % 7 === 0 ? null : i,
]);

let db: Db;
beforeEach(async () => {
  db = await Db.open();
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, key TEXT, name TEXT, day TEXT, amount REAL, qty INTEGER, batch INTEGER)');
});
afterEach(() => db.close());

describe('EncodedCells', () => {
  it('decodes every row to the values encoded', () => {
    const cells = encodeCells(ROWS, 5);
    expect(ROWS.map((_, r) => decodeRow(cells, r))).toEqual(ROWS);
    setNumberCell(cells, 3, 1, 77);
    expect(decodeRow(cells, 3)[1]).toBe(77);
  });

  it('refuses rows of the wrong width and values SQLite cannot store as given', () => {
    expect(() => encodeCells([['a', 1]], 3)).toThrow(/2 values, expected 3/);
    expect(() => encodeCells([['a', Number.NaN]], 2)).toThrow(/not a storable number/);
  });

  it('inserts the listed rows, in the listed order, as insertRows does, with caller-given ids', () => {
    const cells = encodeCells(ROWS, 5);
    const picked = ROWS.map((_, r) => r).filter((r) => r % 3 !== 1).reverse();
    db.insertEncoded('t', ['id', 'key', 'name', 'day', 'amount', 'qty', 'batch'], cells, picked, { prefixIds: 1001, suffix: [9] });
    db.insertRows('t', ['id', 'key', 'name', 'day', 'amount', 'qty', 'batch'], picked.map((r, k) => [5001 + k, ...ROWS[r]!]), { suffix: [9] });
    const encoded = db.table('SELECT key, name, day, amount, qty, batch, id - 1001 FROM t WHERE id < 5000 ORDER BY id').values;
    const plain = db.table('SELECT key, name, day, amount, qty, batch, id - 5001 FROM t WHERE id > 5000 ORDER BY id').values;
    expect(encoded).toHaveLength(picked.length);
    expect(encoded).toEqual(plain);
    expect(encoded[0]!.slice(0, 2)).toEqual([ROWS[picked[0]!]![0], ROWS[picked[0]!]![1]]);
  });
});
