import { describe, expect, it } from 'vitest';
import type { GridCell, SegmentGrid, SegmentSummary } from '../../../shared/views/api.ts';
import { cellTooltipHtml, mapLabel, revenueTreemapOption, segmentGridOption, type GridLabels } from './segment-options.ts';

const evil = '<img src=x onerror=alert(1)>';
const cell: GridCell = { r: 5, y: 1, customers: 3, revenue: 100, share: 0.5, revenueShare: 0.25, avgRecencyDays: 10, avgFrequency: 1, avgMonetary: 33, segment: 'seg' };
const labels: GridLabels = {
  xName: 'R',
  yName: 'F',
  yShort: 'F',
  customers: 'Customers',
  revenue: 'Revenue',
  share: 'Share',
  revenueShare: 'Share of revenue',
  avgR: 'Avg R',
  avgF: 'Avg F',
  avgM: 'Avg M',
  segment: 'Segment',
  segmentName: () => evil,
  cell: (r, y) => `R=${r} F=${y}`,
  count: String,
  yuan: (n) => `¥${n}`,
  percent: (n) => `${Math.round(n * 100)}%`,
  number: String,
};

describe('segment chart options', () => {
  it('escape segment names in the grid tooltip', () => {
    const html = cellTooltipHtml(cell, labels);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('¥100');
  });

  it('draws one bubble series per main segment plus the name labels, sized within the cell', () => {
    const grid: SegmentGrid = {
      scheme: 'rfm8', yAxis: 'f', size: 'customers', bins: 5,
      cells: [cell, { ...cell, r: 1, customers: 6, segment: 'other' }],
      customers: 9, revenue: 200, unscored: 0,
      segments: [{ id: 'seg', nameZh: 'a', nameEn: 'a', color: '#123456' }],
    };
    const option = segmentGridOption(grid, labels) as { series: { name: string; data: unknown[]; symbolSize?: unknown }[] };
    expect(option.series.map((s) => s.name)).toEqual([evil, evil]);
    // Each segment's name is drawn once, on its biggest bubble.
    const labelled = option.series.map((s) => (s.data as { label?: { formatter?: string } }[]).filter((d) => d.label !== undefined).length);
    expect(labelled).toEqual([1, 1]);
    const size = option.series[0]!.symbolSize as (v: number[]) => number;
    expect(size([1, 1, 6])).toBeGreaterThan(size([1, 1, 3]));
  });

  it('lists the legend in the scheme’s segment order, whatever order the cells come in', () => {
    const segments = ['key-active', 'key-slipping', 'small-recent', 'rest'].map((id) => ({ id, nameZh: id, nameEn: id, color: null }));
    const grid: SegmentGrid = {
      scheme: 'key-accounts', yAxis: 'f', size: 'customers', bins: 5,
      // Cells arrive sorted by R: the catch-all (low R) first.
      cells: [{ ...cell, r: 1, segment: 'rest' }, { ...cell, r: 2, segment: 'key-slipping' }, { ...cell, r: 4, segment: 'small-recent' }, { ...cell, r: 5, segment: 'key-active' }],
      customers: 12, revenue: 400, unscored: 0,
      segments,
    };
    const option = segmentGridOption(grid, { ...labels, segmentName: (id) => `name:${id}` }) as { legend: { data: string[] } };
    expect(option.legend.data).toEqual(['name:key-active', 'name:key-slipping', 'name:small-recent', 'name:rest']);
  });

  it('shortens long segment names on the map only, counting Chinese characters double', () => {
    // Shipped names stay whole.
    for (const name of ['Important development', "Can't lose them", '重要价值客户', '即将沉睡']) expect(mapLabel(name)).toBe(name);
    expect(mapLabel('Class 2: recent high-value accounts to keep close')).toBe('Class 2: recent high-va…');
    expect(mapLabel('第2类：近期高价值重点维护客户')).toBe('第2类：近期高价值重点维…');
    const grid: SegmentGrid = {
      scheme: 'long', yAxis: 'f', size: 'customers', bins: 5, cells: [cell], customers: 3, revenue: 100, unscored: 0,
      segments: [{ id: 'seg', nameZh: 'x', nameEn: 'x', color: null }],
    };
    const long = 'East China key accounts to keep close this quarter';
    const option = segmentGridOption(grid, { ...labels, segmentName: () => long }) as { legend: { data: string[] }; series: { data: { label?: { formatter: string } }[] }[] };
    expect(option.series[0]!.data[0]!.label?.formatter).toBe(mapLabel(long));
    expect(option.legend.data).toEqual([long]);
  });

  it('the treemap tooltip escapes too', () => {
    const summary: SegmentSummary = {
      scheme: 'rfm8', customers: 3, revenue: 100,
      segments: [],
      rows: [{ segment: 'seg', customers: 3, share: 1, revenue: 100, revenueShare: 1, revenue12m: 0, avgRecencyDays: null, avgFrequency: null, avgMonetary: null, won: 0, lost: 0, winRate: null }],
    };
    const option = revenueTreemapOption(summary, { segmentName: () => evil, yuan: String, percent: String, revenue: 'Revenue', customers: 'Customers', count: String }) as {
      tooltip: { formatter: (p: unknown) => string };
      series: { data: unknown[] }[];
    };
    const html = option.tooltip.formatter({ data: option.series[0]!.data[0] });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
