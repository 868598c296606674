/**
 * The dossier page (`#/dossier/<customerId>`): the 360° document of one customer with the
 * visit-preparation tools around it — an explicit toggle to show personal data (masked by
 * default, and masked again whenever another customer opens), the visit-notes editor (saved in
 * the workspace with the visit date), and "Print / Save PDF" (the same document, laid out by the
 * print stylesheet and rendered by the host's PDF printer).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { DossierPrintResult } from '../../../shared/dossier/api.ts';
import type { Dossier, DossierNote, PersonalDataMode } from '../../../shared/dossier/types.ts';
import { safeFileName } from '../../../shared/dossier/visit-list.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { navigate, usePageParam } from '../../app/nav-store.ts';
import { useLanguage } from '../../app/session-store.ts';
import { DossierDocument } from './DossierDocument.tsx';
import { date, today } from './dossier-format.ts';
import { JobProgress } from './JobProgress.tsx';
import { SaveTarget } from './SaveTarget.tsx';
import { useJob } from './use-job.ts';
import './dossier.css';

function NotesEditor(props: { customerId: number; notes: DossierNote[]; onChange: (notes: DossierNote[]) => void }): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [text, setText] = useState('');
  const [day, setDay] = useState(today());
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<AtlasErrorData | null>(null);

  const save = async () => {
    if (text.trim() === '') {
      setError({ code: 'INVALID_INPUT', message: t('dossier.notes.empty'), details: { why: t('dossier.notes.empty') } });
      return;
    }
    setStatus('saving');
    setError(null);
    try {
      props.onChange(await call('dossier.notes.add', { customerId: props.customerId, date: day, text }));
      setText('');
      setStatus('saved');
    } catch (e) {
      setError(toErrorData(e));
      setStatus('idle');
    }
  };

  return (
    <div className="dossier-notes-editor">
      <div className="dossier-notes-form">
        <label className="dossier-notes-date">
          <span>{t('dossier.notes.date')}</span>
          <input type="date" className="input" value={day} onChange={(e) => setDay(e.target.value)} data-testid="dossier-note-date" />
        </label>
        <textarea
          className="input dossier-notes-text"
          rows={3}
          maxLength={4000}
          value={text}
          placeholder={t('dossier.notes.placeholder')}
          onChange={(e) => {
            setText(e.target.value);
            setStatus('idle');
          }}
          aria-label={t('dossier.section.notes')}
          data-testid="dossier-note-text"
        />
        <div className="dossier-notes-actions">
          <button type="button" className="button button-primary" disabled={status === 'saving'} onClick={() => void save()} data-testid="dossier-note-save">
            {t('dossier.notes.save')}
          </button>
          {status === 'saved' ? <span className="views-note" data-testid="dossier-note-saved">{t('dossier.notes.saved')}</span> : null}
          {error ? (
            <span className="dossier-error-text" role="alert">
              {translateError(error)}
            </span>
          ) : null}
        </div>
      </div>
      {props.notes.length === 0 ? (
        <p className="dossier-empty">{t('dossier.noNotes')}</p>
      ) : (
        <ul className="dossier-notes" data-testid="dossier-notes-list">
          {props.notes.map((n) => (
            <li key={n.id}>
              <span className="dossier-note-date">{date(n.date, language)}</span> <span className="dossier-note-text">{n.text}</span>{' '}
              <button
                type="button"
                className="button button-small dossier-note-delete"
                onClick={() => void call('dossier.notes.delete', { customerId: props.customerId, noteId: n.id }).then(props.onChange, (e: unknown) => setError(toErrorData(e)))}
              >
                {t('dossier.notes.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function DossierPage(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const param = usePageParam();
  const customerId = param !== null && /^\d+$/.test(param) ? Number(param) : null;
  const [personalData, setPersonalData] = useState<PersonalDataMode>('masked');
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [error, setError] = useState<AtlasErrorData | null>(null);
  const [printOpen, setPrintOpen] = useState(false);
  const print = useJob<DossierPrintResult>('dossier-print');

  // Another customer: masked again, nothing from the previous one shown meanwhile.
  useEffect(() => {
    setPersonalData('masked');
    setPrintOpen(false);
    print.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [customerId]);

  useEffect(() => {
    if (customerId === null) return;
    let live = true;
    setError(null);
    call('dossier.get', { customerId, personalData }).then(
      (d) => live && setDossier(d),
      (e: unknown) => {
        if (!live) return;
        setDossier(null);
        setError(toErrorData(e));
      },
    );
    return () => {
      live = false;
    };
  }, [customerId, personalData]);

  const setNotes = useCallback((notes: DossierNote[]) => setDossier((d) => (d ? { ...d, notes } : d)), []);

  if (customerId === null) {
    return (
      <div className="page" data-testid="page-dossier">
        <p className="dossier-empty">{t('dossier.notFound')}</p>
      </div>
    );
  }
  const current = dossier !== null && dossier.header.id === customerId ? dossier : null;

  return (
    <div className="page page-dossier" data-testid="page-dossier">
      <div className="dossier-toolbar">
        <button type="button" className="button" onClick={() => (window.history.length > 1 ? window.history.back() : navigate('customers'))} data-testid="dossier-back">
          ← {t('dossier.back')}
        </button>
        <span className="views-toolbar-spacer" />
        <label className="dossier-unmask">
          <input
            type="checkbox"
            checked={personalData === 'shown'}
            onChange={(e) => setPersonalData(e.target.checked ? 'shown' : 'masked')}
            data-testid="dossier-unmask"
          />
          <span>{t('dossier.unmask')}</span>
        </label>
        <button type="button" className="button button-primary" onClick={() => setPrintOpen((v) => !v)} disabled={current === null} data-testid="dossier-print">
          {t('dossier.print')}
        </button>
      </div>
      {printOpen && current ? (
        <div className="card dossier-print-card">
          <SaveTarget
            format="pdf"
            suggestedName={safeFileName(`${t('dossier.title')}-${current.header.name}`, current.analysisDate, 'pdf')}
            label={t('dossier.print.savePath')}
            actionLabel={t('dossier.print')}
            disabled={print.state.running}
            testId="dossier-print-target"
            onSave={(path) => void print.run((jobId) => call('dossier.print', { jobId, customerId, language, personalData, path }))}
          />
          <p className="views-note">{t(personalData === 'masked' ? 'dossier.masked' : 'dossier.shown')}</p>
          <JobProgress
            state={print.state}
            onCancel={print.cancel}
            testId="dossier-print"
            done={(r) => (
              <span>
                {t('dossier.printed', { pages: r.pages })} 
                <code data-testid="dossier-print-path">{r.path}</code>
              </span>
            )}
          />
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert" data-testid="dossier-error">
          <span className="banner-text">{t('dossier.loadFailed', { why: translateError(error) })}</span>
        </div>
      ) : null}
      {current ? (
        <div className="dossier-sheet">
          <DossierDocument
            dossier={current}
            language={language}
            mode="screen"
            notesSlot={<NotesEditor customerId={current.header.id} notes={current.notes} onChange={setNotes} />}
          />
        </div>
      ) : error ? null : (
        <p className="dossier-empty" aria-busy="true">
          {t('dossier.loading')}
        </p>
      )}
    </div>
  );
}
