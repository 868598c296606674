export {
  LIST_FIELDS,
  MAX_VALUES_PER_FIELD,
  MAX_VALUE_LENGTH,
  emptyFilter,
  filterValueCount,
  filtersEqual,
  isEmptyFilter,
  normalizeFilter,
  toggleValue,
  withList,
  type CustomerFilter,
  type FilterField,
  type ListField,
  type SegmentFilter,
  type TagFilter,
  type TagMode,
} from './customer-filter.ts';
export { filterChips, removeChip, type FilterChip } from './chips.ts';
export { filterFromQuery, filterToQuery } from './query.ts';
export { asciiLower, customerPredicate, matchesFilter, searchKey, type FilterableCustomer } from './matches.ts';
