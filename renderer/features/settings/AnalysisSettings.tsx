/**
 * Settings → Analysis: the analysis date, windows, what M means, what a purchase is, how
 * scores are cut, lifecycle thresholds. Every change re-scores (debounced) and the card on the
 * right shows the thresholds actually used and any warning, with a one-click switch to
 * business thresholds when quantiles cannot give every score.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../api/client.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount, formatYuan } from '../../../shared/format/numbers.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import { followAnalytics, setSummary, useSummary } from '../analytics/index.ts';
import { NumberField } from './NumberField.tsx';
import type { ReactNode } from 'react';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { AnalyticsSettingsView, AnalyticsSummary } from '../../../shared/analytics/api.ts';
import type { AnalysisSettings, Bins, RfmDimension, ScoreBand } from '../../../shared/analytics/types.ts';
import type { Language } from '../../../shared/api/contract.ts';

const DIMENSIONS: readonly RfmDimension[] = ['r', 'f', 'm'];
const DEBOUNCE_MS = 350;

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; ms: number } | { kind: 'failed'; error: AtlasErrorData };

function Segmented<T extends string>(props: {
  value: T;
  options: readonly { value: T; label: string }[];
  testId: string;
  onChange: (value: T) => void;
}): ReactNode {
  return (
    <div className="segmented segmented-wrap" role="radiogroup" data-testid={props.testId}>
      {props.options.map((o) => (
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === props.value}
          className={o.value === props.value ? 'segmented-item is-active' : 'segmented-item'}
          data-testid={`${props.testId}-${o.value}`}
          onClick={() => props.onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

function formatBandValue(d: RfmDimension, v: number | null, language: Language, t: ReturnType<typeof useT>): string {
  if (v === null) return '–';
  if (d === 'm') return formatYuan(v, language);
  if (d === 'r') return t('analytics.unit.daysN', { n: formatCount(v, language) });
  return formatCount(v, language);
}

function bandRange(d: RfmDimension, band: ScoreBand, language: Language, t: ReturnType<typeof useT>): string {
  if (band.count === 0) return t('analytics.settings.bandEmpty');
  const lo = formatBandValue(d, band.min, language, t);
  const hi = formatBandValue(d, band.max, language, t);
  return lo === hi ? lo : `${lo} – ${hi}`;
}

function ThresholdsUsed({ summary, onUseThresholds }: { summary: AnalyticsSummary; onUseThresholds: () => void }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const { rfm } = summary;
  return (
    <section className="card settings-card thresholds-card" data-testid="settings-thresholds-used" data-method={rfm.method} data-monetary={rfm.monetary}>
      <header className="card-header">
        <h2 className="card-title">{t('analytics.settings.usedTitle')}</h2>
        <p className="card-subtitle">
          {t('analytics.settings.usedSubtitle', {
            date: summary.analysisDate,
            scored: formatCount(summary.scored, language),
            customers: formatCount(summary.customers, language),
          })}
        </p>
      </header>
      <p className="settings-m-statement" data-testid="settings-m-statement">
        {t(`analytics.monetary.statement.${rfm.monetary}`)}
      </p>
      {rfm.warnings.length > 0 && (
        <div className="rfm-warnings" role="status">
          {rfm.warnings.map((w) => (
            <div key={`${w.dimension}-${w.code}`} className="rfm-warning" data-testid={`settings-warning-${w.dimension}`}>
              <span className="rfm-warning-text">{language === 'zh-CN' ? w.messageZh : w.messageEn}</span>
              {w.code === 'fewer-distinct-scores' && rfm.method === 'quantile' && (
                <button type="button" className="button button-small" data-testid="settings-use-thresholds" onClick={onUseThresholds}>
                  {t('analytics.settings.useThresholds')}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      <div className="bands">
        {DIMENSIONS.map((d) => (
          <table key={d} className="bands-table" data-testid={`settings-bands-${d}`}>
            <caption>{t(`analytics.dimension.${d}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analytics.settings.score')}</th>
                <th scope="col">{t('analytics.settings.range')}</th>
                <th scope="col" className="num">
                  {t('analytics.settings.customers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...rfm.bands[d]].reverse().map((band) => (
                <tr key={band.score} className={band.count === 0 ? 'is-empty' : undefined}>
                  <td>
                    <span className={`score-pill score-${Math.round(1 + ((band.score - 1) * 4) / Math.max(1, rfm.bins[d] - 1))}`}>{band.score}</span>
                  </td>
                  <td>{bandRange(d, band, language, t)}</td>
                  <td className="num">{formatCount(band.count, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="settings-method-text">{language === 'zh-CN' ? rfm.methodText.zh : rfm.methodText.en}</p>
    </section>
  );
}

function ThresholdInputs({ settings, onChange }: { settings: AnalysisSettings; onChange: (next: AnalysisSettings) => void }): ReactNode {
  const t = useT();
  return (
    <div className="threshold-grid">
      {DIMENSIONS.map((d) => {
        const cuts = settings.thresholds[d];
        const needed = settings.bins[d] - 1;
        return (
          <div key={d} className="threshold-row">
            <span className="threshold-label">{t(`analytics.dimension.${d}`)}</span>
            {Array.from({ length: needed }, (_, i) => (
              <NumberField
                key={i}
                label={t(d === 'r' ? 'analytics.settings.cutR' : 'analytics.settings.cut', { n: i + 1 })}
                value={cuts[i] ?? 0}
                min={0}
                max={1e12}
                testId={`settings-cut-${d}-${i}`}
                onChange={(v) => {
                  const next = Array.from({ length: needed }, (_, k) => (k === i ? v : (cuts[k] ?? v)));
                  onChange({ ...settings, thresholds: { ...settings.thresholds, [d]: next } });
                }}
              />
            ))}
          </div>
        );
      })}
      <p className="field-hint">{t('analytics.settings.thresholdHint')}</p>
    </div>
  );
}

/** Cuts of the right length for the bins: the current ones, else the quantile bands' lower bounds. */
function fitThresholds(settings: AnalysisSettings, summary: AnalyticsSummary | null): AnalysisSettings['thresholds'] {
  const out = { ...settings.thresholds };
  for (const d of DIMENSIONS) {
    const need = settings.bins[d] - 1;
    const cuts = settings.thresholds[d];
    if (cuts.length === need && cuts.every((c, i) => i === 0 || c > cuts[i - 1]!)) continue;
    const bands = summary?.rfm.bands[d] ?? [];
    const fromBands = bands
      .filter((b) => b.score > 1 && b.min !== null)
      .map((b) => (d === 'r' ? b.max! : b.min!))
      .sort((a, b) => a - b);
    const base = fromBands.length === need ? fromBands : Array.from({ length: need }, (_, i) => (i + 1) * (d === 'r' ? 90 : d === 'f' ? 2 : 100_000));
    out[d] = base.map((v, i) => (i > 0 && v <= base[i - 1]! ? base[i - 1]! + 1 : v));
  }
  return out;
}

