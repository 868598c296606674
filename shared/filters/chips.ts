/**
 * The filter as removable chips: one chip per chosen value, in filter-bar order. The UI turns
 * `field` into a label ("省份") and `value` into display text (a segment id into its name);
 * `labelParams` carries what that needs beyond the value (the segment scheme, the tag mode).
 */
import { LIST_FIELDS, normalizeFilter, type CustomerFilter, type FilterField } from './customer-filter.ts';

export interface FilterChip {
  /** Unique within one filter: `${field}:${value}`. */
  key: string;
  field: FilterField;
  value: string;
  labelParams: Readonly<Record<string, string>>;
}

function chip(field: FilterField, value: string, labelParams: Readonly<Record<string, string>> = {}): FilterChip {
  return { key: `${field}:${value}`, field, value, labelParams };
}

export function filterChips(filter: CustomerFilter): FilterChip[] {
  const f = normalizeFilter(filter);
  const chips: FilterChip[] = [];
  if (f.search !== '') chips.push(chip('search', f.search));
  for (const field of LIST_FIELDS.slice(0, 3)) for (const v of f[field]) chips.push(chip(field, v));
  if (f.segment) for (const v of f.segment.values) chips.push(chip('segment', v, { scheme: f.segment.scheme }));
  for (const field of LIST_FIELDS.slice(3)) for (const v of f[field]) chips.push(chip(field, v));
  for (const v of f.tags.ids) chips.push(chip('tags', v, { mode: f.tags.mode }));
  return chips;
}

/** The filter without the chip's value; a chip that is not in the filter changes nothing. */
export function removeChip(filter: CustomerFilter, removed: Pick<FilterChip, 'field' | 'value'>): CustomerFilter {
  const f = normalizeFilter(filter);
  switch (removed.field) {
    case 'search':
      return { ...f, search: '' };
    case 'segment':
      return normalizeFilter({ ...f, segment: f.segment && { ...f.segment, values: f.segment.values.filter((v) => v !== removed.value) } });
    case 'tags':
      return { ...f, tags: { ...f.tags, ids: f.tags.ids.filter((v) => v !== removed.value) } };
    default:
      return { ...f, [removed.field]: f[removed.field].filter((v) => v !== removed.value) };
  }
}
