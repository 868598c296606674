/**
 * A prepared statement driven through SQLite's C API as sql.js exports it, for bulk writes and
 * for reading many rows (Db.all).
 *
 * sql.js's own Statement.run checks and dispatches every value in JS, allocates every string
 * on the WASM heap (malloc, UTF-8 copy, free after the step) and goes through cwrap for each
 * call: for a million-row import that is most of the writer's time. Here the strings of one
 * execution are UTF-8 encoded together, copied into one reusable heap buffer and bound as
 * SQLITE_STATIC pointers into it (valid until the step and reset below), numbers are bound
 * with one call each, and nothing is allocated on the heap per value.
 *
 * It needs the WASM memory (captured when the module is instantiated, see db.ts) and the
 * connection pointer sql.js keeps on its Database object; when either is missing, db.ts falls
 * back to sql.js statements (fastStatementSupport says which, and a test requires the fast one).
 */
import type { Param } from './db.ts';
import { CELL_NUMBER, CELL_TEXT, encodeUtf8 } from './encoded-cells.ts';
import type { EncodedCells } from './encoded-cells.ts';

/** The C functions sql.js exports (names as compiled into its module). */
export interface SqliteExports {
  _malloc(size: number): number;
  _free(ptr: number): void;
  _sqlite3_prepare_v2(db: number, sql: number, bytes: number, stmtOut: number, tailOut: number): number;
  _sqlite3_bind_text(stmt: number, index: number, text: number, bytes: number, destructor: number): number;
  _sqlite3_bind_blob(stmt: number, index: number, blob: number, bytes: number, destructor: number): number;
  _sqlite3_bind_int(stmt: number, index: number, value: number): number;
  _sqlite3_bind_double(stmt: number, index: number, value: number): number;
  _sqlite3_step(stmt: number): number;
  _sqlite3_reset(stmt: number): number;
  _sqlite3_finalize(stmt: number): number;
  _sqlite3_errmsg(db: number): number;
  _sqlite3_column_count(stmt: number): number;
  _sqlite3_column_name(stmt: number, column: number): number;
  _sqlite3_column_type(stmt: number, column: number): number;
  _sqlite3_column_double(stmt: number, column: number): number;
  _sqlite3_column_text(stmt: number, column: number): number;
  _sqlite3_column_blob(stmt: number, column: number): number;
  _sqlite3_column_bytes(stmt: number, column: number): number;
  UTF8ToString(ptr: number): string;
  /** Copies bytes into the heap through Emscripten's own view of it (see FastStatement.run). */
  writeArrayToMemory(bytes: Uint8Array, ptr: number): void;
}

const REQUIRED: readonly (keyof SqliteExports)[] = [
  '_malloc', '_free', '_sqlite3_prepare_v2', '_sqlite3_bind_text', '_sqlite3_bind_blob', '_sqlite3_bind_int',
  '_sqlite3_bind_double', '_sqlite3_step', '_sqlite3_reset', '_sqlite3_finalize', '_sqlite3_errmsg', '_sqlite3_column_count',
  '_sqlite3_column_name', '_sqlite3_column_type', '_sqlite3_column_double', '_sqlite3_column_text', '_sqlite3_column_blob',
  '_sqlite3_column_bytes', 'UTF8ToString', 'writeArrayToMemory',
];

export function hasSqliteExports(module: object): module is SqliteExports {
  const m = module as Record<string, unknown>;
  return REQUIRED.every((name) => typeof m[name] === 'function');
}

const SQLITE_OK = 0;
const SQLITE_INTEGER = 1;
const SQLITE_FLOAT = 2;
const SQLITE_TEXT = 3;
const SQLITE_BLOB = 4;
const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
/** Destructor argument: the caller keeps the bytes alive until the statement is reset. */
const SQLITE_STATIC = 0;

const utf8 = new TextDecoder();

