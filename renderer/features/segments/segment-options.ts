/**
 * ECharts options of the Segments page, pure so their escaping and shaping are unit-tested:
 * the RFM grid (one bubble per score cell, sized by customers or revenue, coloured by its main
 * segment, each segment's name drawn on its biggest bubble) and the revenue treemap. Every
 * name goes through escapeHtml before it reaches tooltip HTML (segment names are editable).
 */
import { escapeHtml } from '../../../shared/format/escape-html.ts';
import { CHART_FONT, SERIES_COLORS } from '../../components/chart-theme.ts';
import type { EChartsCoreOption } from 'echarts/core';
import type { GridCell, SegmentGrid, SegmentInfo, SegmentSummary } from '../../../shared/views/api.ts';

export interface GridLabels {
  xName: string;
  yName: string;
  yShort: string;
  customers: string;
  revenue: string;
  share: string;
  revenueShare: string;
  avgR: string;
  avgF: string;
  avgM: string;
  segment: string;
  segmentName: (id: string | null) => string;
  cell: (r: number, y: number) => string;
  count: (n: number) => string;
  yuan: (n: number) => string;
  percent: (n: number) => string;
  number: (n: number) => string;
}

export function segmentColor(segments: readonly SegmentInfo[], id: string | null): string {
  const index = segments.findIndex((s) => s.id === id);
  const found = segments[index];
  return found?.color ?? SERIES_COLORS[(index < 0 ? SERIES_COLORS.length - 1 : index) % SERIES_COLORS.length] ?? '#7f8c9d';
}

function row(label: string, value: string): string {
  return `<div class="cmap-tip-row"><span class="cmap-tip-label">${escapeHtml(label)}</span><span class="cmap-tip-value">${escapeHtml(value)}</span></div>`;
}

export function cellTooltipHtml(cell: GridCell, labels: GridLabels): string {
  return (
    `<div class="cmap-tip-title">${escapeHtml(labels.cell(cell.r, cell.y))}</div>` +
    row(labels.segment, labels.segmentName(cell.segment)) +
    row(labels.customers, `${labels.count(cell.customers)} (${labels.percent(cell.share)})`) +
    row(labels.revenue, `${labels.yuan(cell.revenue)} (${labels.percent(cell.revenueShare)})`) +
    row(labels.avgR, cell.avgRecencyDays === null ? '–' : labels.number(cell.avgRecencyDays)) +
    row(labels.avgF, cell.avgFrequency === null ? '–' : labels.number(cell.avgFrequency)) +
    row(labels.avgM, cell.avgMonetary === null ? '–' : labels.yuan(cell.avgMonetary))
  );
}

/** Label width budget on the map, in half-width characters: about one and a half cells at 11 px. */
const MAP_LABEL_UNITS = 24;
const LEGEND_LABEL_UNITS = 30;

/**
 * A segment name short enough for its tag on the map: a user's names can be long, and a tag
 * wider than its cell crowds out its neighbours (or runs off the last column). CJK and other
 * full-width characters count double; the cut ends in "…". The legend and tooltips keep the
 * whole name. (ECharts' own `width` + truncate would also widen the white tag of short names.)
 */
export function mapLabel(name: string, units = MAP_LABEL_UNITS): string {
  const wide = (ch: string): number => (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1);
  let total = 0;
  for (const ch of name) total += wide(ch);
  if (total <= units) return name;
  let out = '';
  let used = 0;
  for (const ch of name) {
    if (used + wide(ch) > units - 1) break;
    out += ch;
    used += wide(ch);
  }
  return `${out.trimEnd()}…`;
}

