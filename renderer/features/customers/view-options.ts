/**
 * The filter bar's choices for every view (values present in the workspace, with display
 * labels in the UI language) and the saved views, kept per workspace in localStorage.
 */
import { useEffect, useMemo, useState } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import type { FilterOption, SegmentSchemeOption } from '../../components/index.ts';
import type { SavedView } from '../../app/filter-store.ts';
import type { Translate } from '../../app/i18n.ts';
import type { Language } from '../../../shared/api/contract.ts';
import type { ListField } from '../../../shared/filters/index.ts';
import type { FilterOptions, SegmentInfo } from '../../../shared/views/api.ts';

const LIFECYCLE_KEYS = ['prospect', 'new', 'active', 'sleeping', 'lost'] as const;

export function lifecycleLabel(stage: string, t: Translate): string {
  return (LIFECYCLE_KEYS as readonly string[]).includes(stage) ? t(`analytics.lifecycle.${stage as (typeof LIFECYCLE_KEYS)[number]}`) : stage;
}

export function segmentName(segments: readonly SegmentInfo[], id: string | null, language: Language): string {
  if (id === null) return '–';
  const found = segments.find((s) => s.id === id);
  return found ? (language === 'zh-CN' ? found.nameZh : found.nameEn) : id;
}

let cache: Promise<FilterOptions> | null = null;
let cacheVersion = 0;

/** The workspace's filter options (one request shared by every page until the workspace changes). */
export function useFilterOptions(): FilterOptions | null {
  const [options, setOptions] = useState<FilterOptions | null>(null);
  const [version, setVersion] = useState(cacheVersion);
  useEffect(
    () =>
      onNamedEvent('workspace.changed', () => {
        cache = null;
        cacheVersion += 1;
        setVersion(cacheVersion);
      }),
    [],
  );
  useEffect(() => {
    let live = true;
    cache ??= call('views.filterOptions');
    const mine = cache;
    mine.then(
      (value) => live && setOptions(value),
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

const SAVED_KEY = 'atlas.savedViews:';

function readSaved(workspace: string): SavedView[] {
  try {
    const raw = window.localStorage.getItem(SAVED_KEY + workspace);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (v): v is SavedView => typeof v === 'object' && v !== null && typeof (v as SavedView).name === 'string' && typeof (v as SavedView).query === 'string',
    );
  } catch {
    return [];
  }
}

/** Named filter sets of one workspace ("save this view"). */
export function useSavedViews(workspace: string): { views: SavedView[]; save: (view: SavedView) => void; remove: (name: string) => void } {
  const [views, setViews] = useState<SavedView[]>(() => readSaved(workspace));
  useEffect(() => setViews(readSaved(workspace)), [workspace]);
  const store = (next: SavedView[]): void => {
    setViews(next);
    try {
      window.localStorage.setItem(SAVED_KEY + workspace, JSON.stringify(next));
    } catch {
      // Storage full or unavailable: the views stay for this session.
    }
  };
  return {
    views,
    save: (view) => store([...views.filter((v) => v.name !== view.name), view]),
    remove: (name) => store(views.filter((v) => v.name !== name)),
  };
}
