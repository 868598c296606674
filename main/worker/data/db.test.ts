/**
 * The bulk insert every import and the demo use: many rows per statement, a remainder, a
 * shared suffix column and INSERT OR IGNORE, on real sql.js.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './db.ts';

let db: Db;
beforeEach(async () => {
  db = await Db.open();
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, amount REAL, note TEXT, batch INTEGER)');
});
afterEach(() => db.close());

describe('Db.insertRows', () => {
  it('inserts every row, in order, across full statements and a remainder, with the suffix on each', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`C${i}`, i * 1.5, i % 7 === 0 ? null : `备注${i}`]);
    db.insertRows('t', ['code', 'amount', 'note', 'batch'], rows, { suffix: [42] });
    const stored = db.all<{ id: number; code: string; amount: number; note: string | null; batch: number }>('SELECT * FROM t ORDER BY id');
    expect(stored).toHaveLength(1000);
    expect(stored.map((r) => r.code)).toEqual(rows.map((r) => r[0]));
    expect(stored[7]).toEqual({ id: 8, code: 'C7', amount: 10.5, note: null, batch: 42 });
    expect(stored[999]).toEqual({ id: 1000, code: 'C999', amount: 1498.5, note: '备注999', batch: 42 });
  });

  it('skips conflicting rows with orIgnore and fails the whole statement without it', () => {
    db.insertRows('t', ['code', 'amount', 'note', 'batch'], [['A', 1, null, 1]]);
    db.insertRows('t', ['code', 'amount', 'note', 'batch'], [['A', 2, null, 2], ['B', 3, null, 2]], { orIgnore: true });
    expect(db.all('SELECT code, amount FROM t ORDER BY code')).toEqual([{ code: 'A', amount: 1 }, { code: 'B', amount: 3 }]);
    expect(() => db.insertRows('t', ['code', 'amount', 'note', 'batch'], [['C', 4, null, 3], ['A', 5, null, 3]])).toThrow(/UNIQUE/);
  });

  it('refuses a row whose width does not match the columns', () => {
    expect(() => db.insertRows('t', ['code', 'amount', 'note', 'batch'], [['A', 1, null]])).toThrow(/row 0 has 3 values, expected 4/);
    expect(db.value('SELECT count(*) FROM t')).toBe(0);
  });
});
