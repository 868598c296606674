/**
 * Segments: the RFM grid (click a cell → the Customers page lists that cell's customers), the
 * segment summary table and the revenue treemap, all for the customers the shared filter
 * keeps; a toggle between the shipped 8- and 11-class schemes and a picker of the user's own
 * schemes (falling back to the 8-class scheme when the chosen one is deleted); what M means,
 * stated.
 */
import { ExportButton } from '../reports/index.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { ChartCard, EChart, type ChartClick, type ChartExporter } from '../../components/index.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useFilter } from '../../app/filter-store.ts';
import { navigate } from '../../app/nav-store.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatShare } from '../analytics/index.ts';
import { ViewFilterBar, customersActions, seenSchemeName, segmentName, useFilterOptions, useViewQuery } from '../customers/index.ts';
import { formatCount, formatYuan } from '../../../shared/format/numbers.ts';
import { DEFAULT_VIEW_SCHEME, SHIPPED_VIEW_SCHEMES, UNKNOWN_SCHEME_CODE } from '../../../shared/views/api.ts';
import type { FilterOptions, GridCell, GridSize, GridYAxis, ViewScheme } from '../../../shared/views/api.ts';
import { schemeInUse } from '../../../shared/views/scheme-choice.ts';
import type { Language } from '../../../shared/api/contract.ts';
import type { Translate } from '../../app/i18n.ts';
import { useSettled } from '../customers/view-timing.ts';
import { revenueTreemapOption, segmentColor, segmentGridOption, type GridLabels } from './segment-options.ts';
import { segmentsActions, useGoneScheme, useSegmentsScheme } from './segments-store.ts';
import '../customers/views.css';