/**
 * Decodes one result column's text. Columns such as dates, product lines and statuses repeat a
 * few values over a million rows: those come from a small cache keyed by a hash of the bytes
 * (checked byte for byte), so every row shares one string instead of allocating its own. A
 * column whose values rarely repeat (contract numbers) stops caching after a few thousand rows.
 */
class TextColumn {
  private cache: Map<number, { bytes: Uint8Array; value: string }> | null = new Map();
  private lookups = 0;
  private hits = 0;

  read(heap: Uint8Array, at: number, length: number): string {
    const cache = this.cache;
    if (cache === null || length > 32) return decode(heap, at, length);
    let hash = 0x811c9dc5 ^ length;
    for (let i = at; i < at + length; i++) hash = Math.imul(hash ^ heap[i]!, 0x01000193);
    const found = cache.get(hash);
    this.lookups += 1;
    if (found !== undefined && found.bytes.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (found.bytes[i] !== heap[at + i]) {
          same = false;
          break;
        }
      }
      if (same) {
        this.hits += 1;
        return found.value;
      }
    }
    const value = decode(heap, at, length);
    if (found === undefined && cache.size < 4096) cache.set(hash, { bytes: heap.slice(at, at + length), value });
    if (this.lookups === 4096 && this.hits < 2048) this.cache = null;
    return value;
  }
}

/** UTF-8 text in the heap: short ASCII decoded here, the rest by TextDecoder. */
function decode(heap: Uint8Array, at: number, length: number): string {
  if (length <= 24) {
    let out = '';
    for (let i = at; i < at + length; i++) {
      const b = heap[i]!;
      if (b >= 0x80) return utf8.decode(heap.subarray(at, at + length));
      out += String.fromCharCode(b);
    }
    return out;
  }
  return utf8.decode(heap.subarray(at, at + length));
}

export class FastStatement {
  private stmt = 0;
  private buffer = 0;
  private capacity = 0;

  constructor(
    private readonly api: SqliteExports,
    private readonly memory: WebAssembly.Memory,
    private readonly db: number,
    sql: string,
  ) {
    const bytes = new TextEncoder().encode(`${sql}\0`);
    const area = api._malloc(bytes.length + 8);
    try {
      api.writeArrayToMemory(bytes, area + 8);
      const rc = api._sqlite3_prepare_v2(db, area + 8, bytes.length, area, 0);
      if (rc !== SQLITE_OK) throw new Error(this.message());
      this.stmt = new Int32Array(memory.buffer, area, 1)[0]!;
    } finally {
      api._free(area);
    }
    if (this.stmt === 0) throw new Error(`Nothing to prepare in: ${sql.slice(0, 120)}`);
  }

  private message(): string {
    return this.api.UTF8ToString(this.api._sqlite3_errmsg(this.db));
  }

  /** Heap room for this execution's strings and blobs (grown, never shrunk, while prepared). */
  private reserve(bytes: number): void {
    if (bytes <= this.capacity) return;
    if (this.buffer !== 0) this.api._free(this.buffer);
    this.capacity = Math.max(bytes, 1 << 16) * 2;
    this.buffer = this.api._malloc(this.capacity);
    if (this.buffer === 0) throw new Error(`Out of memory for ${this.capacity} bytes of statement parameters`);
  }

  /** Text and blob bytes of one execution, assembled here before one copy into the heap. */
  private scratch = new Uint8Array(1 << 16);

  /**
   * Binds `params` (1-based positions in order), runs the statement once, and resets it.
   *
   * The bytes of all strings and blobs are assembled in a JS buffer and copied into the heap
   * in one call through Emscripten's own view of the memory, which it keeps current when the
   * memory grows (a view of ours would go stale).
   */
  run(params: readonly Param[]): void {
    this.finish(this.bind(params));
  }

