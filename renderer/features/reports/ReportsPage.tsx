import { useEffect, useId } from 'react';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useFilter } from '../../app/filter-store.ts';
import { useAppInfo, useLanguage, useWorkspace } from '../../app/session-store.ts';
import { chipValueLabel } from '../../components/index.ts';
import { fieldLabelKey } from '../../components/FilterBar.tsx';
import { useFilterBarChoices, useFilterOptions } from '../customers/view-options.ts';
import { filterChips, filterToQuery } from '../../../shared/filters/index.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { CUSTOMER_COLUMN_IDS, REPORT_SHEET_IDS } from '../../../shared/reports/api.ts';
import type { CustomerColumnId, ReportSheetId } from '../../../shared/reports/api.ts';
import { extensionOf, reportsActions, useReportsState, withExtension } from './reports-store.ts';
import type { FormatChoice } from './reports-store.ts';
import { useSuggestedReportPath } from './report-target.ts';
import type { ReactNode } from 'react';
import './reports.css';

const SHEET_LABEL: Readonly<Record<ReportSheetId, MessageKey>> = {
  summary: 'report.summarySheet',
  segments: 'report.segmentsSheet',
  regions: 'report.regionsSheet',
  tags: 'report.tagsSheet',
  conversion: 'report.conversionSheet',
  churn: 'report.churnSheet',
  customers: 'report.customersSheet',
};

const COLUMN_LABEL: Readonly<Record<CustomerColumnId, MessageKey>> = {
  code: 'report.customerCode',
  name: 'report.customerName',
  province: 'report.province',
  city: 'report.city',
  accountManager: 'report.accountManager',
  phone: 'report.phone',
  segment8: 'report.segment8',
  segment11: 'report.segment11',
  grade: 'report.grade',
  lifecycle: 'report.lifecycle',
  churnRisk: 'report.churnRisk',
  tags: 'report.tags',
  rfm: 'report.rfm',
  orders: 'report.orders',
  revenue: 'report.revenue',
  revenue12m: 'report.revenue12m',
  overdue: 'report.overdue',
  onTimeRate: 'report.onTimeRate',
  winRate: 'report.winRate',
  lastOrder: 'report.lastOrder',
};

const FORMATS: readonly { id: FormatChoice; label: MessageKey }[] = [
  { id: 'xlsx', label: 'reports.format.xlsx' },
  { id: 'csv-utf8', label: 'reports.format.csvUtf8' },
  { id: 'csv-gbk', label: 'reports.format.csvGbk' },
];

