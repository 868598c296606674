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

describe('Db.reserveFileSpace', () => {
  it('adds free pages that later writes fill, without leaving anything behind', async () => {
    const db = await Db.open();
    try {
      db.exec('CREATE TABLE t (a TEXT, b REAL)');
      db.insertRows('t', ['a', 'b'], [['before', 1]]);
      const pageSize = Number(db.value('PRAGMA page_size'));
      const pagesBefore = Number(db.value('PRAGMA page_count'));
      db.reserveFileSpace(8 * 1024 * 1024);
      const free = Number(db.value('PRAGMA freelist_count'));
      expect(free * pageSize).toBeGreaterThanOrEqual(8 * 1024 * 1024);
      const reserved = Number(db.value('PRAGMA page_count'));
      expect(reserved).toBeGreaterThanOrEqual(pagesBefore + free);
      // Asking again for no more than is free adds nothing.
      db.reserveFileSpace(4 * 1024 * 1024);
      expect(Number(db.value('PRAGMA page_count'))).toBe(reserved);
      // About 6 MB of rows go into the free pages: the file does not grow.
      await db.transactionAsync(async () => {
        const rows = Array.from({ length: 60_000 }, (_, i) => [`合同-${i}-${'x'.repeat(60)}`, i * 1.5]);
        db.insertRows('t', ['a', 'b'], rows);
      });
      expect(Number(db.value('PRAGMA page_count'))).toBe(reserved);
      expect(Number(db.value('PRAGMA freelist_count'))).toBeLessThan(free);
      expect(db.value('SELECT count(*) FROM t')).toBe(60_001);
      expect(db.value("SELECT a FROM t WHERE b = 1 AND a = 'before'")).toBe('before');
      expect(db.value('PRAGMA integrity_check')).toBe('ok');
      expect(db.all("SELECT name FROM sqlite_master WHERE name LIKE 'atlas_reserve%'")).toEqual([]);
      // Saved and opened again, the workspace is whole.
      const copy = await Db.open(db.export());
      expect(copy.value('SELECT count(*) FROM t')).toBe(60_001);
      copy.close();
    } finally {
      db.close();
    }
  });

  it('is refused inside a transaction', async () => {
    const db = await Db.open();
    try {
      await expect(db.transactionAsync(async () => db.reserveFileSpace(1024 * 1024))).rejects.toThrow(/inside a transaction/);
    } finally {
      db.close();
    }
  });
});
