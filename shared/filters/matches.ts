/**
 * The filter as an in-memory predicate, for rows the renderer or the worker already holds.
 * Its meaning is the SQL of main/worker/data/filter-sql.ts, and a test checks the two agree.
 */
import { normalizeFilter, type CustomerFilter } from './customer-filter.ts';

/** What a customer row must carry to be filtered. */
export interface FilterableCustomer {
  code: string;
  name: string;
  salesRegion: string | null;
  province: string | null;
  city: string | null;
  accountManager: string | null;
  customerType: string | null;
  /** Segment id per scheme id: { rfm8: 'important-value', rfm11: 'champions' }. */
  segments: Readonly<Record<string, string | null>>;
  grade: string | null;
  lifecycle: string | null;
  /** Tag ids the customer carries. */
  tags: readonly string[];
  /** Product lines of the customer's orders, cancelled orders excluded. */
  productLines: readonly string[];
}

/**
 * The search key: NFKC (full-width letters and digits fold to ASCII), trimmed, ASCII letters
 * lower-cased — exactly what SQLite's lower() does to the stored name, so both sides agree.
 */
export function searchKey(text: string): string {
  return asciiLower(text.normalize('NFKC').trim());
}

export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function inList(values: readonly string[], value: string | null): boolean {
  return values.length === 0 || (value !== null && values.includes(value));
}

/** Builds the predicate once per filter; call it per row. */
export function customerPredicate(filter: CustomerFilter): (row: FilterableCustomer) => boolean {
  const f = normalizeFilter(filter);
  const needle = f.search === '' ? '' : searchKey(f.search);
  const tagIds = f.tags.ids;
  return (row) =>
    inList(f.salesRegions, row.salesRegion) &&
    inList(f.provinces, row.province) &&
    inList(f.cities, row.city) &&
    inList(f.accountManagers, row.accountManager) &&
    inList(f.customerTypes, row.customerType) &&
    inList(f.grades, row.grade) &&
    inList(f.lifecycles, row.lifecycle) &&
    (f.segment === null || inList(f.segment.values, Object.hasOwn(row.segments, f.segment.scheme) ? (row.segments[f.segment.scheme] ?? null) : null)) &&
    (f.productLines.length === 0 || row.productLines.some((p) => f.productLines.includes(p))) &&
    (tagIds.length === 0 ||
      (f.tags.mode === 'all' ? tagIds.every((t) => row.tags.includes(t)) : tagIds.some((t) => row.tags.includes(t)))) &&
    (needle === '' || asciiLower(row.name).includes(needle) || asciiLower(row.code).includes(needle));
}

export function matchesFilter(filter: CustomerFilter, row: FilterableCustomer): boolean {
  return customerPredicate(filter)(row);
}
