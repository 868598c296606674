/**
 * Region names the map could not place (as imported: a misspelt province, a city in the wrong
 * column), each with "Assign": choose the province (and city) it stands for. The fix is stored
 * in the workspace, rewrites the customers carrying that name and applies to future imports
 * (views.regionFixes.*). The fixes made so far are listed and can be removed.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import { PROVINCES, citiesOfProvince } from '../../../shared/regions/index.ts';
import type { UnmatchedRegion } from '../../../shared/regions/map-names.ts';
import type { RegionFix, RegionFixLevel } from '../../../shared/views/api.ts';

function provinceText(name: string, language: string): string {
  const p = PROVINCES.find((x) => x.name === name);
  return language === 'en' && p ? `${p.nameEn} · ${p.name}` : name;
}

function AssignForm(props: { raw: string; level: RegionFixLevel; provinceHint: string | null; onDone: (message: string) => void; onCancel: () => void }): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [province, setProvince] = useState(props.provinceHint ?? '');
  const [city, setCity] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const code = PROVINCES.find((p) => p.name === province)?.code;
  const cities = code === undefined ? [] : citiesOfProvince(code).filter((c) => !c.municipality);
  const apply = (): void => {
    if (province === '') return;
    setBusy(true);
    call('views.regionFixes.set', { raw: props.raw, level: props.level, province, city: city === '' ? null : city }).then(
      () => {
        setBusy(false);
        props.onDone(t('views.fix.done', { raw: props.raw, target: [province, city].filter(Boolean).join(' ') }));
      },
      (e: unknown) => {
        setBusy(false);
        setError(t('views.fix.failed', { why: translateError(toErrorData(e)) }));
      },
    );
  };
  return (
    <span className="fix-row" data-testid="fix-form">
      <select
        className="views-select"
        value={province}
        aria-label={t('views.fix.province')}
        onChange={(e) => {
          setProvince(e.currentTarget.value);
          setCity('');
        }}
        data-testid="fix-province"
      >
        <option value="">{t('views.fix.province')}</option>
        {PROVINCES.map((p) => (
          <option key={p.code} value={p.name}>
            {provinceText(p.name, language)}
          </option>
        ))}
      </select>
      {cities.length > 0 ? (
        <select className="views-select" value={city} aria-label={t('views.fix.city')} onChange={(e) => setCity(e.currentTarget.value)} data-testid="fix-city">
          <option value="">{t('views.fix.noCity')}</option>
          {cities.map((c) => (
            <option key={c.code} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      ) : null}
      <button type="button" className="button button-primary" disabled={province === '' || busy} onClick={apply} data-testid="fix-apply">
        {t('views.fix.save')}
      </button>
      <button type="button" className="button" onClick={props.onCancel}>
        {t('views.fix.cancel')}
      </button>
      {error ? (
        <span className="fix-message is-failed" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** The map's unmatched names with an "Assign" action each. */
export function UnmatchedRegions(props: {
  unmatched: readonly UnmatchedRegion<number | null>[];
  level: RegionFixLevel;
  /** The drilled province, for unmatched cities. */
  province: string | null;
  formatValue: (value: number) => string;
}): ReactNode {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="fix-list" data-testid="fix-unmatched">
      {props.unmatched.map((u) => (
        <div key={u.rawName} className="fix-row" data-testid="fix-unmatched-item" data-raw={u.rawName}>
          <span className="fix-raw">{u.rawName === '' ? '—' : u.rawName}</span>
          {u.value !== null ? <span className="views-note">{props.formatValue(u.value)}</span> : null}
          {u.rawName === '' ? null : open === u.rawName ? (
            <AssignForm
              raw={u.rawName}
              level={props.level}
              provinceHint={props.province}
              onDone={(m) => {
                setOpen(null);
                setMessage(m);
              }}
              onCancel={() => setOpen(null)}
            />
          ) : (
            <button type="button" className="button button-small" onClick={() => setOpen(u.rawName)} data-testid="fix-assign">
              {t('views.fix.action')}
            </button>
          )}
        </div>
      ))}
      <div className="cmap-unmatched-hint">{t('views.map.unmatchedHint')}</div>
      {message ? (
        <div className="fix-message" role="status" data-testid="fix-message">
          {message}
        </div>
      ) : null}
    </div>
  );
}

/** The fixes stored in the workspace, each removable (customers already fixed stay fixed). */
export function RegionFixList(): ReactNode {
  const t = useT();
  const [fixes, setFixes] = useState<RegionFix[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => onNamedEvent('workspace.changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    call('views.regionFixes.list').then(
      (view) => live && setFixes(view.fixes),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  if (fixes.length === 0) return null;
  return (
    <section className="card views-table-card" data-testid="fix-list">
      <div className="card-header">
        <h2 className="card-title">{t('views.fix.listTitle')}</h2>
      </div>
      <div className="fix-list">
        {fixes.map((f) => (
          <div key={`${f.level}:${f.raw}`} className="fix-row" data-testid="fix-list-item">
            <span className="fix-raw">{f.raw}</span>
            <span className="views-note">{t(f.level === 'province' ? 'views.fix.levelProvince' : 'views.fix.levelCity')}</span>
            <span>→ {[f.province, f.city].filter(Boolean).join(' ')}</span>
            <span className="views-note">{t('views.fix.customers', { count: f.customers })}</span>
            <button
              type="button"
              className="button button-small"
              onClick={() => void call('views.regionFixes.delete', { raw: f.raw, level: f.level }).then((v) => setFixes(v.fixes), () => undefined)}
            >
              {t('views.fix.remove')}
            </button>
          </div>
        ))}
      </div>
    </section>
  );
}
