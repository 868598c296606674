/**
 * The one customer filter every view shares (Segments, Regions, Customers, reports): what the
 * filter bar shows as chips, what the URL keeps so Back works, what the worker turns into SQL
 * (main/worker/data/filter-sql.ts) and what `matchesFilter` checks in memory — one meaning.
 *
 * Semantics: within a field the values are alternatives (OR); fields combine with AND; an empty
 * field does not filter. Tags combine by `mode`: any of the chosen tags, or all of them. Values
 * are the stored strings (province full names as imported, segment ids, tag ids, grade letters,
 * lifecycle stage ids, customer type ids); the filter does not interpret them.
 */

export const LIST_FIELDS = [
  'salesRegions',
  'provinces',
  'cities',
  'accountManagers',
  'productLines',
  'customerTypes',
  'grades',
  'lifecycles',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export type TagMode = 'any' | 'all';

export interface SegmentFilter {
  /** Segment scheme id ('rfm8', 'rfm11' or a user scheme). */
  scheme: string;
  /** Segment ids within that scheme. */
  values: readonly string[];
}

export interface TagFilter {
  mode: TagMode;
  ids: readonly string[];
}

export interface CustomerFilter {
  salesRegions: readonly string[];
  provinces: readonly string[];
  cities: readonly string[];
  accountManagers: readonly string[];
  productLines: readonly string[];
  customerTypes: readonly string[];
  grades: readonly string[];
  lifecycles: readonly string[];
  /** null = any segment. */
  segment: SegmentFilter | null;
  tags: TagFilter;
  /** Quick search in customer name and code; '' = no search. */
  search: string;
}

/** Every field a chip can belong to. */
export type FilterField = ListField | 'segment' | 'tags' | 'search';

export const emptyFilter: CustomerFilter = Object.freeze<CustomerFilter>({
  salesRegions: [],
  provinces: [],
  cities: [],
  accountManagers: [],
  productLines: [],
  customerTypes: [],
  grades: [],
  lifecycles: [],
  segment: null,
  tags: { mode: 'any', ids: [] },
  search: '',
});

/** Caps that keep a pasted or hand-edited URL from building absurd filters. */
export const MAX_VALUES_PER_FIELD = 500;
export const MAX_VALUE_LENGTH = 200;

function cleanList(values: readonly unknown[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const v = value.trim();
    if (v === '' || v.length > MAX_VALUE_LENGTH || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
    if (out.length >= MAX_VALUES_PER_FIELD) break;
  }
  return out;
}

/**
 * The canonical form: values trimmed, empty and duplicate values dropped (first order kept),
 * a segment filter without values removed, search trimmed. Every function here accepts any
 * filter; stores and URLs keep the normalised form.
 */
export function normalizeFilter(filter: CustomerFilter): CustomerFilter {
  const segmentValues = filter.segment ? cleanList(filter.segment.values) : [];
  const scheme = filter.segment?.scheme.trim() ?? '';
  return {
    salesRegions: cleanList(filter.salesRegions),
    provinces: cleanList(filter.provinces),
    cities: cleanList(filter.cities),
    accountManagers: cleanList(filter.accountManagers),
    productLines: cleanList(filter.productLines),
    customerTypes: cleanList(filter.customerTypes),
    grades: cleanList(filter.grades),
    lifecycles: cleanList(filter.lifecycles),
    segment: scheme !== '' && scheme.length <= MAX_VALUE_LENGTH && segmentValues.length > 0 ? { scheme, values: segmentValues } : null,
    tags: { mode: filter.tags.mode === 'all' ? 'all' : 'any', ids: cleanList(filter.tags.ids) },
    search: filter.search.trim().slice(0, MAX_VALUE_LENGTH),
  };
}

/** True when the filter lets every customer through (the tag mode alone filters nothing). */
export function isEmptyFilter(filter: CustomerFilter): boolean {
  const f = normalizeFilter(filter);
  return LIST_FIELDS.every((field) => f[field].length === 0) && f.segment === null && f.tags.ids.length === 0 && f.search === '';
}

/** How many chips the filter shows: for a "3 filters" badge. */
export function filterValueCount(filter: CustomerFilter): number {
  const f = normalizeFilter(filter);
  return (
    LIST_FIELDS.reduce((n, field) => n + f[field].length, 0) +
    (f.segment?.values.length ?? 0) +
    f.tags.ids.length +
    (f.search === '' ? 0 : 1)
  );
}

/** A copy with one list field replaced. */
export function withList(filter: CustomerFilter, field: ListField, values: readonly string[]): CustomerFilter {
  return normalizeFilter({ ...filter, [field]: values });
}

/** A copy with one value added to or removed from a list field. */
export function toggleValue(filter: CustomerFilter, field: ListField, value: string): CustomerFilter {
  const current = filter[field];
  return withList(filter, field, current.includes(value) ? current.filter((v) => v !== value) : [...current, value]);
}

/** Structural equality of the normalised forms. */
export function filtersEqual(a: CustomerFilter, b: CustomerFilter): boolean {
  return JSON.stringify(normalizeFilter(a)) === JSON.stringify(normalizeFilter(b));
}
