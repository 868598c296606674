/**
 * The analytics data the Overview, Settings → Analysis and Tags pages share: the current
 * scoring summary, the tag list with its statistics and the metric catalog. Loads are
 * numbered so a slow answer can never overwrite a newer one; every page reloads on
 * workspace.changed (scoring reruns after imports and edits).
 */
import { create } from 'zustand';
import { call, onNamedEvent } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { AnalyticsSummary, TagListResult } from '../../../shared/analytics/api.ts';
import type { MetricSpec } from '../../../shared/analytics/types.ts';

interface AnalyticsState {
  summary: AnalyticsSummary | null;
  summaryError: AtlasErrorData | null;
  tags: TagListResult | null;
  tagsError: AtlasErrorData | null;
  catalog: readonly MetricSpec[] | null;
}

const useAnalyticsStore = create<AnalyticsState>()(() => ({
  summary: null,
  summaryError: null,
  tags: null,
  tagsError: null,
  catalog: null,
}));

export const useSummary = (): AnalyticsSummary | null => useAnalyticsStore((s) => s.summary);
export const useSummaryError = (): AtlasErrorData | null => useAnalyticsStore((s) => s.summaryError);
export const useTagList = (): TagListResult | null => useAnalyticsStore((s) => s.tags);
export const useTagsError = (): AtlasErrorData | null => useAnalyticsStore((s) => s.tagsError);
export const useCatalog = (): readonly MetricSpec[] | null => useAnalyticsStore((s) => s.catalog);

let summarySeq = 0;
let tagsSeq = 0;

export async function loadSummary(): Promise<void> {
  const mine = ++summarySeq;
  try {
    const summary = await call('analytics.summary');
    if (mine === summarySeq) useAnalyticsStore.setState({ summary, summaryError: null });
  } catch (error) {
    if (mine === summarySeq) useAnalyticsStore.setState({ summary: null, summaryError: toErrorData(error) });
  }
}

/** A summary returned by a call that re-scored (settings.set) replaces the loaded one. */
export function setSummary(summary: AnalyticsSummary): void {
  summarySeq += 1;
  useAnalyticsStore.setState({ summary, summaryError: null });
}

export async function loadTags(): Promise<void> {
  const mine = ++tagsSeq;
  try {
    const tags = await call('analytics.tags.list');
    if (mine === tagsSeq) useAnalyticsStore.setState({ tags, tagsError: null });
  } catch (error) {
    if (mine === tagsSeq) useAnalyticsStore.setState({ tags: null, tagsError: toErrorData(error) });
  }
}

export function setTags(tags: TagListResult): void {
  tagsSeq += 1;
  useAnalyticsStore.setState({ tags, tagsError: null });
}

export async function loadCatalog(): Promise<void> {
  if (useAnalyticsStore.getState().catalog !== null) return;
  try {
    const catalog = await call('analytics.metricCatalog');
    useAnalyticsStore.setState({ catalog });
  } catch {
    // The catalog is static; a failure shows up through the other loads' errors.
  }
}

/** Loads what a page needs now and again whenever the workspace changes; returns unsubscribe. */
export function followAnalytics(what: { summary?: boolean; tags?: boolean; catalog?: boolean }): () => void {
  const load = (): void => {
    if (what.summary) void loadSummary();
    if (what.tags) void loadTags();
    if (what.catalog) void loadCatalog();
  };
  load();
  return onNamedEvent('workspace.changed', load);
}