/** The filter as the view filter bar shows it: the same field labels and value names (segment and tag names, lifecycle stages). */
function FilterSummary(): ReactNode {
  const t = useT();
  const language = useLanguage();
  const choices = useFilterBarChoices(useFilterOptions(), t, language);
  const chips = filterChips(useFilter());
  return (
    <section className="card reports-card" aria-labelledby="reports-filters">
      <h2 className="card-title" id="reports-filters">
        {t('reports.filters')}
      </h2>
      {chips.length === 0 ? (
        <p className="reports-muted" data-testid="reports-no-filter">
          {t('reports.filters.none')}
        </p>
      ) : (
        <ul className="reports-chips" data-testid="reports-filter-chips">
          {chips.map((chip) => (
            <li key={chip.key} className="reports-chip" data-chip={chip.key}>
              {t('views.filter.chip', { field: t(fieldLabelKey(chip.field)), value: chipValueLabel(chip, choices) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SheetChooser(): ReactNode {
  const t = useT();
  const { sheets, columns } = useReportsState();
  return (
    <section className="card reports-card" aria-labelledby="reports-sheets">
      <h2 className="card-title" id="reports-sheets">
        {t('reports.sheets')}
      </h2>
      <div className="reports-checks">
        {REPORT_SHEET_IDS.map((id) => (
          <label key={id} className="reports-check">
            <input type="checkbox" checked={sheets.includes(id)} onChange={() => reportsActions.toggleSheet(id)} data-testid={`report-sheet-${id}`} />
            {t(SHEET_LABEL[id])}
          </label>
        ))}
      </div>
      {sheets.includes('customers') && (
        <>
          <div className="reports-subhead">
            <h3 className="reports-subtitle">{t('reports.columns')}</h3>
            <button type="button" className="button reports-small" onClick={() => reportsActions.setColumns([...CUSTOMER_COLUMN_IDS])}>
              {t('reports.selectAll')}
            </button>
            <button type="button" className="button reports-small" onClick={() => reportsActions.setColumns(['code', 'name'])}>
              {t('reports.selectNone')}
            </button>
          </div>
          <div className="reports-checks reports-columns">
            {CUSTOMER_COLUMN_IDS.map((id) => (
              <label key={id} className="reports-check">
                <input type="checkbox" checked={columns.includes(id)} onChange={() => reportsActions.toggleColumn(id)} data-testid={`report-column-${id}`} />
                {t(COLUMN_LABEL[id])}
              </label>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Options(): ReactNode {
  const t = useT();
  const { format, personalData } = useReportsState();
  const name = useId();
  return (
    <section className="card reports-card">
      <h2 className="card-title">{t('reports.format')}</h2>
      <div className="reports-radios" role="radiogroup" aria-label={t('reports.format')}>
        {FORMATS.map((f) => (
          <label key={f.id} className="reports-check">
            <input type="radio" name={`${name}-format`} checked={format === f.id} onChange={() => reportsActions.setFormat(f.id)} data-testid={`report-format-${f.id}`} />
            {t(f.label)}
          </label>
        ))}
      </div>
      {format !== 'xlsx' && <p className="reports-muted">{t('reports.csvNote')}</p>}
      <h2 className="card-title reports-gap">{t('reports.personal')}</h2>
      <div className="reports-radios" role="radiogroup" aria-label={t('reports.personal')}>
        <label className="reports-check">
          <input type="radio" name={`${name}-personal`} checked={personalData === 'masked'} onChange={() => reportsActions.setPersonalData('masked')} data-testid="report-personal-masked" />
          {t('reports.personal.masked')}
        </label>
        <label className="reports-check">
          <input type="radio" name={`${name}-personal`} checked={personalData === 'shown'} onChange={() => reportsActions.setPersonalData('shown')} data-testid="report-personal-shown" />
          {t('reports.personal.shown')}
        </label>
      </div>
    </section>
  );
}

/** What an export writes to and for: the shared filter, the UI language, the path typed or suggested. */
function useExportTarget(): { filter: string; language: ReturnType<typeof useLanguage>; path: string } {
  const language = useLanguage();
  const filter = useFilter();
  const state = useReportsState();
  const suggestion = useSuggestedReportPath(extensionOf(state.format));
  return { filter: filterToQuery(filter), language, path: withExtension((state.path ?? suggestion).trim(), state.format) };
}

function Templates(): ReactNode {
  const t = useT();
  const { templates, templateName, notice, jobId } = useReportsState();
  const target = useExportTarget();
  return (
    <section className="card reports-card" aria-labelledby="reports-templates">
      <h2 className="card-title" id="reports-templates">
        {t('reports.templates')}
      </h2>
      {templates.length === 0 ? (
        <p className="reports-muted">{t('reports.template.none')}</p>
      ) : (
        <ul className="reports-templates" data-testid="report-templates">
          {templates.map((tpl) => (
            <li key={tpl.name} className="reports-template">
              <span className="reports-template-name">{tpl.name}</span>
              <button
                type="button"
                className="button button-primary reports-small"
                disabled={jobId !== null || target.path === ''}
                onClick={() => {
                  reportsActions.applyTemplate(tpl);
                  void reportsActions.exportReport({ ...target, templateName: tpl.name });
                }}
                data-testid="report-template-export"
              >
                {t('reports.template.export')}
              </button>
              <button type="button" className="button reports-small" onClick={() => reportsActions.applyTemplate(tpl)}>
                {t('reports.template.load')}
              </button>
              <button type="button" className="button reports-small" onClick={() => void reportsActions.deleteTemplate(tpl.name)}>
                {t('reports.template.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="reports-row"
        onSubmit={(event) => {
          event.preventDefault();
          void reportsActions.saveTemplate();
        }}
      >
        <input
          className="input"
          aria-label={t('reports.template.name')}
          placeholder={t('reports.template.name')}
          value={templateName}
          maxLength={80}
          onChange={(event) => reportsActions.setTemplateName(event.target.value)}
          data-testid="report-template-name"
        />
        <button type="submit" className="button" disabled={templateName.trim() === ''} data-testid="report-template-save">
          {t('reports.template.save')}
        </button>
      </form>
      {notice !== null && <p className="reports-muted" role="status">{t('reports.template.saved', { name: notice })}</p>}
    </section>
  );
}

function ExportBar(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const appInfo = useAppInfo();
  const filter = useFilter();
  const state = useReportsState();
  const suggestion = useSuggestedReportPath(extensionOf(state.format));
  const target = state.path ?? suggestion;
  const running = state.jobId !== null;
  const percent = state.progress && state.progress.total > 0 ? Math.round((state.progress.done / state.progress.total) * 100) : 0;
  const pathId = useId();
  return (
    <section className="card reports-card reports-export">
      <label className="field-label" htmlFor={pathId}>
        {t('reports.path')}
      </label>
      <div className="reports-row">
        <input
          id={pathId}
          className="input reports-path"
          value={target}
          onChange={(event) => reportsActions.setPath(event.target.value)}
          spellCheck={false}
          data-testid="report-path"
        />
        {appInfo?.nativeDialogs === true && (
          <button type="button" className="button" onClick={() => void reportsActions.choosePath(target)}>
            {t('reports.choosePath')}
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={running || state.sheets.length === 0 || target.trim() === ''}
          onClick={() => void reportsActions.exportReport({ filter: filterToQuery(filter), language, path: withExtension(target.trim(), state.format) })}
          data-testid="report-export"
        >
          {t('reports.export')}
        </button>
      </div>
      {appInfo?.nativeDialogs !== true && <p className="reports-muted">{t('reports.path.hint')}</p>}
      {running && (
        <div className="reports-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid="report-progress">
          <div className="progress">
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <span className="reports-muted">
            {state.progress && state.progress.total > 0
              ? t('reports.exporting', { done: state.progress.done, total: state.progress.total })
              : t('phase.reports.gather')}
          </span>
          <button type="button" className="button" onClick={() => void reportsActions.cancel()} data-testid="report-cancel">
            {t('reports.cancel')}
          </button>
        </div>
      )}
      {state.result && (
        <p className="reports-result" role="status" data-testid="report-result">
          {t('reports.done', { rows: state.result.rows })} <code data-testid="report-result-path">{state.result.path}</code>
        </p>
      )}
      {state.cancelled && <p className="reports-muted" role="status">{t('reports.cancelled')}</p>}
      {state.error && (
        <p className="reports-error" role="alert" data-testid="report-error">
          {translateError(state.error)}
        </p>
      )}
    </section>
  );
}

export function ReportsPage(): ReactNode {
  const t = useT();
  const workspace = useWorkspace();
  useEffect(() => {
    void reportsActions.loadTemplates();
  }, [workspace?.path]);
  return (
    <div className="page reports-page" data-testid="reports-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('reports.title')}</h1>
          <p className="page-subtitle">{t('reports.intro')}</p>
        </div>
      </header>
      <ExportBar />
      <div className="reports-grid">
        <div className="reports-column">
          <FilterSummary />
          <SheetChooser />
        </div>
        <div className="reports-column">
          <Options />
          <Templates />
        </div>
      </div>
    </div>
  );
}
