/**
 * The ECharts option for monthly revenue by product line: stacked bars, one series per line
 * (largest first, as the overview delivers them). Pure, so the tooltip's escaping is testable.
 */
import { escapeHtml } from '../../../shared/format/escape-html.ts';
import { formatMonth } from '../../../shared/format/dates.ts';
import { formatYuan } from '../../../shared/format/numbers.ts';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { Language } from '../../../shared/api/contract.ts';
import type { MonthlyRevenue } from '../../../shared/overview/overview.ts';

export type RevenueChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | DataZoomComponentOption
>;

/** Series colours; overview.css has a matching `.chart-swatch-<i>` for each (tooltips use classes, not inline styles, under the CSP). */
export const SERIES_COLORS = [
  '#3b6fd8',
  '#2bb3a3',
  '#f2a93b',
  '#8a63d2',
  '#e0625d',
  '#5b9bd5',
  '#9bbb59',
  '#d67ab1',
  '#7f8c9d',
  '#c99a2e',
] as const;

export const FONT_FAMILY =
  '"Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';

/** Beyond this many months the chart gets a slider to zoom into a period. */
const SLIDER_AFTER_MONTHS = 24;

export interface RevenueChartLabels {
  total: string;
}

function firstDataIndex(params: unknown): number | null {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (typeof first !== 'object' || first === null) return null;
  const index = (first as { dataIndex?: unknown }).dataIndex;
  return typeof index === 'number' ? index : null;
}

/** Tooltip HTML for one month: every line with revenue that month, biggest first, and the total. */
export function revenueTooltipHtml(data: MonthlyRevenue, index: number, language: Language, labels: RevenueChartLabels): string {
  const month = data.months[index];
  if (month === undefined) return '';
  const rows = data.series
    .map((series, seriesIndex) => ({ name: series.productLine, value: series.values[index] ?? 0, seriesIndex }))
    .filter((row) => row.value !== 0)
    .sort((a, b) => b.value - a.value);
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  const lines = rows.map(
    (row) =>
      `<div class="chart-tip-row"><span class="chart-swatch chart-swatch-${row.seriesIndex % SERIES_COLORS.length}"></span>` +
      `<span class="chart-tip-name">${escapeHtml(row.name)}</span>` +
      `<span class="chart-tip-value">${escapeHtml(formatYuan(row.value, language))}</span></div>`,
  );
  return (
    `<div class="chart-tip"><div class="chart-tip-title">${escapeHtml(formatMonth(month, language))}</div>` +
    lines.join('') +
    `<div class="chart-tip-row chart-tip-total"><span class="chart-tip-name">${escapeHtml(labels.total)}</span>` +
    `<span class="chart-tip-value">${escapeHtml(formatYuan(total, language))}</span></div></div>`
  );
}

export function buildRevenueChartOption(data: MonthlyRevenue, language: Language, labels: RevenueChartLabels): RevenueChartOption {
  const slider = data.months.length > SLIDER_AFTER_MONTHS;
  const textStyle = { fontFamily: FONT_FAMILY, color: '#5b6475', fontSize: 12 };
  return {
    color: [...SERIES_COLORS],
    textStyle,
    animationDuration: 400,
    grid: { left: 8, right: 16, top: 44, bottom: slider ? 52 : 8, containLabel: true },
    legend: {
      type: 'scroll',
      top: 0,
      left: 0,
      icon: 'roundRect',
      itemWidth: 12,
      itemHeight: 12,
      itemGap: 18,
      textStyle: { ...textStyle, color: '#3a4254', fontSize: 12 },
      pageIconSize: 10,
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', shadowStyle: { color: 'rgba(59, 111, 216, 0.06)' } },
      className: 'chart-tooltip',
      borderWidth: 1,
      borderColor: '#e3e7ef',
      backgroundColor: '#ffffff',
      padding: [10, 12],
      textStyle: { ...textStyle, color: '#1f2633' },
      confine: true,
      formatter: (params) => {
        const index = firstDataIndex(params);
        return index === null ? '' : revenueTooltipHtml(data, index, language, labels);
      },
    },
    xAxis: {
      type: 'category',
      data: data.months,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#d5dae3' } },
      axisLabel: { color: '#7a8394', hideOverlap: true, formatter: (value: string) => formatMonth(value, language) },
    },
    yAxis: {
      type: 'value',
      splitNumber: 4,
      splitLine: { lineStyle: { color: '#edf0f5' } },
      axisLabel: { color: '#7a8394', formatter: (value: number) => formatYuan(value, language, { trimZeros: true }) },
    },
    dataZoom: slider
      ? [
          { type: 'inside', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false },
          {
            type: 'slider',
            height: 22,
            bottom: 8,
            borderColor: '#e3e7ef',
            fillerColor: 'rgba(59, 111, 216, 0.12)',
            handleStyle: { color: '#ffffff', borderColor: '#9fb4e3' },
            moveHandleSize: 0,
            showDetail: false,
            brushSelect: false,
            dataBackground: { lineStyle: { color: '#c5cedd' }, areaStyle: { color: '#e6eaf2' } },
            selectedDataBackground: { lineStyle: { color: '#7d9bdc' }, areaStyle: { color: '#cfdaf3' } },
          },
        ]
      : [],
    series: data.series.map((series) => ({
      type: 'bar',
      name: series.productLine,
      stack: 'revenue',
      data: series.values,
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
    })),
  };
}
