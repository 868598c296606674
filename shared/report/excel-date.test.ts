import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excelSerialFromIsoDate, isoDateFromExcelSerial } from './excel-date.ts';

describe('excelSerialFromIsoDate', () => {
  it('matches the serials Excel shows', () => {
    expect(excelSerialFromIsoDate('1900-01-01')).toBe(1);
    expect(excelSerialFromIsoDate('1900-02-28')).toBe(59);
    expect(excelSerialFromIsoDate('1900-03-01')).toBe(61);
    expect(excelSerialFromIsoDate('1970-01-01')).toBe(25569);
    expect(excelSerialFromIsoDate('2000-02-29')).toBe(36585);
    expect(excelSerialFromIsoDate('2024-03-15')).toBe(45366);
    expect(excelSerialFromIsoDate('9999-12-31')).toBe(2958465);
  });

  it('refuses what is not a real date in range', () => {
    for (const bad of ['1899-12-31', '2023-02-29', '2024-13-01', '2024-04-31', '2024-3-5', '2024-03-15T10:00', '']) {
      expect(excelSerialFromIsoDate(bad)).toBeNull();
    }
  });

  it('reads serials back, skipping the fictitious 1900-02-29', () => {
    expect(isoDateFromExcelSerial(1)).toBe('1900-01-01');
    expect(isoDateFromExcelSerial(59)).toBe('1900-02-28');
    expect(isoDateFromExcelSerial(60)).toBeNull();
    expect(isoDateFromExcelSerial(61)).toBe('1900-03-01');
    expect(isoDateFromExcelSerial(45366.75)).toBe('2024-03-15');
    expect(isoDateFromExcelSerial(0)).toBeNull();
  });

  it('agrees with UTC calendar arithmetic and round-trips every date', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 2, 1) / day, max: Date.UTC(9999, 11, 31) / day }), (days) => {
        const iso = new Date(days * day).toISOString().slice(0, 10);
        const serial = excelSerialFromIsoDate(iso);
        expect(serial).toBe(days + 25569);
        expect(isoDateFromExcelSerial(serial!)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });
});
