import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount, formatYuan } from './numbers.ts';

describe('formatCount', () => {
  it('groups thousands in both languages', () => {
    expect(formatCount(0, 'zh-CN')).toBe('0');
    expect(formatCount(1234, 'zh-CN')).toBe('1,234');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
  });

  it('shows a dash for non-finite values', () => {
    expect(formatCount(Number.NaN, 'en')).toBe('–');
  });
});

describe('formatYuan in Chinese', () => {
  it('uses 元 below 10,000', () => {
    expect(formatYuan(0, 'zh-CN')).toBe('0元');
    expect(formatYuan(980, 'zh-CN')).toBe('980元');
    expect(formatYuan(9999, 'zh-CN')).toBe('9,999元');
  });

  it('uses 万 and 亿 with two decimals', () => {
    expect(formatYuan(12_345, 'zh-CN')).toBe('1.23万元');
    expect(formatYuan(34_567_800, 'zh-CN')).toBe('3,456.78万元');
    expect(formatYuan(1_234_567_890, 'zh-CN')).toBe('12.35亿元');
    expect(formatYuan(123_456_789_012, 'zh-CN')).toBe('1,234.57亿元');
  });

  it('promotes a value that rounds up to the next unit', () => {
    expect(formatYuan(99_999_999, 'zh-CN')).toBe('1.00亿元');
    expect(formatYuan(9_999.6, 'zh-CN')).toBe('1.00万元');
  });

  it('keeps the sign of negative amounts', () => {
    expect(formatYuan(-12_000, 'zh-CN')).toBe('-1.20万元');
  });

  it('trims zeros for axis labels', () => {
    expect(formatYuan(150_000_000, 'zh-CN', { trimZeros: true })).toBe('1.5亿元');
    expect(formatYuan(50_000_000, 'zh-CN', { trimZeros: true })).toBe('5,000万元');
  });
});

describe('formatYuan in English', () => {
  it('uses ¥ with K, M and B', () => {
    expect(formatYuan(980, 'en')).toBe('¥980');
    expect(formatYuan(12_345, 'en')).toBe('¥12.35K');
    expect(formatYuan(12_345_678, 'en')).toBe('¥12.35M');
    expect(formatYuan(1_234_567_890, 'en')).toBe('¥1.23B');
    expect(formatYuan(-1_200, 'en')).toBe('-¥1.20K');
  });

  it('promotes 999,999.99 to ¥1.00M', () => {
    expect(formatYuan(999_999.99, 'en')).toBe('¥1.00M');
  });

  it('respects the digit option', () => {
    expect(formatYuan(1_500_000, 'en', { fractionDigits: 1, trimZeros: true })).toBe('¥1.5M');
    expect(formatYuan(2_000_000, 'en', { trimZeros: true })).toBe('¥2M');
  });
});

describe('formatYuan invariants', () => {
  it('never shows four digits before the decimal point with a unit that has a bigger neighbour', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e11, noNaN: true }), (value) => {
        const en = formatYuan(value, 'en');
        // K and M values stay below 1,000 once rounded (else they are promoted).
        if (/[KM]$/.test(en)) expect(Number(en.slice(1, -1).replace(/,/g, ''))).toBeLessThan(1000);
        const zh = formatYuan(value, 'zh-CN');
        if (zh.endsWith('万元')) expect(Number(zh.slice(0, -2).replace(/,/g, ''))).toBeLessThan(10_000);
      }),
    );
  });

  it('is symmetric around zero', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e11, noNaN: true }), (value) => {
        expect(formatYuan(-value, 'zh-CN')).toBe(`-${formatYuan(value, 'zh-CN')}`);
        expect(formatYuan(-value, 'en')).toBe(`-${formatYuan(value, 'en')}`);
      }),
    );
  });
});
