/**
 * Visit lists (`#/visits`): the lists of the workspace; for the open one its members in visit
 * order (re-order by priority or by city, move, remove), "Print all dossiers" into one PDF
 * (cover page + every dossier, progress and cancel) and "Export to Excel" (masked by default).
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { call } from '../../api/client.ts';
import type { DossierPrintResult } from '../../../shared/dossier/api.ts';
import type { PersonalDataMode } from '../../../shared/dossier/types.ts';
import { VISIT_ORDERS, safeFileName } from '../../../shared/dossier/visit-list.ts';
import type { VisitOrder } from '../../../shared/dossier/visit-list.ts';
import { formatCount, formatYuan } from '../../../shared/format/numbers.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { dossierHref, navigate } from '../../app/nav-store.ts';
import { useLanguage, useWorkspace } from '../../app/session-store.ts';
import { JobProgress } from './JobProgress.tsx';
import { SaveTarget } from './SaveTarget.tsx';
import { useJob } from './use-job.ts';
import { useVisitsState, visitsActions } from './visits-store.ts';
import './dossier.css';

export function VisitsPage(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const workspace = useWorkspace();
  const { lists, list, selected, error } = useVisitsState();
  const [personalData, setPersonalData] = useState<PersonalDataMode>('masked');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [action, setAction] = useState<'print' | 'export' | null>(null);
  const print = useJob<DossierPrintResult>('visits-print');
  const exporter = useJob<{ path: string; rows: number }>('visits-export');

  useEffect(() => {
    void visitsActions.load();
  }, [workspace?.path]);

  const members = list?.members ?? [];
  const ids = members.map((m) => m.id);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length) return;
    const next = [...ids];
    const [id] = next.splice(from, 1);
    next.splice(to, 0, id!);
    void visitsActions.setMembers(next);
  };

  return (
    <div className="page page-visits" data-testid="page-visits">
      <header className="page-header">
        <h1 className="page-title">{t('visits.title')}</h1>
        <p className="page-subtitle">{t('visits.subtitle', { count: formatCount(lists?.length ?? 0, language) })}</p>
      </header>
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="visits-error">
          <span className="banner-text">{translateError(error)}</span>
        </div>
      ) : null}
      {lists !== null && lists.length === 0 ? (
        <div className="card visits-empty" data-testid="visits-empty">
          <p>{t('visits.empty')}</p>
          <button type="button" className="button button-primary" onClick={() => navigate('customers')}>
            {t('nav.customers')}
          </button>
        </div>
      ) : null}
      <div className="visits-body">
        <nav className="card visits-lists" aria-label={t('visits.title')}>
          <ul>
            {(lists ?? []).map((l) => (
              <li key={l.name}>
                <button
                  type="button"
                  className={l.name === selected ? 'visits-list-item is-active' : 'visits-list-item'}
                  onClick={() => void visitsActions.open(l.name)}
                  data-testid="visits-list-item"
                >
                  <span className="visits-list-name">{l.name}</span>
                  <span className="visits-list-count">{t('visits.count', { count: formatCount(l.count, language) })}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {list ? (
          <section className="card visits-detail" data-testid="visits-detail">
            <div className="visits-detail-head">
              {renaming === null ? (
                <h2 className="card-title" data-testid="visits-name">
                  {list.name}
                </h2>
              ) : (
                <input
                  className="input"
                  value={renaming}
                  maxLength={80}
                  autoFocus
                  onChange={(e) => setRenaming(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void visitsActions.rename(renaming).then(() => setRenaming(null));
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                  aria-label={t('visits.rename')}
                />
              )}
              <span className="views-toolbar-spacer" />
              <button type="button" className="button" onClick={() => setRenaming(renaming === null ? list.name : null)}>
                {t('visits.rename')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  if (window.confirm(t('visits.deleteConfirm', { name: list.name }))) void visitsActions.remove();
                }}
                data-testid="visits-delete"
              >
                {t('visits.delete')}
              </button>
            </div>
            <div className="visits-toolbar">
              <label className="visit-create-field inline">
                <span>{t('visits.order')}</span>
                <select className="input" value={list.order} onChange={(e) => void visitsActions.order(e.target.value as VisitOrder)} data-testid="visits-order">
                  {VISIT_ORDERS.map((o) => (
                    <option key={o} value={o} disabled={o === 'manual'}>
                      {t(`visits.order.${o}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="dossier-unmask">
                <input type="checkbox" checked={personalData === 'shown'} onChange={(e) => setPersonalData(e.target.checked ? 'shown' : 'masked')} data-testid="visits-unmask" />
                <span>{t('dossier.unmask')}</span>
              </label>
              <span className="views-toolbar-spacer" />
              <button type="button" className="button button-primary" onClick={() => setAction(action === 'print' ? null : 'print')} data-testid="visits-print">
                {t('visits.printAll')}
              </button>
              <button type="button" className="button" onClick={() => setAction(action === 'export' ? null : 'export')} data-testid="visits-export">
                {t('visits.exportExcel')}
              </button>
            </div>
            {action === 'print' ? (
              <div className="dossier-print-card">
                <SaveTarget
                  format="pdf"
                  suggestedName={safeFileName(list.name, list.analysisDate, 'pdf')}
                  label={t('dossier.print.savePath')}
                  actionLabel={t('visits.printAll')}
                  disabled={print.state.running}
                  testId="visits-print-target"
                  onSave={(path) => void print.run((jobId) => call('dossier.print', { jobId, listName: list.name, language, personalData, path }))}
                />
                <JobProgress
                  state={print.state}
                  onCancel={print.cancel}
                  testId="visits-print"
                  done={(r) => (
                    <span>
                      {t('dossier.printed', { pages: r.pages })} <code data-testid="visits-print-path">{r.path}</code>
                    </span>
                  )}
                />
              </div>
            ) : null}
            {action === 'export' ? (
              <div className="dossier-print-card">
                <SaveTarget
                  format="xlsx"
                  suggestedName={safeFileName(list.name, list.analysisDate, 'xlsx')}
                  label={t('reports.path')}
                  actionLabel={t('visits.exportExcel')}
                  disabled={exporter.state.running}
                  testId="visits-export-target"
                  onSave={(path) => void exporter.run((jobId) => call('dossier.lists.export', { jobId, name: list.name, language, personalData, path }))}
                />
                <JobProgress
                  state={exporter.state}
                  onCancel={exporter.cancel}
                  testId="visits-export"
                  done={(r) => (
                    <span>
                      {t('visits.exported', { rows: r.rows })} <code data-testid="visits-export-path">{r.path}</code>
                    </span>
                  )}
                />
              </div>
            ) : null}
            <table className="dossier-table visits-table" data-testid="visits-members">
              <thead>
                <tr>
                  <th className="num">{t('visits.col.position')}</th>
                  <th>{t('visits.col.customer')}</th>
                  <th>{t('visits.col.city')}</th>
                  <th>{t('visits.col.manager')}</th>
                  <th>{t('visits.col.grade')}</th>
                  <th className="num">{t('visits.col.churn')}</th>
                  <th className="num">{t('visits.col.amount12m')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {members.map((m, i) => (
                  <tr key={m.id} data-testid="visits-member">
                    <td className="num">{i + 1}</td>
                    <td>
                      <a href={dossierHref(m.id)} className="dossier-link" onClick={(e) => { e.preventDefault(); navigate('dossier', String(m.id)); }}>
                        {m.name}
                      </a>
                      <div className="cover-code">{m.code}</div>
                    </td>
                    <td>{[m.province, m.city].filter(Boolean).join(' ') || '–'}</td>
                    <td>{m.accountManager ?? '–'}</td>
                    <td>
                      <span className={`visit-grade chip-${m.grade ?? 'none'}`}>{m.grade ?? '–'}</span>
                    </td>
                    <td className="num">{m.churnRisk}</td>
                    <td className="num">{formatYuan(m.amount12m, language)}</td>
                    <td className="visits-row-actions">
                      <button type="button" className="button button-small" aria-label={t('visits.moveUp')} disabled={i === 0} onClick={() => move(i, i - 1)}>
                        ↑
                      </button>
                      <button type="button" className="button button-small" aria-label={t('visits.moveDown')} disabled={i === members.length - 1} onClick={() => move(i, i + 1)}>
                        ↓
                      </button>
                      <button type="button" className="button button-small" onClick={() => void visitsActions.setMembers(ids.filter((id) => id !== m.id))}>
                        {t('visits.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </div>
    </div>
  );
}
