/**
 * The filter in the URL: `filterToQuery` writes a query string (no leading '?') that the hash
 * carries after the page (`#/customers?province=江苏省&grade=A`), so Back and reload restore the
 * filter. `filterFromQuery` reads anything — a hand-edited or truncated URL, unknown keys,
 * broken percent-escapes — and returns a normalised filter, never throwing.
 */
import { emptyFilter, normalizeFilter, type CustomerFilter, type ListField } from './customer-filter.ts';

/** URL key of each list field; short, stable, and part of saved links — do not rename. */
const LIST_KEYS: Readonly<Record<ListField, string>> = {
  salesRegions: 'region',
  provinces: 'province',
  cities: 'city',
  accountManagers: 'manager',
  productLines: 'product',
  customerTypes: 'type',
  grades: 'grade',
  lifecycles: 'stage',
};
const SEGMENT_SCHEME_KEY = 'scheme';
const SEGMENT_KEY = 'segment';
const TAG_KEY = 'tag';
const TAG_MODE_KEY = 'tags';
const SEARCH_KEY = 'q';

export function filterToQuery(filter: CustomerFilter): string {
  const f = normalizeFilter(filter);
  const params = new URLSearchParams();
  if (f.search !== '') params.append(SEARCH_KEY, f.search);
  for (const [field, key] of Object.entries(LIST_KEYS) as [ListField, string][]) {
    for (const value of f[field]) params.append(key, value);
  }
  if (f.segment) {
    params.append(SEGMENT_SCHEME_KEY, f.segment.scheme);
    for (const value of f.segment.values) params.append(SEGMENT_KEY, value);
  }
  for (const id of f.tags.ids) params.append(TAG_KEY, id);
  if (f.tags.mode === 'all') params.append(TAG_MODE_KEY, 'all');
  // URLSearchParams writes spaces as '+'; %20 reads the same everywhere and survives hashes.
  return params.toString().replace(/\+/g, '%20');
}

/** Accepts 'a=b', '?a=b', '#/page?a=b' or a whole URL; whatever precedes the last '?' is ignored. */
export function filterFromQuery(input: string): CustomerFilter {
  const text = typeof input === 'string' ? input : '';
  const at = text.indexOf('?');
  const query = at === -1 ? (text.includes('=') ? text : '') : text.slice(at + 1);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return emptyFilter;
  }
  const all = (key: string): string[] => {
    try {
      return params.getAll(key);
    } catch {
      return [];
    }
  };
  const lists = Object.fromEntries(
    (Object.entries(LIST_KEYS) as [ListField, string][]).map(([field, key]) => [field, all(key)]),
  ) as Record<ListField, string[]>;
  const scheme = all(SEGMENT_SCHEME_KEY)[0];
  return normalizeFilter({
    ...lists,
    segment: scheme === undefined ? null : { scheme, values: all(SEGMENT_KEY) },
    tags: { mode: all(TAG_MODE_KEY).includes('all') ? 'all' : 'any', ids: all(TAG_KEY) },
    search: all(SEARCH_KEY)[0] ?? '',
  });
}
