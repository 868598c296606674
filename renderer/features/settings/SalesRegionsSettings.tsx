/**
 * Settings → Sales regions: which sales region (大区) each province belongs to, stored in the
 * workspace (views.salesRegions.*). Saving writes the regions into every customer, so the
 * "by sales region" charts, the sales region filter and reports change at once. A new region
 * name can be added; "Reset" returns to the shipped division (华东 … 东北).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { toErrorData, type AtlasErrorData } from '../../../shared/api/errors.ts';
import { PROVINCES, SALES_REGION_EN, isSalesRegion } from '../../../shared/regions/index.ts';
import type { SalesRegionMapping } from '../../../shared/views/api.ts';
import { MAX_REGION_NAME } from '../../../shared/views/api.ts';
import '../customers/views.css';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: AtlasErrorData };

export function SalesRegionsSettings(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [mapping, setMapping] = useState<SalesRegionMapping | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<string[]>([]);
  const [newRegion, setNewRegion] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [version, setVersion] = useState(0);
  /** The stored mapping the draft started from. */
  const base = useRef<SalesRegionMapping | null>(null);

  useEffect(() => onNamedEvent('workspace.changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    call('views.salesRegions.get').then(
      (m) => {
        if (!live) return;
        // workspace.changed also comes after an autosave or another page's change: the user's
        // unsaved choices stay unless the stored mapping itself changed.
        const before = base.current;
        base.current = m;
        setMapping(m);
        if (before === null || JSON.stringify(before.rows) !== JSON.stringify(m.rows)) {
          setDraft(Object.fromEntries(m.rows.map((r) => [r.province, r.region])));
        }
      },
      (e: unknown) => live && setStatus({ kind: 'failed', error: toErrorData(e) }),
    );
    return () => {
      live = false;
    };
  }, [version]);

  const regions = useMemo(() => [...new Set([...(mapping?.regions ?? []), ...Object.values(draft), ...extra])], [mapping, draft, extra]);
  const regionLabel = (name: string): string => (language === 'en' && isSalesRegion(name) ? `${name} · ${SALES_REGION_EN[name]}` : name);
  const provinceLabel = (name: string): string => {
    const p = PROVINCES.find((x) => x.name === name);
    return language === 'en' && p ? `${p.nameEn} ${p.name}` : name;
  };
  const changed = mapping !== null && mapping.rows.some((r) => draft[r.province] !== r.region);

  const save = (next: Record<string, string> | null): void => {
    setStatus({ kind: 'saving' });
    call('views.salesRegions.set', { mapping: next }).then(
      (m) => {
        base.current = m;
        setMapping(m);
        setDraft(Object.fromEntries(m.rows.map((r) => [r.province, r.region])));
        setStatus({ kind: 'saved' });
      },
      (e: unknown) => setStatus({ kind: 'failed', error: toErrorData(e) }),
    );
  };

  const addRegion = (): void => {
    const name = newRegion.trim();
    if (name === '' || name.length > MAX_REGION_NAME) return;
    if (!regions.includes(name)) setExtra([...extra, name]);
    setNewRegion('');
  };

  return (
    <section className="card settings-card sr-card" data-testid="sales-regions-settings">
      <div className="card-header">
        <div>
          <h2 className="card-title">{t('views.sr.title')}</h2>
          <p className="settings-subtitle">{t('views.sr.hint')}</p>
        </div>
        {mapping ? <span className="views-note">{t(mapping.customised ? 'views.sr.customised' : 'views.sr.standard')}</span> : null}
      </div>
      {mapping === null ? null : (
        <>
          <div className="sr-grid" role="table" aria-label={t('views.sr.title')}>
            {mapping.rows.map((row) => {
              const value = draft[row.province] ?? row.region;
              return (
                <label key={row.province} className={`sr-row${value !== row.defaultRegion ? ' is-changed' : ''}`} role="row">
                  <span className="sr-province" role="cell">
                    {provinceLabel(row.province)}
                  </span>
                  <select
                    className="views-select sr-select"
                    value={value}
                    onChange={(e) => setDraft({ ...draft, [row.province]: e.currentTarget.value })}
                    title={t('views.sr.default', { region: regionLabel(row.defaultRegion) })}
                    data-testid={`sr-select-${row.code}`}
                  >
                    {regions.map((r) => (
                      <option key={r} value={r}>
                        {regionLabel(r)}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
          <div className="views-toolbar sr-actions">
            <input
              className="input sr-new"
              value={newRegion}
              maxLength={MAX_REGION_NAME}
              placeholder={t('views.sr.newRegion')}
              aria-label={t('views.sr.newRegion')}
              onChange={(e) => setNewRegion(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') addRegion();
              }}
              data-testid="sr-new-region"
            />
            <button type="button" className="button" onClick={addRegion} disabled={newRegion.trim() === ''} data-testid="sr-add-region">
              +
            </button>
            <span className="views-toolbar-spacer" />
            {status.kind === 'saved' ? <span className="save-status" role="status">{t('views.sr.saved')}</span> : null}
            {status.kind === 'failed' ? (
              <span className="save-status is-failed" role="alert">
                {t('views.sr.failed', { why: translateError(status.error) })}
              </span>
            ) : null}
            <button type="button" className="button" disabled={status.kind === 'saving' || !mapping.customised} onClick={() => save(null)} data-testid="sr-reset">
              {t('views.sr.reset')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={status.kind === 'saving' || !changed}
              onClick={() => save(draft)}
              data-testid="sr-save"
            >
              {t('views.sr.save')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
