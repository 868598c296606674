/**
 * Money and quantities as exports write them: 1,234.50 / ¥1,234 / ￥ / 1234元 / 12.5万 /
 * 1.2亿 / full-width digits / (123) and （123） as negatives / a lone dash for "none".
 * Text amounts are scaled in decimal (by moving the decimal point in the digit string) so
 * 12.5万 is exactly 125000 and rounding to cents never meets binary fractions like 1.005.
 */
import { toHalfWidth } from './text.ts';
import type { Cell, NormalizeResult } from './types.ts';

const MAX_AMOUNT = 1e15;
const NONE = /^[-—–‐－_/]+$|^(n\/?a|null|none|无)$/i;
const PLAIN = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const UNITS: Readonly<Record<string, number>> = { 万: 4, 萬: 4, 亿: 8, 億: 8, 千: 3, 百万: 6, 百萬: 6 };

interface Decimal {
  negative: boolean;
  digits: string; // without separators
  /** Power of ten to apply to `digits` read as an integer. */
  exponent: number;
}

/** Rounds a decimal to two places, half away from zero, and converts it to a number. */
function toCents(dec: Decimal): number {
  const shift = dec.exponent + 2; // digits × 10^shift = cents
  let cents: string;
  if (shift >= 0) cents = dec.digits + '0'.repeat(shift);
  else {
    const cut = dec.digits.length + shift;
    const kept = cut > 0 ? dec.digits.slice(0, cut) : '0';
    const first = cut >= 0 ? dec.digits.charCodeAt(cut) - 48 : 0;
    cents = first >= 5 ? (BigInt(kept) + 1n).toString() : kept;
  }
  const value = Number(cents) / 100;
  return dec.negative && value !== 0 ? -value : value;
}

function fail(value: Cell, code: string, reason: string): { ok: false; code: string; reason: string } {
  return { ok: false, code, reason: `${reason}: '${String(value)}'` };
}

const UNIT_LIST = Object.entries(UNITS);
const SIMPLE = /^-?\d+(?:\.\d+)?$/;

/** Parses text into a Decimal; `units` allows 万/亿 suffixes and currency marks. */
function parseDecimal(value: string, units: boolean): Decimal | 'none' | undefined {
  if (SIMPLE.test(value)) {
    // The common case of a plain number: no folding, no unit search.
    const negative = value.charCodeAt(0) === 45;
    const body = negative ? value.slice(1) : value;
    const dot = body.indexOf('.');
    const digits = (dot === -1 ? body : body.slice(0, dot) + body.slice(dot + 1)).replace(/^0+(?=\d)/, '');
    return { negative, digits, exponent: dot === -1 ? 0 : dot - body.length + 1 };
  }
  let s = toHalfWidth(value).replace(/[\s\u00a0\u2009\u202f]/g, '');
  if (s === '' || NONE.test(s)) return 'none';
  let negative = false;
  const paren = /^[(]\s*(.*)[)]$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1] ?? '';
  }
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  // Accounting software writes negatives as "123-".
  if (/\d-$/.test(s)) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  let exponent = 0;
  if (units) {
    s = s.replace(/^(?:¥|￥|\$|rmb|cny|人民币)/i, '').replace(/(?:元|圆|rmb|cny|yuan)$/i, '');
    for (const [unit, power] of UNIT_LIST) {
      if (s.endsWith(unit)) {
        s = s.slice(0, -unit.length);
        exponent = power;
        break;
      }
    }
    // A currency sign after the minus: -¥1,234
    s = s.replace(/^(?:¥|￥|\$)/, '');
  }
  if (s === '' || s === '.' || !PLAIN.test(s)) return undefined;
  const [whole = '', fraction = ''] = s.replace(/,/g, '').split('.');
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '') || '0';
  return { negative, digits, exponent: exponent - fraction.length };
}

function powerOfTen(multiplier: number): number | undefined {
  const p = Math.log10(multiplier);
  return Number.isInteger(p) ? p : undefined;
}

/**
 * An amount in yuan rounded to cents; null for blanks and lone dashes (no amount is not 0).
 * `unitMultiplier` comes from the column header (10000 for 金额（万元）).
 */