function Toggle<V extends string>(props: { value: V; options: readonly { value: V; label: string }[]; onChange: (v: V) => void; testId: string }): ReactNode {
  return (
    <div className="segmented" role="group" data-testid={props.testId}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          className={o.value === props.value ? 'segmented-item is-active' : 'segmented-item'}
          aria-pressed={o.value === props.value}
          data-testid={`${props.testId}-${o.value}`}
          onClick={() => props.onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** The shipped schemes by their short toggle labels, the others by name (also once deleted). */
function schemeLabel(id: ViewScheme, t: Translate, language: Language): string {
  return id === 'rfm8' || id === 'rfm11' ? t(`views.seg.scheme.${id}`) : seenSchemeName(id, language);
}

/**
 * The shipped schemes as a toggle, the user's own (there may be many, with long names) in one
 * picker beside it that shows which one is on.
 */
function SchemePicker(props: { value: ViewScheme; options: FilterOptions | null }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const schemes = props.options?.schemes ?? null;
  const shipped = schemes === null ? SHIPPED_VIEW_SCHEMES : schemes.filter((s) => s.shipped).map((s) => s.id);
  const custom = (schemes ?? []).filter((s) => !s.shipped);
  const isCustom = custom.some((s) => s.id === props.value);
  return (
    <div className="seg-schemes" role="group" aria-label={t('views.seg.scheme.label')}>
      <Toggle
        testId="seg-scheme"
        value={props.value}
        onChange={segmentsActions.choose}
        options={shipped.map((id) => ({ value: id, label: schemeLabel(id, t, language) }))}
      />
      {custom.length > 0 ? (
        <select
          className={`seg-scheme-select${isCustom ? ' is-active' : ''}`}
          value={isCustom ? props.value : ''}
          aria-label={t('views.seg.scheme.custom')}
          title={isCustom ? schemeLabel(props.value, t, language) : t('views.seg.scheme.custom')}
          onChange={(e) => {
            const id = e.currentTarget.value;
            if (id !== '') segmentsActions.choose(id);
          }}
          data-testid="seg-scheme-custom"
        >
          <option value="">{t('views.seg.scheme.customPick')}</option>
          {custom.map((s) => (
            <option key={s.id} value={s.id}>
              {language === 'zh-CN' ? s.nameZh : s.nameEn}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}

export function SegmentsPage(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const filter = useFilter();
  const options = useFilterOptions();
  const chosen = useSegmentsScheme();
  const gone = useGoneScheme();
  // A deleted scheme is never asked for once the options say it is gone.
  const { scheme, missing } = schemeInUse(chosen, options ? options.schemes.map((s) => s.id) : null);
  const [yAxis, setYAxis] = useState<GridYAxis>('f');
  const [size, setSize] = useState<GridSize>('customers');
  const grid = useViewQuery('views.segmentGrid', { filter, scheme, yAxis, size });
  const summary = useViewQuery('views.segmentSummary', { filter, scheme });
  // The worker may learn of the deletion first (another window deleted it; the options are
  // still on their way): its answer says so, and the page falls back just the same.
  const refused = [grid.error, summary.error].some((e) => e?.details['code'] === UNKNOWN_SCHEME_CODE && e.details['scheme'] === scheme);
  useEffect(() => {
    if (missing) segmentsActions.fallBack(scheme, schemeLabel(chosen, t, language));
    else if (refused) segmentsActions.fallBack(DEFAULT_VIEW_SCHEME, schemeLabel(scheme, t, language));
  }, [missing, refused, chosen, scheme]);
  const gridExport = useRef<ChartExporter | null>(null);
  const treemapExport = useRef<ChartExporter | null>(null);

  const segments = grid.data?.segments ?? summary.data?.segments ?? [];
  const name = (id: string | null): string => segmentName(segments, id, language);
  const yShort = yAxis === 'f' ? 'F' : 'F+M';
  const count = (n: number): string => formatCount(n, language);
  const yuan = (n: number): string => formatYuan(n, language, { fractionDigits: 1 });
  const percent = (n: number | null): string => formatShare(n, language);
  const number = (n: number): string => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);

  const labels: GridLabels = {
    xName: t('views.seg.xName'),
    yName: t(`views.seg.yName.${yAxis}`),
    yShort,
    customers: t('views.common.customers'),
    revenue: t('views.common.revenue'),
    share: t('views.common.share'),
    revenueShare: t('views.common.revenueShare'),
    avgR: t('views.common.avgR'),
    avgF: t('views.common.avgF'),
    avgM: t('views.common.avgM'),
    segment: t('views.seg.mainSegment'),
    segmentName: name,
    cell: (r, y) => t('views.seg.cell', { r, axis: yShort, y }),
    count,
    yuan,
    percent,
    number,
  };
  const gridOption = useMemo(() => (grid.data ? segmentGridOption(grid.data, labels) : null), [grid.data, language]);
  const treemapOption = useMemo(
    () =>
      summary.data
        ? revenueTreemapOption(summary.data, { segmentName: name, yuan, percent, revenue: labels.revenue, customers: labels.customers, count })
        : null,
    [summary.data, language],
  );

  const openCell = (event: ChartClick): void => {
    const cell = (event.data as { cell?: GridCell } | null)?.cell;
    if (!cell) return;
    // One history entry for the cell (Back returns here without it), then the page switch.
    customersActions.setCell({ r: cell.r, y: cell.y, yAxis });
    navigate('customers');
  };

  const settledStamp = useMemo(() => [grid.data, summary.data], [grid.data, summary.data]);
  useSettled('segments', grid.data !== null && summary.data !== null, settledStamp);

  const monetary = options?.monetary;
  const error = refused ? null : (grid.error ?? summary.error);
  const empty = grid.data !== null && grid.data.customers === 0;

  return (
    <div className="page page-views" data-testid="page-segments">
      <header className="page-header">
        <h1 className="page-title">{t('nav.segments')}</h1>
        <p className="page-subtitle">{t('views.seg.subtitle')}</p>
        <div className="reports-export-action"><ExportButton sheets={['summary', 'segments', 'customers']} /></div>
      </header>
      <ViewFilterBar />
      <div className="views-toolbar">
        <SchemePicker value={scheme} options={options} />
        <Toggle
          testId="seg-yaxis"
          value={yAxis}
          onChange={setYAxis}
          options={[
            { value: 'f', label: t('views.seg.yAxis.f') },
            { value: 'fm', label: t('views.seg.yAxis.fm') },
          ]}
        />
        <Toggle
          testId="seg-size"
          value={size}
          onChange={setSize}
          options={[
            { value: 'customers', label: t('views.seg.size.customers') },
            { value: 'revenue', label: t('views.seg.size.revenue') },
          ]}
        />
        {monetary === 'total' || monetary === 'average' || monetary === 'collected' ? (
          <span className="views-note" data-testid="seg-monetary">
            {t(`analytics.monetary.statement.${monetary}`)}
          </span>
        ) : null}
      </div>
      {gone !== null ? (
        <div className="banner banner-info" role="status" data-testid="seg-scheme-gone">
          <span className="banner-text">{t('views.seg.schemeGone', { name: gone, fallback: schemeLabel(scheme, t, language) })}</span>
          <button type="button" className="button" onClick={segmentsActions.dismissGone}>
            {t('views.seg.schemeGoneDismiss')}
          </button>
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          <span className="banner-text">{t('views.common.loadFailed', { why: translateError(error) })}</span>
        </div>
      ) : null}
      <div className="views-grid-2">
        <ChartCard
          title={t('views.seg.gridTitle')}
          subtitle={t('views.seg.gridHint', { size: t(`views.seg.sizeWord.${size}`) })}
          empty={empty}
          emptyText={t('views.common.noMatch')}
          exporter={() => gridExport.current?.() ?? null}
          testId="seg-grid"
        >
          {gridOption ? (
            <EChart option={gridOption} ariaLabel={t('views.seg.gridTitle')} height={440} onClick={openCell} exportRef={gridExport} testId="seg-grid-chart" />
          ) : (
            <div className="views-loading">{t('views.common.loading')}</div>
          )}
          {grid.data && grid.data.unscored > 0 ? <p className="views-note">{t('views.common.unscored', { count: count(grid.data.unscored) })}</p> : null}
        </ChartCard>
        <ChartCard
          title={t('views.seg.treemapTitle')}
          empty={summary.data !== null && summary.data.revenue === 0}
          emptyText={t('views.common.noMatch')}
          exporter={() => treemapExport.current?.() ?? null}
          testId="seg-treemap"
        >
          {treemapOption ? (
            <EChart option={treemapOption} ariaLabel={t('views.seg.treemapTitle')} height={440} exportRef={treemapExport} testId="seg-treemap-chart" />
          ) : (
            <div className="views-loading">{t('views.common.loading')}</div>
          )}
        </ChartCard>
      </div>
      <section className="card views-table-card" data-testid="seg-summary">
        <div className="card-header">
          <h2 className="card-title">{t('views.seg.summaryTitle')}</h2>
        </div>
        {summary.data && summary.data.customers === 0 ? (
          <p className="views-empty">{t('views.common.noMatch')}</p>
        ) : (
          <div className="views-table-scroll">
            <table className="views-table">
              <thead>
                <tr>
                  <th>{t('views.seg.segment')}</th>
                  <th className="num">{t('views.common.customers')}</th>
                  <th className="num">{t('views.common.share')}</th>
                  <th className="num">{t('views.common.revenue')}</th>
                  <th className="num">{t('views.common.revenueShare')}</th>
                  <th className="num">{t('views.common.avgR')}</th>
                  <th className="num">{t('views.common.avgF')}</th>
                  <th className="num">{t('views.common.avgM')}</th>
                  <th className="num">{t('views.common.winRate')}</th>
                </tr>
              </thead>
              <tbody>
                {(summary.data?.rows ?? []).map((r) => (
                  <tr key={r.segment} data-testid={`seg-row-${r.segment}`}>
                    <td>
                      <span className="views-dot" style={{ background: segmentColor(segments, r.segment) }} aria-hidden="true" />
                      {name(r.segment)}
                    </td>
                    <td className="num" data-value={r.customers}>{count(r.customers)}</td>
                    <td className="num">{percent(r.share)}</td>
                    <td className="num">{yuan(r.revenue)}</td>
                    <td className="num">{percent(r.revenueShare)}</td>
                    <td className="num">{r.avgRecencyDays === null ? '–' : number(r.avgRecencyDays)}</td>
                    <td className="num">{r.avgFrequency === null ? '–' : number(r.avgFrequency)}</td>
                    <td className="num">{r.avgMonetary === null ? '–' : yuan(r.avgMonetary)}</td>
                    <td className="num">{percent(r.winRate)}</td>
                  </tr>
                ))}
              </tbody>
              {summary.data ? (
                <tfoot>
                  <tr>
                    <td>{t('views.seg.total')}</td>
                    <td className="num" data-testid="seg-total-customers">{count(summary.data.customers)}</td>
                    <td className="num">{percent(1)}</td>
                    <td className="num">{yuan(summary.data.revenue)}</td>
                    <td className="num">{percent(1)}</td>
                    <td colSpan={4} />
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
