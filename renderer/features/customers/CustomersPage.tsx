/**
 * Customers: every customer the shared filter keeps (and, when the Segments page sent us here,
 * one grid cell from the URL), filtered, sorted and counted by the worker and paged into the
 * virtual table as it scrolls; a column chooser; a debounced quick find (in the worker); a
 * multi-selection kept in the customers store (the visit list), where the header checkbox
 * selects every matching customer, not just the loaded pages; a row opens its dossier.
 */
import { ExportButton } from '../reports/index.ts';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ColumnChooser, VirtualTable, type RowKey, type TableSort, type VirtualColumn } from '../../components/index.ts';
import { useT, useTranslateError, type Translate } from '../../app/i18n.ts';
import { useFilter } from '../../app/filter-store.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount, formatYuan } from '../../../shared/format/numbers.ts';
import type { Language } from '../../../shared/api/contract.ts';
import { CUSTOMER_SORT_COLUMNS, type CustomerRow, type FilterOptions } from '../../../shared/views/api.ts';
import { customersActions, useGridCell, useSelectedAllOf, useVisitSelection } from './customers-store.ts';
import { usePagedCustomers, type ListParams } from './paged-customers.ts';
import { useSettled } from './view-timing.ts';
import { call } from '../../api/client.ts';
import { navigate } from '../../app/nav-store.ts';
import { CreateVisitList } from '../dossier/index.ts';
import { ViewFilterBar } from './ViewFilterBar.tsx';
import { lifecycleLabel, segmentName, useFilterOptions } from './view-options.ts';
import './views.css';

type SortValue = string | number | null;

interface Column extends VirtualColumn<CustomerRow> {
  value: (row: CustomerRow) => SortValue;
}

const DEFAULT_HIDDEN = new Set(['code', 'city', 'salesRegion', 'type', 'segment11', 'frequency', 'recency', 'monetary', 'overdue']);

let measurer: CanvasRenderingContext2D | null | undefined;

