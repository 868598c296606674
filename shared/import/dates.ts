/**
 * Calendar dates from whatever exports hold: ISO, 2023/3/13, 2023-3-13 8:05, 2023年3月13日,
 * 13.03.2023, 20230313 and Excel serial numbers in the 1900 and 1904 systems. Everything is
 * integer arithmetic on the proleptic Gregorian calendar: no JS Date, so nothing moves by
 * the 43 seconds or the day that historical Asia/Shanghai offsets introduce.
 * The day/month order is inferred per column (inferDateOrder), never guessed per cell.
 */
import { excelSerialToIso, isValidDate, ymdToIso as iso } from './excel-serials.ts';
import { toHalfWidth } from './text.ts';
import type { Cell, DateOrder, NormalizeResult } from './types.ts';

export { civilFromDays, daysFromCivil, excelSerialToIso, isoToExcelSerial, isValidDate } from './excel-serials.ts';

// Year first: 2023-03-13, 2023/3/13, 2023.3.13, 2023年3月13日, optionally followed by a time.
const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T).*)?$/;
// Year last: 13.03.2023, 3/13/2023, 13-03-23, optionally followed by a time.
const XXY = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?:\s+.*)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}(?:$|[T ])/;
const YEAR_FIRST = /^\s*\d{4}\D/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// 13-Mar-2023, 13 Mar 2023, Mar 13, 2023
const DMONY = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*\.?[-\s,]+(\d{4})$/;
const MONDY = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/;

function fullYear(y: string): number {
  const n = Number(y);
  // Excel's two-digit year rule: 00-29 → 20xx, 30-99 → 19xx.
  return y.length === 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

function clean(value: string): string {
  return toHalfWidth(value).trim().toLowerCase();
}

/** What a column's values say about its day/month order, summed over any number of chunks. */
export interface DateOrderEvidence {
  /** Values whose first part is above 12 (proof of day first) and second part above 12 (month first). */
  dmy: number;
  mdy: number;
  /** Year-last values with dots (13.03.2023) and with slashes or dashes (3/13/2023). */
  dotted: number;
  slashed: number;
}

export const noDateEvidence = (): DateOrderEvidence => ({ dmy: 0, mdy: 0, dotted: 0, slashed: 0 });

/** Adds the evidence of `values` to `into` (so a streamed file can be judged as a whole). */
export function addDateEvidence(into: DateOrderEvidence, values: Iterable<Cell>): DateOrderEvidence {
  for (const value of values) {
    if (typeof value !== 'string' || YEAR_FIRST.test(value)) continue;
    const m = XXY.exec(clean(value));
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) into.dmy += 1;
    else if (b > 12 && a <= 12) into.mdy += 1;
    if (m[2] === '/') into.slashed += 1;
    else into.dotted += 1;
  }
  return into;
}

/** Whether a column holds any year-last value at all (only those need an order). */
export const hasYearLastDates = (e: DateOrderEvidence): boolean => e.dotted + e.slashed > 0;

/**
 * The order of day and month for a column's "a/b/yyyy" values: a first part above 12 proves
 * dmy, a second part above 12 proves mdy (the majority wins if a column holds both). Without
 * proof, dotted dates (13.03.2023, the German/Russian habit) read dmy, slashed ones mdy
 * (Excel's US CSVs), and a column with only year-first values is ymd.
 */
export function decideDateOrder(e: DateOrderEvidence): DateOrder {
  if (e.dmy > 0 || e.mdy > 0) return e.dmy >= e.mdy ? 'dmy' : 'mdy';
  if (!hasYearLastDates(e)) return 'ymd';
  return e.dotted >= e.slashed ? 'dmy' : 'mdy';
}

/** The order of a column from all of its values (see decideDateOrder). */
export function inferDateOrder(values: readonly Cell[]): DateOrder {
  return decideDateOrder(addDateEvidence(noDateEvidence(), values));
}

function bad(value: Cell, code: string, why: string): { ok: false; code: string; reason: string } {
  return { ok: false, code, reason: `${why}: '${String(value)}'` };
}

function checked(y: number, m: number, d: number, value: Cell): NormalizeResult<string | null> {
  return isValidDate(y, m, d) ? { ok: true, value: iso(y, m, d) } : bad(value, 'date.impossible', 'no such date');
}

/**
 * An ISO date (YYYY-MM-DD) from a cell, null for a blank cell. `order` applies to year-last
 * values only ("ymd" columns still read 13.03.2023 as the dotted default, dmy).
 */
export function parseDate(value: Cell, order: DateOrder, date1904: boolean): NormalizeResult<string | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'boolean') return bad(value, 'date.unparseable', 'not a date');
  if (typeof value === 'number') {
    // A number that reads as yyyymmdd is one (no serial is that large).
    if (Number.isInteger(value) && value >= 10000101 && value <= 99991231) {
      const y = Math.floor(value / 10000);
      return checked(y, Math.floor(value / 100) % 100, value % 100, value);
    }
    const isoDate = excelSerialToIso(value, date1904);
    if (isoDate !== null) return { ok: true, value: isoDate };
    return bad(value, date1904 || value !== 60 ? 'date.serial-range' : 'date.excel-phantom', value === 60 && !date1904 ? 'Excel serial 60 is 1900-02-29, which does not exist' : 'not a valid Excel date serial');
  }
  if (ISO_DAY.test(value)) {
    // The common case, YYYY-MM-DD (possibly with a time): read the digits directly.
    const y = Number(value.slice(0, 4));
    const m = Number(value.slice(5, 7));
    const d = Number(value.slice(8, 10));
    if (!isValidDate(y, m, d)) return bad(value, 'date.impossible', 'no such date');
    return { ok: true, value: value.length === 10 ? value : value.slice(0, 10) };
  }
  const text = clean(value);
  if (text === '' || text === '-' || text === '—' || text === '--') return { ok: true, value: null };
  let m = YMD.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), value);
  m = COMPACT.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]), value);
  m = XXY.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4] ?? '');
    const effective = order === 'ymd' ? (m[2] === '/' ? 'mdy' : 'dmy') : order;
    return effective === 'dmy' ? checked(y, b, a, value) : checked(y, a, b, value);
  }
  m = DMONY.exec(text);
  if (m) return checked(Number(m[3]), MONTHS.indexOf(m[2] ?? '') + 1, Number(m[1]), value);
  m = MONDY.exec(text);
  if (m) return checked(Number(m[3]), MONTHS.indexOf(m[1] ?? '') + 1, Number(m[2]), value);
  // A serial that arrived as text (CSV written from Excel with General format).
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const isoDate = excelSerialToIso(Number(text), date1904);
    if (isoDate !== null && Number(text) > 60) return { ok: true, value: isoDate };
  }
  return bad(value, 'date.unparseable', 'not a date');
}
