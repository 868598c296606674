/**
 * The text normaliser for UTF-8 files (what CRM exports mostly are), working on the file's
 * bytes: rows are cut as byte spans (utf8-delimited.ts) and each column's values are looked
 * up by their bytes (byte-memo.ts), so a string is made, and a value read, only for bytes a
 * column has not seen before. Everything a row becomes (accepted record, rejection, skipped
 * blank or totals row, the chunks and their counts) is what normaliseTextFile gives for the
 * same file, which the tests check on messy files; a row whose cells need a closer look
 * (leading or lone spaces, quotes to unescape, a possible totals label) is made into
 * strings and goes the same way as there.
 */
import fs from 'node:fs';
import { couldStartTotalsLabel, dateColumns, isTotalsRow, lastFilled, RowNormalizer } from '../../../shared/import/index.ts';
import { plainAmountFromBytes } from '../../../shared/import/amounts.ts';
import type { RowSource } from '../../../shared/import/index.ts';
import type { ColumnReader, FieldValue, Problem } from '../../../shared/import/column-readers.ts';
import type { Cell, DateOrder, NormalizeRowsResult } from '../../../shared/import/types.ts';
import type { RecordEncoder } from './record-tables.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import { ByteMemo } from './byte-memo.ts';
import { statFile } from './table-source.ts';
import { chunkOf, encoderFor, NORMALIZE_CHUNK, TAIL_ROWS, textDateOrders } from './text-normaliser.ts';
import type { NormalisedChunk, TextNormaliseJob } from './text-normaliser.ts';
import { FIELD_PLAIN, fieldText, rowTexts, scanDelimitedBytes, SpanRows } from './utf8-delimited.ts';
import type { Utf8Decode } from './utf8-delimited.ts';

const READ_BYTES = 4 * 1024 * 1024;
/** Rows of the first unit; each next one is four times larger, up to NORMALIZE_CHUNK. */
const FIRST_UNIT_ROWS = 1000;

/**
 * Buffer's own decoding: faster for short cells than TextDecoder, and the same text, invalid
 * bytes included (both replace them as the WHATWG decoder does; the tests hold them to it).
 * Every caller passes a Buffer (a unit's bytes are viewed as one).
 */
const decode: Utf8Decode = (bytes, start, end) => (bytes as Buffer).toString('utf8', start, end);

/**
 * The character starting at bytes[i], or -1 when it may be one that String#trim removes
 * (ASCII spaces and controls, the Unicode spaces, the BOM): such a cell is looked at as a
 * string. Invalid UTF-8 decodes to U+FFFD, which is visible; whatever this makes of it, the
 * answer is either right or sends the row the slow, exact way.
 */
function visibleCodeAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return b > 32 ? b : -1;
  let c: number;
  if (b < 0xe0) c = ((b & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  else if (b < 0xf0) c = ((b & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  else return 0x10000; // beyond the BMP: never a space
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return -1;
  return c;
}

/** What the quick look at a row's bytes found. */
const ROW_BLANK = 0;
const ROW_DATA = 1;
/** The row must be looked at as strings (see visibleCodeAt, and quoted or possible totals cells). */
const ROW_CELLS = 2;

/** The quick look: ROW_DATA with `filled` set, ROW_BLANK, or ROW_CELLS. */
function lookAtRow(bytes: Uint8Array, spans: SpanRows, r: number, out: { filled: number }): number {
  const first = spans.rowFirst[r]!;
  const end = spans.rowFirst[r + 1]!;
  let filled = 0;
  let textCells = 0;
  for (let f = first; f < end; f++) {
    const s = spans.starts[f]!;
    if (s === spans.ends[f]) continue;
    if (spans.flags[f] !== FIELD_PLAIN) return ROW_CELLS;
    const code = visibleCodeAt(bytes, s);
    if (code < 0) return ROW_CELLS;
    filled = f - first + 1;
    // isTotalsRow looks at the first three cells with text.
    if (textCells < 3 && couldStartTotalsLabel(code)) return ROW_CELLS;
    textCells += 1;
  }
  out.filled = filled;
  return filled === 0 ? ROW_BLANK : ROW_DATA;
}

/**
 * Rows to normalise, cut from the file by the reading thread: their bytes (a copy, so it can
 * move to a helper thread), their fields' spans within those bytes, and for a row that had to
 * be made into strings, its cells.
 */
export interface RowUnit {
  bytes: Uint8Array;
  /** Per row, its first field; rowFirst[rows] ends the last row. */
  rowFirst: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  rowNumbers: Int32Array;
  /** Per row: its last filled cell, 1-based. */
  filled: Int32Array;
  /** Rows looked at as strings, by their index in the unit. */
  cells: Record<number, Cell[]>;
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

/** The buffers of a unit, moved (not copied) when it is posted. */
export const unitBuffers = (unit: RowUnit): ArrayBuffer[] =>
  [unit.bytes.buffer, unit.rowFirst.buffer, unit.starts.buffer, unit.ends.buffer, unit.rowNumbers.buffer, unit.filled.buffer] as ArrayBuffer[];

/** What a thread needs to normalise units: the job, its date orders, which encoder stream it feeds. */
export interface UnitSetup {
  job: TextNormaliseJob;
  orders: Record<number, DateOrder>;
  stream: number;
}

/** Normalises units of rows into chunks; one per thread, with its own memos and encoder. */
export class UnitNormaliser {
  private readonly normalizer: RowNormalizer<RecordKind>;
  private readonly memos: ByteMemo<FieldValue | Problem>[];
  /** Per reader: an amount in yuan, whose plain values are read from the bytes directly. */
  private readonly plainAmounts: boolean[];
  private readonly encoder: RecordEncoder | null;

  constructor(setup: UnitSetup) {
    const { job } = setup;
    this.normalizer = new RowNormalizer(job.kind, job.columns, setup.orders, { date1904: false, headerCount: job.headerCount });
    this.memos = this.normalizer.readers.map(() => new ByteMemo<FieldValue | Problem>());
    this.plainAmounts = this.normalizer.readers.map(
      (reader) => reader.spec.type === 'amount' && (job.columns.find((c) => c.index === reader.index)?.unitMultiplier ?? 1) === 1,
    );
    this.encoder = encoderFor(job.kind, setup.stream);
  }

  normalise(unit: RowUnit): NormalisedChunk {
    const { memos, plainAmounts } = this;
    const { starts, ends, rowFirst } = unit;
    // Posted bytes arrive as a Uint8Array: view them as a Buffer for decode.
    const bytes = Buffer.from(unit.bytes.buffer, unit.bytes.byteOffset, unit.bytes.byteLength);
    let first = 0;
    let fields = 0;
    const fast: RowSource = {
      read(reader: ColumnReader, k: number): FieldValue | Problem {
        if (reader.index >= fields) return reader.read(null, null);
        const s = starts[first + reader.index]!;
        const e = ends[first + reader.index]!;
        if (plainAmounts[k]) {
          const amount = plainAmountFromBytes(bytes, s, e);
          if (amount !== undefined) return amount;
        }
        const memo = memos[k]!;
        if (!memo.enabled) return reader.read(decode(bytes, s, e), null);
        let value = memo.get(bytes, s, e);
        if (value === undefined) {
          value = reader.read(decode(bytes, s, e), null);
          memo.set(bytes, s, e, value);
        }
        return value;
      },
      cells: () => {
        const cells: string[] = [];
        for (let f = first; f < first + fields; f++) cells.push(decode(bytes, starts[f]!, ends[f]!));
        return cells;
      },
    };
    let cells: Cell[] = [];
    const slow: RowSource = {
      read: (reader) => reader.read(cells[reader.index] ?? null, null),
      cells: () => cells,
    };
    const result: NormalizeRowsResult<RecordKind> = { accepted: [], rejected: [], warnings: [], skipped: [] };
    const rows = unit.rowNumbers.length;
    for (let row = 0; row < rows; row++) {
      first = rowFirst[row]!;
      fields = rowFirst[row + 1]! - first;
      const given = unit.cells[row];
      if (given) cells = given;
      this.normalizer.row(unit.rowNumbers[row]!, unit.filled[row]!, given ? slow : fast, result);
    }
    return chunkOf(this.encoder, result, unit.rowsRead, unit.bytesRead, unit.totalBytes);
  }
}

/**
 * Bytes [lo, hi) in a buffer of their own, which posting may move to another thread (not
 * Buffer#slice, a view of the reused read buffer, nor Buffer.from, which may share a pool).
 */
function copyOf(bytes: Buffer, lo: number, hi: number): Buffer {
  const copy = Buffer.alloc(hi - lo);
  bytes.copy(copy, 0, lo, hi);
  return copy;
}

/** Collects the rows of a unit from the scanned chunk, then copies them out as a RowUnit. */
class UnitBuilder {
  rows: number[] = [];
  rowNumbers: number[] = [];
  filled: number[] = [];
  cells: Record<number, Cell[]> = {};
  rowsRead = 0;

  add(r: number, rowNumber: number, filled: number, cells: Cell[] | null): void {
    if (cells) this.cells[this.rows.length] = cells;
    this.rows.push(r);
    this.rowNumbers.push(rowNumber);
    this.filled.push(filled);
    this.rowsRead += 1;
  }

  take(bytes: Buffer, spans: SpanRows, bytesRead: number, totalBytes: number): RowUnit {
    const { rows } = this;
    let fieldCount = 0;
    for (const r of rows) fieldCount += spans.rowFirst[r + 1]! - spans.rowFirst[r]!;
    const rowFirst = new Int32Array(rows.length + 1);
    const starts = new Int32Array(fieldCount);
    const ends = new Int32Array(fieldCount);
    // The rows lie in one stretch of the buffer: copy it, and make the spans relative to it.
    const lo = rows.length > 0 ? spans.starts[spans.rowFirst[rows[0]!]!]! : 0;
    let hi = lo;
    let f = 0;
    rows.forEach((r, i) => {
      rowFirst[i] = f;
      for (let g = spans.rowFirst[r]!; g < spans.rowFirst[r + 1]!; g++, f++) {
        starts[f] = spans.starts[g]! - lo;
        ends[f] = spans.ends[g]! - lo;
        if (spans.ends[g]! > hi) hi = spans.ends[g]!;
      }
    });
    rowFirst[rows.length] = f;
    const unit: RowUnit = {
      bytes: copyOf(bytes, lo, hi),
      rowFirst,
      starts,
      ends,
      rowNumbers: Int32Array.from(this.rowNumbers),
      filled: Int32Array.from(this.filled),
      cells: this.cells,
      rowsRead: this.rowsRead,
      bytesRead,
      totalBytes,
    };
    this.rows = [];
    this.rowNumbers = [];
    this.filled = [];
    this.cells = {};
    this.rowsRead = 0;
    return unit;
  }
}

/**
 * Where units are normalised: here, or in helper threads (a large file on a machine with
 * cores to spare). Chunks come out in the order of their units whoever normalised them.
 */
export interface UnitPool {
  /** Starts normalising `unit` somewhere; the promise gives its chunk. */
  submit(unit: RowUnit, setup: Omit<UnitSetup, 'stream'>): Promise<NormalisedChunk>;
  close(): Promise<void>;
}

/** Normalises every unit in this thread. */
export const localPool = (): UnitPool => {
  let local: UnitNormaliser | null = null;
  return {
    submit: async (unit, setup) => (local ??= new UnitNormaliser({ ...setup, stream: 0 })).normalise(unit),
    close: async () => undefined,
  };
};

/** Streams the file's data rows below the header, normalised, chunk by chunk (see the top). */
export async function normaliseUtf8File(job: TextNormaliseJob, emit: (chunk: NormalisedChunk) => Promise<void>, pool: UnitPool = localPool()): Promise<void> {
  const total = statFile(job.path).size;
  const delimiter = job.delimiter.charCodeAt(0);
  const headerIndex = job.headerRowNumber - 1;
  const dates = dateColumns(job.kind, job.columns);
  const spans = new SpanRows();
  const look = { filled: 0 };
  let orders: Record<number, DateOrder> | null = null;
  let bytesRead = 0;
  /** Blank (false) and totals (true) rows since the last data row: the file's end drops them. */
  let run: boolean[] = [];
  let index = 0;
  let bytes: Buffer = Buffer.alloc(0);
  const unit = new UnitBuilder();
  /** Chunks being normalised, in file order; at most one per thread waits here. */
  const pending: Promise<NormalisedChunk>[] = [];
  // The first units are small, so the writer starts while the threads warm up.
  let unitRows = FIRST_UNIT_ROWS;
  const submit = async (): Promise<void> => {
    if (unit.rowsRead === 0) return;
    unitRows = Math.min(NORMALIZE_CHUNK, unitRows * 4);
    pending.push(pool.submit(unit.take(bytes, spans, bytesRead, total), { job, orders: orders ?? {} }));
    // Emitting the oldest chunk only once the next one is under way keeps every thread busy.
    while (pending.length > 1) await emit(await pending.shift()!);
  };

  /** Decides the date orders on the first data rows of the file (as normaliseTextFile does). */
  const decideOrders = async (r0: number): Promise<Record<number, DateOrder>> => {
    const firstRows: Cell[][] = [];
    for (let r = r0; r < spans.rows && firstRows.length < NORMALIZE_CHUNK; r++) {
      if (lookAtRow(bytes, spans, r, look) === ROW_BLANK) continue;
      const row: Cell[] = [];
      const from = spans.rowFirst[r]!;
      const width = spans.rowFirst[r + 1]! - from;
      for (const column of dates) if (column < width) row[column] = fieldText(bytes, spans, from + column, job.delimiter, decode);
      firstRows.push(row);
    }
    return textDateOrders(job, firstRows);
  };

  const onRows = async (): Promise<void> => {
    for (let r = 0; r < spans.rows; r++) {
      const at = index++;
      if (at <= headerIndex) continue;
      orders ??= await decideOrders(r);
      let cells: Cell[] | null = null;
      let kind = lookAtRow(bytes, spans, r, look);
      let filled = look.filled;
      if (kind === ROW_CELLS) {
        cells = rowTexts(bytes, spans, r, job.delimiter, decode);
        filled = lastFilled(cells) + 1;
        if (filled === 0) kind = ROW_BLANK;
        else if (isTotalsRow(cells)) {
          run.push(true);
          continue;
        }
      }
      if (kind === ROW_BLANK) {
        run.push(false);
        continue;
      }
      for (const totals of run) if (totals) unit.rowsRead += 1;
      run = [];
      unit.add(r, at + 1, filled, cells);
      if (unit.rows.length >= unitRows) await submit();
    }
    // A unit holds rows of one read: the buffer is reused for the next.
    await submit();
  };

  const fd = fs.openSync(job.path, 'r');
  try {
    bytes = Buffer.allocUnsafe(READ_BYTES);
    let filled = 0;
    let from = 0;
    let atStart = true;
    for (;;) {
      if (filled === bytes.length) {
        // One row longer than the buffer (a huge quoted cell): make room for it.
        const larger = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(larger, 0, 0, filled);
        bytes = larger;
      }
      const n = fs.readSync(fd, bytes, filled, bytes.length - filled, null);
      bytesRead += n;
      filled += n;
      if (atStart && filled >= 3) {
        // TextDecoder drops one BOM and the text reader a second one.
        for (let k = 0; k < 2 && bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf; k++) from += 3;
        atStart = false;
      }
      const final = n === 0;
      spans.reset();
      const consumed = scanDelimitedBytes(bytes, from, filled, delimiter, final, spans);
      await onRows();
      if (final) break;
      bytes.copy(bytes, 0, consumed, filled);
      filled -= consumed;
      from = 0;
    }
    // The last rows of the file, when blank or totals, are not data (normaliseTextFile holds
    // back TAIL_ROWS rows for that); a totals row before them counts as read.
    for (const totals of run.slice(0, Math.max(0, run.length - TAIL_ROWS))) if (totals) unit.rowsRead += 1;
    await submit();
    while (pending.length > 0) await emit(await pending.shift()!);
  } finally {
    fs.closeSync(fd);
    await pool.close();
  }
}
