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
