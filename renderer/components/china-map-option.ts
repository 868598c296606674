/**
 * The ECharts option of the China map: a map series over a registered GeoJSON, a continuous
 * visualMap (legend and draggable data-range control), labels, and a tooltip whose HTML escapes
 * every name (ECharts puts formatter output into innerHTML; raw names come from imports). Pure,
 * so the escaping and the data shaping are unit-tested.
 */
import type { ComposeOption } from 'echarts/core';
import type { MapSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { escapeHtml } from '../../shared/format/escape-html.ts';
import type { MatchedRegion } from '../../shared/regions/map-names.ts';
import { CHART_FONT, CHOROPLETH_COLORS } from './chart-theme.ts';

export type ChinaMapOption = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

export interface MapDatum {
  /** Feature name on the map. */
  name: string;
  value: number | null;
  /** The raw names (as imported) that landed on this feature. */
  rawNames: string[];
}

export interface ChinaMapLabels {
  metric: string;
  noValue: string;
  /** "matched from" line, shown when the raw names differ from the feature name; {names}. */
  from?: string;
}

/**
 * One datum per feature: values of raw names that matched the same feature are combined
 * (default: summed; pass another `combine` for rates). Null values stay null unless combined
 * with a number.
 */
export function mapData(
  matched: readonly MatchedRegion<number | null>[],
  combine: (a: number, b: number) => number = (a, b) => a + b,
): MapDatum[] {
  const byFeature = new Map<string, MapDatum>();
  for (const m of matched) {
    const current = byFeature.get(m.featureName);
    if (current === undefined) {
      byFeature.set(m.featureName, { name: m.featureName, value: m.value, rawNames: [m.rawName] });
      continue;
    }
    current.rawNames.push(m.rawName);
    if (m.value !== null) current.value = current.value === null ? m.value : combine(current.value, m.value);
  }
  return [...byFeature.values()];
}

/** Bounds of the data for the visualMap; a flat or empty range still gets a usable scale. */
export function valueExtent(data: readonly MapDatum[]): [number, number] {
  const values = data.flatMap((d) => (d.value === null || !Number.isFinite(d.value) ? [] : [d.value]));
  if (values.length === 0) return [0, 1];
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  return min === max ? [min, min + 1] : [min, max];
}

export function mapTooltipHtml(datum: MapDatum | undefined, featureName: string, labels: ChinaMapLabels, format: (v: number) => string): string {
  const value = datum?.value;
  const shown = value === null || value === undefined ? labels.noValue : format(value);
  const lines = [
    `<div class="cmap-tip-title">${escapeHtml(featureName)}</div>`,
    `<div class="cmap-tip-row"><span class="cmap-tip-label">${escapeHtml(labels.metric)}</span><span class="cmap-tip-value">${escapeHtml(shown)}</span></div>`,
  ];
  const others = (datum?.rawNames ?? []).filter((n) => n !== featureName);
  if (others.length > 0 && labels.from !== undefined) {
    const names = others.slice(0, 5).join('、') + (others.length > 5 ? '…' : '');
    lines.push(`<div class="cmap-tip-note">${escapeHtml(labels.from.replace('{names}', names))}</div>`);
  }
  return `<div class="cmap-tip">${lines.join('')}</div>`;
}

export interface ChinaMapOptionInput {
  mapName: string;
  data: readonly MapDatum[];
  labels: ChinaMapLabels;
  format: (v: number) => string;
  /** Short labels for the visualMap ends (axis style: 1.2万). */
  formatShort?: (v: number) => string;
  /**
   * 'all': every feature's name (the country map); 'withData': only features with a value (a
   * province map, where county-level features without data would crowd the labels — Hainan).
   */
  labelMode?: 'all' | 'withData';
  /** Let the user zoom and pan (province maps: Hainan's islands span a large sea area). */
  roam?: boolean;
  /** Fixed range (the user's data range); default: the data's extent. */
  range?: [number, number];
}

export function buildChinaMapOption(input: ChinaMapOptionInput): ChinaMapOption {
  const [min, max] = input.range ?? valueExtent(input.data);
  const byName = new Map(input.data.map((d) => [d.name, d]));
  const short = input.formatShort ?? input.format;
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT },
    tooltip: {
      trigger: 'item',
      confine: true,
      className: 'cmap-tooltip',
      formatter: (params: unknown) => {
        const name = typeof params === 'object' && params !== null && 'name' in params ? String((params as { name: unknown }).name) : '';
        return mapTooltipHtml(byName.get(name), name, input.labels, input.format);
      },
    },
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: true,
      realtime: true,
      left: 12,
      bottom: 12,
      itemWidth: 14,
      itemHeight: 120,
      textStyle: { color: '#4a5366', fontFamily: CHART_FONT, fontSize: 12 },
      formatter: (value: unknown) => (typeof value === 'number' ? short(value) : String(value)),
      inRange: { color: [...CHOROPLETH_COLORS] },
      outOfRange: { color: ['#e9ecf2'] },
    },
    series: [
      {
        type: 'map',
        map: input.mapName,
        roam: input.roam === true,
        scaleLimit: { min: 1, max: 12 },
        layoutCenter: ['50%', '52%'],
        layoutSize: '96%',
        selectedMode: false,
        label: { show: (input.labelMode ?? 'all') === 'all', fontSize: 11, color: '#1f2633', fontFamily: CHART_FONT },
        itemStyle: { areaColor: '#eef1f6', borderColor: '#9aa5b8', borderWidth: 0.6 },
        emphasis: {
          label: { show: true, color: '#111827', fontWeight: 'bold' },
          itemStyle: { areaColor: '#ffd666', borderColor: '#4a5366', borderWidth: 1 },
        },
        data: input.data.map((d) => ({
          name: d.name,
          value: d.value === null ? Number.NaN : d.value,
          ...(input.labelMode === 'withData' && d.value !== null ? { label: { show: true } } : {}),
        })),
      },
    ],
  };
}
