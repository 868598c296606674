/**
 * The scheme the Segments page shows, kept outside the page so it survives a trip to the
 * Customers page (a grid cell) and back, and a visit to Settings. When that scheme is deleted
 * the page falls back to the default one and remembers which scheme went, for its notice.
 */
import { create } from 'zustand';
import { DEFAULT_VIEW_SCHEME, type ViewScheme } from '../../../shared/views/api.ts';

interface SegmentsState {
  scheme: ViewScheme;
  /** Name (or id) of the chosen scheme that was deleted; null when nothing to tell. */
  gone: string | null;
}

const useSegmentsStore = create<SegmentsState>()(() => ({ scheme: DEFAULT_VIEW_SCHEME, gone: null }));

export const useSegmentsScheme = (): ViewScheme => useSegmentsStore((s) => s.scheme);
export const useGoneScheme = (): string | null => useSegmentsStore((s) => s.gone);

export const segmentsActions = {
  choose(scheme: ViewScheme): void {
    useSegmentsStore.setState({ scheme, gone: null });
  },
  /** The chosen scheme no longer exists: show `fallback`, and say so (`name` of the one that went). */
  fallBack(fallback: ViewScheme, name: string): void {
    useSegmentsStore.setState({ scheme: fallback, gone: name });
  },
  dismissGone(): void {
    useSegmentsStore.setState({ gone: null });
  },
};
