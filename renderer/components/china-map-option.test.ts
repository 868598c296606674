import { describe, expect, it } from 'vitest';
import { buildChinaMapOption, mapData, mapTooltipHtml, valueExtent } from './china-map-option.ts';
import { pngFileName } from './chart-export.ts';
import { matchRegionNames } from '../../shared/regions/map-names.ts';

const labels = { metric: '营收 <b>', noValue: '无数据', from: '来自 {names}' };
const fmt = (v: number): string => `${v}元`;

describe('mapData', () => {
  it('combines raw spellings of one province into one datum and keeps the raw names', () => {
    const { matched, unmatched } = matchRegionNames<number | null>(
      [
        { name: '江苏省', value: 5 },
        { name: 'Jiangsu', value: 3 },
        { name: '浙江', value: null },
        { name: '火星', value: 1 },
      ],
      { level: 'country' },
    );
    expect(mapData(matched)).toEqual([
      { name: '江苏', value: 8, rawNames: ['江苏省', 'Jiangsu'] },
      { name: '浙江', value: null, rawNames: ['浙江'] },
    ]);
    expect(mapData(matched, Math.max)[0]?.value).toBe(5);
    expect(unmatched.map((u) => u.rawName)).toEqual(['火星']);
  });

  it('gives the legend a usable range for empty and flat data', () => {
    expect(valueExtent([])).toEqual([0, 1]);
    expect(valueExtent([{ name: 'a', value: 0, rawNames: [] }])).toEqual([0, 1]);
    expect(valueExtent([{ name: 'a', value: 5, rawNames: [] }, { name: 'b', value: 9, rawNames: [] }])).toEqual([0, 9]);
    expect(valueExtent([{ name: 'a', value: -5, rawNames: [] }, { name: 'b', value: null, rawNames: [] }])).toEqual([-5, 0]);
  });
});

describe('map tooltip', () => {
  it('escapes the feature name, the metric label and imported raw names', () => {
    const html = mapTooltipHtml({ name: '江苏', value: 8, rawNames: ['<img src=x onerror=alert(1)>'] }, '江苏', labels, fmt);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('营收 &lt;b&gt;');
    expect(html).toContain('8元');
    expect(html).not.toMatch(/style=/);
  });

  it('says "no data" for features without a value', () => {
    expect(mapTooltipHtml(undefined, '台湾', labels, fmt)).toContain('无数据');
  });

  it('the option uses the registered map, a calculable visualMap and the escaping formatter', () => {
    const data = [{ name: '江苏', value: 8, rawNames: ['<script>'] }];
    const option = buildChinaMapOption({ mapName: 'china', data, labels, format: fmt });
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    expect(series).toMatchObject({ type: 'map', map: 'china' });
    const visualMap = Array.isArray(option.visualMap) ? option.visualMap[0] : option.visualMap;
    expect(visualMap).toMatchObject({ type: 'continuous', calculable: true, min: 0, max: 8 });
    const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
    const formatter = tooltip?.formatter;
    expect(typeof formatter).toBe('function');
    if (typeof formatter === 'function') {
      const html = (formatter as (p: unknown) => string)({ name: '江苏' });
      expect(html).toContain('&lt;script&gt;');
      expect(html).not.toContain('<script>');
    }
  });
});

describe('pngFileName', () => {
  it('keeps Chinese titles, drops path characters and dates the file', () => {
    expect(pngFileName('各省 营收/12个月', new Date('2026-11-26T00:00:00Z'))).toBe('各省-营收-12个月-2026-11-26.png');
    expect(pngFileName('///', new Date('2026-11-26T00:00:00Z'))).toBe('chart-2026-11-26.png');
  });
});
