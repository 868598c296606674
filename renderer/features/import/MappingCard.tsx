import { Icon } from '../../app/icons.tsx';
import { useT } from '../../app/i18n.ts';
import { FIELDS, CUSTOMER_REF } from '../../../shared/import/index.ts';
import { RECORD_KINDS } from '../../../shared/schema/records.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import type { ColumnMapping } from '../../../shared/import/types.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { importActions } from './import-store.ts';
import type { ImportFile } from './import-store.ts';
import type { ReactNode } from 'react';

const AMOUNT_TYPES = new Set(['amount']);

function fieldKey(field: string): MessageKey {
  return (field === CUSTOMER_REF ? 'import.field.customerRef' : `import.field.${field}`) as MessageKey;
}

function confidenceClass(confidence: number, mapped: boolean): string {
  if (!mapped) return 'conf conf-none';
  if (confidence >= 0.8) return 'conf conf-high';
  if (confidence >= 0.5) return 'conf conf-mid';
  return 'conf conf-low';
}

/** Numbers with grouping (amounts read better); codes and dates are strings and stay as stored. */
function formatCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value.toLocaleString(undefined, { maximumFractionDigits: 2 });
  return String(value);
}

export function MappingCard({ file }: { file: ImportFile }): ReactNode {
  const t = useT();
  const a = file.analysis;
  if (a.problem) {
    const key = `import.problem.${a.problem.code}` as MessageKey;
    const known = Object.hasOwn({ ...KNOWN_PROBLEMS }, a.problem.code);
    return (
      <section className="card import-file is-problem" data-testid="import-file" data-file={a.fileName}>
        <header className="import-file-head">
          <Icon name="alert" className="import-file-icon is-error" />
          <div className="import-file-titles">
            <div className="import-file-name">{a.fileName}</div>
            <div className="import-problem" data-testid="import-problem" data-code={a.problem.code}>
              {known ? t(key) : t('import.problem', { message: a.problem.message })}
            </div>
          </div>
          <button type="button" className="button" onClick={() => importActions.removeFile(file.path)}>
            {t('import.file.remove')}
          </button>
        </header>
      </section>
    );
  }
  const specs = FIELDS[a.kind];
  const mappedFields = new Set(a.columns.map((c) => c.field).filter((f): f is string => f !== null));
  const previewFields = specs.map((s) => s.field).filter((f) => mappedFields.has(f) || (f === 'province' && mappedFields.has('address')) || (f === 'city' && mappedFields.has('address')));
  const requiredFields = new Set(specs.filter((s) => s.required).map((s) => s.field));

  const setColumn = (index: number, change: Partial<ColumnMapping>) => {
    const columns = a.columns.map((c) => (c.index === index ? { ...c, ...change, ...(change.field !== undefined ? { confidence: 1, reason: 'template' as const } : {}) } : c));
    void importActions.revise(file.path, change.field !== undefined ? { columns, manualIndex: index } : { columns });
  };

  return (
    <section className={file.busy ? 'card import-file is-busy' : 'card import-file'} data-testid="import-file" data-file={a.fileName} data-kind={a.kind}>
      <header className="import-file-head">
        <Icon name={a.kind} className="import-file-icon" />
        <div className="import-file-titles">
          <div className="import-file-name">{a.fileName}</div>
          <div className="import-file-meta">
            <span>{t('import.file.headerRow', { row: a.headerRowNumber })}</span>
            <span>{a.dataRows === null ? t('import.file.rowsUnknown') : t('import.file.rows', { count: a.dataRows.toLocaleString() })}</span>
            {a.encoding && <span>{t('import.file.encoding', { encoding: a.encoding.toUpperCase(), delimiter: a.delimiter === '\t' ? 'TAB' : (a.delimiter ?? ',') })}</span>}
            {a.template && <span className="badge badge-template">{t('import.file.template', { name: a.template })}</span>}
          </div>
        </div>
        <button type="button" className="button" onClick={() => importActions.removeFile(file.path)}>
          {t('import.file.remove')}
        </button>
      </header>

      <div className="import-file-controls">
        <label className="field import-control">
          <span className="field-label">{t('import.file.kind')}</span>
          <div className="import-kind">
            <select
              className="select"
              data-testid="import-kind"
              value={a.kind}
              onChange={(e) => void importActions.revise(file.path, { kind: e.target.value as RecordKind })}
            >
              {RECORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`import.kind.${k}`)}
                </option>
              ))}
            </select>
            <span className={confidenceClass(a.kindConfidence, true)}>{t('import.file.confidence', { percent: Math.round(a.kindConfidence * 100) })}</span>
          </div>
        </label>
        {a.sheets.length > 1 && (
          <label className="field import-control">
            <span className="field-label">{t('import.file.sheet')}</span>
            <select className="select" data-testid="import-sheet" value={a.sheet ?? ''} onChange={(e) => void importActions.revise(file.path, { sheet: e.target.value })}>
              {a.sheets.map((s) => (
                <option key={s.name} value={s.name} disabled={s.empty}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className={a.missingRequired.length > 0 ? 'import-status is-missing' : 'import-status is-ready'} data-testid="import-status">
          <Icon name={a.missingRequired.length > 0 ? 'alert' : 'info'} size={16} />
          {a.missingRequired.length > 0
            ? t('import.file.missing', { fields: a.missingRequired.map((f) => t(fieldKey(f))).join('、') })
            : t('import.file.ready')}
        </div>
      </div>

      <div className="import-mapping-wrap">
        <table className="data-table import-mapping" data-testid="import-mapping">
          <thead>
            <tr>
              <th>{t('import.mapping.column')}</th>
              <th>{t('import.mapping.field')}</th>
              <th>{t('import.mapping.confidence')}</th>
              <th>{t('import.mapping.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {a.columns.map((column) => {
              const spec = specs.find((s) => s.field === column.field);
              const isAmount = spec !== undefined && AMOUNT_TYPES.has(spec.type);
              return (
                <tr key={column.index} data-testid="import-column" data-header={column.header}>
                  <td className="import-col-header">{column.header || `#${column.index + 1}`}</td>
                  <td>
                    <select
                      className="select"
                      data-testid="import-field"
                      value={column.field ?? ''}
                      onChange={(e) => setColumn(column.index, { field: e.target.value === '' ? null : e.target.value })}
                    >
                      <option value="">{t('import.mapping.ignore')}</option>
                      {specs.map((s) => (
                        <option key={s.field} value={s.field}>
                          {t(fieldKey(s.field))}
                          {requiredFields.has(s.field) ? ` · ${t('import.mapping.required')}` : ''}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span className={confidenceClass(column.confidence, column.field !== null)}>
                      {column.field === null
                        ? t('import.mapping.reason.none')
                        : file.manual.includes(column.index)
                          ? t('import.mapping.reason.manual')
                          : `${Math.round(column.confidence * 100)}% · ${t(`import.mapping.reason.${column.reason}`)}`}
                    </span>
                  </td>
                  <td>
                    {isAmount && (
                      <select
                        className="select select-small"
                        data-testid="import-unit"
                        value={column.unitMultiplier === 10000 ? '10000' : '1'}
                        onChange={(e) => setColumn(column.index, { unitMultiplier: Number(e.target.value) })}
                      >
                        <option value="1">{t('import.mapping.yuan')}</option>
                        <option value="10000">{t('import.mapping.wan')}</option>
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="import-preview">
        <div className="card-subtitle">{t('import.preview.title', { count: a.preview.length })}</div>
        {a.preview.length === 0 ? (
          <p className="import-muted">{t('import.preview.empty')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="import-preview">
              <thead>
                <tr>
                  <th>{t('import.preview.row')}</th>
                  {previewFields.map((f) => (
                    <th key={f} data-field={f}>
                      {t(fieldKey(f))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {a.preview.slice(0, 8).map((row) => (
                  <tr key={row.rowNumber}>
                    <td className="num">{row.rowNumber}</td>
                    {previewFields.map((f) => (
                      <td key={f} className={typeof row.values[f] === 'number' ? 'num' : undefined}>
                        {formatCell(row.values[f])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {a.previewRejected.slice(0, 3).map((r) => (
          <p key={r.rowNumber} className="import-reject-note">
            {t('import.preview.rejected', { row: r.rowNumber, reason: r.reason })}
          </p>
        ))}
      </div>

      <label className="import-check">
        <input type="checkbox" data-testid="import-save-template" checked={file.saveTemplate} onChange={(e) => importActions.setSaveTemplate(file.path, e.target.checked)} />
        {t('import.saveTemplate')}
      </label>
    </section>
  );
}

const KNOWN_PROBLEMS = {
  not_a_zip: true,
  truncated_zip: true,
  zip_bomb: true,
  empty_sheet: true,
  empty_file: true,
  encrypted: true,
  timeout: true,
  out_of_memory: true,
};
