/**
 * Regions: a China choropleth of the chosen metric (drill into a province's cities and back),
 * a ranking of the same metric by province or city, charts by sales region and account
 * manager, and a table; names the map could not place are listed by the map. Every figure
 * comes from `views.regions` for the customers the shared filter keeps.
 */
import { ExportButton } from '../reports/index.ts';
import { useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ChartCard, ChinaMap, CHART_FONT, EChart, isDrillable, type ChartExporter } from '../../components/index.ts';
import { useT, useTranslateError, type Translate } from '../../app/i18n.ts';
import { filterActions, useFilter } from '../../app/filter-store.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatShare } from '../analytics/index.ts';
import { ViewFilterBar, useFilterOptions, useViewQuery } from '../customers/index.ts';
import { useSegmentsScheme } from '../segments/index.ts';
import { useSettled } from '../customers/view-timing.ts';
import { RegionFixList, UnmatchedRegions } from './RegionFixes.tsx';
import { escapeHtml } from '../../../shared/format/escape-html.ts';
import { formatCount, formatYuan } from '../../../shared/format/numbers.ts';
import { findProvince, provinceByCode } from '../../../shared/regions/index.ts';
import { DEFAULT_VIEW_SCHEME, REGION_METRICS, type RegionLevel, type RegionMetric, type RegionRow, type RegionsParams } from '../../../shared/views/api.ts';
import type { EChartsCoreOption } from 'echarts/core';
import type { Language } from '../../../shared/api/contract.ts';
import '../customers/views.css';

type Kind = 'count' | 'yuan' | 'ratio' | 'score';
const KIND: Record<RegionMetric, Kind> = {
  customers: 'count',
  revenue: 'yuan',
  revenue12m: 'yuan',
  growth: 'ratio',
  segmentShare: 'ratio',
  gradeShare: 'ratio',
  tagShare: 'ratio',
  avgRfm: 'score',
  winRate: 'ratio',
  overdue: 'yuan',
  churnRisk: 'count',
};

function formatter(kind: Kind, language: Language, short = false): (v: number) => string {
  switch (kind) {
    case 'count':
      return (v) => formatCount(v, language);
    case 'yuan':
      return (v) => formatYuan(v, language, short ? { fractionDigits: 0, trimZeros: true } : { fractionDigits: 1 });
    case 'ratio':
      return (v) => formatShare(v, language);
    case 'score':
      return (v) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(v);
  }
}

function barOption(rows: readonly RegionRow[], label: string, format: (v: number) => string, blank: string, color: string, limit = 20): EChartsCoreOption {
  const shown = rows.filter((r) => r.value !== null).slice(0, limit).reverse();
  return {
    textStyle: { fontFamily: CHART_FONT },
    animation: false,
    grid: { left: 8, right: 72, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: unknown) => {
        const p = params as { name?: string; value?: number };
        return (
          `<div class="cmap-tip-title">${escapeHtml(p.name ?? '')}</div>` +
          `<div class="cmap-tip-row"><span class="cmap-tip-label">${escapeHtml(label)}</span><span class="cmap-tip-value">${escapeHtml(format(p.value ?? 0))}</span></div>`
        );
      },
    },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      type: 'category',
      data: shown.map((r) => (r.name === '' ? blank : r.name)),
      axisTick: { show: false },
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: shown.map((r) => r.value ?? 0),
        itemStyle: { color, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p: { value: number }) => format(p.value), fontSize: 11 },
      },
    ],
  };
}

function metricLabel(t: Translate, metric: RegionMetric): string {
  return t(`views.reg.metric.${metric}`);
}

