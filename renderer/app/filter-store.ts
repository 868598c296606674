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

interface FilterState {
  filter: CustomerFilter;
}

/** The page part and the query part of a hash like `#/customers?grade=A`. */
export function splitHash(hash: string): { path: string; query: string } {
  const at = hash.indexOf('?');
  return at === -1 ? { path: hash, query: '' } : { path: hash.slice(0, at), query: hash.slice(at + 1) };
}

function readLocation(): CustomerFilter {
  return filterFromQuery(splitHash(window.location.hash).query);
}

export const useFilterStore = create<FilterState>()(() => ({ filter: readLocation() }));

export const useFilter = (): CustomerFilter => useFilterStore((s) => s.filter);

/** The query string of the current filter, for building links that keep it (`#/regions?…`). */
export function currentFilterQuery(): string {
  return filterToQuery(useFilterStore.getState().filter);
}

/** The hash for a page that keeps the current filter: `#/regions?grade=A`. */
export function hashWithFilter(path: string): string {
  const query = currentFilterQuery();
  return query === '' ? path : `${path}?${query}`;
}

type HistoryMode = 'push' | 'replace';

function writeLocation(filter: CustomerFilter, mode: HistoryMode): void {
  const { path } = splitHash(window.location.hash);
  const query = filterToQuery(filter);
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
    if (!filtersEqual(fromUrl, useFilterStore.getState().filter)) useFilterStore.setState({ filter: fromUrl });
  };
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  sync();
  return () => {
    window.removeEventListener('popstate', sync);
    window.removeEventListener('hashchange', sync);
  };
}
