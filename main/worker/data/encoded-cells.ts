/**
 * Rows of SQL values as a few typed arrays: text as UTF-8 bytes in one buffer, numbers in a
 * Float64Array, a kind per cell.
 *
 * This is how a large import's rows travel from the normalising thread to the workspace
 * thread (the buffers are transferred, not copied or parsed) and how they reach SQLite: the
 * text block is copied into the WASM heap once and every text cell is bound by pointer
 * (FastStatement.runCells), so the writer never makes a JS string per value.
 */
import type { Param } from './db.ts';

export const CELL_NULL = 0;
export const CELL_NUMBER = 1;
export const CELL_TEXT = 2;

export interface EncodedCells {
  count: number;
  width: number;
  /** Per cell (row-major, count × width): CELL_NULL, CELL_NUMBER or CELL_TEXT. */
  kinds: Uint8Array;
  /** Per cell: the value of a number cell. */
  numbers: Float64Array;
  /** Per cell, two entries: start and end of a text cell's bytes in `text`. */
  spans: Int32Array;
  text: Uint8Array;
}

/** Writes `s` as UTF-8 at `at` (room for 3 bytes per UTF-16 unit is the caller's); returns the end. */
export function encodeUtf8(bytes: Uint8Array, s: string, at: number): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      bytes[at++] = c;
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      bytes[at++] = 0xf0 | (c >> 18);
      bytes[at++] = 0x80 | ((c >> 12) & 63);
      bytes[at++] = 0x80 | ((c >> 6) & 63);
      bytes[at++] = 0x80 | (c & 63);
    } else {
      // A lone surrogate becomes U+FFFD, as TextEncoder writes it.
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 63);
      bytes[at++] = 0x80 | (c & 63);
    }
  }
  return at;
}

/**
 * Builds EncodedCells row by row (the rows need not exist as arrays all at once: a caller can
 * reuse one values array per row). Buffers grow by doubling.
 */
export class CellsBuilder {
  private count = 0;
  private kinds: Uint8Array;
  private numbers: Float64Array;
  private spans: Int32Array;
  private text: Uint8Array;
  private textEnd = 0;

  constructor(
    private readonly width: number,
    expectedRows = 1024,
  ) {
    const cells = Math.max(1, expectedRows) * width;
    this.kinds = new Uint8Array(cells);
    this.numbers = new Float64Array(cells);
    this.spans = new Int32Array(cells * 2);
    this.text = new Uint8Array(cells * 16);
  }

  /** Appends one row of `width` values: text, finite numbers or null (no blobs). */
  add(row: readonly Param[]): void {
    const { width } = this;
    if (row.length !== width) throw new TypeError(`encodeCells: a row has ${row.length} values, expected ${width}`);
    const base = this.count * width;
    if (base + width > this.kinds.length) this.growCells();
    let room = 0;
    for (let c = 0; c < width; c++) {
      const value = row[c];
      if (typeof value === 'string') room += value.length * 3;
    }
    if (this.textEnd + room > this.text.length) this.growText(this.textEnd + room);
    const { kinds, numbers, spans, text } = this;
    let at = this.textEnd;
    for (let c = 0; c < width; c++) {
      const i = base + c;
      const value = row[c];
      if (typeof value === 'string') {
        kinds[i] = CELL_TEXT;
        spans[2 * i] = at;
        at = encodeUtf8(text, value, at);
        spans[2 * i + 1] = at;
      } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new TypeError(`encodeCells: ${value} is not a storable number`);
        kinds[i] = CELL_NUMBER;
        numbers[i] = value;
      } else if (value === null || value === undefined) {
        kinds[i] = CELL_NULL;
      } else {
        throw new TypeError('encodeCells: blobs are not supported');
      }
    }
    this.textEnd = at;
    this.count += 1;
  }

  private growCells(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    const spans = new Int32Array(size * 2);
    spans.set(this.spans);
    this.kinds = kinds;
    this.numbers = numbers;
    this.spans = spans;
  }

  private growText(needed: number): void {
    const text = new Uint8Array(Math.max(needed, this.text.length * 2));
    text.set(this.text.subarray(0, this.textEnd));
    this.text = text;
  }

  /** The cells, in buffers of exactly their size (they may be moved to another thread). */
  finish(): EncodedCells {
    const cells = this.count * this.width;
    return {
      count: this.count,
      width: this.width,
      kinds: this.kinds.slice(0, cells),
      numbers: this.numbers.slice(0, cells),
      spans: this.spans.slice(0, cells * 2),
      text: this.text.slice(0, this.textEnd),
    };
  }
}

/** Encodes rows of `width` values (text, finite numbers, null; no blobs). */
export function encodeCells(rows: readonly (readonly Param[])[], width: number): EncodedCells {
  const builder = new CellsBuilder(width, rows.length);
  for (const row of rows) builder.add(row);
  return builder.finish();
}

const decoder = new TextDecoder();

export function decodeCell(cells: EncodedCells, row: number, column: number): Param {
  const i = row * cells.width + column;
  switch (cells.kinds[i]) {
    case CELL_NUMBER:
      return cells.numbers[i]!;
    case CELL_TEXT:
      return decoder.decode(cells.text.subarray(cells.spans[2 * i]!, cells.spans[2 * i + 1]!));
    default:
      return null;
  }
}

export function decodeRow(cells: EncodedCells, row: number): Param[] {
  const out: Param[] = new Array<Param>(cells.width);
  for (let c = 0; c < cells.width; c++) out[c] = decodeCell(cells, row, c);
  return out;
}

export function setNumberCell(cells: EncodedCells, row: number, column: number, value: number): void {
  const i = row * cells.width + column;
  cells.kinds[i] = CELL_NUMBER;
  cells.numbers[i] = value;
}

/** The buffers to list when posting the cells to another thread (moved, not copied). */
export function cellBuffers(cells: EncodedCells): ArrayBuffer[] {
  return [cells.kinds.buffer, cells.numbers.buffer, cells.spans.buffer, cells.text.buffer] as ArrayBuffer[];
}
