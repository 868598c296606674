/**
 * Upgrading a workspace written by the previous version: migration 008 rebuilds the orders
 * table without its automatic source_id index and drops indexes; no order may be lost or
 * changed (uniqueness of contract numbers is the importer's, tested in import-pipeline.test).
 */
import { describe, expect, it } from 'vitest';
import { Db } from '../db.ts';
import { APPLICATION_ID, checkAndMigrate, schemaVersion } from '../schema.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './index.ts';

async function workspaceAtVersion(version: number): Promise<Db> {
  const db = await Db.open();
  db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
  db.exec('CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of MIGRATIONS.slice(0, version)) {
    db.exec(m.sql);
    db.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, '2026-01-01T00:00:00Z']);
  }
  db.exec(`PRAGMA user_version = ${version}`);
  return db;
}

const indexesOf = (db: Db, table: string) =>
  db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name", [table]).map((r) => r.name);

describe('migration 008 (order indexes)', () => {
  it('keeps every order of a version-7 workspace and its uniqueness by contract number', async () => {
    const db = await workspaceAtVersion(7);
    db.run("INSERT INTO customers (id, code, name, batch_id) VALUES (1, 'C1', '徐工客户一', 1), (2, 'C2', '客户二', 1)");
    const orders = Array.from({ length: 500 }, (_, i) => [
      i + 1, `HT${String(i).padStart(6, '0')}`, 1 + (i % 2), `2024-0${1 + (i % 9)}-1${i % 10}`, i % 3 === 0 ? '起重机' : '挖掘机',
      i % 5 === 0 ? null : `XZ${i}`, 1 + (i % 4), 1000 + i * 1.25, i % 7 === 0 ? null : '分期', '已签订', i < 250 ? 1 : 2,
    ]);
    db.insertRows('orders', ['id', 'source_id', 'customer_id', 'order_date', 'product_line', 'model', 'quantity', 'amount', 'payment_terms', 'status', 'batch_id'], orders);
    const before = db.table('SELECT * FROM orders ORDER BY id');
    expect(indexesOf(db, 'orders')).toEqual(expect.arrayContaining(['orders_batch', 'orders_customer', 'orders_date']));

    expect(checkAndMigrate(db, 'old.atlas')).toBe(LATEST_SCHEMA_VERSION - 7);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.table('SELECT * FROM orders ORDER BY id')).toEqual(before);
    expect(indexesOf(db, 'orders')).toEqual(['orders_customer']);
    expect(indexesOf(db, 'payments')).toEqual(['payments_customer', 'sqlite_autoindex_payments_1']);
    expect(indexesOf(db, 'customers')).toContain('customers_batch');
    // The by-customer index still serves the dossier's order history.
    const plan = db.table("EXPLAIN QUERY PLAN SELECT * FROM orders WHERE customer_id = 2 ORDER BY order_date").values.map((r) => String(r[3]));
    expect(plan.join(' ')).toMatch(/orders_customer/);
    db.close();
  });
});

describe('migration 010 (tag change sets)', () => {
  it('keeps every tag member and the latest run\'s change log of a version-9 workspace', async () => {
    const db = await workspaceAtVersion(9);
    db.run("INSERT INTO customers (id, code, name, batch_id) VALUES (1, 'C1', '客户一', 1), (2, 'C2', '客户二', 1), (3, 'C3', '客户三', 1)");
    const run = (id: number) =>
      db.run("INSERT INTO scoring_runs (id, at, reason, settings, customers, scored, tag_counts, tag_changes, duration_ms) VALUES (?, 'x', 'test', '{}', 3, 3, '{}', '{}', 1)", [id]);
    // Run 1 stores its members; before run 2 the version-9 triggers log what changed.
    db.run("INSERT INTO customer_tags (customer_id, tag_id) VALUES (1, 'high_value'), (2, 'high_value'), (3, 'complaint'), (1, 'on_time')");
    run(1);
    db.run("DELETE FROM customer_tags WHERE tag_id = 'high_value' AND customer_id = 2");
    db.run("INSERT INTO customer_tags (customer_id, tag_id) VALUES (3, 'high_value'), (2, 'complaint'), (1, 'complaint')");
    run(2);
    const members = db.table('SELECT customer_id, tag_id FROM customer_tags ORDER BY tag_id, customer_id');
    expect(members.values).toHaveLength(6);

    checkAndMigrate(db, 'old.atlas');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.table('SELECT customer_id, tag_id FROM customer_tags ORDER BY tag_id, customer_id')).toEqual(members);
    expect(String(db.value("SELECT sql FROM sqlite_master WHERE name = 'customer_tags'"))).toMatch(/WITHOUT ROWID/);
    expect(indexesOf(db, 'customer_tags')).toEqual([]);
    expect(db.value("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")).toBe(0);
    expect(db.value("SELECT count(*) FROM sqlite_master WHERE name = 'tag_change_log'")).toBe(0);
    expect(db.all('SELECT run_id, tag_id, change, customer_ids FROM tag_change_sets ORDER BY tag_id, change')).toEqual([
      { run_id: 2, tag_id: 'complaint', change: 1, customer_ids: '[1,2]' },
      { run_id: 2, tag_id: 'high_value', change: -1, customer_ids: '[2]' },
      { run_id: 2, tag_id: 'high_value', change: 1, customer_ids: '[3]' },
    ]);
    expect(db.value('SELECT run_id FROM tag_change_runs')).toBe(2);
    // Members are still unique per tag.
    expect(() => db.run("INSERT INTO customer_tags (customer_id, tag_id) VALUES (1, 'complaint')")).toThrow(/UNIQUE/);
    db.close();
  });
});
