/** fast-check generators for filters and filterable rows, shared by the filter tests. */
import fc from 'fast-check';
import type { CustomerFilter, FilterableCustomer } from './index.ts';

export const POOL = {
  salesRegions: ['华东', '华北', '华南'],
  provinces: ['江苏省', '浙江省', '广西壮族自治区', '北京市'],
  cities: ['苏州市', '南京市', '杭州市', '南宁市', '北京市'],
  accountManagers: ['张伟', '李娜', 'O\'Brien'],
  productLines: ['挖掘机', '装载机', '起重机'],
  customerTypes: ['enterprise', 'rental', 'dealer'],
  grades: ['A', 'B', 'C', 'D'],
  lifecycles: ['new', 'active', 'sleeping', 'lost'],
  rfm8: ['important-value', 'general-value', 'other'],
  rfm11: ['champions', 'lost', 'other'],
  tags: ['t1', 't2', 't3', 't4'],
  names: ['徐工机械', 'ACME Ltd', '<img src=x onerror=alert(1)>', '苏州 Crane 有限公司', '100%_test'],
} as const;

/** Any string, including separators and characters that need escaping in URLs and SQL. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('&', '=', '?', '#', '%', '%zz', '+', ' a b ', "'; DROP TABLE x; --", '江苏省', '"', '\\', 'a,b'),
);

const listOf = (pool: readonly string[]) => fc.array(fc.oneof(fc.constantFrom(...pool), nasty), { maxLength: 4 });

export const arbitraryFilter: fc.Arbitrary<CustomerFilter> = fc.record({
  salesRegions: listOf(POOL.salesRegions),
  provinces: listOf(POOL.provinces),
  cities: listOf(POOL.cities),
  accountManagers: listOf(POOL.accountManagers),
  productLines: listOf(POOL.productLines),
  customerTypes: listOf(POOL.customerTypes),
  grades: listOf(POOL.grades),
  lifecycles: listOf(POOL.lifecycles),
  segment: fc.option(
    fc.oneof(
      fc.record({ scheme: fc.constant('rfm8'), values: listOf(POOL.rfm8) }),
      fc.record({ scheme: fc.constant('rfm11'), values: listOf(POOL.rfm11) }),
      fc.record({ scheme: nasty, values: listOf(POOL.rfm8) }),
    ),
    { nil: null },
  ),
  tags: fc.record({ mode: fc.constantFrom('any' as const, 'all' as const), ids: listOf(POOL.tags) }),
  search: fc.oneof(fc.constant(''), nasty, fc.constantFrom('徐工', 'acme', 'CRANE', 'ＡＣＭＥ', '<img', '%_')),
});

/** Filters drawn only from the pools (so they actually select something in SQL tests). */
const subsetOf = (pool: readonly string[]) => fc.subarray([...pool], { maxLength: 3 });
export const poolFilter: fc.Arbitrary<CustomerFilter> = fc.record({
  salesRegions: subsetOf(POOL.salesRegions),
  provinces: subsetOf(POOL.provinces),
  cities: subsetOf(POOL.cities),
  accountManagers: subsetOf(POOL.accountManagers),
  productLines: subsetOf(POOL.productLines),
  customerTypes: subsetOf(POOL.customerTypes),
  grades: subsetOf(POOL.grades),
  lifecycles: subsetOf(POOL.lifecycles),
  segment: fc.option(
    fc.oneof(
      fc.record({ scheme: fc.constant('rfm8'), values: subsetOf(POOL.rfm8) }),
      fc.record({ scheme: fc.constant('rfm11'), values: subsetOf(POOL.rfm11) }),
      fc.record({ scheme: fc.constant('custom'), values: subsetOf(POOL.rfm8) }),
    ),
    { nil: null },
  ),
  tags: fc.record({ mode: fc.constantFrom('any' as const, 'all' as const), ids: subsetOf(POOL.tags) }),
  search: fc.constantFrom('', '', '', '徐工', 'acme', 'CRANE', 'ＡＣＭＥ', '<img', '%_', 'c-0'),
});

const maybe = (pool: readonly string[]) => fc.option(fc.constantFrom(...pool), { nil: null });

export const arbitraryCustomer = (index: number): fc.Arbitrary<FilterableCustomer> =>
  fc.record({
    code: fc.constant(`C-${String(index).padStart(3, '0')}`),
    name: fc.constantFrom(...POOL.names),
    salesRegion: maybe(POOL.salesRegions),
    province: maybe(POOL.provinces),
    city: maybe(POOL.cities),
    accountManager: maybe(POOL.accountManagers),
    customerType: maybe(POOL.customerTypes),
    segments: fc.record({ rfm8: maybe(POOL.rfm8), rfm11: maybe(POOL.rfm11), custom: maybe(POOL.rfm8) }),
    grade: maybe(POOL.grades),
    lifecycle: maybe(POOL.lifecycles),
    tags: fc.subarray([...POOL.tags]),
    productLines: fc.subarray([...POOL.productLines]),
  });
