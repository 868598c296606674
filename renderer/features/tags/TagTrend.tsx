/**
 * A tag's coverage over the stored scoring runs (oldest → newest, up to the last 100): a small
 * line chart, and what the latest run changed (entered / left since the previous run). The
 * runs come from analytics.runs and reload on workspace.changed.
 */
import { useEffect, useMemo, useState } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import { useT } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { escapeHtml } from '../../../shared/format/escape-html.ts';
import { EChart, CHART_FONT } from '../../components/index.ts';
import type { ReactNode } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { ScoringRunInfo } from '../../../shared/analytics/api.ts';
import { trendPoints } from './trend-points.ts';
import type { Language } from '../../../shared/api/contract.ts';

function when(iso: string, language: Language, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(d);
}

export function TagTrend({ tagId, color }: { tagId: string; color: string }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const [runs, setRuns] = useState<ScoringRunInfo[] | null>(null);

  useEffect(() => {
    let alive = true;
    const load = () => {
      call('analytics.runs')
        .then((list) => alive && setRuns(list))
        .catch(() => alive && setRuns([]));
    };
    load();
    const off = onNamedEvent('workspace.changed', load);
    return () => {
      alive = false;
      off();
    };
  }, []);

  const points = useMemo(() => (runs === null ? [] : trendPoints(runs, tagId)), [runs, tagId]);
  const option = useMemo<EChartsCoreOption>(() => {
    // Runs a few seconds apart (edits in a row) would all read the same minute: show seconds then.
    const minutes = points.map((p) => when(p.at, language));
    const labels = new Set(minutes).size < minutes.length ? points.map((p) => when(p.at, language, true)) : minutes;
    return {
      animation: false,
      textStyle: { fontFamily: CHART_FONT },
      grid: { left: 44, right: 12, top: 10, bottom: 22 },
      xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 10, hideOverlap: true }, axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 }, splitNumber: 3 },
      tooltip: {
        trigger: 'axis',
        formatter: (params: unknown) => {
          const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number } | undefined;
          const p = first === undefined ? undefined : points[first.dataIndex];
          if (!p) return '';
          const change =
            p.entered === null || p.left === null ? '' : `<div>${escapeHtml(t('analytics.trend.since', { entered: `+${formatCount(p.entered, language)}`, left: `−${formatCount(p.left, language)}` }))}</div>`;
          return `<div><strong>${escapeHtml(formatCount(p.count, language))}</strong> · ${escapeHtml(when(p.at, language, true))}</div><div>${escapeHtml(t('analytics.trend.reason'))}: ${escapeHtml(p.reason)}</div>${change}`;
        },
      },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.count),
          showSymbol: points.length <= 30,
          symbolSize: 5,
          lineStyle: { width: 2, color },
          itemStyle: { color },
          areaStyle: { color, opacity: 0.08 },
        },
      ],
    };
  }, [points, language, color, t]);

  if (runs === null) return null;
  const latest = points[points.length - 1];
  return (
    <section className="tag-trend" data-testid="tag-trend" data-points={points.length} data-counts={points.map((p) => p.count).join(',')}>
      <div className="tag-trend-head">
        <h3 className="section-title">{t('analytics.trend.title')}</h3>
        <span className="tag-trend-meta">{points.length > 0 ? t('analytics.trend.runs', { n: points.length }) : ''}</span>
      </div>
      {points.length === 0 ? (
        <p className="field-hint">{t('analytics.trend.none')}</p>
      ) : (
        <>
          {points.length > 1 && <EChart option={option} ariaLabel={t('analytics.trend.title')} height={96} testId="tag-trend-chart" />}
          <p className="tag-trend-change" data-testid="tag-trend-change">
            {latest === undefined || latest.entered === null || latest.left === null
              ? t('analytics.trend.first')
              : t('analytics.trend.since', { entered: `+${formatCount(latest.entered, language)}`, left: `−${formatCount(latest.left, language)}` })}
          </p>
        </>
      )}
    </section>
  );
}
