import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, daysBetween, toDay, toIso } from './days.ts';

describe('days', () => {
  it('converts ISO dates to epoch days and back', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('2024-03-01') - toDay('2024-02-28')).toBe(2);
    expect(toDay('2023-03-01') - toDay('2023-02-28')).toBe(1);
    expect(toIso(toDay('2000-02-29'))).toBe('2000-02-29');
    expect(toDay('2024-13-01')).toBeNaN();
    expect(toDay('2023-02-29')).toBeNaN();
    expect(toDay('2024-02-29')).toBe(toDay('2024-02-28') + 1);
    expect(toDay(null)).toBeNaN();
    expect(toDay('2024-05-06T10:00:00')).toBe(toDay('2024-05-06'));
    expect(daysBetween('2023-06-01', '2024-06-01')).toBe(366);
  });

  it('round-trips every day between 1900 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDay('1900-01-01'), max: toDay('2200-12-31') }), (d) => toDay(toIso(d)) === d),
    );
  });

  it('adds calendar months, clamping the day of month', () => {
    expect(toIso(addMonths(toDay('2024-03-31'), -1))).toBe('2024-02-29');
    expect(toIso(addMonths(toDay('2024-12-31'), -12))).toBe('2023-12-31');
    expect(toIso(addMonths(toDay('2024-01-15'), -13))).toBe('2022-12-15');
    expect(toIso(addMonths(toDay('2023-10-31'), 4))).toBe('2024-02-29');
  });
});
