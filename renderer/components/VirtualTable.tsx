/**
 * A table that stays smooth at 100,000 rows: fixed row height, only the visible rows (plus
 * overscan) in the DOM, sticky header, sortable headers (the parent sorts: `onSort`), optional
 * checkbox selection with shift-click ranges, and keyboard use through one focusable grid
 * (arrows, Page Up/Down, Home/End, Space selects, Shift+Space extends, Enter opens, Ctrl+A).
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { useT } from '../app/i18n.ts';
import { clickSelection, scrollToRow, toggleAll, visibleWindow, type RowKey } from './virtual-range.ts';
import './components.css';

export type SortDirection = 'asc' | 'desc';

export interface TableSort {
  columnId: string;
  direction: SortDirection;
}

export interface VirtualColumn<R> {
  id: string;
  header: string;
  /** Width in pixels; the last visible column stretches to fill the table. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Default true. */
  sortable?: boolean;
  /** First direction when the user sorts by this column (numbers usually 'desc'). */
  firstDirection?: SortDirection;
  /** Hidden columns are left out (the column chooser toggles this). */
  hidden?: boolean;
  /** Cell content; React escapes text, so untrusted names are safe here. */
  render: (row: R, index: number) => ReactNode;
  /** Tooltip text of a cell (full text of truncated content). */
  title?: (row: R) => string;
}

export interface VirtualTableProps<R> {
  /**
   * The rows; for a list paged in from elsewhere, an array of the full length with holes
   * (undefined) where rows are not loaded yet — those show as placeholders.
   */
  rows: readonly (R | undefined)[];
  /** Called with the rendered index range [start, end) whenever it changes (to load pages). */
  onRangeChange?: (start: number, end: number) => void;
  /**
   * The header checkbox for lists that are not all loaded: its state and what it does (e.g.
   * select every matching row through the worker). Without it, it toggles the loaded rows.
   */
  selectAll?: { state: 'none' | 'some' | 'all'; toggle: () => void };
  /** Scrolls back to the top whenever this changes (a new filter or sort). */
  resetKey?: string;
  rowKey: (row: R) => RowKey;
  columns: readonly VirtualColumn<R>[];
  ariaLabel: string;
  /** Row height in pixels; default 34. */
  rowHeight?: number;
  /** Rows rendered beyond the viewport on each side; default 10. */
  overscan?: number;
  /** Fixed height in pixels; without it the table fills its parent (give the parent a height). */
  height?: number;
  sort?: TableSort | null;
  onSort?: (sort: TableSort) => void;
  /** Checkbox selection; the parent owns the set. */
  selected?: ReadonlySet<RowKey>;
  onSelectionChange?: (selected: Set<RowKey>) => void;
  /** Row click or Enter. */
  onRowActivate?: (row: R, index: number) => void;
  /** Accessible name of a row's checkbox (usually the customer name). */
  rowLabel?: (row: R) => string;
  emptyText?: string;
  /** Prefix of every data-testid; default 'vtable'. */
  testId?: string;
}

const HEADER_HEIGHT = 36;
/**
 * The rendered window moves in steps of this many rows: scrolling within a step re-renders
 * nothing (the extra rows are already there), so a fast scroll costs a React render every few
 * frames instead of every frame.
 */
const STEP_ROWS = 8;
const CHECK_WIDTH = 40;

