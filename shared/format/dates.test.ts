import { describe, expect, it } from 'vitest';
import { formatDateRange, formatIsoDate, formatMonth, monthSpan } from './dates.ts';

describe('dates', () => {
  it('formats ISO dates per language', () => {
    expect(formatIsoDate('2023-03-13', 'zh-CN')).toBe('2023年3月13日');
    expect(formatIsoDate('2023-03-13', 'en')).toBe('13 Mar 2023');
    expect(formatIsoDate('not a date', 'en')).toBe('not a date');
  });

  it('formats months per language', () => {
    expect(formatMonth('2024-12', 'zh-CN')).toBe('2024年12月');
    expect(formatMonth('2024-01', 'en')).toBe('Jan 2024');
    expect(formatMonth('2024-13', 'en')).toBe('2024-13');
  });

  it('formats ranges, collapsing equal ends', () => {
    expect(formatDateRange({ from: '2021-01-05', to: '2024-12-28' }, 'zh-CN')).toBe('2021年1月5日 至 2024年12月28日');
    expect(formatDateRange({ from: '2021-01-05', to: '2024-12-28' }, 'en')).toBe('5 Jan 2021 – 28 Dec 2024');
    expect(formatDateRange({ from: '2021-01-05', to: '2021-01-05' }, 'en')).toBe('5 Jan 2021');
  });

  it('counts calendar months inclusively', () => {
    expect(monthSpan({ from: '2023-01-31', to: '2023-02-01' })).toBe(2);
    expect(monthSpan({ from: '2021-01-05', to: '2024-12-28' })).toBe(48);
    expect(monthSpan({ from: '2021-01-05', to: '2021-01-05' })).toBe(1);
  });
});
