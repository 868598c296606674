/**
 * Which page is showing. Kept in the URL hash so a reload stays on the same page. A page may
 * take one parameter after its name (`#/dossier/1234`); the shared filter query follows
 * (`#/customers?grade=A`, `#/dossier/1234?grade=A`).
 */
import { create } from 'zustand';
import { hashWithFilter, splitHash } from './filter-store.ts';

/** The pages of the sidebar, in its order. */
export const PAGES = ['overview', 'import', 'segments', 'regions', 'customers', 'visits', 'tags', 'reports', 'settings'] as const;
/** Pages reached only by a link with a parameter (not in the sidebar). */
export const ROUTE_PAGES = ['dossier'] as const;
export type PageId = (typeof PAGES)[number] | (typeof ROUTE_PAGES)[number];

function isPageId(value: string): value is PageId {
  return (PAGES as readonly string[]).includes(value) || (ROUTE_PAGES as readonly string[]).includes(value);
}

export interface Route {
  page: PageId;
  /** The decoded path parameter (`#/dossier/1234` → '1234'); null without one. */
  param: string | null;
}

/** `#/dossier/12?grade=A` → { page: 'dossier', param: '12' }; unknown paths → the overview. */
export function routeFromHash(hash: string): Route {
  const path = splitHash(hash).path.replace(/^#\/?/, '');
  const slash = path.indexOf('/');
  const name = slash === -1 ? path : path.slice(0, slash);
  let param: string | null = null;
  if (slash !== -1 && path.length > slash + 1) {
    try {
      param = decodeURIComponent(path.slice(slash + 1));
    } catch {
      param = null;
    }
  }
  if (!isPageId(name)) return { page: 'overview', param: null };
  return { page: name, param };
}

/** The hash path of a route: `#/dossier/12`. */
export function routePath(page: PageId, param: string | null = null): string {
  return param === null ? `#/${page}` : `#/${page}/${encodeURIComponent(param)}`;
}

const useNavStore = create<Route>()(() => routeFromHash(window.location.hash));

export const usePage = (): PageId => useNavStore((s) => s.page);
export const usePageParam = (): string | null => useNavStore((s) => s.param);

/** Switching pages keeps the shared filters: every view shows the same customers. */
export function navigate(page: PageId, param: string | null = null): void {
  const current = useNavStore.getState();
  const hash = hashWithFilter(routePath(page, param));
  if (current.page !== page || current.param !== param) {
    useNavStore.setState({ page, param });
    // Opening a dossier is a step the user may want to go Back from; page switches replace.
    if (page === 'dossier' || current.page === 'dossier') {
      if (window.location.hash !== hash) window.history.pushState(null, '', hash);
      return;
    }
  }
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}

/** The href of a link to a customer's dossier (keeps the filter, so Back returns to the view). */
export function dossierHref(customerId: number): string {
  return hashWithFilter(routePath('dossier', String(customerId)));
}

/** Follows Back/Forward and typed hashes between pages (the filter store follows the query). */
export function startRouteSync(): () => void {
  const sync = () => {
    const next = routeFromHash(window.location.hash);
    const current = useNavStore.getState();
    if (next.page !== current.page || next.param !== current.param) useNavStore.setState(next);
  };
  window.addEventListener('popstate', sync);
  window.addEventListener('hashchange', sync);
  return () => {
    window.removeEventListener('popstate', sync);
    window.removeEventListener('hashchange', sync);
  };
}
