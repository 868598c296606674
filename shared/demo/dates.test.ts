import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, civil, dayOf, daysInMonth, monthsBetween, toDay, toIso, weekday, yearOf } from './dates.ts';

describe('day numbers', () => {
  it('agree with Date for every day in four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const date = new Date(day * 86_400_000);
        expect(civil(day)).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
        expect(weekday(day)).toBe(date.getUTCDay());
        if (date.getUTCFullYear() >= 1000) {
          expect(toIso(day)).toBe(date.toISOString().slice(0, 10));
          expect(toDay(toIso(day))).toBe(day);
        }
      }),
    );
  });

  it('reads ISO dates and rejects others', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toIso(toDay('2024-02-29'))).toBe('2024-02-29');
    expect(() => toDay('2023-02-29')).toThrow();
    expect(() => toDay('2023/02/01')).toThrow();
    expect(yearOf(toDay('2026-10-31'))).toBe(2026);
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('adds months clamped to the end of the month', () => {
    expect(toIso(addMonths(toDay('2024-01-31'), 1))).toBe('2024-02-29');
    expect(toIso(addMonths(toDay('2023-11-30'), 3))).toBe('2024-02-29');
    expect(toIso(addMonths(toDay('2019-05-15'), 12))).toBe('2020-05-15');
    expect(toIso(addMonths(toDay('2020-03-31'), -1))).toBe('2020-02-29');
  });

  it('lists the months between two days inclusively', () => {
    expect(monthsBetween(dayOf(2019, 11, 20), dayOf(2020, 2, 1))).toEqual([
      [2019, 11],
      [2019, 12],
      [2020, 1],
      [2020, 2],
    ]);
    expect(monthsBetween(dayOf(2020, 2, 1), dayOf(2019, 2, 1))).toEqual([]);
  });
});
