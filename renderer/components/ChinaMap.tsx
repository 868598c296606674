/**
 * China map by province with drill-down to cities: a choropleth of one metric, with a legend
 * that is also the data-range control (drag its handles), tooltips that escape every name,
 * a back button, and the regions whose names matched no map feature listed beside it (never
 * dropped). The bundled GeoJSON is fetched and registered lazily (map-loader.ts).
 *
 * The drill-down is controlled: the parent keeps `provinceCode` (it must fetch city values for
 * it anyway) and learns of clicks through `onProvinceChange`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useT } from '../app/i18n.ts';
import { CITIES } from '../../shared/regions/cities.ts';
import { PROVINCES } from '../../shared/regions/provinces.ts';
import {
  matchRegionNames,
  provinceOfFeature,
  type NameOverrides,
  type UnmatchedRegion,
} from '../../shared/regions/map-names.ts';
import { buildChinaMapOption, mapData, type MapDatum } from './china-map-option.ts';
import type { ChartExporter } from './chart-export.ts';
import { useEChart } from './use-echart.ts';
import { loadChinaMap, loadProvinceMap, type LoadedMap } from './map-loader.ts';
import './components.css';

echarts.use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export interface RegionValue {
  /** The region name as stored or imported (江苏省, 苏州, Jiangsu …). */
  name: string;
  value: number | null;
}

export interface ChinaMapProps {
  /** Values by province (any spelling). */
  provinces: readonly RegionValue[];
  /** Values by city of the drilled province (any spelling); ignored at country level. */
  cities?: readonly RegionValue[];
  /** The drilled province (GB/T 2260 code), or null for the whole country. */
  provinceCode: string | null;
  onProvinceChange: (provinceCode: string | null) => void;
  /** A city feature was clicked at province level (e.g. to filter by it). */
  onCityClick?: (featureName: string, rawNames: readonly string[]) => void;
  /** The metric's name for the tooltip ("营收"). */
  metricLabel: string;
  /** Full value text for tooltips ("1,234.00万元"). */
  formatValue: (value: number) => string;
  /** Short value text for the legend ends ("1234万"); default formatValue. */
  formatShort?: (value: number) => string;
  /** How values of several raw names on one feature combine; default sum. */
  combine?: (a: number, b: number) => number;
  /** User fixes for unmatched names: raw name → feature name. */
  overrides?: NameOverrides;
  /** Renders the unmatched names (e.g. with a "fix" action); default: a plain list. */
  renderUnmatched?: (unmatched: readonly UnmatchedRegion<number | null>[]) => ReactNode;
  /** Set to the PNG exporter while the chart exists (for ChartCard's export button). */
  exportRef?: RefObject<ChartExporter | null>;
  ariaLabel: string;
  height?: number;
  testId?: string;
}

/** Provinces with prefecture-level cities in our table (not the municipalities, HK, Macau, Taiwan). */
const DRILLABLE = new Set(CITIES.filter((c) => !c.municipality).map((c) => c.provinceCode));

export function isDrillable(provinceCode: string): boolean {
  return DRILLABLE.has(provinceCode);
}

type LoadState = { status: 'loading' } | { status: 'ready'; map: LoadedMap } | { status: 'failed'; why: string };