  /**
   * Binds `params`, runs the statement and returns its rows as objects (at most `limit`), then
   * resets it. Read through the C API as well: sql.js's getAsObject asks for every column's
   * name on every row and goes through cwrap for every value. Values are what sql.js gives:
   * numbers for INTEGER and REAL, strings, Uint8Array for blobs, null.
   */
  rows<T extends object>(params: readonly Param[], limit = Number.POSITIVE_INFINITY): T[] {
    const { api, stmt } = this;
    const rc = this.bind(params);
    if (rc !== SQLITE_OK) this.finish(rc);
    const width = api._sqlite3_column_count(stmt);
    const names: string[] = [];
    for (let c = 0; c < width; c++) names.push(api.UTF8ToString(api._sqlite3_column_name(stmt, c)));
    const texts = names.map(() => new TextColumn());
    const rows: T[] = [];
    let step = SQLITE_ROW;
    while (rows.length < limit && (step = api._sqlite3_step(stmt)) === SQLITE_ROW) {
      const row: Record<string, Param> = {};
      for (let c = 0; c < width; c++) {
        switch (api._sqlite3_column_type(stmt, c)) {
          case SQLITE_INTEGER:
          case SQLITE_FLOAT:
            row[names[c]!] = api._sqlite3_column_double(stmt, c);
            break;
          case SQLITE_TEXT: {
            // The pointer first, then the length (the order SQLite documents for conversions);
            // the heap is viewed only after both calls, which could have grown it.
            const at = api._sqlite3_column_text(stmt, c);
            const length = api._sqlite3_column_bytes(stmt, c);
            row[names[c]!] = texts[c]!.read(this.heapView(), at, length);
            break;
          }
          case SQLITE_BLOB: {
            const at = api._sqlite3_column_blob(stmt, c);
            const length = api._sqlite3_column_bytes(stmt, c);
            row[names[c]!] = length === 0 ? new Uint8Array(0) : new Uint8Array(this.memory.buffer, at, length).slice();
            break;
          }
          default:
            row[names[c]!] = null;
        }
      }
      rows.push(row as T);
    }
    if (step !== SQLITE_ROW && step !== SQLITE_DONE) {
      const message = this.message();
      api._sqlite3_reset(stmt);
      throw new Error(message);
    }
    api._sqlite3_reset(stmt);
    return rows;
  }

  private heap = new Uint8Array(0);

  /** The heap as bytes. Memory grows while SQLite runs, detaching the old buffer (length 0). */
  private heapView(): Uint8Array {
    if (this.heap.length === 0) this.heap = new Uint8Array(this.memory.buffer);
    return this.heap;
  }

  /** Binds `params` (1-based positions in order); returns SQLite's result code. */
  private bind(params: readonly Param[]): number {
    const { api, stmt } = this;
    if (stmt === 0) throw new Error('The statement was freed');
    let room = 0;
    let bytesToBind = false;
    for (let i = 0; i < params.length; i++) {
      const v = params[i];
      if (typeof v === 'string') {
        room += v.length * 3;
        bytesToBind = true;
      } else if (v instanceof Uint8Array) {
        room += v.length;
        bytesToBind = true;
      }
    }
    let scratch = this.scratch;
    if (room > scratch.length) scratch = this.scratch = new Uint8Array(room * 2);
    const offsets = new Int32Array(params.length + 1);
    let at = 0;
    for (let i = 0; i < params.length; i++) {
      offsets[i] = at;
      const v = params[i];
      if (typeof v === 'string') at = encodeUtf8(scratch, v, at);
      else if (v instanceof Uint8Array) {
        scratch.set(v, at);
        at += v.length;
      }
    }
    offsets[params.length] = at;
    // Even empty strings need a real pointer: SQLite binds a NULL pointer as SQL NULL.
    if (bytesToBind) {
      this.reserve(Math.max(1, at));
      if (at > 0) api.writeArrayToMemory(scratch.subarray(0, at), this.buffer);
    }
    const base = this.buffer;
    let rc = SQLITE_OK;
    for (let i = 0; i < params.length && rc === SQLITE_OK; i++) {
      const v = params[i];
      if (typeof v === 'string') {
        rc = api._sqlite3_bind_text(stmt, i + 1, base + offsets[i]!, offsets[i + 1]! - offsets[i]!, SQLITE_STATIC);
      } else if (typeof v === 'number') {
        rc = v === (v | 0) ? api._sqlite3_bind_int(stmt, i + 1, v) : api._sqlite3_bind_double(stmt, i + 1, v);
      } else if (v === null || v === undefined) {
        // A NULL blob pointer binds SQL NULL (sqlite3_bind_null is not exported).
        rc = api._sqlite3_bind_blob(stmt, i + 1, 0, 0, SQLITE_STATIC);
      } else if (v instanceof Uint8Array) {
        rc = api._sqlite3_bind_blob(stmt, i + 1, base + offsets[i]!, v.length, SQLITE_STATIC);
      } else {
        api._sqlite3_reset(stmt);
        throw new TypeError(`Bad SQL parameter ${String(v)} (${typeof v}) at position ${i + 1}`);
      }
    }
    return rc;
  }

