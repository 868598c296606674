// Pure calendar arithmetic: these pass under any TZ, and CI runs them again with
// TZ=Asia/Shanghai to prove it (the variable must be set before Node starts).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, daysFromCivil, excelSerialToIso, inferDateOrder, isoToExcelSerial, parseDate } from './dates.ts';
import type { Cell, DateOrder } from './types.ts';

function ok(value: Cell, order: DateOrder = 'ymd', date1904 = false): string | null {
  const r = parseDate(value, order, date1904);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('parseDate', () => {
  it.each([
    ['2023-03-13', '2023-03-13'],
    ['2023/3/13', '2023-03-13'],
    ['2023-3-13 8:05', '2023-03-13'],
    ['2023-03-13T08:05:00', '2023-03-13'],
    ['2019-01-01T00:00:00.000Z', '2019-01-01'],
    ['2023年3月13日', '2023-03-13'],
    ['2023年03月13日 星期一', '2023-03-13'],
    ['２０２３年３月１３日', '2023-03-13'],
    ['2023.3.13', '2023-03-13'],
    ['20230313', '2023-03-13'],
    ['13-Mar-2023', '2023-03-13'],
    ['Mar 13, 2023', '2023-03-13'],
    [' 2023-03-13 ', '2023-03-13'],
  ])('%j → %s', (input, expected) => {
    expect(ok(input)).toBe(expected);
  });

  it('day-first and month-first by the column order', () => {
    expect(ok('13.03.2023', 'dmy')).toBe('2023-03-13');
    expect(ok('03.04.2023', 'dmy')).toBe('2023-04-03');
    expect(ok('03/04/2023', 'mdy')).toBe('2023-03-04');
    expect(ok('03/04/2023', 'dmy')).toBe('2023-04-03');
    expect(ok('3/13/23', 'mdy')).toBe('2023-03-13');
    expect(ok('13/3/99', 'dmy')).toBe('1999-03-13');
  });

  it('numbers: yyyymmdd and Excel serials', () => {
    expect(ok(20230313)).toBe('2023-03-13');
    expect(ok(45000)).toBe('2023-03-15');
    expect(ok(45000.75)).toBe('2023-03-15'); // the time of day is dropped, never rounded up
    expect(ok(43538, 'ymd', true)).toBe('2023-03-15');
    expect(ok('45000')).toBe('2023-03-15'); // a serial exported as text
  });

  it('blanks are null, not errors', () => {
    expect(ok(null)).toBeNull();
    expect(ok('')).toBeNull();
    expect(ok('  ')).toBeNull();
    expect(ok('-')).toBeNull();
  });

  it.each([
    ['2023-02-30', 'date.impossible'],
    ['2023-13-45', 'date.impossible'],
    ['2021-02-29', 'date.impossible'],
    ['31/04/2023', 'date.impossible'],
    ['下周三', 'date.unparseable'],
    ['2023-03', 'date.unparseable'],
    ['12abc', 'date.unparseable'],
  ])('rejects %j (%s)', (input, code) => {
    const r = parseDate(input, 'dmy', false);
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.reason).toContain(input);
  });

  it('accepts 29 February in leap years only', () => {
    expect(ok('2024-02-29')).toBe('2024-02-29');
    expect(ok('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('1900-02-29', 'ymd', false).ok).toBe(false);
  });
});

describe('Excel serials', () => {
  it('1900 system with the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1, false)).toBe('1900-01-01');
    expect(excelSerialToIso(59, false)).toBe('1900-02-28');
    expect(excelSerialToIso(60, false)).toBeNull(); // Excel's phantom 1900-02-29
    expect(excelSerialToIso(61, false)).toBe('1900-03-01');
    expect(excelSerialToIso(45000, false)).toBe('2023-03-15');
    expect(excelSerialToIso(2958465, false)).toBe('9999-12-31');
    expect(excelSerialToIso(0, false)).toBeNull();
    expect(parseDate(60, 'ymd', false)).toMatchObject({ ok: false, code: 'date.excel-phantom' });
  });

  it('1904 system', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(43538, true)).toBe('2023-03-15');
    expect(excelSerialToIso(-1, true)).toBeNull();
    expect(excelSerialToIso(60, true)).toBe('1904-03-01');
  });

  it('isoToExcelSerial is the inverse in both systems', () => {
    expect(isoToExcelSerial('2023-03-15', false)).toBe(45000);
    expect(isoToExcelSerial('2023-03-15', true)).toBe(43538);
    expect(isoToExcelSerial('1900-02-28', false)).toBe(59);
    expect(isoToExcelSerial('1900-03-01', false)).toBe(61);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), fc.boolean(), (serial, date1904) => {
        fc.pre(date1904 || serial !== 60);
        const iso = excelSerialToIso(serial, date1904);
        if (iso === null) return date1904 && serial > 2958465 - 1462;
        return isoToExcelSerial(iso, date1904) === serial;
      }),
    );
  });

  it('civil day counts agree with UTC arithmetic (not local time)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (days) => {
        const [y, m, d] = civilFromDays(days);
        expect(daysFromCivil(y, m, d)).toBe(days);
        if (y >= 1 && y <= 9999) expect(new Date(days * 86_400_000).toISOString().slice(0, 10)).toBe(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
      }),
    );
  });

  it('documents the running time zone (the same results are expected under any TZ)', () => {
    expect(typeof Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('string');
    expect(ok(45000)).toBe('2023-03-15');
    expect(ok(1, 'ymd', false)).toBe('1900-01-01');
  });
});

describe('inferDateOrder', () => {
  it('a first part above 12 proves day-first', () => {
    expect(inferDateOrder(['01/02/2023', '13/02/2023', null, 45000])).toBe('dmy');
  });
  it('a second part above 12 proves month-first', () => {
    expect(inferDateOrder(['01/02/2023', '02/13/2023'])).toBe('mdy');
  });
  it('dotted dates default to day-first, slashed to month-first', () => {
    expect(inferDateOrder(['01.02.2023', '03.04.2023'])).toBe('dmy');
    expect(inferDateOrder(['01/02/2023', '03/04/2023'])).toBe('mdy');
  });
  it('year-first columns are ymd', () => {
    expect(inferDateOrder(['2023/3/13', '2023-03-14', 45000, null])).toBe('ymd');
    expect(inferDateOrder([])).toBe('ymd');
  });
  it('the column decides, not the cell: 03/04 reads alike in every row', () => {
    const column = ['03/04/2023', '25/12/2023'];
    const order = inferDateOrder(column);
    expect(column.map((v) => ok(v, order))).toEqual(['2023-04-03', '2023-12-25']);
  });
});
