/**
 * The only module that touches sql.js (with fast-statement.ts, its bulk-write path). Everything else goes through this small wrapper:
 * typed run/all/get, parameter checks, and nested transactions via SAVEPOINT so a helper
 * can be transactional without knowing whether its caller already is.
 */
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import v8 from 'node:v8';
import { copyToHeap, FastStatement, hasSqliteExports } from './fast-statement.ts';
import { decodeRow } from './encoded-cells.ts';
import type { EncodedCells } from './encoded-cells.ts';
import type { SqliteExports } from './fast-statement.ts';

export type Param = string | number | null | Uint8Array;
export type Params = readonly Param[] | Readonly<Record<string, Param>>;
export type Row = Record<string, SqlValue>;

/** Rows per multi-row INSERT, and the bound-parameter budget per statement (SQLite allows 32766). */
const BULK_ROWS = 64;
const BULK_PARAMS = 4000;
/** Page cache per workspace connection (the default 2 MB spills large imports to MEMFS). */
const CACHE_KIB = 131_072;
const NEW_PAGE_SIZE = 16_384;

interface SqlRuntime {
  SQL: SqlJsStatic;
  /** The module's memory and C exports, for FastStatement; null when this sql.js build hides them. */
  fast: { memory: WebAssembly.Memory; api: SqliteExports } | null;
}

let sqlPromise: Promise<SqlRuntime> | null = null;

function findMemory(instance: WebAssembly.Instance, imports: WebAssembly.Imports): WebAssembly.Memory | null {
  for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) return value;
  for (const space of Object.values(imports)) {
    for (const value of Object.values(space)) if (value instanceof WebAssembly.Memory) return value;
  }
  return null;
}

function loadSqlJs(): Promise<SqlRuntime> {
  if (!sqlPromise) {
    // FastStatement calls SQLite's exports straight from hot JS. V8 11 (Node 20) inlines such
    // JS→WASM calls into optimised code and then crashed the process (SIGSEGV) in bench:rescore
    // (only with --no-opt or this flag it ran). Off process-wide, before any of those calls is
    // optimised; unknown to a V8 that dropped the flag, which then ignores it.
    v8.setFlagsFromString('--no-turbo-inline-js-wasm-calls');
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    const wasmBinary = fs.readFileSync(wasmPath);
    let memory: WebAssembly.Memory | null = null;
    sqlPromise = initSqlJs({
      // Emscripten's hook for instantiating the module ourselves: the only way to reach the
      // memory that FastStatement writes parameters into.
      instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
        void WebAssembly.instantiate(wasmBinary, imports).then(({ instance }) => {
          memory = findMemory(instance, imports);
          receive(instance);
        });
        return {};
      },
    } as Parameters<typeof initSqlJs>[0]).then((SQL) => ({
      SQL,
      // ATLAS_SQLJS_FAST=0 turns the fast path off (diagnosis, benchmark comparisons).
      fast: memory && hasSqliteExports(SQL) && process.env['ATLAS_SQLJS_FAST'] !== '0' ? { memory, api: SQL } : null,
    }));
  }
  return sqlPromise;
}

/** Whether bulk writes use FastStatement (tests require it: the fallback is several times slower). */
export async function fastStatementSupport(): Promise<boolean> {
  const runtime = await loadSqlJs();
  if (!runtime.fast) return false;
  const probe = new runtime.SQL.Database();
  try {
    return typeof (probe as unknown as { db?: unknown }).db === 'number';
  } finally {
    probe.close();
  }
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

/** A constant as SQL text: numbers and NULL as such, text quoted (no blobs). */
function sqlLiteral(value: Param): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Bad SQL literal ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  throw new TypeError('Blobs cannot be SQL literals');
}

export class Db {
  private savepointDepth = 0;

  private constructor(
    private readonly raw: Database,
    private readonly fast: SqlRuntime['fast'],
  ) {
    this.tune();
  }

  static async open(bytes?: Uint8Array): Promise<Db> {
    const { SQL, fast } = await loadSqlJs();
    if (bytes) return new Db(new SQL.Database(bytes), fast);
    const fresh = new SQL.Database();
    // 16 KB pages for new workspaces: fewer page splits and file writes on large imports
    // (only an empty database can choose its page size).
    fresh.exec(`PRAGMA page_size = ${NEW_PAGE_SIZE}`);
    return new Db(fresh, fast);
  }

