/**
 * ECharts options of the dossier's charts and the visit-list cover: print-friendly (no
 * animation, no tooltips, values written on the chart), labels are plain text drawn by the SVG
 * renderer (never HTML), so imported names cannot inject markup.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Language } from '../../../shared/api/contract.ts';
import type { MonthAmount, ProductShare, SatisfactionPoint } from '../../../shared/dossier/types.ts';
import { formatYuan } from '../../../shared/format/numbers.ts';

const INK = '#1f2a3d';
const MUTED = '#6b778c';
const GRID = '#e3e8ef';
const BLUE = '#2f5fb3';
const TEAL = '#2b9c8f';

const compactYuan = (value: number, language: Language): string => formatYuan(value, language, { fractionDigits: 1, trimZeros: true });

export function monthlyOption(monthly: readonly MonthAmount[], language: Language): EChartsCoreOption {
  return {
    grid: { left: 8, right: 8, top: 18, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: monthly.map((m) => (m.month.endsWith('-01') ? m.month.slice(0, 4) : m.month.slice(5))),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID } },
      axisLabel: { color: MUTED, fontSize: 9, interval: 0 },
    },
    yAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { color: MUTED, fontSize: 9, formatter: (v: number) => (v === 0 ? '0' : compactYuan(v, language)) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'bar',
        data: monthly.map((m) => m.amount),
        itemStyle: { color: BLUE, borderRadius: [2, 2, 0, 0] },
        barMaxWidth: 14,
      },
    ],
  };
}

export function mixOption(mix: readonly ProductShare[], language: Language): EChartsCoreOption {
  const top = mix.slice(0, 6);
  const rest = mix.slice(6);
  const rows = rest.length > 0 ? [...top, { productLine: language === 'zh-CN' ? '其他' : 'Other', amount: rest.reduce((s, r) => s + r.amount, 0), share: rest.reduce((s, r) => s + r.share, 0) }] : top;
  const reversed = [...rows].reverse();
  return {
    grid: { left: 4, right: 70, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => v.max * 1.02 },
    yAxis: {
      type: 'category',
      data: reversed.map((r) => r.productLine),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: INK, fontSize: 10, width: 90, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: reversed.map((r) => r.amount),
        itemStyle: { color: TEAL, borderRadius: [0, 2, 2, 0] },
        barMaxWidth: 12,
        label: {
          show: true,
          position: 'right',
          color: MUTED,
          fontSize: 9,
          formatter: (p: { dataIndex: number }) => {
            const r = reversed[p.dataIndex];
            return r ? `${(r.share * 100).toFixed(0)}% · ${compactYuan(r.amount, language)}` : '';
          },
        },
      },
    ],
  };
}

export function satisfactionOption(points: readonly SatisfactionPoint[]): EChartsCoreOption {
  return {
    grid: { left: 8, right: 12, top: 16, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.quarter.replace('-', ' ')),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: GRID } },
      axisLabel: { color: MUTED, fontSize: 9 },
    },
    yAxis: { type: 'value', min: 0, max: 100, splitNumber: 2, axisLabel: { color: MUTED, fontSize: 9 }, splitLine: { lineStyle: { color: GRID } } },
    series: [
      {
        type: 'line',
        data: points.map((p) => p.score),
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { color: BLUE, width: 2 },
        itemStyle: { color: BLUE },
        label: { show: points.length <= 8, color: MUTED, fontSize: 9, position: 'top' },
      },
    ],
  };
}

export function gradeBarOption(counts: readonly { grade: string; count: number }[]): EChartsCoreOption {
  const colors: Record<string, string> = { A: '#2f5fb3', B: '#2b9c8f', C: '#e0a030', D: '#c8504a' };
  return {
    grid: { left: 4, right: 28, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: counts.map((c) => c.grade).reverse(), axisTick: { show: false }, axisLine: { show: false }, axisLabel: { color: INK, fontSize: 11, fontWeight: 'bold' } },
    series: [
      {
        type: 'bar',
        data: [...counts].reverse().map((c) => ({ value: c.count, itemStyle: { color: colors[c.grade] ?? '#8a94a6' } })),
        barMaxWidth: 14,
        label: { show: true, position: 'right', color: MUTED, fontSize: 10 },
      },
    ],
  };
}

/** Customers per province on the China map (feature names are the map's short names). */
export function provinceMapOption(data: readonly { name: string; value: number }[]): EChartsCoreOption {
  const max = Math.max(1, ...data.map((d) => d.value));
  return {
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      show: false,
      inRange: { color: ['#dbe6f8', '#2f5fb3'] },
    },
    series: [
      {
        type: 'map',
        map: 'china',
        roam: false,
        silent: true,
        layoutCenter: ['50%', '50%'],
        layoutSize: '118%',
        label: { show: false },
        itemStyle: { areaColor: '#f1f4f8', borderColor: '#c3ccd9', borderWidth: 0.5 },
        emphasis: { disabled: true },
        select: { disabled: true },
        data: data.map((d) => ({ name: d.name, value: d.value, label: { show: true, fontSize: 8, color: '#0d1b33', formatter: `${d.value}` } })),
      },
    ],
  };
}
