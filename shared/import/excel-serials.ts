/**
 * Calendar arithmetic and Excel serial numbers, in integers only: no JS Date, so nothing
 * moves by the 43 seconds or the day that historical Asia/Shanghai offsets introduce when
 * a serial goes through local time.
 */
/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count since 1970-01-01. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

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
