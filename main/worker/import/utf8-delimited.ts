/**
 * RFC 4180 rows of UTF-8 bytes as spans: where each field's bytes start and end, with no
 * string made per field. A million-row export has ten million fields, and most of them
 * (dates, product lines, statuses, customer codes) repeat: the UTF-8 normaliser looks their
 * values up by these bytes and only makes strings for what it has not seen.
 *
 * The rules are those of shared/import/delimited.ts, which the tests hold this to: a quote
 * opens a field only at its start, doubled quotes inside are one quote, text after the closing
 * quote is kept, newlines inside quotes belong to the field. Delimiters, quotes and newlines
 * are ASCII, and no byte of a multi-byte UTF-8 character is, so cutting bytes cuts characters
 * exactly where the string parser does.
 */
import { parseDelimited } from '../../../shared/import/delimited.ts';
import type { Delimiter } from '../../../shared/import/types.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The field's value is its bytes. */
export const FIELD_PLAIN = 0;
/** The field's bytes are a quoted field with doubled quotes or text after the closing quote. */
export const FIELD_QUOTED = 1;

/** Rows of field spans, reused chunk after chunk. */
export class SpanRows {
  rows = 0;
  fields = 0;
  /** Per row, the index of its first field; `rowFirst[rows]` is `fields`. */
  rowFirst = new Int32Array(1024);
  starts = new Int32Array(8192);
  ends = new Int32Array(8192);
  flags = new Uint8Array(8192);

  reset(): void {
    this.rows = 0;
    this.fields = 0;
    this.rowFirst[0] = 0;
  }

  push(start: number, end: number, flag: number): void {
    if (this.fields === this.starts.length) {
      const size = this.starts.length * 2;
      this.starts = grow(this.starts, new Int32Array(size));
      this.ends = grow(this.ends, new Int32Array(size));
      this.flags = grow(this.flags, new Uint8Array(size));
    }
    this.starts[this.fields] = start;
    this.ends[this.fields] = end;
    this.flags[this.fields] = flag;
    this.fields += 1;
  }

  endRow(): void {
    this.rows += 1;
    if (this.rows + 1 > this.rowFirst.length) this.rowFirst = grow(this.rowFirst, new Int32Array(this.rowFirst.length * 2));
    this.rowFirst[this.rows] = this.fields;
  }

  /** Drops the fields of a row that is not complete yet. */
  dropOpenRow(): void {
    this.fields = this.rowFirst[this.rows] ?? 0;
  }
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Scans complete rows of `bytes[from, to)` into `out` (appending). Unless `final`, a row that
 * might continue past `to` (an open quote, no newline yet, a CR that could be followed by LF)
 * is left unscanned. Returns where the first unscanned row starts.
 */
export function scanDelimitedBytes(bytes: Uint8Array, from: number, to: number, delimiter: number, final: boolean, out: SpanRows): number {
  let i = from;
  let rowStart = from;
  const incomplete = (): number => {
    out.dropOpenRow();
    return rowStart;
  };
  while (i < to) {
    let end: number;
    if (bytes[i] === QUOTE) {
      let complex = false;
      let close = -1;
      let j = i + 1;
      for (;;) {
        while (j < to && bytes[j] !== QUOTE) j++;
        if (j >= to) {
          if (!final) return incomplete();
          // An unterminated quote at the end of the file: the rest is the field.
          break;
        }
        if (j + 1 === to && !final) return incomplete();
        if (j + 1 < to && bytes[j + 1] === QUOTE) {
          complex = true;
          j += 2;
          continue;
        }
        close = j;
        j += 1;
        break;
      }
      end = j;
      const c = end < to ? bytes[end]! : -1;
      if (c !== -1 && c !== delimiter && c !== LF && c !== CR) {
        complex = true;
        while (end < to && bytes[end] !== delimiter && bytes[end] !== LF && bytes[end] !== CR) end++;
      }
      if (complex) out.push(i, end, FIELD_QUOTED);
      else out.push(i + 1, close === -1 ? to : close, FIELD_PLAIN);
    } else {
      end = i;
      while (end < to) {
        const c = bytes[end];
        if (c === delimiter || c === LF || c === CR) break;
        end++;
      }
      out.push(i, end, FIELD_PLAIN);
    }
    if (end >= to) {
      if (!final) return incomplete();
      out.endRow();
      return to;
    }
    const c = bytes[end];
    if (c === delimiter) {
      i = end + 1;
      if (i === to) {
        if (!final) return incomplete();
        out.push(to, to, FIELD_PLAIN);
        out.endRow();
        return to;
      }
      continue;
    }
    if (c === CR) {
      if (end + 1 === to && !final) return incomplete();
      i = end + 1 < to && bytes[end + 1] === LF ? end + 2 : end + 1;
    } else {
      i = end + 1;
    }
    out.endRow();
    rowStart = i;
  }
  return to;
}

/** Decodes bytes [start, end) the way the text reader does (replacement characters, BOMs kept). */
export type Utf8Decode = (bytes: Uint8Array, start: number, end: number) => string;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
export const decodeUtf8: Utf8Decode = (bytes, start, end) => decoder.decode(bytes.subarray(start, end));

/** The text of field `f` of `rows`, exactly as parseDelimited gives it. */
export function fieldText(bytes: Uint8Array, rows: SpanRows, f: number, delimiter: Delimiter, decode: Utf8Decode = decodeUtf8): string {
  const text = decode(bytes, rows.starts[f]!, rows.ends[f]!);
  return rows.flags[f] === FIELD_QUOTED ? (parseDelimited(text, delimiter)[0]?.[0] ?? '') : text;
}

/** The cells of row `r` of `rows`. */
export function rowTexts(bytes: Uint8Array, rows: SpanRows, r: number, delimiter: Delimiter, decode: Utf8Decode = decodeUtf8): string[] {
  const cells: string[] = [];
  for (let f = rows.rowFirst[r]!; f < rows.rowFirst[r + 1]!; f++) cells.push(fieldText(bytes, rows, f, delimiter, decode));
  return cells;
}