/** Pixels a header needs: its text in the header font, the sort mark and the cell padding. */
function headerWidth(text: string): number {
  if (measurer === undefined) {
    measurer = document.createElement('canvas').getContext('2d');
    // The page's own font, so the measure matches what the header draws.
    if (measurer) measurer.font = `600 13px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  }
  if (!measurer) return text.length * 8 + 34;
  return Math.ceil(measurer.measureText(text).width) + 20 + 14;
}

function columns(t: Translate, language: Language, options: FilterOptions | null): Column[] {
  return baseColumns(t, language, options).map((c) => ({ ...c, width: Math.max(c.width, headerWidth(c.header)) }));
}

function baseColumns(t: Translate, language: Language, options: FilterOptions | null): Column[] {
  const yuan = (n: number | null): string => (n === null ? '–' : formatYuan(n, language, { fractionDigits: 1 }));
  const num = (n: number | null, digits = 0): string =>
    n === null ? '–' : new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(n);
  const seg8 = options?.schemes.find((s) => s.id === 'rfm8')?.segments ?? [];
  const seg11 = options?.schemes.find((s) => s.id === 'rfm11')?.segments ?? [];
  const tagNames = new Map((options?.tags ?? []).map((tag) => [tag.id, language === 'zh-CN' ? tag.nameZh : tag.nameEn]));
  const text = (id: string, header: string, width: number, value: (r: CustomerRow) => string | null): Column => ({
    id,
    header,
    width,
    value,
    render: (r) => value(r) ?? '',
    title: (r) => value(r) ?? '',
  });
  const number = (id: string, header: string, width: number, value: (r: CustomerRow) => number | null, show: (n: number | null) => string): Column => ({
    id,
    header,
    width,
    align: 'right',
    firstDirection: 'desc',
    value,
    render: (r) => show(value(r)),
  });
  return [
    text('code', t('views.cust.col.code'), 110, (r) => r.code),
    { ...text('name', t('views.cust.col.name'), 150, (r) => r.name), render: (r) => <span className="cust-name">{r.name}</span> },
    text('province', t('views.cust.col.province'), 84, (r) => r.province),
    text('city', t('views.cust.col.city'), 84, (r) => r.city),
    text('salesRegion', t('views.cust.col.salesRegion'), 80, (r) => r.salesRegion),
    text('manager', t('views.cust.col.manager'), 100, (r) => r.accountManager),
    text('type', t('views.cust.col.type'), 90, (r) => r.customerType),
    number('recency', t('views.cust.col.recency'), 80, (r) => r.recencyDays, (n) => num(n)),
    number('frequency', t('views.cust.col.frequency'), 60, (r) => r.frequency, (n) => num(n)),
    number('monetary', t('views.cust.col.monetary'), 110, (r) => r.monetary, yuan),
    {
      id: 'scores',
      header: t('views.cust.col.scores'),
      width: 92,
      align: 'center',
      firstDirection: 'desc',
      value: (r) => (r.r === null ? null : r.r * 100 + (r.f ?? 0) * 10 + (r.m ?? 0)),
      render: (r) => (r.r === null ? '–' : `${r.r}/${r.f ?? '–'}/${r.m ?? '–'}`),
    },
    text('segment8', t('views.cust.col.segment8'), language === 'en' ? 134 : 110, (r) => (r.segment8 === null ? null : segmentName(seg8, r.segment8, language))),
    text('segment11', t('views.cust.col.segment11'), 150, (r) => (r.segment11 === null ? null : segmentName(seg11, r.segment11, language))),
    { ...text('grade', t('views.cust.col.grade'), 64, (r) => r.grade), align: 'center', render: (r) => (r.grade ? <span className={`cust-grade grade-${r.grade}`}>{r.grade}</span> : '–') },
    text('lifecycle', t('views.cust.col.lifecycle'), 92, (r) => lifecycleLabel(r.lifecycle, t)),
    {
      ...number('churnRisk', t('views.cust.col.churnRisk'), 92, (r) => r.churnRisk, (n) => num(n)),
      render: (r) => <span className={r.churnRisk >= 50 ? 'cust-risk is-high' : 'cust-risk'}>{num(r.churnRisk)}</span>,
    },
    number('amount12m', t('views.cust.col.amount12m'), 124, (r) => r.amount12m, yuan),
    number('overdue', t('views.cust.col.overdue'), 100, (r) => r.overdue, (n) => (n === 0 ? '–' : yuan(n))),
    {
      id: 'tags',
      header: t('views.cust.col.tags'),
      width: 76,
      value: (r) => r.tags.length,
      firstDirection: 'desc',
      render: (r) => (
        <span className="cust-tags">
          {r.tags.map((id) => (
            <span key={id} className="cust-tag">
              {tagNames.get(id) ?? id}
            </span>
          ))}
        </span>
      ),
      title: (r) => r.tags.map((id) => tagNames.get(id) ?? id).join(', '),
    },
  ];
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function CustomersPage(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const filter = useFilter();
  const cell = useGridCell();
  const selected = useVisitSelection();
  const options = useFilterOptions();
  const [sort, setSort] = useState<TableSort | null>({ columnId: 'amount12m', direction: 'desc' });
  const [hidden, setHidden] = useState<ReadonlySet<string>>(DEFAULT_HIDDEN);
  const [find, setFind] = useState('');
  const needle = useDebounced(find.trim(), 200);
  const allOf = useSelectedAllOf();

  const allColumns = useMemo(() => columns(t, language, options), [t, language, options]);
  const shownColumns = useMemo(() => allColumns.map((c) => ({ ...c, hidden: hidden.has(c.id) })), [allColumns, hidden]);

  const listParams = useMemo((): ListParams => {
    const p: ListParams = { filter };
    if (cell) p.cell = { r: cell.r, y: cell.y, yAxis: cell.yAxis };
    if (needle !== '') p.find = needle;
    const column = sort ? CUSTOMER_SORT_COLUMNS.find((c) => c === sort.columnId) : undefined;
    if (sort && column) p.sort = { column, direction: sort.direction };
    return p;
  }, [filter, cell, needle, sort]);
  const query = usePagedCustomers(listParams);
  const rows = query.rows;
  // The selection's scope: the list without its sort (sorting keeps "all selected").
  const scopeKey = JSON.stringify({ ...listParams, sort: undefined });
  const selectAllState: 'none' | 'some' | 'all' =
    selected.size === 0 ? 'none' : allOf === scopeKey && selected.size >= query.total ? 'all' : 'some';
  const selectAll = useMemo(
    () => ({
      state: selectAllState,
      toggle: () => {
        if (selectAllState === 'all') {
          customersActions.clearSelection();
          return;
        }
        const { sort: _sort, ...scope } = listParams;
        void call('views.customerIds', scope).then(
          (result) => customersActions.selectAll(result.ids, scopeKey),
          () => undefined,
        );
      },
    }),
    [selectAllState, listParams, scopeKey],
  );
  useSettled('customers', query.status === 'ready', query.rows);

  const yShort = cell?.yAxis === 'fm' ? 'F+M' : 'F';
  const total = query.total;

  return (
    <div className="page page-views page-customers" data-testid="page-customers">
      <header className="page-header">
        <h1 className="page-title">{t('nav.customers')}</h1>
        <p className="page-subtitle" data-testid="cust-count" data-value={total}>
          {t('views.cust.subtitle', { count: formatCount(total, language) })}
        </p>
        <div className="reports-export-action"><ExportButton sheets={['summary', 'customers']} /></div>
      </header>
      <ViewFilterBar />
      <div className="views-toolbar">
        <input
          type="search"
          className="input cust-find"
          value={find}
          onChange={(e) => setFind(e.target.value)}
          placeholder={t('views.cust.quickSearch')}
          aria-label={t('views.cust.quickSearch')}
          data-testid="cust-find"
        />
        {cell ? (
          <span className="fchip" data-testid="cust-cell-chip">
            <span className="fchip-text">{t('views.cust.cellChip', { r: cell.r, axis: yShort, y: cell.y })}</span>
            <button type="button" className="fchip-remove" aria-label={t('views.cust.clearCell')} onClick={() => customersActions.setCell(null)}>
              ×
            </button>
          </span>
        ) : null}
        <span className="views-toolbar-spacer" />
        {selected.size > 0 ? (
          <>
            <span className="views-note" data-testid="cust-selected">
              {t('views.cust.visitList', { count: formatCount(selected.size, language) })}
            </span>
            <button type="button" className="button" onClick={() => customersActions.clearSelection()}>
              {t('views.cust.clearSelection')}
            </button>
          </>
        ) : null}
        <CreateVisitList selection={[...selected]} />
        <ColumnChooser
          columns={allColumns.map((c) => ({ id: c.id, header: c.header, hidden: hidden.has(c.id), required: c.id === 'name' }))}
          onChange={(id, visible) => {
            const next = new Set(hidden);
            if (visible) next.delete(id);
            else next.add(id);
            setHidden(next);
          }}
        />
      </div>
      {query.error ? (
        <div className="banner banner-error" role="alert">
          <span className="banner-text">{t('views.common.loadFailed', { why: translateError(query.error) })}</span>
        </div>
      ) : null}
      <div className="cust-body">
        <div className="cust-table">
          <VirtualTable
            rows={rows}
            onRangeChange={query.requestRange}
            selectAll={selectAll}
            resetKey={query.listKey}
            rowKey={(r) => r.id}
            columns={shownColumns}
            ariaLabel={t('nav.customers')}
            sort={sort}
            onSort={setSort}
            selected={selected as ReadonlySet<RowKey>}
            onSelectionChange={(next) => customersActions.setSelection(new Set([...next].map(Number)))}
            onRowActivate={(row) => navigate('dossier', String(row.id))}
            rowLabel={(r) => r.name}
            emptyText={query.status === 'loading' ? t('views.common.loading') : t('views.common.noMatch')}
            testId="cust-table"
          />
        </div>
      </div>
    </div>
  );
}
