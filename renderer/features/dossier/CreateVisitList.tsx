/**
 * "Build a visit list": from the Customers page's selection or from the current shared
 * filter ("all A customers in 苏州"), with a name and an order; opens the Visit lists page on
 * the new list.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import { VISIT_ORDERS } from '../../../shared/dossier/visit-list.ts';
import type { VisitOrder } from '../../../shared/dossier/visit-list.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { currentFilterQuery } from '../../app/filter-store.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { navigate } from '../../app/nav-store.ts';
import { useLanguage } from '../../app/session-store.ts';
import { today } from './dossier-format.ts';
import { visitsActions } from './visits-store.ts';

export interface CreateVisitListProps {
  /** The selected customers' ids; empty → build from the current filter. */
  selection: readonly number[];
}

export function CreateVisitList({ selection }: CreateVisitListProps): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [order, setOrder] = useState<VisitOrder>('priority');
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState<AtlasErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const fromSelection = selection.length > 0;
  const label = fromSelection ? t('visits.fromSelection', { count: formatCount(selection.length, language) }) : t('visits.fromFilter');

  const create = async () => {
    const listName = (name.trim() || t('visits.defaultName', { date: today() })).slice(0, 80);
    setBusy(true);
    setError(null);
    try {
      const list = await call('dossier.lists.save', {
        name: listName,
        order,
        ...(fromSelection ? { customerIds: [...selection] } : { filter: currentFilterQuery() }),
        ...(replace ? { replace: true } : {}),
      });
      setOpen(false);
      setName('');
      visitsActions.select(list.name);
      navigate('visits');
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="visit-create-open">
        {label}
      </button>
    );
  }
  return (
    <div className="card visit-create" role="dialog" aria-label={label} data-testid="visit-create">
      <div className="visit-create-title">{label}</div>
      <label className="visit-create-field">
        <span>{t('visits.name')}</span>
        <input
          className="input"
          value={name}
          maxLength={80}
          placeholder={t('visits.defaultName', { date: today() })}
          onChange={(e) => setName(e.target.value)}
          data-testid="visit-create-name"
        />
      </label>
      <label className="visit-create-field">
        <span>{t('visits.order')}</span>
        <select className="input" value={order} onChange={(e) => setOrder(e.target.value as VisitOrder)} data-testid="visit-create-order">
          {VISIT_ORDERS.filter((o) => o !== 'manual').map((o) => (
            <option key={o} value={o}>
              {t(`visits.order.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="visit-create-check">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
        <span>{t('visits.replace')}</span>
      </label>
      {error ? (
        <p className="dossier-error-text" role="alert" data-testid="visit-create-error">
          {translateError(error)}
        </p>
      ) : null}
      <div className="visit-create-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('visits.cancel')}
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void create()} data-testid="visit-create-go">
          {t('visits.create')}
        </button>
      </div>
    </div>
  );
}
