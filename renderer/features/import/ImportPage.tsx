import { useEffect, useRef, useState } from 'react';
import { onNamedEvent } from '../../api/client.ts';
import { Icon } from '../../app/icons.tsx';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useAppInfo, useLanguage } from '../../app/session-store.ts';
import { phaseLabel } from '../../app/job-label.ts';
import type { ImportCommitResult, ImportBatch, ImportTemplate } from '../../../shared/import/api.ts';
import { importActions, useImportState } from './import-store.ts';
import type { ImportProgress } from './import-store.ts';
import { MappingCard } from './MappingCard.tsx';
import { formatIsoDate } from '../../../shared/format/dates.ts';
import type { ReactNode } from 'react';
import './import.css';

function ChooseFiles(): ReactNode {
  const t = useT();
  const info = useAppInfo();
  const { busy, uploadingName } = useImportState();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const native = info?.nativeDialogs === true;
  const choose = () => {
    if (native) void importActions.chooseNative();
    else input.current?.click();
  };
  return (
    <section
      className={dragging ? 'card import-drop is-dragging' : 'card import-drop'}
      data-testid="import-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const files = [...e.dataTransfer.files];
        if (files.length > 0) void importActions.uploadFiles(files);
      }}
    >
      <div className="empty-icon">
        <Icon name="import" size={26} />
      </div>
      <p className="import-drop-hint">{t('import.dropHint')}</p>
      <button type="button" className="button button-primary" data-testid="import-choose" disabled={busy !== 'idle'} onClick={choose}>
        <Icon name="folderOpen" size={16} />
        {t('import.choose')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="import-input"
        accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt,.tsv"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void importActions.uploadFiles(files);
        }}
      />
      {busy === 'uploading' && uploadingName && <p className="import-muted">{t('import.uploading', { name: uploadingName })}</p>}
      {busy === 'analyzing' && <p className="import-muted">{t('import.analyzing')}</p>}
    </section>
  );
}

