/**
 * RFC 4180 delimited text: quoted fields, doubled quotes, newlines inside quotes (CRLF, LF or
 * CR), with ragged rows kept as they are so the validator can report them. The pipeline
 * parses 90 MB files, so fields are cut with indexOf/slice instead of growing strings one
 * character at a time, and newline positions are cached per line instead of searched per field.
 */
import type { Delimiter, DelimitedParser } from './types.ts';

const QUOTE = 34;
const LF = 10;
const CR = 13;

interface Parsed {
  rows: string[][];
  /** Where the first incomplete row starts (text.length when everything was consumed). */
  consumed: number;
}

/**
 * Parses complete rows from `text`. When `final` is false, a row that might continue in the
 * next chunk (an open quote, no newline yet, a CR that could be followed by LF) is left
 * unconsumed.
 */
function parseRows(text: string, delimiter: Delimiter, final: boolean): Parsed {
  const rows: string[][] = [];
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = 0;
  let rowStart = 0;
  let row: string[] = [];
  let nextLf = -2;
  let nextCr = -2;
  while (i < n) {
    let value: string;
    let end: number; // index of the character after the field
    if (text.charCodeAt(i) === QUOTE) {
      const parts: string[] = [];
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          if (!final) return { rows, consumed: rowStart };
          // Unterminated quote at the end of the file: keep the rest as the field.
          parts.push(text.slice(j));
          j = n;
          break;
        }
        if (q + 1 === n && !final) return { rows, consumed: rowStart };
        if (text.charCodeAt(q + 1) === QUOTE) {
          parts.push(text.slice(j, q + 1));
          j = q + 2;
          continue;
        }
        parts.push(text.slice(j, q));
        j = q + 1;
        break;
      }
      value = parts.length === 1 ? (parts[0] ?? '') : parts.join('');
      end = j;
      // Tolerate text after the closing quote (`"a"b,`): keep it rather than lose it.
      const c = end < n ? text.charCodeAt(end) : -1;
      if (c !== -1 && c !== d && c !== LF && c !== CR) {
        const stop = findStop(text, end, delimiter);
        value += text.slice(end, stop);
        end = stop;
      }
    } else {
      if (nextLf !== -1 && nextLf < i) nextLf = text.indexOf('\n', i);
      if (nextCr !== -1 && nextCr < i) nextCr = text.indexOf('\r', i);
      let lineEnd = nextLf === -1 ? n : nextLf;
      if (nextCr !== -1 && nextCr < lineEnd) lineEnd = nextCr;
      const delim = text.indexOf(delimiter, i);
      end = delim !== -1 && delim < lineEnd ? delim : lineEnd;
      value = text.slice(i, end);
    }
    row.push(value);
    if (end >= n) {
      if (!final) return { rows, consumed: rowStart };
      rows.push(row);
      return { rows, consumed: n };
    }
    const c = text.charCodeAt(end);
    if (c === d) {
      i = end + 1;
      if (i === n) {
        if (!final) return { rows, consumed: rowStart };
        row.push('');
        rows.push(row);
        return { rows, consumed: n };
      }
      continue;
    }
    // A newline ends the row.
    if (c === CR) {
      if (end + 1 === n && !final) return { rows, consumed: rowStart };
      i = text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    } else {
      i = end + 1;
    }
    rows.push(row);
    row = [];
    rowStart = i;
  }
  return { rows, consumed: n };
}

function findStop(text: string, from: number, delimiter: Delimiter): number {
  let stop = text.length;
  for (const s of [delimiter, '\n', '\r']) {
    const k = text.indexOf(s, from);
    if (k !== -1 && k < stop) stop = k;
  }
  return stop;
}

/** Parses a whole text. A trailing newline does not make an extra empty row. */
export function parseDelimited(text: string, delimiter: Delimiter): string[][] {
  return parseRows(text, delimiter, true).rows;
}

/**
 * A streaming parser: feed decoded chunks, get the rows they complete. Rows split across
 * chunks (including quoted newlines) are carried over.
 */
export function createDelimitedParser(delimiter: Delimiter): DelimitedParser {
  let carry = '';
  return {
    push(chunk: string): string[][] {
      const text = carry === '' ? chunk : carry + chunk;
      const { rows, consumed } = parseRows(text, delimiter, false);
      carry = consumed === text.length ? '' : text.slice(consumed);
      return rows;
    },
    end(): string[][] {
      const text = carry;
      carry = '';
      return text === '' ? [] : parseRows(text, delimiter, true).rows;
    },
  };
}

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];

/**
 * Picks the delimiter whose field counts agree best across the first lines (quotes
 * respected, so commas inside quoted names do not count). Ties go to the more fields, then
 * to the comma.
 */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const candidate of CANDIDATES) {
    const all = parseRows(sample, candidate, sample.length === text.length).rows;
    const rows = all.slice(0, 50).filter((r) => r.length > 1 || (r[0] ?? '').trim() !== '');
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [count, times] of counts) {
      if (times > modeCount || (times === modeCount && count > mode)) {
        mode = count;
        modeCount = times;
      }
    }
    if (mode < 2) continue;
    const score = modeCount / rows.length + Math.min(mode, 50) / 1000;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** Writes rows as RFC 4180 text (CRLF line ends); fields are quoted only when needed. */
export function formatDelimited(rows: readonly (readonly string[])[], delimiter: Delimiter): string {
  const needsQuote = new RegExp(`["\\r\\n${delimiter === '|' ? '\\|' : delimiter}]`);
  return rows
    .map((row) => row.map((f) => (needsQuote.test(f) || (row.length === 1 && f === '') ? `"${f.replace(/"/g, '""')}"` : f)).join(delimiter))
    .map((line) => `${line}\r\n`)
    .join('');
}