export function RegionsPage(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const filter = useFilter();
  const options = useFilterOptions();
  const [metric, setMetric] = useState<RegionMetric>('revenue12m');
  const [target, setTarget] = useState<string>('');
  // Segment shares are of the scheme picked here, else the one the Segments page shows, else
  // the 8-class one (a deleted scheme falls back the same way).
  const [pickedScheme, setPickedScheme] = useState<string | null>(null);
  const segmentsPageScheme = useSegmentsScheme();
  const scheme =
    [pickedScheme, segmentsPageScheme].find((id) => id !== null && options?.schemes.some((s) => s.id === id)) ?? DEFAULT_VIEW_SCHEME;
  const [provinceCode, setProvinceCode] = useState<string | null>(null);
  const [rankLevel, setRankLevel] = useState<RegionLevel>('province');
  const mapExport = useRef<ChartExporter | null>(null);
  const rankExport = useRef<ChartExporter | null>(null);
  const salesExport = useRef<ChartExporter | null>(null);
  const managerExport = useRef<ChartExporter | null>(null);

  const targets = useMemo((): { value: string; label: string }[] => {
    if (!options) return [];
    if (metric === 'segmentShare')
      return (options.schemes.find((s) => s.id === scheme)?.segments ?? []).map((s) => ({ value: s.id, label: language === 'zh-CN' ? s.nameZh : s.nameEn }));
    if (metric === 'gradeShare') return options.grades.map((g) => ({ value: g, label: g }));
    if (metric === 'tagShare') return options.tags.map((tag) => ({ value: tag.id, label: language === 'zh-CN' ? tag.nameZh : tag.nameEn }));
    return [];
  }, [options, metric, language, scheme]);
  const chosenTarget = targets.some((o) => o.value === target) ? target : (targets[0]?.value ?? '');

  const base = (level: RegionLevel, province?: string): RegionsParams => {
    const p: RegionsParams = { filter, level, metric, scheme };
    if (province !== undefined) p.province = province;
    if (targets.length > 0 && chosenTarget !== '') p.target = chosenTarget;
    return p;
  };
  const national = useViewQuery('views.regions', base('province'));
  const storedProvince =
    provinceCode === null ? undefined : national.data?.rows.find((r) => findProvince(r.name)?.code === provinceCode)?.name ?? provinceByCode(provinceCode)?.name;
  const drilled = useViewQuery('views.regions', storedProvince === undefined ? null : base('city', storedProvince));
  const nationalCities = useViewQuery('views.regions', rankLevel === 'city' && provinceCode === null ? base('city') : null);

  const kind = KIND[metric];
  // Stable across renders: the map re-draws (a costly full setOption) only when these change.
  const format = useMemo(() => formatter(kind, language), [kind, language]);
  const short = useMemo(() => formatter(kind, language, true), [kind, language]);
  const label = metricLabel(t, metric);
  const blank = t('views.common.blank');
  const current = provinceCode !== null && drilled.data ? drilled.data : national.data;
  const rankingRows = provinceCode !== null ? (drilled.data?.rows ?? []) : rankLevel === 'city' ? (nationalCities.data?.rows ?? []) : (national.data?.rows ?? []);
  const rankingIsCity = provinceCode !== null || rankLevel === 'city';
  const place = provinceCode === null ? t('views.map.china') : (storedProvince ?? '');
  const empty = national.data !== null && national.data.total.customers === 0;
  const combine = useMemo(() => (kind === 'ratio' || kind === 'score' ? (a: number, b: number) => (a + b) / 2 : undefined), [kind]);
  const mapProvinces = useMemo(() => (national.data?.rows ?? []).map((r) => ({ name: r.name, value: r.value })), [national.data]);
  const mapCities = useMemo(() => (drilled.data?.rows ?? []).map((r) => ({ name: r.name, value: r.value })), [drilled.data]);

  const rankOption = useMemo(() => barOption(rankingRows, label, format, blank, '#3b6fd8'), [rankingRows, label, language]);
  const salesOption = useMemo(() => barOption(current?.salesRegions ?? [], label, format, blank, '#2bb3a3', 10), [current, label, language]);
  const managerOption = useMemo(() => barOption(current?.accountManagers ?? [], label, format, blank, '#8a63d2', 10), [current, label, language]);
  const error = national.error ?? drilled.error;
  const settledStamp = useMemo(() => [national.data, drilled.data], [national.data, drilled.data]);
  useSettled('regions', national.data !== null, settledStamp);

  return (
    <div className="page page-views" data-testid="page-regions">
      <header className="page-header">
        <h1 className="page-title">{t('nav.regions')}</h1>
        <p className="page-subtitle">{t('views.reg.subtitle')}</p>
        <div className="reports-export-action"><ExportButton sheets={['summary', 'regions', 'customers']} /></div>
      </header>
      <ViewFilterBar />
      <div className="views-toolbar">
        <label className="views-label">
          {t('views.reg.metric')}{' '}
          <select className="views-select" value={metric} onChange={(e) => setMetric(e.target.value as RegionMetric)} data-testid="reg-metric">
            {REGION_METRICS.map((m) => (
              <option key={m} value={m}>
                {metricLabel(t, m)}
              </option>
            ))}
          </select>
        </label>
        {metric === 'segmentShare' && options && options.schemes.length > 1 ? (
          <label className="views-label">
            {t('views.reg.scheme')}{' '}
            <select className="views-select" value={scheme} onChange={(e) => setPickedScheme(e.target.value)} data-testid="reg-scheme">
              {options.schemes.map((s) => (
                <option key={s.id} value={s.id}>
                  {language === 'zh-CN' ? s.nameZh : s.nameEn}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {targets.length > 0 ? (
          <label className="views-label">
            {t('views.reg.target')}{' '}
            <select className="views-select" value={chosenTarget} onChange={(e) => setTarget(e.target.value)} data-testid="reg-target">
              {targets.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {metric === 'churnRisk' ? <span className="views-note">{t('views.reg.col.churn')}</span> : null}
      </div>
      {error ? (
        <div className="banner banner-error" role="alert">
          <span className="banner-text">{t('views.common.loadFailed', { why: translateError(error) })}</span>
        </div>
      ) : null}
      <div className="views-grid-2">
        <ChartCard
          title={t('views.reg.mapTitle', { metric: label, place })}
          empty={empty}
          emptyText={t('views.common.noMatch')}
          exporter={() => mapExport.current?.() ?? null}
          testId="reg-map"
        >
          <ChinaMap
            provinces={mapProvinces}
            cities={mapCities}
            provinceCode={provinceCode}
            onProvinceChange={(code) => {
              if (code === null || isDrillable(code)) setProvinceCode(code);
              else {
                const name = national.data?.rows.find((r) => findProvince(r.name)?.code === code)?.name;
                if (name) filterActions.toggle('provinces', name);
              }
            }}
            onCityClick={(_feature, raw) => {
              for (const name of raw) filterActions.add('cities', name);
            }}
            metricLabel={label}
            formatValue={format}
            formatShort={short}
            {...(combine ? { combine } : {})}
            renderUnmatched={(unmatched) => (
              <UnmatchedRegions unmatched={unmatched} level={provinceCode === null ? 'province' : 'city'} province={storedProvince ?? null} formatValue={format} />
            )}
            exportRef={mapExport}
            ariaLabel={t('views.reg.mapTitle', { metric: label, place })}
            height={480}
            testId="reg-china-map"
          />
        </ChartCard>
        <ChartCard
          title={t('views.reg.rankingTitle', { metric: label, level: t(rankingIsCity ? 'views.reg.level.city' : 'views.reg.level.province') })}
          empty={empty || rankingRows.length === 0}
          emptyText={t('views.common.noMatch')}
          exporter={() => rankExport.current?.() ?? null}
          actions={
            provinceCode === null ? (
              <div className="segmented" role="group">
                {(['province', 'city'] as const).map((l) => (
                  <button key={l} type="button" className={l === rankLevel ? 'segmented-item is-active' : 'segmented-item'} aria-pressed={l === rankLevel} onClick={() => setRankLevel(l)} data-testid={`reg-rank-${l}`}>
                    {t(`views.reg.level.${l}`)}
                  </button>
                ))}
              </div>
            ) : undefined
          }
          testId="reg-ranking"
        >
          <EChart option={rankOption} ariaLabel={label} height={480} exportRef={rankExport} testId="reg-ranking-chart" />
        </ChartCard>
      </div>
      <div className="views-grid-2-even">
        <ChartCard title={t('views.reg.salesRegionTitle', { metric: label })} empty={empty} emptyText={t('views.common.noMatch')} exporter={() => salesExport.current?.() ?? null} testId="reg-sales">
          <EChart option={salesOption} ariaLabel={t('views.reg.salesRegionTitle', { metric: label })} height={260} exportRef={salesExport} testId="reg-sales-chart" />
        </ChartCard>
        <ChartCard title={t('views.reg.managerTitle', { metric: label })} empty={empty} emptyText={t('views.common.noMatch')} exporter={() => managerExport.current?.() ?? null} testId="reg-managers">
          <EChart option={managerOption} ariaLabel={t('views.reg.managerTitle', { metric: label })} height={260} exportRef={managerExport} testId="reg-managers-chart" />
        </ChartCard>
      </div>
      <section className="card views-table-card" data-testid="reg-table">
        <div className="card-header">
          <h2 className="card-title">
            {t('views.reg.tableTitle')} · {place}
          </h2>
        </div>
        {empty ? (
          <p className="views-empty">{t('views.common.noMatch')}</p>
        ) : (
          <div className="views-table-scroll">
            <table className="views-table">
              <thead>
                <tr>
                  <th>{t('views.reg.col.name')}</th>
                  <th className="num">{label}</th>
                  <th className="num">{t('views.common.customers')}</th>
                  <th className="num">{t('views.common.revenue')}</th>
                  <th className="num">{t('views.common.revenue12m')}</th>
                  <th className="num">{t('views.reg.col.growth')}</th>
                  <th className="num">{t('views.reg.col.avgRfm')}</th>
                  <th className="num">{t('views.common.winRate')}</th>
                  <th className="num">{t('views.reg.col.overdue')}</th>
                  <th className="num">{t('views.reg.col.churn')}</th>
                </tr>
              </thead>
              <tbody>
                {(current?.rows ?? []).map((r) => {
                  const code = provinceCode === null ? findProvince(r.name)?.code : undefined;
                  const drill = code !== undefined && isDrillable(code);
                  return (
                    <tr
                      key={`${r.province ?? ''}/${r.name}`}
                      className={drill ? 'is-clickable' : undefined}
                      onClick={drill ? () => setProvinceCode(code) : undefined}
                      data-testid={`reg-row-${r.name}`}
                    >
                      <td>{r.name === '' ? blank : r.name}</td>
                      <td className="num" data-value={r.value ?? ''}>{r.value === null ? '–' : format(r.value)}</td>
                      <td className="num">{formatCount(r.customers, language)}</td>
                      <td className="num">{formatYuan(r.revenue, language, { fractionDigits: 1 })}</td>
                      <td className="num">{formatYuan(r.revenue12m, language, { fractionDigits: 1 })}</td>
                      <td className="num">{r.growth === null ? '–' : formatShare(r.growth, language)}</td>
                      <td className="num">{r.avgRfm === null ? '–' : r.avgRfm.toFixed(2)}</td>
                      <td className="num">{formatShare(r.winRate, language)}</td>
                      <td className="num">{r.overdue === 0 ? '–' : formatYuan(r.overdue, language, { fractionDigits: 1 })}</td>
                      <td className="num">{formatCount(r.churnRiskCustomers, language)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <RegionFixList />
    </div>
  );
}