export function ChinaMap(props: ChinaMapProps): ReactNode {
  const t = useT();
  const testId = props.testId ?? 'china-map';
  const container = useRef<HTMLDivElement>(null);
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const { provinceCode, exportRef } = props;

  // Load (once per map) the GeoJSON of the current level.
  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    const promise = provinceCode === null ? loadChinaMap() : loadProvinceMap(provinceCode);
    promise.then(
      (map) => live && setLoad({ status: 'ready', map }),
      (error: unknown) => live && setLoad({ status: 'failed', why: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [provinceCode]);

  const { matched, unmatched } = useMemo(() => {
    if (load.status !== 'ready') return { matched: [] as MapDatum[], unmatched: [] as UnmatchedRegion<number | null>[] };
    const rows = provinceCode === null ? props.provinces : (props.cities ?? []);
    const result = matchRegionNames<number | null>(
      rows.map((r) => ({ name: r.name, value: r.value })),
      provinceCode === null
        ? { level: 'country' }
        : { level: 'province', provinceCode, featureNames: load.map.featureNames },
      props.overrides,
    );
    return { matched: mapData(result.matched, props.combine), unmatched: result.unmatched };
  }, [load, provinceCode, props.provinces, props.cities, props.overrides, props.combine]);

  const handlers = useRef({ props, matched });
  handlers.current = { props, matched };

  // Clicks: drill into a province, or report a city (read through a ref: always current props).
  const chart = useEChart(container, {
    renderer: 'canvas',
    exportRef,
    setup: (instance) =>
      instance.on('click', (params: { componentType?: string; name?: string }) => {
        if (params.componentType !== 'series' || typeof params.name !== 'string') return;
        const { props: p, matched: data } = handlers.current;
        if (p.provinceCode === null) {
          const province = provinceOfFeature(params.name);
          if (province && isDrillable(province.code)) p.onProvinceChange(province.code);
        } else {
          const datum = data.find((d) => d.name === params.name);
          p.onCityClick?.(params.name, datum?.rawNames ?? []);
        }
      }),
  });

  const { metricLabel, formatValue, formatShort } = props;
  const noValue = t('views.map.noValue');
  useEffect(() => {
    const instance = chart.current;
    if (instance === null || load.status !== 'ready') return;
    instance.setOption(
      buildChinaMapOption({
        mapName: load.map.mapName,
        data: matched,
        labels: { metric: metricLabel, noValue },
        format: formatValue,
        ...(formatShort ? { formatShort } : {}),
        labelMode: provinceCode === null ? 'all' : 'withData',
        roam: provinceCode !== null,
      }),
      { notMerge: true },
    );
  }, [load, matched, metricLabel, formatValue, formatShort, noValue, provinceCode]);

  const province = provinceCode === null ? undefined : PROVINCES.find((p) => p.code === provinceCode);
  const heading = province ? province.name : t('views.map.china');

  return (
    <div className="cmap" data-testid={testId} data-level={provinceCode === null ? 'country' : 'province'} data-province={provinceCode ?? ''}>
      <div className="cmap-bar">
        {provinceCode !== null ? (
          <button type="button" className="button cmap-back" onClick={() => props.onProvinceChange(null)} data-testid={`${testId}-back`}>
            ← {t('views.map.back')}
          </button>
        ) : null}
        <span className="cmap-heading" data-testid={`${testId}-heading`}>
          {heading}
        </span>
        {provinceCode === null ? <span className="cmap-hint">{t('views.map.drillHint')}</span> : null}
      </div>
      <div className="cmap-stage">
        <div
          ref={container}
          className="cmap-canvas"
          role="img"
          aria-label={`${props.ariaLabel} — ${heading}`}
          style={props.height === undefined ? undefined : { height: props.height }}
          data-testid={`${testId}-canvas`}
          data-features={load.status === 'ready' ? load.map.featureNames.length : 0}
          data-matched={matched.length}
        />
        {load.status === 'loading' ? <div className="cmap-overlay">{t('views.map.loading')}</div> : null}
        {load.status === 'failed' ? (
          <div className="cmap-overlay cmap-error" role="alert">
            {t('views.map.loadFailed', { why: load.why })}
          </div>
        ) : null}
      </div>
      {unmatched.length > 0 ? (
        <div className="cmap-unmatched" data-testid={`${testId}-unmatched`}>
          <div className="cmap-unmatched-title">{t('views.map.unmatched', { count: unmatched.length })}</div>
          {props.renderUnmatched ? (
            props.renderUnmatched(unmatched)
          ) : (
            <>
              <ul className="cmap-unmatched-list">
                {unmatched.map((u) => (
                  <li key={u.rawName} data-testid={`${testId}-unmatched-item`}>
                    <span className="cmap-unmatched-name">{u.rawName === '' ? '—' : u.rawName}</span>
                    {u.value !== null ? <span className="cmap-unmatched-value">{formatValue(u.value)}</span> : null}
                  </li>
                ))}
              </ul>
              <div className="cmap-unmatched-hint">{t('views.map.unmatchedHint')}</div>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
