/** Which page is showing. Kept in the URL hash so a reload stays on the same page. */
import { create } from 'zustand';
import { hashWithFilter, splitHash } from './filter-store.ts';

export const PAGES = ['overview', 'import', 'segments', 'regions', 'customers', 'tags', 'reports', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

function isPageId(value: string): value is PageId {
  return (PAGES as readonly string[]).includes(value);
}

/** The page is the hash path; a filter query may follow it (#/customers?grade=A). */
function pageFromHash(): PageId {
  const path = splitHash(window.location.hash).path.replace(/^#\/?/, '');
  return isPageId(path) ? path : 'overview';
}

const useNavStore = create<{ page: PageId }>()(() => ({ page: pageFromHash() }));

export const usePage = (): PageId => useNavStore((s) => s.page);

/** Switching pages keeps the shared filters: every view shows the same customers. */
export function navigate(page: PageId): void {
  useNavStore.setState({ page });
  const hash = hashWithFilter(`#/${page}`);
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}