  /**
   * Binds `count` rows of `cells` (the rows listed in `rows` from `from` on, each row's
   * cells in order, after an id of firstId + its position in `rows` when firstId is given),
   * runs the statement once and resets it. `textAt` is where cells.text was
   * copied into the heap (copyToHeap), kept alive by the caller until after this call.
   */
  runCells(cells: EncodedCells, rows: ArrayLike<number>, from: number, count: number, textAt: number, firstId: number | null = null): void {
    const { api, stmt } = this;
    if (stmt === 0) throw new Error('The statement was freed');
    const { width, kinds, numbers, spans } = cells;
    let rc = SQLITE_OK;
    let p = 1;
    for (let k = from; k < from + count && rc === SQLITE_OK; k++) {
      if (firstId !== null) {
        const id = firstId + k;
        rc = id === (id | 0) ? api._sqlite3_bind_int(stmt, p++, id) : api._sqlite3_bind_double(stmt, p++, id);
        if (rc !== SQLITE_OK) break;
      }
      const base = rows[k]! * width;
      for (let c = 0; c < width; c++, p++) {
        const i = base + c;
        const kind = kinds[i];
        if (kind === CELL_TEXT) {
          const start = spans[2 * i]!;
          rc = api._sqlite3_bind_text(stmt, p, textAt + start, spans[2 * i + 1]! - start, SQLITE_STATIC);
        } else if (kind === CELL_NUMBER) {
          const v = numbers[i]!;
          rc = v === (v | 0) ? api._sqlite3_bind_int(stmt, p, v) : api._sqlite3_bind_double(stmt, p, v);
        } else {
          rc = api._sqlite3_bind_blob(stmt, p, 0, 0, SQLITE_STATIC);
        }
        if (rc !== SQLITE_OK) break;
      }
    }
    this.finish(rc);
  }

  private finish(bindRc: number): void {
    const { api, stmt } = this;
    if (bindRc !== SQLITE_OK) {
      const message = this.message();
      api._sqlite3_reset(stmt);
      throw new Error(message);
    }
    let step = api._sqlite3_step(stmt);
    while (step === SQLITE_ROW) step = api._sqlite3_step(stmt);
    if (step !== SQLITE_DONE) {
      const message = this.message();
      api._sqlite3_reset(stmt);
      throw new Error(message);
    }
    api._sqlite3_reset(stmt);
  }

  free(): void {
    if (this.stmt !== 0) this.api._sqlite3_finalize(this.stmt);
    if (this.buffer !== 0) this.api._free(this.buffer);
    this.stmt = 0;
    this.buffer = 0;
    this.capacity = 0;
  }
}

/** Copies bytes into a fresh heap allocation; the caller frees it (api._free) when done. */
export function copyToHeap(api: SqliteExports, bytes: Uint8Array): number {
  const at = api._malloc(Math.max(1, bytes.length));
  if (at === 0) throw new Error(`Out of memory for ${bytes.length} bytes of rows`);
  api.writeArrayToMemory(bytes, at);
  return at;
}
