/**
 * Calendar arithmetic and Excel serial numbers, in integers only: no JS Date, so nothing
 * moves by the 43 seconds or the day that historical Asia/Shanghai offsets introduce when
 * a serial goes through local time.
 */
import { civilFromDays, daysFromCivil } from '../dates/civil-days.ts';

export { civilFromDays, daysFromCivil };

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (MONTH_DAYS[m - 1] ?? 0);
}

/** YYYY-MM-DD of a civil date. */
export function ymdToIso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const EPOCH_1900 = daysFromCivil(1899, 12, 30); // serial 61 and later count from here
const EPOCH_1904 = daysFromCivil(1904, 1, 1);
const MAX_SERIAL = 2958465; // 9999-12-31 in the 1900 system

/**
 * ISO date of an Excel serial (the time of day is dropped). In the 1900 system Excel counts
 * the non-existent 1900-02-29 as serial 60, so serials 1..59 are one day later than a plain
 * count and 60 itself is no date: null.
 */
export function excelSerialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL - 1462) return null;
    return ymdToIso(...civilFromDays(EPOCH_1904 + whole));
  }
  if (whole < 1 || whole > MAX_SERIAL || whole === 60) return null;
  return ymdToIso(...civilFromDays(EPOCH_1900 + (whole < 60 ? whole + 1 : whole)));
}

/** The Excel serial of an ISO date (inverse of excelSerialToIso). */
export function isoToExcelSerial(isoDate: string, date1904: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not an ISO date: ${isoDate}`);
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  if (date1904) return days - EPOCH_1904;
  const serial = days - EPOCH_1900;
  return serial <= 60 ? serial - 1 : serial;
}
