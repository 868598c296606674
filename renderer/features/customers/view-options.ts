/**
 * The filter bar's choices for every view (values present in the workspace, with display
 * labels in the UI language) and the saved views, stored in the workspace.
 */
import { useEffect, useMemo, useState } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import type { FilterOption, SegmentSchemeOption } from '../../components/index.ts';
import type { SavedView } from '../../app/filter-store.ts';
import type { Translate } from '../../app/i18n.ts';
import type { Language } from '../../../shared/api/contract.ts';
import type { ListField } from '../../../shared/filters/index.ts';
import type { FilterOptions, SavedViewRecord, SegmentInfo } from '../../../shared/views/api.ts';
import { toErrorData, type AtlasErrorData } from '../../../shared/api/errors.ts';

const LIFECYCLE_KEYS = ['prospect', 'new', 'active', 'sleeping', 'lost'] as const;

export function lifecycleLabel(stage: string, t: Translate): string {
  return (LIFECYCLE_KEYS as readonly string[]).includes(stage) ? t(`analytics.lifecycle.${stage as (typeof LIFECYCLE_KEYS)[number]}`) : stage;
}

export function segmentName(segments: readonly SegmentInfo[], id: string | null, language: Language): string {
  if (id === null) return '–';
  const found = segments.find((s) => s.id === id);
  return found ? (language === 'zh-CN' ? found.nameZh : found.nameEn) : id;
}

/** Names of every scheme seen in this session, so a notice can still name a scheme once it is deleted. */
const seenSchemes = new Map<string, { nameZh: string; nameEn: string }>();

/** The scheme's name in the UI language as last seen; its id when never seen. */
export function seenSchemeName(id: string, language: Language): string {
  const seen = seenSchemes.get(id);
  return seen ? (language === 'zh-CN' ? seen.nameZh : seen.nameEn) : id;
}

let cache: Promise<FilterOptions> | null = null;
let cacheVersion = 0;
let watching = false;

/**
 * Drops the cached options on every workspace change for the rest of the app's life, not only
 * while a view is open: a scheme saved or deleted in Settings (no view mounted) must show in
 * the next view, not the options from before.
 */
function watchWorkspace(): void {
  if (watching) return;
  watching = true;
  onNamedEvent('workspace.changed', () => {
    cache = null;
    cacheVersion += 1;
  });
}

/** The workspace's filter options (one request shared by every page until the workspace changes). */
export function useFilterOptions(): FilterOptions | null {
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [version, setVersion] = useState(cacheVersion);
  useEffect(() => {
    watchWorkspace();
    // Registered after the app-wide watcher, so the cache is already dropped when this runs.
    return onNamedEvent('workspace.changed', () => setVersion(cacheVersion));
  }, []);
  useEffect(() => {
    let live = true;
    cache ??= call('views.filterOptions');
    const mine = cache;
    mine.then(
      (value) => {
        for (const scheme of value.schemes) seenSchemes.set(scheme.id, { nameZh: scheme.nameZh, nameEn: scheme.nameEn });
        if (live) setOptions(value);
      },
      () => {
        if (cache === mine) cache = null;
      },
    );
    return () => {
      live = false;
    };
  }, [version]);
  return options;
}

export interface FilterBarChoices {
  options: Partial<Record<ListField, readonly FilterOption[]>>;
  segmentSchemes: readonly SegmentSchemeOption[];
  tagOptions: readonly FilterOption[];
}

export function useFilterBarChoices(options: FilterOptions | null, t: Translate, language: Language): FilterBarChoices {
  return useMemo(() => {
    if (options === null) return { options: {}, segmentSchemes: [], tagOptions: [] };
    const plain = (values: readonly string[]): FilterOption[] => values.map((v) => ({ value: v, label: v }));
    const cities = [...new Set(options.cities.map((c) => c.city))];
    return {
      options: {
        salesRegions: plain(options.salesRegions),
        provinces: plain(options.provinces),
        cities: plain(cities),
        accountManagers: plain(options.accountManagers),
        productLines: plain(options.productLines),
        customerTypes: plain(options.customerTypes),
        grades: plain(options.grades),
        lifecycles: options.lifecycles.map((v) => ({ value: v, label: lifecycleLabel(v, t) })),
      },
      segmentSchemes: options.schemes.map((s) => ({
        id: s.id,
        label: language === 'zh-CN' ? s.nameZh : s.nameEn,
        segments: s.segments.map((seg) => ({ value: seg.id, label: language === 'zh-CN' ? seg.nameZh : seg.nameEn })),
      })),
      tagOptions: options.tags.map((tag) => ({ value: tag.id, label: language === 'zh-CN' ? tag.nameZh : tag.nameEn })),
    };
  }, [options, t, language]);
}

/**
 * Named filter sets of the open workspace ("save this view"), stored in the workspace through
 * the API; reloaded when the workspace changes.
 */
export function useSavedViews(): {
  views: SavedView[];
  error: AtlasErrorData | null;
  save: (view: SavedView) => void;
  rename: (from: string, to: string) => void;
  remove: (name: string) => void;
} {
  const [views, setViews] = useState<SavedView[]>([]);
  const [error, setError] = useState<AtlasErrorData | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => onNamedEvent('workspace.changed', () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    call('views.savedViews.list').then(
      (list) => live && setViews(list.map((v) => ({ name: v.name, query: v.query }))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  const run = (request: Promise<SavedViewRecord[]>): void => {
    request.then(
      (list) => {
        setError(null);
        setViews(list.map((v) => ({ name: v.name, query: v.query })));
      },
      (e: unknown) => setError(toErrorData(e)),
    );
  };
  return {
    views,
    error,
    save: (view) => run(call('views.savedViews.save', { name: view.name, query: view.query })),
    rename: (from, to) => {
      const view = views.find((v) => v.name === from);
      if (view) run(call('views.savedViews.save', { name: to, query: view.query, previousName: from }));
    },
    remove: (name) => run(call('views.savedViews.delete', { name })),
  };
}
