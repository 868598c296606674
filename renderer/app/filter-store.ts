/**
 * The shared customer filter of every view, kept in the URL hash after the page
 * (`#/customers?province=江苏省&grade=A`) so Back, Forward and reload restore it. Each change the
 * user makes is one history entry (pushState); typing in the search box replaces the current
 * entry instead of adding one per keystroke. Components read the filter through `useFilter`
 * and change it through `filterActions`.
 */
import { create } from 'zustand';
import {
  emptyFilter,
  filterFromQuery,
  filterToQuery,
  filtersEqual,
  normalizeFilter,
  removeChip,
  toggleValue,
  withList,
  type CustomerFilter,
  type FilterChip,
  type ListField,
  type SegmentFilter,
  type TagMode,
} from '../../shared/filters/index.ts';

/** A named filter set ("save this view"); the query string is what the URL would carry. */
export interface SavedView {
  name: string;
  query: string;
}

/**
 * One cell of the Segments grid the Customers page is restricted to, kept in the URL beside the
 * filter (`&cell=5-3-f`: R score, F or F+M score, axis) so Back returns to the unrestricted list.
 */
export interface GridCellParam {
  r: number;
  y: number;
  yAxis: 'f' | 'fm';
}

interface FilterState {
  filter: CustomerFilter;
  cell: GridCellParam | null;
}

const CELL_KEY = 'cell';

export function cellToParam(cell: GridCellParam): string {
  return `${cell.r}-${cell.y}-${cell.yAxis}`;
}

/** Reads `cell=5-3-f` from a query; anything malformed is no cell. */
export function cellFromQuery(query: string): GridCellParam | null {
  let value: string | null = null;
  try {
    value = new URLSearchParams(query).get(CELL_KEY);
  } catch {
    return null;
  }
  const match = value === null ? null : /^(\d{1,2})-(\d{1,2})-(f|fm)$/.exec(value);
  if (!match) return null;
  const r = Number(match[1]);
  const y = Number(match[2]);
  if (r < 1 || r > 20 || y < 1 || y > 40) return null;
  return { r, y, yAxis: match[3] === 'fm' ? 'fm' : 'f' };
}

function cellsEqual(a: GridCellParam | null, b: GridCellParam | null): boolean {
  return a === b || (a !== null && b !== null && a.r === b.r && a.y === b.y && a.yAxis === b.yAxis);
}

/** The page part and the query part of a hash like `#/customers?grade=A`. */
export function splitHash(hash: string): { path: string; query: string } {
  const at = hash.indexOf('?');
  return at === -1 ? { path: hash, query: '' } : { path: hash.slice(0, at), query: hash.slice(at + 1) };
}

function readLocation(): CustomerFilter {
  return filterFromQuery(splitHash(window.location.hash).query);
}

function readCell(): GridCellParam | null {
  return cellFromQuery(splitHash(window.location.hash).query);
}

export const useFilterStore = create<FilterState>()(() => ({ filter: readLocation(), cell: readCell() }));

export const useFilter = (): CustomerFilter => useFilterStore((s) => s.filter);
export const useGridCellParam = (): GridCellParam | null => useFilterStore((s) => s.cell);

/** The URL query: the filter, then the grid cell when one is chosen. */
function locationQuery(filter: CustomerFilter, cell: GridCellParam | null): string {
  const query = filterToQuery(filter);
  if (cell === null) return query;
  const extra = `${CELL_KEY}=${cellToParam(cell)}`;
  return query === '' ? extra : `${query}&${extra}`;
}

/** The query string of the current filter, for building links that keep it (`#/regions?…`). */
export function currentFilterQuery(): string {
  return filterToQuery(useFilterStore.getState().filter);
}

/** The hash for a page that keeps the current filter: `#/regions?grade=A`. */
export function hashWithFilter(path: string): string {
  const { filter, cell } = useFilterStore.getState();
  const query = locationQuery(filter, cell);
  return query === '' ? path : `${path}?${query}`;
}

type HistoryMode = 'push' | 'replace';

function writeLocation(filter: CustomerFilter, mode: HistoryMode, cell: GridCellParam | null = useFilterStore.getState().cell): void {
  const { path } = splitHash(window.location.hash);
  const query = locationQuery(filter, cell);
  const hash = query === '' ? path : `${path === '' ? '#/' : path}?${query}`;
  if (hash === window.location.hash) return;
  const url = hash === '' ? window.location.pathname + window.location.search : hash;
  if (mode === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

function commit(next: CustomerFilter, mode: HistoryMode = 'push'): void {
  const filter = normalizeFilter(next);
  const current = useFilterStore.getState().filter;
  // Search text is kept as typed (trailing space while typing); everything else normalised.
  if (filtersEqual(filter, current) && next.search === current.search) return;
  useFilterStore.setState({ filter: { ...filter, search: next.search } });
  writeLocation(filter, mode);
}

export const filterActions = {
  set(filter: CustomerFilter, mode: HistoryMode = 'push'): void {
    commit(filter, mode);
  },
  setList(field: ListField, values: readonly string[]): void {
    commit(withList(useFilterStore.getState().filter, field, values));
  },
  toggle(field: ListField, value: string): void {
    commit(toggleValue(useFilterStore.getState().filter, field, value));
  },
  add(field: ListField, value: string): void {
    const filter = useFilterStore.getState().filter;
    if (!filter[field].includes(value)) commit(withList(filter, field, [...filter[field], value]));
  },
  setSegment(segment: SegmentFilter | null): void {
    commit({ ...useFilterStore.getState().filter, segment });
  },
  setTags(ids: readonly string[], mode?: TagMode): void {
    const filter = useFilterStore.getState().filter;
    commit({ ...filter, tags: { mode: mode ?? filter.tags.mode, ids } });
  },
  setTagMode(mode: TagMode): void {
    const filter = useFilterStore.getState().filter;
    commit({ ...filter, tags: { ...filter.tags, mode } });
  },
  /** Typing does not add history entries; the URL follows with replaceState. */
  setSearch(search: string): void {
    commit({ ...useFilterStore.getState().filter, search }, 'replace');
  },
  removeChip(chip: Pick<FilterChip, 'field' | 'value'>): void {
    commit(removeChip(useFilterStore.getState().filter, chip));
  },
  clear(): void {
    commit(emptyFilter);
  },
  /** Restricts the Customers page to one grid cell (null = none); one history entry. */
  setCell(cell: GridCellParam | null): void {
    const state = useFilterStore.getState();
    if (cellsEqual(cell, state.cell)) return;
    useFilterStore.setState({ cell });
    writeLocation(state.filter, 'push', cell);
  },
  applyView(view: SavedView): void {
    commit(filterFromQuery(view.query));
  },
  /** A saved view of the current filter under `name`. */
  viewOf(name: string): SavedView {
    return { name: name.trim(), query: currentFilterQuery() };
  },
};

/**
 * Follows Back/Forward and hand-edited URLs: call once at start-up; returns the unsubscribe.
 * (popstate covers history navigation, hashchange a typed or linked hash.)
 */
export function startFilterUrlSync(): () => void {
  const sync = (): void => {
    const fromUrl = readLocation();
    const cell = readCell();
    const state = useFilterStore.getState();
    if (!filtersEqual(fromUrl, state.filter)) useFilterStore.setState({ filter: fromUrl });
    if (!cellsEqual(cell, state.cell)) useFilterStore.setState({ cell });
  };
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  sync();
  return () => {
    window.removeEventListener('popstate', sync);
    window.removeEventListener('hashchange', sync);
  };
}
