import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { usePathInput } from '../../app/use-path-input.ts';
import { useFilter } from '../../app/filter-store.ts';
import { useAppInfo, useLanguage } from '../../app/session-store.ts';
import { usePage } from '../../app/nav-store.ts';
import { useGridCell } from '../customers/index.ts';
import { filterToQuery } from '../../../shared/filters/index.ts';
import type { ReportSheetId } from '../../../shared/reports/api.ts';
import { REPORT_SHEET_IDS } from '../../../shared/reports/api.ts';
import { quickExportActions, useQuickExport } from './quick-export-store.ts';
import { useSuggestedReportPath } from './report-target.ts';
import './reports.css';

/**
 * "Export to Excel" for any view, in one click: the report of the sheets that view shows, with
 * the shared filter it shows (and the RFM grid cell the Customers list may be narrowed to),
 * masked personal data. Electron asks where with its save dialog;
 * browser mode asks for the path on the host (as the Reports page does). Progress and Cancel
 * while it writes, then a notice naming the file.
 */
export function ExportButton({ sheets = REPORT_SHEET_IDS }: { sheets?: readonly ReportSheetId[] }): ReactNode {
  const t = useT();
  const filter = useFilter();
  const language = useLanguage();
  const appInfo = useAppInfo();
  const suggestedPath = useSuggestedReportPath('xlsx');
  const state = useQuickExport();
  // The Customers list narrowed to one RFM grid cell exports that cell's customers.
  const page = usePage();
  const gridCell = useGridCell();
  const cell = page === 'customers' && gridCell !== null ? { r: gridCell.r, y: gridCell.y, yAxis: gridCell.yAxis } : undefined;
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="export-to-excel"
        disabled={state.stage === 'running'}
        onClick={() =>
          void quickExportActions.start(
            { sheets: REPORT_SHEET_IDS.filter((id) => sheets.includes(id)), filter: filterToQuery(filter), ...(cell === undefined ? {} : { cell }), language, suggestedPath },
            appInfo?.nativeDialogs === true,
          )
        }
      >
        {t('reports.exportButton')}
      </button>
      {state.stage !== 'idle' && <QuickExportDialog />}
    </>
  );
}

function QuickExportDialog(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const state = useQuickExport();
  const [path, setPath] = useState(state.request?.suggestedPath ?? '');
  const input = usePathInput('.xlsx', quickExportActions.close, state.stage);
  const titleId = useId();
  const running = state.stage === 'running';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (path.trim() !== '') void quickExportActions.run(path.trim());
  };
  const percent = state.progress && state.progress.total > 0 ? Math.round((state.progress.done / state.progress.total) * 100) : 0;

  return (
    <div className="overlay">
      <form className="dialog reports-quick" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="quick-export" onSubmit={submit}>
        <h2 className="dialog-title" id={titleId}>
          {t('reports.exportButton')}
        </h2>
        {state.stage === 'path' && (
          <>
            <label className="field">
              <span className="field-label">{t('reports.path')}</span>
              <input
                ref={input}
                className="input"
                type="text"
                spellCheck={false}
                autoComplete="off"
                value={path}
                onChange={(event) => setPath(event.target.value)}
                data-testid="quick-export-path"
              />
            </label>
            <p className="dialog-hint">{t('reports.path.hint')}</p>
          </>
        )}
        {running && (
          <div className="reports-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="quick-export-progress">
            <div className="progress">
              <div className="progress-fill" style={{ width: `${percent}%` }} />
            </div>
            <span className="reports-muted">
              {state.progress && state.progress.total > 0 ? t('reports.exporting', { done: state.progress.done, total: state.progress.total }) : t('phase.reports.gather')}
            </span>
          </div>
        )}
        {state.stage === 'done' && state.result && (
          <p className="reports-result" role="status" data-testid="quick-export-done">
            {t('reports.done', { rows: state.result.rows })} <code data-testid="quick-export-result-path">{state.result.path}</code>
          </p>
        )}
        {state.stage === 'cancelled' && (
          <p className="reports-muted" role="status" data-testid="quick-export-cancelled">
            {t('reports.cancelled')}
          </p>
        )}
        {state.stage === 'error' && state.error && (
          <p className="reports-error" role="alert" data-testid="quick-export-error">
            {translateError(state.error)}
          </p>
        )}
        <div className="dialog-actions">
          {state.stage === 'path' && (
            <>
              <button type="button" className="button" onClick={() => quickExportActions.close()}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button button-primary" disabled={path.trim() === ''} data-testid="quick-export-confirm">
                {t('reports.export')}
              </button>
            </>
          )}
          {running && (
            <button type="button" className="button" onClick={() => void quickExportActions.cancel()} data-testid="quick-export-cancel">
              {t('reports.cancel')}
            </button>
          )}
          {(state.stage === 'done' || state.stage === 'cancelled' || state.stage === 'error') && (
            <button type="button" className="button button-primary" onClick={() => quickExportActions.close()} data-testid="quick-export-close">
              {t('common.close')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