  /**
   * What FastStatement needs, when this sql.js exposes it: the module's exports and memory and
   * the connection sql.js keeps — read on every call, because export() reopens the connection.
   */
  private fastPath(): { api: SqliteExports; memory: WebAssembly.Memory; connection: number } | null {
    const connection = (this.raw as unknown as { db?: unknown }).db;
    return this.fast && typeof connection === 'number' ? { ...this.fast, connection } : null;
  }

  /**
   * A statement for many executions with positional parameters: FastStatement where this
   * sql.js exposes what it needs, sql.js's own otherwise.
   */
  private prepareBulk(sql: string): { run(params: readonly Param[]): void; free(): void } {
    const fast = this.fastPath();
    if (fast) return new FastStatement(fast.api, fast.memory, fast.connection, sql);
    const stmt = this.raw.prepare(sql);
    return {
      run: (params) => {
        stmt.run(params as SqlValue[]);
      },
      free: () => stmt.free(),
    };
  }

  /**
   * The database lives in Emscripten's in-memory file system, where every page written goes
   * through JS copies: keep the rollback journal in SQLite's own heap and a large page cache
   * so a million-row transaction does not spill pages to the "file" twice. Durability comes
   * from the atomic workspace save, not from the journal. sql.js reopens the connection on
   * export(), so this runs again after each one.
   */
  private tune(): void {
    this.raw.exec(`PRAGMA journal_mode = MEMORY; PRAGMA cache_size = -${CACHE_KIB}; PRAGMA temp_store = MEMORY`);
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
    return this.rows<T>(sql, params, Number.POSITIVE_INFINITY);
  }

  get<T extends object = Row>(sql: string, params?: Params): T | undefined {
    return this.rows<T>(sql, params, 1)[0];
  }

