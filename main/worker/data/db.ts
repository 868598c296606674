/**
 * The only module that touches sql.js. Everything else goes through this small wrapper:
 * typed run/all/get, parameter checks, and nested transactions via SAVEPOINT so a helper
 * can be transactional without knowing whether its caller already is.
 */
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { createRequire } from 'node:module';
import fs from 'node:fs';

export type Param = string | number | null | Uint8Array;
export type Params = readonly Param[] | Readonly<Record<string, Param>>;
export type Row = Record<string, SqlValue>;

let sqlPromise: Promise<SqlJsStatic> | null = null;

function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlPromise) {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    const wasmBinary = fs.readFileSync(wasmPath);
    sqlPromise = initSqlJs({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer });
  }
  return sqlPromise;
}

function checkParams(sql: string, params: Params | undefined): void {
  if (params === undefined) return;
  const values = Array.isArray(params) ? params : Object.values(params);
  for (const value of values as unknown[]) {
    const ok =
      value === null ||
      typeof value === 'string' ||
      (typeof value === 'number' && Number.isFinite(value)) ||
      value instanceof Uint8Array;
    if (!ok) throw new TypeError(`Bad SQL parameter ${String(value)} (${typeof value}) for: ${sql.slice(0, 120)}`);
  }
}

export class Db {
  private savepointDepth = 0;

  private constructor(private readonly raw: Database) {}

  static async open(bytes?: Uint8Array): Promise<Db> {
    const SQL = await loadSqlJs();
    return new Db(bytes ? new SQL.Database(bytes) : new SQL.Database());
  }

  /** Runs one or more statements without parameters (schema scripts, pragmas). */
  exec(sql: string): void {
    this.raw.exec(sql);
  }

  run(sql: string, params?: Params): void {
    checkParams(sql, params);
    this.raw.run(sql, params as Parameters<Database['run']>[1]);
  }

  all<T extends object = Row>(sql: string, params?: Params): T[] {
    checkParams(sql, params);
    const stmt = this.raw.prepare(sql);
    try {
      if (params !== undefined) stmt.bind(params as Parameters<typeof stmt.bind>[0]);
      const rows: T[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject() as T);
      return rows;
    } finally {
      stmt.free();
    }
  }

  get<T extends object = Row>(sql: string, params?: Params): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Rows as arrays (no object per row): for large result sets. */
  table(sql: string, params?: readonly Param[]): { columns: string[]; values: SqlValue[][] } {
    checkParams(sql, params);
    const result = this.raw.exec(sql, params as Parameters<Database['exec']>[1]);
    const first = result[0];
    return first ? { columns: first.columns, values: first.values } : { columns: [], values: [] };
  }

  /** Single scalar value of the first column of the first row. */
  value(sql: string, params?: Params): SqlValue | undefined {
    checkParams(sql, params);
    const stmt = this.raw.prepare(sql);
    try {
      if (params !== undefined) stmt.bind(params as Parameters<typeof stmt.bind>[0]);
      return stmt.step() ? stmt.get()[0] : undefined;
    } finally {
      stmt.free();
    }
  }

  /**
   * Prepared statement for bulk inserts: bind-and-step without building result objects.
   * The caller must call `free` (use `withStatement`).
   */
  withStatement<R>(sql: string, fn: (runOne: (params: Params) => void) => R): R {
    const stmt = this.raw.prepare(sql);
    try {
      return fn((params) => {
        stmt.run(params as Parameters<typeof stmt.run>[0]);
      });
    } finally {
      stmt.free();
    }
  }

  transaction<R>(fn: () => R): R {
    const name = this.begin();
    try {
      const result = fn();
      this.release(name);
      return result;
    } catch (error) {
      this.rollback(name);
      throw error;
    }
  }

  /** Async variant for long jobs that yield to the event loop (progress, cancel) mid-way. */
  async transactionAsync<R>(fn: () => Promise<R>): Promise<R> {
    const name = this.begin();
    try {
      const result = await fn();
      this.release(name);
      return result;
    } catch (error) {
      this.rollback(name);
      throw error;
    }
  }

  private begin(): string {
    const name = `sp${this.savepointDepth}`;
    this.raw.exec(`SAVEPOINT ${name}`);
    this.savepointDepth += 1;
    return name;
  }

  private release(name: string): void {
    this.savepointDepth -= 1;
    this.raw.exec(`RELEASE ${name}`);
  }

  private rollback(name: string): void {
    this.savepointDepth -= 1;
    this.raw.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
  }

  export(): Uint8Array {
    return this.raw.export();
  }

  close(): void {
    this.raw.close();
  }
}
