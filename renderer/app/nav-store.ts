/** Which page is showing. Kept in the URL hash so a reload stays on the same page. */
import { create } from 'zustand';

export const PAGES = ['overview', 'import', 'segments', 'regions', 'customers', 'tags', 'reports', 'settings'] as const;
export type PageId = (typeof PAGES)[number];

function isPageId(value: string): value is PageId {
  return (PAGES as readonly string[]).includes(value);
}

function pageFromHash(): PageId {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return isPageId(hash) ? hash : 'overview';
}

const useNavStore = create<{ page: PageId }>()(() => ({ page: pageFromHash() }));

export const usePage = (): PageId => useNavStore((s) => s.page);

export function navigate(page: PageId): void {
  useNavStore.setState({ page });
  const hash = `#/${page}`;
  if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
}