export function VirtualTable<R>(props: VirtualTableProps<R>): ReactNode {
  const t = useT();
  const {
    rows,
    rowKey,
    columns,
    rowHeight = 34,
    overscan = 10,
    sort = null,
    onSort,
    selected,
    onSelectionChange,
    onRowActivate,
    rowLabel,
    testId = 'vtable',
  } = props;
  const selectable = selected !== undefined && onSelectionChange !== undefined;
  const scroller = useRef<HTMLDivElement>(null);
  // The first row under the header: scrolling within a row changes nothing, so React skips it.
  const [firstRow, setFirstRow] = useState(0);
  const [viewport, setViewport] = useState(props.height ?? 600);
  const [active, setActive] = useState<number | null>(null);
  const anchor = useRef<number | null>(null);
  const idBase = useId();

  const visible = useMemo(() => columns.filter((c) => c.hidden !== true), [columns]);
  const keys = useMemo(() => rows.map((r) => (r === undefined ? undefined : rowKey(r))) as (RowKey | undefined)[], [rows, rowKey]);
  const template = useMemo(() => {
    const widths = visible.map((c, i) => (i === visible.length - 1 ? `minmax(${c.width}px, 1fr)` : `${c.width}px`));
    return (selectable ? [`${CHECK_WIDTH}px`] : []).concat(widths).join(' ');
  }, [visible, selectable]);
  const minWidth = visible.reduce((sum, c) => sum + c.width, selectable ? CHECK_WIDTH : 0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const measure = (): void => setViewport(el.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // New rows (filter, sort): keep the active row inside the data.
  useEffect(() => {
    setActive((a) => (a === null || rows.length === 0 ? null : Math.min(a, rows.length - 1)));
    anchor.current = null;
  }, [rows]);

  const window_ = visibleWindow(firstRow * rowHeight, Math.max(0, viewport - HEADER_HEIGHT) + STEP_ROWS * rowHeight, rowHeight, rows.length, overscan);
  const { onRangeChange, resetKey } = props;
  useEffect(() => {
    onRangeChange?.(window_.start, window_.end);
  }, [window_.start, window_.end, onRangeChange]);
  useEffect(() => {
    const el = scroller.current;
    if (el !== null && el.scrollTop !== 0) el.scrollTop = 0;
    setFirstRow(0);
  }, [resetKey]);

  const moveTo = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (rows.length === 0) return;
      const target = Math.max(0, Math.min(rows.length - 1, index));
      setActive(target);
      if (el !== null) {
        const top = scrollToRow(target, el.scrollTop, el.clientHeight, rowHeight, HEADER_HEIGHT);
        if (top !== el.scrollTop) el.scrollTop = top;
      }
    },
    [rows.length, rowHeight],
  );

  const select = useCallback(
    (index: number, shift: boolean) => {
      if (!selectable) return;
      const result = clickSelection(selected, keys as RowKey[], index, shift, anchor.current);
      anchor.current = result.anchor;
      onSelectionChange(result.selected);
    },
    [selectable, selected, keys, onSelectionChange],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((viewport - HEADER_HEIGHT) / rowHeight) - 1);
    const current = active ?? -1;
    const handled = ((): boolean => {
      switch (event.key) {
        case 'ArrowDown':
          moveTo(current + 1);
          return true;
        case 'ArrowUp':
          moveTo(current <= 0 ? 0 : current - 1);
          return true;
        case 'PageDown':
          moveTo(current + page);
          return true;
        case 'PageUp':
          moveTo(current - page);
          return true;
        case 'Home':
          moveTo(0);
          return true;
        case 'End':
          moveTo(rows.length - 1);
          return true;
        case ' ':
          if (active !== null) select(active, event.shiftKey);
          return active !== null;
        case 'Enter': {
          const row = active === null ? undefined : rows[active];
          if (row !== undefined && active !== null) onRowActivate?.(row, active);
          return row !== undefined;
        }
        case 'a':
        case 'A':
          if ((event.ctrlKey || event.metaKey) && selectable) {
            if (props.selectAll) props.selectAll.toggle();
            else onSelectionChange(toggleAll(selected, keys.filter((k): k is RowKey => k !== undefined)));
            return true;
          }
          return false;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  const headerSort = (column: VirtualColumn<R>): void => {
    if (onSort === undefined || column.sortable === false) return;
    const direction: SortDirection =
      sort?.columnId === column.id ? (sort.direction === 'asc' ? 'desc' : 'asc') : (column.firstDirection ?? 'asc');
    onSort({ columnId: column.id, direction });
  };

  const selectAllOverride = props.selectAll;
  const [allSelected, someSelected] = useMemo((): [boolean, boolean] => {
    if (selectAllOverride) return [selectAllOverride.state === 'all', selectAllOverride.state === 'some'];
    if (!selectable || keys.length === 0 || selected.size === 0) return [false, false];
    const all = selected.size >= keys.length && keys.every((k) => k === undefined || selected.has(k));
    return [all, !all];
  }, [selectable, keys, selected, selectAllOverride]);
  const rowStyle: CSSProperties = { gridTemplateColumns: template, height: rowHeight, minWidth };
  const rowId = (index: number): string => `${idBase}-r${index}`;

  const bodyRows: ReactNode[] = [];
  for (let index = window_.start; index < window_.end; index += 1) {
    const row = rows[index];
    const key = keys[index];
    if (row === undefined || key === undefined) {
      bodyRows.push(
        <div key={`pending-${index}`} role="row" aria-rowindex={index + 2} aria-busy="true" className={`vt-row vt-pending${index % 2 === 1 ? ' is-odd' : ''}`} style={rowStyle} data-testid={`${testId}-pending`}>
          <div role="gridcell" className="vt-cell vt-placeholder" />
        </div>,
      );
      continue;
    }
    const isSelected = selectable && selected.has(key);
    bodyRows.push(
      <div
        key={key}
        id={rowId(index)}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={selectable ? isSelected : undefined}
        className={`vt-row${isSelected ? ' is-selected' : ''}${active === index ? ' is-active' : ''}${index % 2 === 1 ? ' is-odd' : ''}`}
        style={rowStyle}
        data-testid={`${testId}-row`}
        data-row-index={index}
        onClick={() => {
          setActive(index);
          onRowActivate?.(row, index);
        }}
      >
        {selectable ? (
          <div role="gridcell" className="vt-cell vt-check" onClick={(e) => e.stopPropagation()}>
            <input
              type="checkbox"
              tabIndex={-1}
              checked={isSelected}
              aria-label={t('views.table.selectRow', { name: rowLabel?.(row) ?? String(key) })}
              data-testid={`${testId}-select`}
              onChange={(e) => {
                setActive(index);
                const native = e.nativeEvent;
                select(index, native instanceof MouseEvent && native.shiftKey);
              }}
            />
          </div>
        ) : null}
        {visible.map((column) => (
          <div
            key={column.id}
            role="gridcell"
            className={`vt-cell vt-align-${column.align ?? 'left'}`}
            title={column.title?.(row)}
          >
            {column.render(row, index)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className="vt"
      role="grid"
      aria-label={props.ariaLabel}
      aria-rowcount={rows.length + 1}
      aria-colcount={visible.length + (selectable ? 1 : 0)}
      aria-multiselectable={selectable || undefined}
      aria-activedescendant={active !== null && active >= window_.start && active < window_.end ? rowId(active) : undefined}
      tabIndex={0}
      style={props.height === undefined ? undefined : { height: props.height }}
      onScroll={(e) => setFirstRow(Math.floor(e.currentTarget.scrollTop / rowHeight / STEP_ROWS) * STEP_ROWS)}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div role="row" aria-rowindex={1} className="vt-header" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT, minWidth }}>
        {selectable ? (
          <div role="columnheader" className="vt-cell vt-check">
            <input
              type="checkbox"
              tabIndex={-1}
              checked={allSelected}
              ref={(el) => {
                if (el !== null) el.indeterminate = someSelected;
              }}
              aria-label={t('views.table.selectAll')}
              data-testid={`${testId}-select-all`}
              onChange={() =>
                props.selectAll ? props.selectAll.toggle() : onSelectionChange(toggleAll(selected, keys.filter((k): k is RowKey => k !== undefined)))
              }
            />
          </div>
        ) : null}
        {visible.map((column) => {
          const sorted = sort?.columnId === column.id ? sort.direction : null;
          const sortable = onSort !== undefined && column.sortable !== false;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : sortable ? 'none' : undefined}
              className={`vt-cell vt-head vt-align-${column.align ?? 'left'}`}
              data-testid={`${testId}-header-${column.id}`}
            >
              {sortable ? (
                <button type="button" className="vt-sort" tabIndex={0} onClick={() => headerSort(column)}>
                  <span className="vt-head-text">{column.header}</span>
                  <span className={`vt-sort-mark${sorted ? ' is-on' : ''}`} aria-hidden="true">
                    {sorted === 'desc' ? '▼' : sorted === 'asc' ? '▲' : '↕'}
                  </span>
                </button>
              ) : (
                <span className="vt-head-text">{column.header}</span>
              )}
            </div>
          );
        })}
      </div>
      {rows.length === 0 ? (
        <div className="vt-empty" data-testid={`${testId}-empty`}>
          {props.emptyText ?? t('views.table.empty')}
        </div>
      ) : (
        <div className="vt-body" style={{ height: rows.length * rowHeight, minWidth }}>
          <div className="vt-window" style={{ transform: `translateY(${window_.offset}px)` }}>
            {bodyRows}
          </div>
        </div>
      )}
    </div>
  );
}
