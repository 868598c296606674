/**
 * Calendar arithmetic on ISO dates as epoch day numbers (days since 1970-01-01), with pure
 * integer math (Howard Hinnant's civil-date algorithms): no Date objects, so no time zone can
 * shift a day.
 */
import { civilFromDays as civil, daysFromCivil } from '../dates/civil-days.ts';

/** Epoch day of an ISO 'YYYY-MM-DD' (a longer string is cut to its date part); NaN when invalid (2023-02-29 too). */
export function toDay(iso: string | null | undefined): number {
  if (iso === null || iso === undefined || iso.length < 10) return Number.NaN;
  const y = parseDigits(iso, 0, 4);
  const m = parseDigits(iso, 5, 7);
  const d = parseDigits(iso, 8, 10);
  if (Number.isNaN(y) || Number.isNaN(m) || Number.isNaN(d) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  return daysFromCivil(y, m, d);
}

function parseDigits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    v = v * 10 + c;
  }
  return v;
}

export { daysFromCivil };

/** Year, month and day of an epoch day. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const [y, m, d] = civil(z);
  return { y, m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** ISO date of an epoch day; null for NaN. */
export function toIso(day: number): string | null {
  if (!Number.isFinite(day)) return null;
  const { y, m, d } = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * The day `months` calendar months before/after `day` (negative = earlier), clamping the day of
 * month (03-31 minus 1 month = 02-28/29), as a "12 months before" window start expects.
 */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** b − a in days (ISO strings). */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

/** 'YYYY-MM' of an ISO date (for monthly grouping). */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}
