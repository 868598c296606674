/**
 * Excel date serials (1900 date system) from ISO calendar dates and back, with integer
 * arithmetic only: no Date object, so no time zone can move a date by a day.
 *
 * Serial 1 is 1900-01-01. Excel keeps Lotus 1-2-3's fictitious 1900-02-29 as serial 60, so
 * from 1900-03-01 (serial 61) on a serial is the number of days since 1899-12-30.
 */

import { civilFromDays, daysFromCivil } from '../dates/civil-days.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days from 1970-01-01 back to 1899-12-30 (serial 0 in the modern range). */
const EPOCH_OFFSET = 25569;
const FIRST_MARCH_1900 = 61;
const MAX_SERIAL = 2958465; // 9999-12-31

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** "2024-03-15" → 45366; null for anything that is not a real date in 1900-01-01 … 9999-12-31. */
export function excelSerialFromIsoDate(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const serial = daysFromCivil(year, month, day) + EPOCH_OFFSET;
  // Before 1900-03-01 Excel counts one day less: its calendar has no gap for the fake leap day.
  return serial < FIRST_MARCH_1900 ? serial - 1 : serial;
}

/** 45366 → "2024-03-15"; the time of day is ignored; null for 60 (1900-02-29) and out-of-range serials. */
export function isoDateFromExcelSerial(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
  const days = whole < FIRST_MARCH_1900 ? whole + 1 - EPOCH_OFFSET : whole - EPOCH_OFFSET;
  const [year, month, day] = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
