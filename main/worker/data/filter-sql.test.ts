import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Db } from './db.ts';
import { filterToSql } from './filter-sql.ts';
import { customerPredicate, emptyFilter, type CustomerFilter, type FilterableCustomer } from '../../../shared/filters/index.ts';
import { arbitraryCustomer, arbitraryFilter, poolFilter } from '../../../shared/filters/filter-arbitrary.test-support.ts';

const SCHEMA = `
CREATE TABLE customer_view (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,
  sales_region TEXT, province TEXT, city TEXT, account_manager TEXT, customer_type TEXT,
  segment_8 TEXT, segment_11 TEXT, segments TEXT NOT NULL, grade TEXT, lifecycle TEXT
);
CREATE TABLE customer_tags (customer_id INTEGER NOT NULL, tag_id TEXT NOT NULL, PRIMARY KEY (tag_id, customer_id));
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, product_line TEXT NOT NULL, status TEXT);
`;

let db: Db;
let rows: FilterableCustomer[];

beforeAll(async () => {
  db = await Db.open();
  db.exec(SCHEMA);
  rows = fc.sample(fc.tuple(...Array.from({ length: 300 }, (_, i) => arbitraryCustomer(i))), { numRuns: 1, seed: 42 })[0] ?? [];
  expect(rows).toHaveLength(300);
  rows.forEach((r, i) => {
    const id = i + 1;
    db.run('INSERT INTO customer_view VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      id, r.code, r.name, r.salesRegion, r.province, r.city, r.accountManager, r.customerType,
      r.segments['rfm8'] ?? null, r.segments['rfm11'] ?? null, JSON.stringify(r.segments), r.grade, r.lifecycle,
    ]);
    for (const tag of r.tags) db.run('INSERT INTO customer_tags VALUES (?, ?)', [id, tag]);
    for (const line of r.productLines) db.run('INSERT INTO orders (customer_id, product_line, status) VALUES (?, ?, ?)', [id, line, 'completed']);
    // A cancelled order of another line must not count as buying it.
    db.run('INSERT INTO orders (customer_id, product_line, status) VALUES (?, ?, ?)', [id, '已取消线', 'cancelled']);
  });
});

afterAll(() => db.close());

function sqlIds(filter: CustomerFilter): number[] {
  const { where, params } = filterToSql(filter);
  return db.all<{ id: number }>(`SELECT id FROM customer_view WHERE ${where} ORDER BY id`, params).map((r) => r.id);
}
function jsIds(filter: CustomerFilter): number[] {
  const test = customerPredicate(filter);
  return rows.flatMap((r, i) => (test(r) ? [i + 1] : []));
}

describe('filterToSql against sql.js', () => {
  it('an empty filter selects every customer', () => {
    expect(filterToSql(emptyFilter)).toEqual({ where: '1 = 1', params: [] });
    expect(sqlIds(emptyFilter)).toHaveLength(300);
  });

  it('puts every value in a parameter, never in the SQL text', () => {
    const evil = "'; DROP TABLE customer_view; --";
    const { where, params } = filterToSql({
      ...emptyFilter,
      provinces: [evil],
      tags: { mode: 'all', ids: [evil] },
      productLines: [evil],
      segment: { scheme: evil, values: [evil] },
      search: evil,
    });
    expect(where).not.toContain('DROP');
    expect(params.filter((p) => typeof p === 'string' && p.includes('DROP')).length).toBeGreaterThanOrEqual(5);
    expect(sqlIds({ ...emptyFilter, provinces: [evil] })).toEqual([]);
    expect(db.value('SELECT COUNT(*) FROM customer_view')).toBe(300);
  });

  it('selects the same customers as matchesFilter for filters drawn from the data (property)', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(poolFilter, (filter) => {
        const expected = jsIds(filter);
        if (expected.length > 0) nonEmpty += 1;
        expect(sqlIds(filter)).toEqual(expected);
      }),
      { numRuns: 400, seed: 7 },
    );
    // The property is only meaningful if many filters select someone.
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it('agrees on arbitrary (garbage) filters too', () => {
    fc.assert(
      fc.property(arbitraryFilter, (filter) => {
        expect(sqlIds(filter)).toEqual(jsIds(filter));
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('spot checks: tag modes, search case, table alias', () => {
    const any = sqlIds({ ...emptyFilter, tags: { mode: 'any', ids: ['t1', 't2'] } });
    const all = sqlIds({ ...emptyFilter, tags: { mode: 'all', ids: ['t1', 't2'] } });
    expect(all.every((id) => any.includes(id))).toBe(true);
    expect(all.length).toBeLessThan(any.length);
    expect(sqlIds({ ...emptyFilter, search: 'ACME' })).toEqual(sqlIds({ ...emptyFilter, search: 'acme' }));
    expect(sqlIds({ ...emptyFilter, search: 'acme' }).length).toBeGreaterThan(0);
    expect(sqlIds({ ...emptyFilter, productLines: ['已取消线'] })).toEqual([]);
    const aliased = filterToSql({ ...emptyFilter, grades: ['A'], tags: { mode: 'any', ids: ['t1'] } }, { table: 'c' });
    const viaAlias = db.all<{ id: number }>(`SELECT c.id FROM customer_view AS c WHERE ${aliased.where} ORDER BY c.id`, aliased.params);
    expect(viaAlias.map((r) => r.id)).toEqual(jsIds({ ...emptyFilter, grades: ['A'], tags: { mode: 'any', ids: ['t1'] } }));
    expect(() => filterToSql(emptyFilter, { table: 'x; DROP' })).toThrow(/identifier/);
  });
});