function Progress({ progress }: { progress: ImportProgress }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const determinate = progress.total > 0;
  const percent = determinate ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  const rows = progress.phase === 'import.rows';
  return (
    <section className="card import-progress" role="progressbar" aria-valuenow={determinate ? percent : undefined} data-testid="import-progress">
      <div className="job-head">
        <div className="job-titles">
          <div className="job-title">{t('import.committing')}</div>
          <div className="job-phase">
            {rows
              ? t('import.progress.rows', { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() })
              : phaseLabel(language, progress.phase)}
          </div>
        </div>
        {determinate && <div className="job-percent">{percent}%</div>}
      </div>
      <div className={determinate ? 'progress' : 'progress is-indeterminate'}>
        <div className="progress-fill" style={determinate ? { width: `${percent}%` } : undefined} />
      </div>
      <div className="job-actions">
        <button type="button" className="button" data-testid="import-cancel" onClick={() => void importActions.cancel()}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}

function Result({ result }: { result: ImportCommitResult }): ReactNode {
  const t = useT();
  return (
    <section className="card import-result" data-testid="import-result">
      <header className="card-header">
        <h2 className="card-title">{t('import.result.title')}</h2>
      </header>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('import.result.file')}</th>
            <th>{t('import.result.kind')}</th>
            <th className="num">{t('import.result.accepted')}</th>
            <th className="num">{t('import.result.rejected')}</th>
            <th className="num">{t('import.result.duplicates')}</th>
            <th className="num">{t('import.result.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {result.files.map((f) => (
            <tr key={f.path} data-testid="import-result-row" data-file={f.fileName} data-kind={f.kind} data-accepted={f.accepted} data-rejected={f.rejected} data-duplicates={f.duplicates} data-updated={f.updated}>
              <td>
                {f.fileName}
                {f.createdCustomers > 0 && <div className="import-muted">{t('import.result.createdCustomers', { count: f.createdCustomers })}</div>}
              </td>
              <td>{t(`import.kind.${f.kind}`)}</td>
              <td className={f.accepted > 0 ? 'num is-good' : 'num'}>{f.accepted.toLocaleString()}</td>
              <td className={f.rejected > 0 ? 'num is-bad' : 'num'}>{f.rejected.toLocaleString()}</td>
              <td className="num">{f.duplicates.toLocaleString()}</td>
              <td className="num">{f.updated.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.files
        .filter((f) => f.rejected > 0)
        .map((f) => (
          <div key={f.path} className="import-rejected" data-testid="import-rejected">
            <div className="import-rejected-head">
              <h3 className="card-subtitle">
                {t('import.result.rejectedRows')} · {f.fileName}
              </h3>
              {f.batchId !== null && (
                <button type="button" className="button" onClick={() => void importActions.downloadRejected(f.batchId!)}>
                  {t('import.result.download')}
                </button>
              )}
            </div>
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th className="num">{t('import.preview.row')}</th>
                    <th>{t('import.result.rejectedColumn')}</th>
                    <th>{t('import.result.rejectedReason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {f.rejectedRows.slice(0, 50).map((r, i) => (
                    <tr key={`${r.rowNumber}-${i}`}>
                      <td className="num">{r.rowNumber}</td>
                      <td>{r.column ?? '—'}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {f.rejected > 50 && <p className="import-muted">{t('import.result.more', { shown: Math.min(50, f.rejectedRows.length), total: f.rejected })}</p>}
          </div>
        ))}
    </section>
  );
}

function History({ batches }: { batches: ImportBatch[] }): ReactNode {
  const t = useT();
  return (
    <section className="card import-history" data-testid="import-history">
      <header className="card-header">
        <h2 className="card-title">{t('import.history.title')}</h2>
      </header>
      {batches.length === 0 ? (
        <p className="import-muted">{t('import.history.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('import.history.date')}</th>
                <th>{t('import.result.file')}</th>
                <th>{t('import.result.kind')}</th>
                <th className="num">{t('import.result.accepted')}</th>
                <th className="num">{t('import.result.rejected')}</th>
                <th className="num">{t('import.result.duplicates')}</th>
                <th className="num">{t('import.result.updated')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id} data-testid="import-batch" data-batch={b.id}>
                  <td className="nowrap">{new Date(b.createdAt).toLocaleString()}</td>
                  <td>{b.fileName}</td>
                  <td>{t(`import.kind.${b.kind}`)}</td>
                  <td className="num">{b.accepted.toLocaleString()}</td>
                  <td className="num">{b.rejected.toLocaleString()}</td>
                  <td className="num">{b.duplicates.toLocaleString()}</td>
                  <td className="num">{b.updated.toLocaleString()}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button button-small"
                      data-testid="import-remove-batch"
                      disabled={b.blockedBy.length > 0}
                      title={b.blockedBy.length > 0 ? t('import.history.blocked', { ids: b.blockedBy.join(', ') }) : undefined}
                      onClick={() => {
                        if (window.confirm(t('import.history.confirm', { name: b.fileName }))) void importActions.removeBatch(b.id);
                      }}
                    >
                      {t('import.history.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const SHOWN_HEADERS = 5;

/** The local calendar day of a timestamp, as YYYY-MM-DD. */
function localDay(timestamp: string): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function TemplateRow({ template }: { template: ImportTemplate }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = template.headers.filter((h) => h !== '').slice(0, SHOWN_HEADERS);
  const rest = template.headers.filter((h) => h !== '').length - shown.length;
  const save = () => {
    const name = (draft ?? '').trim();
    if (name !== '' && name !== template.name) void importActions.renameTemplate(template.signature, name);
    setDraft(null);
  };
  return (
    <tr data-testid="import-template" data-name={template.name}>
      <td>
        {draft === null ? (
          template.name
        ) : (
          <input
            className="input"
            data-testid="import-template-name"
            aria-label={t('import.templates.name')}
            value={draft}
            maxLength={120}
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
              if (e.key === 'Escape') setDraft(null);
            }}
          />
        )}
      </td>
      <td>{t(`import.kind.${template.kind}`)}</td>
      <td className="import-template-headers">
        {shown.join('、')}
        {rest > 0 ? ` ${t('import.templates.more', { count: rest })}` : ''}
      </td>
      <td className="nowrap">{formatIsoDate(localDay(template.usedAt), language)}</td>
      <td className="nowrap">
        {draft === null ? (
          <button type="button" className="button button-small" data-testid="import-template-rename" onClick={() => setDraft(template.name)}>
            {t('import.templates.rename')}
          </button>
        ) : (
          <button type="button" className="button button-small button-primary" data-testid="import-template-save" onClick={save}>
            {t('import.templates.save')}
          </button>
        )}{' '}
        <button
          type="button"
          className="button button-small"
          data-testid="import-template-delete"
          onClick={() => {
            if (window.confirm(t('import.templates.confirmDelete', { name: template.name }))) void importActions.deleteTemplate(template.signature);
          }}
        >
          {t('import.templates.delete')}
        </button>
      </td>
    </tr>
  );
}

function Templates({ templates }: { templates: ImportTemplate[] }): ReactNode {
  const t = useT();
  return (
    <section className="card import-templates" data-testid="import-templates">
      <header className="card-header">
        <h2 className="card-title">{t('import.templates.title')}</h2>
        <span className="card-subtitle">{t('import.templates.hint')}</span>
      </header>
      {templates.length === 0 ? (
        <p className="import-muted">{t('import.templates.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('import.templates.name')}</th>
                <th>{t('import.result.kind')}</th>
                <th>{t('import.templates.columns')}</th>
                <th>{t('import.templates.usedAt')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <TemplateRow key={template.signature} template={template} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ImportPage(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const state = useImportState();
  const ready = state.files.filter((f) => f.analysis.problem === null);
  const blocked = ready.some((f) => f.analysis.missingRequired.length > 0 || f.busy);

  useEffect(() => {
    void importActions.loadHistory();
    return onNamedEvent('workspace.changed', () => void importActions.loadHistory());
  }, []);

  return (
    <div className="page import-page" data-testid="page-import">
      <header className="page-header">
        <h1 className="page-title">{t('import.title')}</h1>
        <span className="page-subtitle">{t('import.subtitle')}</span>
      </header>
      {state.error && (
        <div className="banner banner-error" role="alert" data-testid="import-error">
          <Icon name="alert" className="banner-icon" />
          <span className="banner-text">{translateError(state.error)}</span>
        </div>
      )}
      {state.notice && (
        <div className="banner banner-info" role="status" data-testid="import-notice">
          <Icon name="info" className="banner-icon" />
          <span className="banner-text">
            {state.notice.key === 'cancelled' ? t('import.cancelled') : t('import.history.removed', state.notice.params)}
          </span>
        </div>
      )}
      {state.progress ? (
        <Progress progress={state.progress} />
      ) : (
        <>
          {state.result && <Result result={state.result} />}
          <ChooseFiles />
          {state.files.map((file) => (
            <MappingCard key={file.path} file={file} />
          ))}
          {state.files.length > 0 && (
            <div className="import-actions">
              <button type="button" className="button" onClick={() => importActions.clear()}>
                {t('import.clear')}
              </button>
              <button type="button" className="button button-primary" data-testid="import-commit" disabled={ready.length === 0 || blocked || state.busy !== 'idle'} onClick={() => void importActions.commit()}>
                {t('import.commit', { count: ready.length })}
              </button>
            </div>
          )}
        </>
      )}
      <History batches={state.history} />
      <Templates templates={state.templates} />
    </div>
  );
}
