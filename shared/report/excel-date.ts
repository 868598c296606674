/**
 * Excel date serials for the report writer (1900 date system). The arithmetic is the import's
 * (shared/import/excel-serials.ts: integers only, no Date object, so no time zone can move a
 * date by a day; Lotus 1-2-3's fictitious 1900-02-29 is serial 60); this module only adds the
 * checks a writer needs, so a value that is not a real date stays text.
 */
import { excelSerialToIso, isoToExcelSerial, isValidDate } from '../import/excel-serials.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2024-03-15" → 45366; null for anything that is not a real date in 1900-01-01 … 9999-12-31. */
export function excelSerialFromIsoDate(iso: string): number | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || !isValidDate(year, Number(match[2]), Number(match[3]))) return null;
  return isoToExcelSerial(iso, false);
}

/** 45366 → "2024-03-15"; the time of day is ignored; null for 60 (1900-02-29) and out-of-range serials. */
export function isoDateFromExcelSerial(serial: number): string | null {
  return excelSerialToIso(serial, false);
}