  /**
   * Rows as objects, through FastStatement where it runs (positional parameters), else sql.js
   * with the column names read once: sql.js's getAsObject reads (and decodes) every column's
   * name again for every row. Reading a million orders: about 5.8 s with getAsObject.
   */
  private rows<T extends object>(sql: string, params: Params | undefined, limit: number): T[] {
    checkParams(sql, params);
    const fast = this.fastPath();
    if (fast && (params === undefined || Array.isArray(params))) {
      const stmt = new FastStatement(fast.api, fast.memory, fast.connection, sql);
      try {
        return stmt.rows<T>((params ?? []) as readonly Param[], limit);
      } finally {
        stmt.free();
      }
    }
    const stmt = this.raw.prepare(sql);
    try {
      if (params !== undefined) stmt.bind(params as Parameters<typeof stmt.bind>[0]);
      const rows: T[] = [];
      const names = stmt.getColumnNames();
      while (rows.length < limit && stmt.step()) {
        const values = stmt.get();
        const row: Record<string, SqlValue> = {};
        for (let i = 0; i < names.length; i++) row[names[i]!] = values[i]!;
        rows.push(row as T);
      }
      return rows;
    } finally {
      stmt.free();
    }
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
  withStatement<R>(sql: string, fn: (runOne: (params: readonly Param[]) => void) => R): R {
    const stmt = this.prepareBulk(sql);
    try {
      return fn((params) => stmt.run(params));
    } finally {
      stmt.free();
    }
  }

  /**
   * Bulk insert of many rows, many rows per statement: in sql.js each statement execution
   * crosses into wasm several times, so 64 rows per call halves the cost of a large import.
   * `rows` hold values in `columns` order except the trailing `suffix` columns, whose values
   * are the same for every row (a batch id) and are written into the SQL as literals (one
   * bind fewer per row); callers pass checked values (no per-value test).
   */
  insertRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly Param[])[],
    options: { suffix?: readonly Param[]; orIgnore?: boolean } = {},
  ): void {
    if (rows.length === 0) return;
    const suffix = options.suffix ?? [];
    const perRow = columns.length - suffix.length;
    const placeholders = `(${[...Array<string>(perRow).fill('?'), ...suffix.map(sqlLiteral)].join(',')})`;
    const head = `INSERT${options.orIgnore ? ' OR IGNORE' : ''} INTO ${table} (${columns.join(', ')}) VALUES `;
    const perStatement = Math.max(1, Math.min(BULK_ROWS, Math.floor(BULK_PARAMS / Math.max(1, perRow))));
    const fill = (params: Param[], from: number, count: number): void => {
      let p = 0;
      for (let r = from; r < from + count; r++) {
        const row = rows[r]!;
        if (row.length !== perRow) throw new TypeError(`insertRows(${table}): row ${r} has ${row.length} values, expected ${perRow}`);
        for (let c = 0; c < perRow; c++) params[p++] = row[c] ?? null;
      }
    };
    const full = Math.floor(rows.length / perStatement) * perStatement;
    if (full > 0) {
      const stmt = this.prepareBulk(head + Array(perStatement).fill(placeholders).join(','));
      try {
        const params: Param[] = new Array(perStatement * perRow);
        for (let r = 0; r < full; r += perStatement) {
          fill(params, r, perStatement);
          stmt.run(params);
        }
      } finally {
        stmt.free();
      }
    }
    const rest = rows.length - full;
    if (rest > 0) {
      const params: Param[] = new Array(rest * perRow);
      fill(params, full, rest);
      this.raw.run(head + Array(rest).fill(placeholders).join(','), params as SqlValue[]);
    }
  }

  /**
   * insertRows for rows held as EncodedCells (the listed `rows` of `cells`, in that order):
   * the text block goes into the WASM heap once and each text cell is bound by pointer. With
   * `prefixIds`, the first column takes prefixIds, prefixIds + 1, … (ids the caller assigned).
   */
  insertEncoded(
    table: string,
    columns: readonly string[],
    cells: EncodedCells,
    rows: readonly number[],
    options: { suffix?: readonly Param[]; prefixIds?: number } = {},
  ): void {
    if (rows.length === 0) return;
    const suffix = options.suffix ?? [];
    const firstId = options.prefixIds ?? null;
    const perRow = columns.length - suffix.length;
    if (perRow !== cells.width + (firstId === null ? 0 : 1)) {
      throw new TypeError(`insertEncoded(${table}): rows have ${cells.width} values, expected ${perRow}`);
    }
    const fast = this.fastPath();
    if (!fast) {
      const decoded = rows.map((r, k) => (firstId === null ? decodeRow(cells, r) : [firstId + k, ...decodeRow(cells, r)]));
      this.insertRows(table, columns, decoded, { suffix });
      return;
    }
    const placeholders = `(${[...Array<string>(perRow).fill('?'), ...suffix.map(sqlLiteral)].join(',')})`;
    const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    const perStatement = Math.max(1, Math.min(BULK_ROWS, Math.floor(BULK_PARAMS / Math.max(1, perRow))));
    const { api, memory, connection } = fast;
    const textAt = copyToHeap(api, cells.text);
    try {
      const full = Math.floor(rows.length / perStatement) * perStatement;
      if (full > 0) {
        const stmt = new FastStatement(api, memory, connection, head + Array(perStatement).fill(placeholders).join(','));
        try {
          for (let r = 0; r < full; r += perStatement) stmt.runCells(cells, rows, r, perStatement, textAt, firstId);
        } finally {
          stmt.free();
        }
      }
      if (full < rows.length) {
        const stmt = new FastStatement(api, memory, connection, head + Array(rows.length - full).fill(placeholders).join(','));
        try {
          stmt.runCells(cells, rows, full, rows.length - full, textAt, firstId);
        } finally {
          stmt.free();
        }
      }
    } finally {
      api._free(textAt);
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
  /**
   * Adds about `bytes` of free pages to the end of the database file, for a large import to
   * fill. sql.js keeps the file in Emscripten's MEMFS, which grows a file by an eighth at a
   * time and copies all of it each time: committing a 120 MB import spent a second copying.
   * A zeroblob inserted and deleted by ONE autocommit statement (the trigger deletes it) frees
   * its pages before anything is written, so SQLite does not write them (no statement journal
   * is open) and extends the file with a single write of its last page. Pages an import does
   * not fill stay free for the next one. Only outside a transaction.
   */
  reserveFileSpace(bytes: number): void {
    if (this.savepointDepth > 0) throw new Error('reserveFileSpace inside a transaction');
    const free = Number(this.value('PRAGMA freelist_count')) * Number(this.value('PRAGMA page_size'));
    const wanted = Math.floor(bytes - free);
    if (wanted <= 0) return;
    this.raw.exec(`DROP TABLE IF EXISTS atlas_reserve;
      CREATE TABLE atlas_reserve (b BLOB);
      CREATE TRIGGER atlas_reserve_freed AFTER INSERT ON atlas_reserve BEGIN DELETE FROM atlas_reserve; END;`);
    try {
      this.raw.exec(`INSERT INTO atlas_reserve VALUES (zeroblob(${wanted}))`);
    } finally {
      this.raw.exec('DROP TABLE atlas_reserve');
    }
  }

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
    const bytes = this.raw.export();
    this.tune();
    return bytes;
  }

  close(): void {
    this.raw.close();
  }
}
