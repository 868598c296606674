import type { IsoDate } from '../schema/records.ts';
import { civilFromDays } from '../dates/civil-days.ts';

/**
 * The generator counts in whole UTC days so date arithmetic is integer arithmetic and nothing
 * depends on the machine's time zone; records get ISO strings only at the end.
 */
export type Day = number;

const DAY_MS = 86_400_000;

export function toDay(iso: IsoDate): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  const [, y, m, d] = match;
  const day = Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS;
  if (toIso(day) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return day;
}

/**
 * Year, month (1..12) and day of a day number: Howard Hinnant's civil_from_days. Plain
 * arithmetic, because Date.prototype.toISOString dominated the generator's run time.
 */
export function civil(day: Day): [year: number, month: number, date: number] {
  return civilFromDays(day);
}

const isoCache = new Map<Day, IsoDate>();

export function toIso(day: Day): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    const [y, m, d] = civil(day);
    iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    isoCache.set(day, iso);
  }
  return iso;
}

export function dayOf(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

export function yearOf(day: Day): number {
  return civil(day)[0];
}

/** 1..12 */
export function monthOf(day: Day): number {
  return civil(day)[1];
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Same day of month `count` months later, clamped to the month's end (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: Day, count: number): Day {
  const [y, m, d] = civil(day);
  const total = y * 12 + (m - 1) + count;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return dayOf(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Calendar months from the month of `from` to the month of `to`, as [year, month] pairs. */
export function monthsBetween(from: Day, to: Day): [year: number, month: number][] {
  const months: [number, number][] = [];
  let year = yearOf(from);
  let month = monthOf(from);
  const lastYear = yearOf(to);
  const lastMonth = monthOf(to);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push([year, month]);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export function clampDay(day: Day, min: Day, max: Day): Day {
  return Math.min(max, Math.max(min, day));
}