export function AnalysisSettingsSection(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const summary = useSummary();
  const [view, setView] = useState<AnalyticsSettingsView | null>(null);
  const [draft, setDraft] = useState<AnalysisSettings | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);

  useEffect(() => followAnalytics({ summary: true }), []);
  useEffect(() => {
    let alive = true;
    call('analytics.settings.get')
      .then((v) => {
        if (!alive) return;
        setView(v);
        setDraft(v.settings);
      })
      .catch((error: unknown) => alive && setStatus({ kind: 'failed', error: toErrorData(error) }));
    return () => {
      alive = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const apply = useCallback((next: AnalysisSettings) => {
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setStatus({ kind: 'saving' });
      const started = performance.now();
      call('analytics.settings.set', { settings: next })
        .then((result) => {
          if (mine !== seq.current) return;
          setSummary(result);
          setStatus({ kind: 'saved', ms: Math.round(performance.now() - started) });
        })
        .catch((error: unknown) => mine === seq.current && setStatus({ kind: 'failed', error: toErrorData(error) }));
    }, DEBOUNCE_MS);
  }, []);

  if (draft === null || view === null) {
    return (
      <section className="card settings-card" aria-busy="true">
        {status.kind === 'failed' ? <p className="form-error">{translateError(status.error)}</p> : <div className="spinner" />}
      </section>
    );
  }

  const setBins = (d: RfmDimension, bins: Bins) => {
    const next = { ...draft, bins: { ...draft.bins, [d]: bins } };
    apply({ ...next, thresholds: fitThresholds(next, summary) });
  };
  const useThresholds = () => {
    const next: AnalysisSettings = { ...draft, method: 'thresholds' };
    apply({ ...next, thresholds: fitThresholds(next, summary) });
  };
  const windowMonths = draft.window === 'all' ? null : draft.window.months;

  return (
    <div className="settings-grid" data-testid="settings-analysis">
      <div className="settings-column">
        <section className="card settings-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.settings.dateTitle')}</h2>
            <span className={`save-status is-${status.kind}`} data-testid="settings-status" role="status">
              {status.kind === 'saving' && t('analytics.settings.rescoring')}
              {status.kind === 'saved' && t('analytics.settings.rescored', { ms: status.ms })}
              {status.kind === 'failed' && translateError(status.error)}
            </span>
          </header>
          <div className="form-row">
            <Segmented
              testId="settings-date-mode"
              value={draft.analysisDate === null ? 'latest' : 'fixed'}
              options={[
                { value: 'latest', label: t('analytics.settings.dateLatest') },
                { value: 'fixed', label: t('analytics.settings.dateFixed') },
              ]}
              onChange={(mode) => apply({ ...draft, analysisDate: mode === 'latest' ? null : (summary?.analysisDate ?? view.analysisDate) })}
            />
            {draft.analysisDate !== null && (
              <input
                className="input input-date"
                type="date"
                value={draft.analysisDate}
                data-testid="settings-date"
                aria-label={t('analytics.settings.dateFixed')}
                onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) && apply({ ...draft, analysisDate: e.target.value })}
              />
            )}
          </div>
          <p className="field-hint">
            {view.latestOrderDate === null
              ? t('analytics.settings.noOrders')
              : t('analytics.settings.dateHint', { date: view.latestOrderDate })}
          </p>
        </section>

        <section className="card settings-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.settings.windowTitle')}</h2>
          </header>
          <div className="form-row">
            <Segmented
              testId="settings-window"
              value={windowMonths === null ? 'all' : 'months'}
              options={[
                { value: 'all', label: t('analytics.settings.windowAll') },
                { value: 'months', label: t('analytics.settings.windowMonths') },
              ]}
              onChange={(mode) => apply({ ...draft, window: mode === 'all' ? 'all' : { months: 36 } })}
            />
            {windowMonths !== null && (
              <NumberField
                label={t('analytics.settings.months')}
                value={windowMonths}
                min={1}
                max={240}
                unit={t('analytics.unit.months')}
                testId="settings-window-months"
                onChange={(months) => apply({ ...draft, window: { months } })}
              />
            )}
            <NumberField
              label={t('analytics.settings.recentMonths')}
              value={draft.recentMonths}
              min={1}
              max={60}
              unit={t('analytics.unit.months')}
              testId="settings-recent-months"
              onChange={(recentMonths) => apply({ ...draft, recentMonths })}
            />
          </div>
        </section>

        <section className="card settings-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.settings.monetaryTitle')}</h2>
          </header>
          <Segmented
            testId="settings-monetary"
            value={draft.monetary}
            options={[
              { value: 'total', label: t('analytics.monetary.total') },
              { value: 'average', label: t('analytics.monetary.average') },
              { value: 'collected', label: t('analytics.monetary.collected') },
            ]}
            onChange={(monetary) => apply({ ...draft, monetary })}
          />
          <p className="field-hint">{t(`analytics.monetary.hint.${draft.monetary}`)}</p>
          <h3 className="settings-subtitle">{t('analytics.settings.purchaseTitle')}</h3>
          <Segmented
            testId="settings-purchase-unit"
            value={draft.purchaseUnit}
            options={[
              { value: 'contract', label: t('analytics.purchase.contract') },
              { value: 'line', label: t('analytics.purchase.line') },
            ]}
            onChange={(purchaseUnit) => apply({ ...draft, purchaseUnit })}
          />
          <p className="field-hint">{t(`analytics.purchase.hint.${draft.purchaseUnit}`)}</p>
        </section>

        <section className="card settings-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.settings.paymentTitle')}</h2>
          </header>
          <NumberField
            label={t('analytics.settings.graceDays')}
            value={draft.paymentGraceDays}
            min={0}
            max={365}
            unit={t('analytics.unit.days')}
            testId="settings-grace-days"
            onChange={(paymentGraceDays) => Number.isInteger(paymentGraceDays) && apply({ ...draft, paymentGraceDays })}
          />
          <p className="field-hint">{t('analytics.settings.graceHint', { n: draft.paymentGraceDays })}</p>
        </section>

        <section className="card settings-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.settings.scoringTitle')}</h2>
          </header>
          <Segmented
            testId="settings-method"
            value={draft.method}
            options={[
              { value: 'quantile', label: t('analytics.method.quantile') },
              { value: 'thresholds', label: t('analytics.method.thresholds') },
            ]}
            onChange={(method) => {
              const next = { ...draft, method };
              apply({ ...next, thresholds: fitThresholds(next, summary) });
            }}
          />
          <div className="bins-row">
            {DIMENSIONS.map((d) => (
              <label key={d} className="field">
                <span className="field-label">{t('analytics.settings.binsFor', { dimension: t(`analytics.dimension.${d}`) })}</span>
                <select
                  className="input select"
                  value={draft.bins[d]}
                  data-testid={`settings-bins-${d}`}
                  onChange={(e) => setBins(d, Number(e.target.value) as Bins)}
                >
                  {[3, 4, 5].map((n) => (
                    <option key={n} value={n}>
                      {t('analytics.settings.binsN', { n })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {draft.method === 'thresholds' && <ThresholdInputs settings={draft} onChange={apply} />}
        </section>

        <section className="card settings-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.settings.lifecycleTitle')}</h2>
            <p className="card-subtitle">{t('analytics.settings.lifecycleHint')}</p>
          </header>
          <div className="form-grid">
            <NumberField
              label={t('analytics.settings.sleepingFactor')}
              value={draft.lifecycle.sleepingFactor}
              min={1}
              max={50}
              step={0.1}
              unit="×"
              testId="settings-sleeping"
              onChange={(v) => v < draft.lifecycle.lostFactor && apply({ ...draft, lifecycle: { ...draft.lifecycle, sleepingFactor: v } })}
            />
            <NumberField
              label={t('analytics.settings.lostFactor')}
              value={draft.lifecycle.lostFactor}
              min={1}
              max={50}
              step={0.1}
              unit="×"
              testId="settings-lost"
              onChange={(v) => v > draft.lifecycle.sleepingFactor && apply({ ...draft, lifecycle: { ...draft.lifecycle, lostFactor: v } })}
            />
            <NumberField
              label={t('analytics.settings.newWithin')}
              value={draft.lifecycle.newWithinDays}
              min={1}
              max={3650}
              unit={t('analytics.unit.days')}
              testId="settings-new-within"
              onChange={(v) => apply({ ...draft, lifecycle: { ...draft.lifecycle, newWithinDays: v } })}
            />
            <NumberField
              label={t('analytics.settings.defaultInterval')}
              value={draft.lifecycle.defaultIntervalDays}
              min={1}
              max={3650}
              unit={t('analytics.unit.days')}
              testId="settings-default-interval"
              onChange={(v) => apply({ ...draft, lifecycle: { ...draft.lifecycle, defaultIntervalDays: v } })}
            />
          </div>
        </section>
      </div>
      <div className="settings-column settings-column-side">{summary && <ThresholdsUsed summary={summary} onUseThresholds={useThresholds} />}</div>
    </div>
  );
}
