/**
 * The bulk-write path (FastStatement through sql.js's C exports) must store exactly what
 * sql.js's own binding stores, on real sql.js: every kind of text, numbers, NULL and blobs,
 * errors with SQLite's message, and the connection reopened by export().
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db, fastStatementSupport } from './db.ts';
import type { Param } from './db.ts';

let db: Db;
beforeEach(async () => {
  db = await Db.open();
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, via TEXT NOT NULL, v ANY, k TEXT UNIQUE) STRICT');
});
afterEach(() => db.close());

const VALUES: Param[] = [
  'plain ascii',
  '',
  '江苏省苏州市工业园区',
  '客户😀名称 with emoji 𠀀',
  'lone \ud800 surrogate',
  'nul\u0000inside',
  'x'.repeat(200_000),
  '¥1,234.50 — «quotes» ’',
  0,
  -0,
  42,
  -2_147_483_648,
  2_147_483_648,
  2 ** 53 - 1,
  1234.5,
  -0.000001,
  null,
  new Uint8Array([0, 1, 2, 254, 255]),
  new Uint8Array(0),
];

function stored(via: string) {
  return db.all<{ v: unknown; t: string; len: number | null }>(
    'SELECT v, typeof(v) AS t, length(CAST(v AS BLOB)) AS len FROM t WHERE via = ? ORDER BY id',
    [via],
  );
}

describe('FastStatement', () => {
  it('is what bulk writes use with this sql.js', async () => {
    expect(await fastStatementSupport()).toBe(true);
  });

  it('stores every value exactly as sql.js binding does (a lone surrogate more cleanly)', () => {
    for (const value of VALUES) db.run('INSERT INTO t (via, v) VALUES (?, ?)', ['sqljs', value]);
    db.withStatement('INSERT INTO t (via, v) VALUES (?, ?)', (run) => {
      for (const value of VALUES) run(['fast', value]);
    });
    const fast = stored('fast');
    const reference = stored('sqljs');
    expect(fast).toHaveLength(VALUES.length);
    // sql.js writes a lone surrogate as three invalid UTF-8 bytes (read back as three U+FFFD);
    // FastStatement writes one U+FFFD, as TextEncoder does. Every other value is identical.
    const LONE = 4;
    expect(reference[LONE]!.v).toBe('lone \ufffd\ufffd\ufffd surrogate');
    expect(fast.filter((_, i) => i !== LONE)).toStrictEqual(reference.filter((_, i) => i !== LONE));
    expect(fast[2]!.v).toBe('江苏省苏州市工业园区');
    expect(fast[3]!.v).toBe('客户😀名称 with emoji 𠀀');
    expect(fast[4]!.v).toBe('lone \ufffd surrogate');
    expect(fast[5]!.len).toBe('nul\u0000inside'.length);
    expect(fast[6]!.len).toBe(200_000);
    // Beyond 32 bits a number is bound as a double, as sql.js binds it (column affinity decides).
    expect(fast[12]).toMatchObject({ v: 2_147_483_648, t: 'real' });
    expect(fast[14]).toMatchObject({ v: 1234.5, t: 'real' });
    expect(fast[16]).toMatchObject({ v: null, t: 'null' });
    expect(fast[17]).toMatchObject({ t: 'blob', len: 5 });
  });

  it('stores an empty string as an empty string, also when it is the only text of an execution', () => {
    db.withStatement('INSERT INTO t (via, v) VALUES (?, ?)', (run) => {
      run(['', '']);
      run(['', null]);
    });
    expect(db.table("SELECT via, v, typeof(v) FROM t ORDER BY id").values).toEqual([['', '', 'text'], ['', null, 'null']]);
  });

  it('keeps large many-row executions intact while the WASM memory grows', () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => [`${i}-${'长'.repeat(4_000 + (i % 13))}`, i * 0.25]);
    db.exec('CREATE TABLE big (id INTEGER PRIMARY KEY, text TEXT, amount REAL)');
    db.insertRows('big', ['text', 'amount'], rows);
    const back = db.table('SELECT text, amount FROM big ORDER BY id').values;
    expect(back).toEqual(rows);
  });

  it('reports SQLite’s error, writes nothing for the failed execution and stays usable', () => {
    db.withStatement('INSERT INTO t (via, v, k) VALUES (?, ?, ?)', (run) => {
      run(['fast', 1, 'A']);
      expect(() => run(['fast', 2, 'A'])).toThrow(/UNIQUE constraint failed: t\.k/);
      run(['fast', 3, 'B']);
    });
    expect(db.table("SELECT v, k FROM t ORDER BY id").values).toEqual([[1, 'A'], [3, 'B']]);
    expect(() => db.withStatement('INSERT INTO t (via, v) VALUES (?, ?)', (run) => run(['fast', { not: 'a value' } as unknown as Param]))).toThrow(
      /Bad SQL parameter/,
    );
    expect(() => db.withStatement('INSERT INTO nowhere VALUES (?)', () => undefined)).toThrow(/no such table: nowhere/);
  });

  it('works on the connection export() reopens', () => {
    db.withStatement('INSERT INTO t (via, v) VALUES (?, ?)', (run) => run(['fast', 'before']));
    const bytes = db.export();
    db.withStatement('INSERT INTO t (via, v) VALUES (?, ?)', (run) => run(['fast', 'after']));
    expect(stored('fast').map((r) => r.v)).toEqual(['before', 'after']);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});

describe('reading rows through the C API (Db.all)', () => {
  /** sql.js's own reading of the same query: exec, one row of values at a time. */
  const reference = (sql: string, params: Param[] = []) => {
    const { columns, values } = db.table(sql, params);
    return values.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
  };

  it('gives every value sql.js gives, over many rows of repeated and unique text', () => {
    const dates = Array.from({ length: 40 }, (_, i) => `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`);
    const lines = ['起重机', '挖掘机', '装载机', '配件', '维修服务 (含上门)', '客户😀', ''];
    db.exec('CREATE TABLE r (id INTEGER PRIMARY KEY, date TEXT, line TEXT, code TEXT, note TEXT, n, b BLOB)');
    const rows: Param[][] = [];
    for (let i = 1; i <= 12_000; i++) {
      rows.push([
        i,
        dates[i % dates.length]!,
        lines[i % lines.length]!,
        `HT${String(i).padStart(8, '0')}`,
        i % 97 === 0 ? `${'长备注'.repeat(i % 5)} — a note longer than thirty-two bytes, ${i}` : i % 13 === 0 ? null : `n${i % 50}`,
        i % 4 === 0 ? i * 1.25 : i % 4 === 1 ? -i : i % 4 === 2 ? 2 ** 52 + i : null,
        i % 500 === 0 ? new Uint8Array([i % 256, 0, 255]) : i % 501 === 0 ? new Uint8Array(0) : null,
      ]);
    }
    db.insertRows('r', ['id', 'date', 'line', 'code', 'note', 'n', 'b'], rows);
    const sql = 'SELECT id, date AS orderDate, line, code, note, n, b, typeof(n) AS t FROM r ORDER BY id';
    const fast = db.all(sql);
    expect(fast).toHaveLength(12_000);
    expect(fast).toStrictEqual(reference(sql));
    expect(fast[5]).toEqual({ id: 6, orderDate: '2024-07-07', line: '', code: 'HT00000006', note: 'n6', n: 2 ** 52 + 6, b: null, t: 'real' });
    // Parameters bind as in every other query.
    expect(db.all('SELECT line FROM r WHERE id IN (?, ?)', [7, 15]).map((r) => r['line'])).toEqual(['起重机', '挖掘机']);
    expect(db.get('SELECT count(*) AS c FROM r WHERE line = ?', ['客户😀'])).toEqual({ c: rows.filter((r) => r[2] === '客户😀').length });
  });

  it('reads intact while the WASM memory grows between rows', () => {
    const text = (i: number) => `${i}-${'长'.repeat(30 + (i % 7))}`;
    db.exec('CREATE TABLE big (id INTEGER PRIMARY KEY, text TEXT, code TEXT)');
    db.insertRows('big', ['text', 'code'], Array.from({ length: 3_000 }, (_, i) => [text(i), `K${i % 10}`]));
    // At row 2,000 SQLite allocates 400 MB for a moment: the memory grows, and its buffer is
    // replaced, between the rows being read.
    const back = db.all<{ text: string; code: string; z: number }>(
      "SELECT text, code, CASE WHEN id = 2000 THEN length(CAST(zeroblob(400000000) || x'01' AS BLOB)) ELSE 0 END AS z FROM big ORDER BY id",
    );
    expect(back).toHaveLength(3_000);
    back.forEach((row, i) => {
      const expected = { text: text(i), code: `K${i % 10}`, z: i === 1999 ? 400_000_001 : 0 };
      if (row.text !== expected.text || row.code !== expected.code || row.z !== expected.z) expect({ i, ...row }).toEqual({ i, ...expected });
    });
  });

  it('tells apart texts whose hashes collide', () => {
    // Two contract numbers with the same 32-bit FNV-1a hash (found by search).
    db.exec('CREATE TABLE h (v TEXT)');
    db.insertRows('h', ['v'], [['D0872068'], ['D1174626'], ['D0872068'], ['D1174626']]);
    expect(db.all<{ v: string }>('SELECT v FROM h ORDER BY rowid').map((r) => r.v)).toEqual(['D0872068', 'D1174626', 'D0872068', 'D1174626']);
  });

  it('keeps text after an embedded NUL, as sql.js does, and reports errors with SQLite’s message', () => {
    db.run('INSERT INTO t (via, v) VALUES (?, ?)', ['x', 'nul\u0000inside']);
    expect(db.get('SELECT v FROM t')).toEqual({ v: 'nul\u0000inside' });
    expect(reference('SELECT v FROM t')).toEqual([{ v: 'nul\u0000inside' }]);
    expect(() => db.all('SELECT nope FROM t')).toThrow(/no such column: nope/);
    expect(() => db.all("SELECT json_extract('{', '$')")).toThrow(/malformed JSON/);
    expect(db.all('SELECT v FROM t WHERE via = ?', ['x'])).toHaveLength(1);
  });
});
