import { describe, expect, it } from 'vitest';
import { buildRevenueChartOption, revenueTooltipHtml } from './revenue-chart-option.ts';
import type { MonthlyRevenue } from '../../../shared/overview/overview.ts';

const data: MonthlyRevenue = {
  months: ['2024-01', '2024-02'],
  series: [
    { productLine: '挖掘机', values: [2_000_000, 0] },
    { productLine: '<img src=x onerror=alert(1)>', values: [15_000, 30_000] },
  ],
};

describe('revenue tooltip', () => {
  it('escapes product line names', () => {
    const html = revenueTooltipHtml(data, 0, 'en', { total: 'Total' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('lists lines with revenue that month, biggest first, and the total', () => {
    const html = revenueTooltipHtml(data, 0, 'zh-CN', { total: '合计' });
    expect(html).toContain('2024年1月');
    expect(html.indexOf('挖掘机')).toBeLessThan(html.indexOf('&lt;img'));
    expect(html).toContain('201.50万元');
    const feb = revenueTooltipHtml(data, 1, 'en', { total: 'Total' });
    expect(feb).not.toContain('挖掘机');
    expect(feb).toContain('chart-swatch-1');
  });

  it('uses no inline styles (the CSP forbids them)', () => {
    expect(revenueTooltipHtml(data, 0, 'en', { total: 'Total' })).not.toContain('style=');
  });

  it('is empty outside the months', () => {
    expect(revenueTooltipHtml(data, 5, 'en', { total: 'Total' })).toBe('');
  });
});

describe('buildRevenueChartOption', () => {
  it('stacks one bar series per product line', () => {
    const option = buildRevenueChartOption(data, 'en', { total: 'Total' });
    const series = option.series as { stack: string; name: string }[];
    expect(series.map((s) => s.name)).toEqual(['挖掘机', '<img src=x onerror=alert(1)>']);
    expect(new Set(series.map((s) => s.stack)).size).toBe(1);
    expect(option.dataZoom).toEqual([]);
  });

  it('adds a zoom slider for long histories', () => {
    const months = Array.from({ length: 36 }, (_, i) => `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const option = buildRevenueChartOption({ months, series: [{ productLine: 'A', values: months.map(() => 1) }] }, 'en', { total: 'Total' });
    expect(option.dataZoom).toHaveLength(2);
  });
});