/** The grid as a bubble chart: x = R score, y = F (or F+M) score. */
export function segmentGridOption(grid: SegmentGrid, labels: GridLabels): EChartsCoreOption {
  const yMin = grid.yAxis === 'fm' ? 2 : 1;
  const yMax = grid.yAxis === 'fm' ? grid.bins * 2 : grid.bins;
  const weight = (c: GridCell): number => (grid.size === 'revenue' ? c.revenue : c.customers);
  const max = Math.max(1, ...grid.cells.map(weight));
  const rows = yMax - yMin + 1;
  // Largest bubble about a cell's size; the chart is ~420 px high with ~5–9 rows.
  const cellPx = Math.min(64, 300 / Math.max(rows, grid.bins));
  const rank = (segment: string): number => {
    const index = grid.segments.findIndex((s) => s.id === segment);
    return index < 0 ? grid.segments.length : index;
  };
  const bySegment = new Map<string, GridCell[]>();
  for (const cell of grid.cells) {
    const key = cell.segment ?? '';
    bySegment.set(key, [...(bySegment.get(key) ?? []), cell]);
  }
  // Each segment's name is drawn once, on a light tag over the centre of its biggest bubble: it
  // stays on its own bubble's row, and overlapping tags are hidden (the legend and tooltips
  // still name every segment).
  const labelStyle = {
    color: '#1f2a3d',
    fontWeight: 600,
    fontSize: 11,
    fontFamily: CHART_FONT,
    backgroundColor: 'rgba(255, 255, 255, 0.9)',
    borderRadius: 3,
    padding: [2, 4],
  };
  const series: unknown[] = [...bySegment.entries()].map(([segment, cells]) => {
    const biggest = cells.reduce((best, c) => (weight(c) > weight(best) ? c : best), cells[0]!);
    const name = labels.segmentName(segment === '' ? null : segment);
    return {
      type: 'scatter',
      name,
      itemStyle: { color: segmentColor(grid.segments, segment === '' ? null : segment), opacity: 0.78, borderColor: '#ffffff', borderWidth: 1 },
      emphasis: { itemStyle: { opacity: 1, borderColor: '#1f2a3d', borderWidth: 2 } },
      data: cells.map((c) => {
        const item: Record<string, unknown> = { value: [c.r, c.y, weight(c)], cell: c };
        if (c === biggest && segment !== '') item['label'] = { show: true, position: 'inside', formatter: mapLabel(name), ...labelStyle };
        return item;
      }),
      labelLayout: { hideOverlap: true },
      symbolSize: (value: number[]) => Math.max(6, Math.sqrt((value[2] ?? 0) / max) * cellPx),
    };
  });
  return {
    textStyle: { fontFamily: CHART_FONT },
    animation: false,
    grid: { left: 56, right: 16, top: 40, bottom: 48 },
    // In the scheme's order (the order its editor and the summary table use), not the order the
    // cells happen to come in; a long list of a user's scheme scrolls on one line, long names
    // shortened there too (hovering an entry shows the whole name).
    legend: {
      top: 4,
      type: 'scroll',
      data: [...bySegment.keys()].sort((a, b) => rank(a) - rank(b)).map((s) => labels.segmentName(s === '' ? null : s)),
      formatter: (name: string) => mapLabel(name, LEGEND_LABEL_UNITS),
      tooltip: { show: true },
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const data = (params as { data?: { cell?: GridCell } }).data;
        return data?.cell ? cellTooltipHtml(data.cell, labels) : '';
      },
    },
    xAxis: {
      type: 'value',
      name: labels.xName,
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      max: grid.bins + 1,
      interval: 1,
      axisLabel: { formatter: (v: number) => (v >= 1 && v <= grid.bins ? String(v) : '') },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: labels.yName,
      nameLocation: 'middle',
      nameGap: 34,
      min: yMin - 1,
      max: yMax + 1,
      interval: 1,
      axisLabel: { formatter: (v: number) => (v >= yMin && v <= yMax ? String(v) : '') },
      splitLine: { show: false },
    },
    series,
  };
}

export interface TreemapLabels {
  segmentName: (id: string | null) => string;
  yuan: (n: number) => string;
  percent: (n: number) => string;
  revenue: string;
  customers: string;
  count: (n: number) => string;
}

export function revenueTreemapOption(summary: SegmentSummary, labels: TreemapLabels): EChartsCoreOption {
  return {
    textStyle: { fontFamily: CHART_FONT },
    animation: false,
    tooltip: {
      confine: true,
      formatter: (params: unknown) => {
        const data = (params as { data?: { segment?: string; customers?: number; revenue?: number; share?: number } }).data;
        if (data?.segment === undefined) return '';
        return (
          `<div class="cmap-tip-title">${escapeHtml(labels.segmentName(data.segment))}</div>` +
          row(labels.revenue, `${labels.yuan(data.revenue ?? 0)} (${labels.percent(data.share ?? 0)})`) +
          row(labels.customers, labels.count(data.customers ?? 0))
        );
      },
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        left: 0,
        top: 0,
        right: 0,
        bottom: 0,
        label: { show: true, formatter: '{b}', fontFamily: CHART_FONT, overflow: 'truncate' },
        data: summary.rows
          .filter((r) => r.revenue > 0)
          .map((r) => ({
            name: `${labels.segmentName(r.segment)}\n${labels.percent(r.revenueShare)}`,
            value: r.revenue,
            segment: r.segment,
            customers: r.customers,
            revenue: r.revenue,
            share: r.revenueShare,
            itemStyle: { color: segmentColor(summary.segments, r.segment) },
          })),
      },
    ],
  };
}
