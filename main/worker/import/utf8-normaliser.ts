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
import { couldStartTotalsLabel, dateColumns, isTotalsRow, RowNormalizer } from '../../../shared/import/index.ts';
import { plainAmountFromBytes } from '../../../shared/import/amounts.ts';
import type { RowSource } from '../../../shared/import/index.ts';
import type { ColumnReader, FieldValue, Problem } from '../../../shared/import/column-readers.ts';
import type { Cell, DateOrder, NormalizeRowsResult } from '../../../shared/import/types.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import { ByteMemo } from './byte-memo.ts';
import { statFile } from './table-source.ts';
import { chunkOf, encoderFor, NORMALIZE_CHUNK, TAIL_ROWS, textDateOrders } from './text-normaliser.ts';
import type { NormalisedChunk, TextNormaliseJob } from './text-normaliser.ts';
import { FIELD_PLAIN, fieldText, rowTexts, scanDelimitedBytes, SpanRows } from './utf8-delimited.ts';
import type { Utf8Decode } from './utf8-delimited.ts';

const READ_BYTES = 4 * 1024 * 1024;

/**
 * Buffer's own decoding: faster for short cells than TextDecoder, and the same text, invalid
 * bytes included (both replace them as the WHATWG decoder does; the tests hold them to it).
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

const isEmptyCell = (cell: string): boolean => cell.trim() === '';

/** Streams the file's data rows below the header, normalised, chunk by chunk (see the top). */
export async function normaliseUtf8File(job: TextNormaliseJob, emit: (chunk: NormalisedChunk) => Promise<void>): Promise<void> {
  const total = statFile(job.path).size;
  const delimiter = job.delimiter.charCodeAt(0);
  const headerIndex = job.headerRowNumber - 1;
  const dates = dateColumns(job.kind, job.columns);
  const spans = new SpanRows();
  const look = { filled: 0 };
  let normalizer: RowNormalizer<RecordKind> | null = null;
  let memos: ByteMemo<FieldValue | Problem>[] = [];
  /** Per reader: an amount in yuan, whose plain values are read from the bytes directly. */
  let plainAmounts: boolean[] = [];
  let result: NormalizeRowsResult<RecordKind> = { accepted: [], rejected: [], warnings: [], skipped: [] };
  let rowsRead = 0;
  let bytesRead = 0;
  /** Blank (false) and totals (true) rows since the last data row: the file's end drops them. */
  let run: boolean[] = [];
  let index = 0;
  const encoder = encoderFor(job.kind);

  // The current row, for the readers.
  let bytes: Buffer = Buffer.alloc(0);
  let first = 0;
  let fields = 0;
  let cells: Cell[] | null = null;
  const rowCells = (r: number): Cell[] => (cells ??= rowTexts(bytes, spans, r, job.delimiter, decode));
  let currentRow = 0;
  const fast: RowSource = {
    read(reader: ColumnReader, k: number): FieldValue | Problem {
      if (reader.index >= fields) return reader.read(null, null);
      const f = first + reader.index;
      const s = spans.starts[f]!;
      const e = spans.ends[f]!;
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
    cells: () => rowCells(currentRow),
  };
  const slow: RowSource = {
    read: (reader) => reader.read(cells![reader.index] ?? null, null),
    cells: () => cells!,
  };

  const flush = async (): Promise<void> => {
    if (rowsRead === 0) return;
    await emit(chunkOf(encoder, result, rowsRead, bytesRead, total));
    result = { accepted: [], rejected: [], warnings: [], skipped: [] };
    rowsRead = 0;
  };

  /** Decides the date orders on the first data rows of the file (as normaliseTextFile does). */
  const start = async (r0: number): Promise<RowNormalizer<RecordKind>> => {
    const firstRows: Cell[][] = [];
    for (let r = r0; r < spans.rows && firstRows.length < NORMALIZE_CHUNK; r++) {
      const kind = lookAtRow(bytes, spans, r, look);
      if (kind === ROW_BLANK) continue;
      const row: Cell[] = [];
      const from = spans.rowFirst[r]!;
      const width = spans.rowFirst[r + 1]! - from;
      for (const column of dates) if (column < width) row[column] = fieldText(bytes, spans, from + column, job.delimiter, decode);
      firstRows.push(row);
    }
    const orders: Record<number, DateOrder> = await textDateOrders(job, firstRows);
    const made = new RowNormalizer(job.kind, job.columns, orders, { date1904: false, headerCount: job.headerCount });
    memos = made.readers.map(() => new ByteMemo<FieldValue | Problem>());
    plainAmounts = made.readers.map((reader) => reader.spec.type === 'amount' && (job.columns.find((c) => c.index === reader.index)?.unitMultiplier ?? 1) === 1);
    return made;
  };

  const onRows = async (): Promise<void> => {
    for (let r = 0; r < spans.rows; r++) {
      const at = index++;
      if (at <= headerIndex) continue;
      normalizer ??= await start(r);
      cells = null;
      let kind = lookAtRow(bytes, spans, r, look);
      let filled = look.filled;
      if (kind === ROW_CELLS) {
        const row = rowCells(r);
        filled = 0;
        for (let c = row.length - 1; c >= 0; c--) {
          if (!isEmptyCell(row[c] as string)) {
            filled = c + 1;
            break;
          }
        }
        if (filled === 0) kind = ROW_BLANK;
        else if (isTotalsRow(row)) {
          run.push(true);
          continue;
        }
      }
      if (kind === ROW_BLANK) {
        run.push(false);
        continue;
      }
      for (const totals of run) if (totals) rowsRead += 1;
      run = [];
      first = spans.rowFirst[r]!;
      fields = spans.rowFirst[r + 1]! - first;
      currentRow = r;
      normalizer.row(at + 1, filled, cells === null ? fast : slow, result);
      rowsRead += 1;
      if (rowsRead >= NORMALIZE_CHUNK) await flush();
    }
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
  } finally {
    fs.closeSync(fd);
  }
  // The last rows of the file, when blank or totals, are not data (normaliseTextFile holds
  // back TAIL_ROWS rows for that); a totals row before them counts as read.
  for (const totals of run.slice(0, Math.max(0, run.length - TAIL_ROWS))) if (totals) rowsRead += 1;
  await flush();
}