export function parseAmount(value: Cell, unitMultiplier = 1): NormalizeResult<number | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'boolean') return fail(value, 'amount.unparseable', 'not an amount');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(value, 'amount.unparseable', 'not an amount');
    const scaled = value * unitMultiplier;
    if (Math.abs(scaled) >= MAX_AMOUNT) return fail(value, 'amount.too-large', 'amount too large');
    // Already whole cents (the usual spreadsheet value): nothing to round.
    if (unitMultiplier === 1 && Number.isInteger(Math.round(value * 100)) && Math.abs(Math.round(value * 100) / 100 - value) === 0) {
      return { ok: true, value: value === 0 ? 0 : value };
    }
    // Through the shortest decimal representation, so 1.005 rounds like the text "1.005".
    return parseAmount(String(value).includes('e') ? value.toFixed(10) : String(value), unitMultiplier);
  }
  const dec = parseDecimal(value, true);
  if (dec === 'none') return { ok: true, value: null };
  if (dec === undefined) return fail(value, 'amount.unparseable', 'not an amount');
  const power = powerOfTen(unitMultiplier);
  if (power !== undefined) dec.exponent += power;
  let result = toCents(dec);
  if (power === undefined) result = Math.round(result * unitMultiplier * 100) / 100;
  if (Math.abs(result) >= MAX_AMOUNT) return fail(value, 'amount.too-large', 'amount too large');
  return { ok: true, value: result === 0 ? 0 : result };
}

/** Integer digits up to which cents stay exact integers (and far below MAX_AMOUNT). */
const PLAIN_BYTES_DIGITS = 13;

/**
 * parseAmount of a plain decimal ("12345.67", "-8", "0.125") written as ASCII bytes, read
 * without making a string (a million-row export has a million amounts); undefined for
 * anything else, which goes through parseAmount. Rounds to cents like toCents: half away
 * from zero on the third decimal.
 */
export function plainAmountFromBytes(bytes: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const negative = i < end && bytes[i] === 45;
  if (negative) i++;
  let cents = 0;
  const intStart = i;
  for (; i < end; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) break;
    cents = cents * 10 + d;
  }
  if (i === intStart || i - intStart > PLAIN_BYTES_DIGITS) return undefined;
  cents *= 100;
  if (i < end) {
    if (bytes[i] !== 46 || i + 1 === end) return undefined;
    i++;
    for (let place = 0; i < end; i++, place++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) return undefined;
      if (place === 0) cents += d * 10;
      else if (place === 1) cents += d;
      else if (place === 2 && d >= 5) cents += 1;
    }
  }
  return negative && cents !== 0 ? -cents / 100 : cents / 100;
}

const QUANTITY_UNITS = /(台|辆|輛|件|套|个|個|只|部|次|小时|小時|h|hrs?|hours?|pcs|units?|分)$/i;

/** A plain number (scores, hours, ratings); units like 台 or 小时 after it are allowed. */
export function parseNumber(value: Cell): NormalizeResult<number | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'boolean') return fail(value, 'number.unparseable', 'not a number');
  if (typeof value === 'number') return Number.isFinite(value) ? { ok: true, value } : fail(value, 'number.unparseable', 'not a number');
  if (SIMPLE.test(value)) return { ok: true, value: Number(value) };
  const dec = parseDecimal(toHalfWidth(value).trim().replace(QUANTITY_UNITS, ''), false);
  if (dec === 'none') return { ok: true, value: null };
  if (dec === undefined) return fail(value, 'number.unparseable', 'not a number');
  const n = Number(`${dec.negative ? '-' : ''}${dec.digits}e${dec.exponent}`);
  return { ok: true, value: n === 0 ? 0 : n };
}

/** A non-negative count (quantity, units ordered). */
export function parseQuantity(value: Cell): NormalizeResult<number | null> {
  const result = parseNumber(value);
  if (result.ok && result.value !== null && result.value < 0) return fail(value, 'quantity.negative', 'negative quantity');
  return result;
}

/** A whole number. */
export function parseInteger(value: Cell): NormalizeResult<number | null> {
  const result = parseNumber(value);
  if (result.ok && result.value !== null && !Number.isInteger(result.value)) return fail(value, 'integer.fraction', 'not a whole number');
  return result;
}
