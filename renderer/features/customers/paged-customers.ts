/**
 * The customer list, paged from the worker: the worker filters, sorts and counts every
 * matching customer; the table asks for the pages its visible window needs (plus one ahead)
 * and shows placeholders until they arrive. A new list (filter, cell, quick find, sort or a
 * workspace change) keeps the old rows on screen until its first page is in.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import { toErrorData, type AtlasErrorData } from '../../../shared/api/errors.ts';
import type { CustomerRow, CustomersParams } from '../../../shared/views/api.ts';
import { noteAnswer } from './view-timing.ts';

export const PAGE_SIZE = 150;

export type ListParams = Omit<CustomersParams, 'offset' | 'limit'>;

export interface PagedCustomers {
  /** Full-length rows with holes where pages are not loaded. */
  rows: readonly (CustomerRow | undefined)[];
  total: number;
  status: 'loading' | 'ready' | 'failed';
  error: AtlasErrorData | null;
  /** The list these rows belong to (changes with filter, cell, find, sort). */
  listKey: string;
  /** Tell which rows are visible: loads the missing pages. */
  requestRange: (start: number, end: number) => void;
}

interface State {
  key: string;
  total: number;
  pages: Map<number, CustomerRow[]>;
  rows: (CustomerRow | undefined)[];
}

function assemble(total: number, pages: Map<number, CustomerRow[]>): (CustomerRow | undefined)[] {
  const rows = new Array<CustomerRow | undefined>(total);
  for (const [page, list] of pages) list.forEach((row, k) => (rows[page * PAGE_SIZE + k] = row));
  return rows;
}

export function usePagedCustomers(params: ListParams): PagedCustomers {
  const [version, setVersion] = useState(0);
  useEffect(() => onNamedEvent('workspace.changed', () => setVersion((v) => v + 1)), []);
  const key = `${version}:${JSON.stringify(params)}`;
  const [state, setState] = useState<State | null>(null);
  const [status, setStatus] = useState<{ status: PagedCustomers['status']; error: AtlasErrorData | null }>({ status: 'loading', error: null });
  const live = useRef<{ key: string; params: ListParams; inFlight: Set<number>; state: State | null; range: [number, number] }>({
    key: '',
    params,
    inFlight: new Set(),
    state: null,
    range: [0, 60],
  });

  const load = useCallback((page: number) => {
    const ref = live.current;
    const mine = ref.key;
    if (ref.inFlight.has(page) || (ref.state?.key === mine && ref.state.pages.has(page))) return;
    ref.inFlight.add(page);
    call('views.customers', { ...ref.params, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (result) => {
        if (live.current.key !== mine) return;
        ref.inFlight.delete(page);
        noteAnswer();
        const previous = ref.state?.key === mine ? ref.state.pages : new Map<number, CustomerRow[]>();
        const pages = new Map(previous);
        pages.set(page, result.rows);
        const next: State = { key: mine, total: result.total, pages, rows: assemble(result.total, pages) };
        ref.state = next;
        setState(next);
        setStatus({ status: 'ready', error: null });
      },
      (error: unknown) => {
        if (live.current.key !== mine) return;
        ref.inFlight.delete(page);
        setStatus({ status: 'failed', error: toErrorData(error) });
      },
    );
  }, []);

  const requestRange = useCallback(
    (start: number, end: number) => {
      const ref = live.current;
      ref.range = [start, end];
      // Before the first page of a new list arrives, the old rows' range means nothing.
      if (ref.state?.key !== ref.key) return;
      const last = Math.min(Math.max(0, ref.state.total - 1), end + PAGE_SIZE / 2);
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) load(page);
    },
    [load],
  );

  useEffect(() => {
    const ref = live.current;
    ref.key = key;
    ref.params = params;
    ref.inFlight = new Set();
    setStatus((s) => ({ status: s.status === 'failed' ? 'loading' : s.status, error: null }));
    load(0);
    // `params` is part of `key`.
  }, [key, load]);

  const current = state;
  return {
    rows: current?.rows ?? [],
    total: current?.total ?? 0,
    status: current === null && status.status !== 'failed' ? 'loading' : status.status,
    error: status.error,
    listKey: current?.key ?? '',
    requestRange,
  };
}
