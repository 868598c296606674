import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sanitizeSheetName, sanitizeSheetNames, SHEET_NAME_MAX_LENGTH } from './sheet-name.ts';

const none = new Set<string>();

describe('sanitizeSheetName', () => {
  it('replaces forbidden characters and trims apostrophes', () => {
    expect(sanitizeSheetName('Lifecycle / churn', none)).toBe('Lifecycle - churn');
    expect(sanitizeSheetName('a[b]:c*d?e\\f', none)).toBe('a(b)-c-d-e-f');
    expect(sanitizeSheetName("'Customers'", none)).toBe('Customers');
    expect(sanitizeSheetName("  ''  ", none)).toBe('Sheet');
    expect(sanitizeSheetName('', none, '工作表')).toBe('工作表');
  });

  it('cuts at 31 UTF-16 code units without splitting a surrogate pair', () => {
    const cjk = '华东大区客户画像月报分省份城市客户数量收入与回款情况汇总表格及说明';
    const cut = sanitizeSheetName(cjk, none);
    expect(cut).toBe(cjk.slice(0, 31));
    expect(cut.length).toBe(31);
    const emoji = `${'客'.repeat(30)}😀`; // the pair would straddle 31
    expect(sanitizeSheetName(emoji, none)).toBe('客'.repeat(30));
    expect(sanitizeSheetName('𠀀'.repeat(20), none)).toBe('𠀀'.repeat(15));
  });

  it('makes duplicates unique ignoring case, within the limit', () => {
    expect(sanitizeSheetName('Customers', new Set(['customers']))).toBe('Customers (2)');
    expect(sanitizeSheetName('Customers', new Set(['Customers', 'Customers (2)']))).toBe('Customers (3)');
    const long = '客'.repeat(31);
    const second = sanitizeSheetName(long, new Set([long]));
    expect(second).toBe(`${'客'.repeat(27)} (2)`);
    expect(second.length).toBe(31);
    expect(sanitizeSheetNames(['细分', '细分', '细分'])).toEqual(['细分', '细分 (2)', '细分 (3)']);
  });

  it('avoids the reserved name History', () => {
    expect(sanitizeSheetName('History', none)).toBe('History (2)');
    expect(sanitizeSheetName('HISTORY', none)).toBe('HISTORY (2)');
  });

  it('always gives a valid, unique name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 8 }), (names) => {
        const safe = sanitizeSheetNames(names);
        const keys = new Set(safe.map((n) => n.toLowerCase()));
        expect(keys.size).toBe(safe.length);
        for (const name of safe) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX_LENGTH);
          expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
          expect(name.toLowerCase()).not.toBe('history');
          expect(() => encodeURIComponent(name)).not.toThrow(); // no lone surrogate
        }
      }),
    );
  });
});
