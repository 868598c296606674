import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  emptyFilter,
  filterChips,
  filterFromQuery,
  filterToQuery,
  filterValueCount,
  filtersEqual,
  isEmptyFilter,
  matchesFilter,
  normalizeFilter,
  removeChip,
  toggleValue,
  type CustomerFilter,
  type FilterableCustomer,
} from './index.ts';
import { arbitraryFilter } from './filter-arbitrary.test-support.ts';

const f = (patch: Partial<CustomerFilter>): CustomerFilter => ({ ...emptyFilter, ...patch });

const row: FilterableCustomer = {
  code: 'C-001',
  name: '苏州 Crane 有限公司',
  salesRegion: '华东',
  province: '江苏省',
  city: '苏州市',
  accountManager: '张伟',
  customerType: 'enterprise',
  segments: { rfm8: 'important-value', rfm11: 'champions' },
  grade: 'A',
  lifecycle: 'active',
  tags: ['t1', 't2'],
  productLines: ['挖掘机'],
};

describe('empty filter and normalisation', () => {
  it('the empty filter is empty; any value makes it non-empty; tag mode alone does not', () => {
    expect(isEmptyFilter(emptyFilter)).toBe(true);
    expect(isEmptyFilter(f({ tags: { mode: 'all', ids: [] } }))).toBe(true);
    expect(isEmptyFilter(f({ provinces: ['  '] }))).toBe(true);
    expect(isEmptyFilter(f({ segment: { scheme: 'rfm8', values: [] } }))).toBe(true);
    expect(isEmptyFilter(f({ grades: ['A'] }))).toBe(false);
    expect(isEmptyFilter(f({ search: ' x ' }))).toBe(false);
  });

  it('normalising trims, drops empty and duplicate values and is idempotent', () => {
    expect(normalizeFilter(f({ grades: [' A', 'A', '', 'B'], search: '  q ' }))).toEqual(f({ grades: ['A', 'B'], search: 'q' }));
    fc.assert(
      fc.property(arbitraryFilter, (filter) => {
        const once = normalizeFilter(filter);
        expect(normalizeFilter(once)).toEqual(once);
      }),
    );
  });

  it('toggles values and counts them', () => {
    const one = toggleValue(emptyFilter, 'grades', 'A');
    expect(one.grades).toEqual(['A']);
    expect(toggleValue(one, 'grades', 'A').grades).toEqual([]);
    expect(filterValueCount(f({ grades: ['A', 'B'], tags: { mode: 'any', ids: ['t'] }, search: 'x' }))).toBe(4);
  });
});

describe('chips', () => {
  it('shows one chip per value with unique keys, and removing each chip removes exactly its value', () => {
    const filter = f({
      provinces: ['江苏省', '浙江省'],
      grades: ['A'],
      segment: { scheme: 'rfm11', values: ['champions'] },
      tags: { mode: 'all', ids: ['t1'] },
      search: 'acme',
    });
    const chips = filterChips(filter);
    expect(chips.map((c) => c.key)).toEqual([
      'search:acme',
      'provinces:江苏省',
      'provinces:浙江省',
      'segment:champions',
      'grades:A',
      'tags:t1',
    ]);
    expect(chips.find((c) => c.field === 'segment')?.labelParams).toEqual({ scheme: 'rfm11' });
    expect(chips.find((c) => c.field === 'tags')?.labelParams).toEqual({ mode: 'all' });
    expect(removeChip(filter, { field: 'provinces', value: '江苏省' }).provinces).toEqual(['浙江省']);
    expect(removeChip(filter, { field: 'segment', value: 'champions' }).segment).toBeNull();
    expect(removeChip(filter, { field: 'search', value: 'acme' }).search).toBe('');
    expect(removeChip(filter, { field: 'tags', value: 't1' }).tags).toEqual({ mode: 'all', ids: [] });
  });

  it('removing every chip in turn empties any filter', () => {
    fc.assert(
      fc.property(arbitraryFilter, (filter) => {
        const chips = filterChips(filter);
        expect(new Set(chips.map((c) => c.key)).size).toBe(chips.length);
        expect(chips.length).toBe(filterValueCount(filter));
        let current = filter;
        for (const chip of chips) {
          const next = removeChip(current, chip);
          expect(filterChips(next)).toHaveLength(filterChips(current).length - 1);
          current = next;
        }
        expect(isEmptyFilter(current)).toBe(true);
      }),
    );
  });
});

describe('URL query', () => {
  it('writes a readable query and reads it back', () => {
    const filter = f({ provinces: ['江苏省'], grades: ['A', 'B'], tags: { mode: 'all', ids: ['t1'] }, search: 'a b&c' });
    const query = filterToQuery(filter);
    expect(query).toBe('q=a%20b%26c&province=%E6%B1%9F%E8%8B%8F%E7%9C%81&grade=A&grade=B&tag=t1&tags=all');
    expect(filterFromQuery(query)).toEqual(normalizeFilter(filter));
    expect(filterFromQuery(`#/customers?${query}`)).toEqual(normalizeFilter(filter));
    expect(filterToQuery(emptyFilter)).toBe('');
  });

  it('round-trips every filter (property)', () => {
    fc.assert(
      fc.property(arbitraryFilter, (filter) => {
        const back = filterFromQuery(filterToQuery(filter));
        expect(back).toEqual(normalizeFilter(filter));
        expect(filtersEqual(back, filter)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('reads garbage without throwing and returns a normalised filter', () => {
    for (const junk of ['', '?', '#', '%', '%E6%B1', 'grade', '==&&', 'grade=%ZZ', '?q=%', 'scheme=&segment=x', '#/x?tags=maybe&tag=']) {
      const filter = filterFromQuery(junk);
      expect(normalizeFilter(filter)).toEqual(filter);
    }
    expect(filterFromQuery('scheme=&segment=x').segment).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        const filter = filterFromQuery(junk);
        expect(normalizeFilter(filter)).toEqual(filter);
      }),
      { numRuns: 500 },
    );
  });
});

describe('matchesFilter', () => {
  it('the empty filter matches everything', () => {
    expect(matchesFilter(emptyFilter, row)).toBe(true);
  });

  it('ORs values within a field and ANDs fields', () => {
    expect(matchesFilter(f({ provinces: ['浙江省', '江苏省'] }), row)).toBe(true);
    expect(matchesFilter(f({ provinces: ['江苏省'], grades: ['B'] }), row)).toBe(false);
    expect(matchesFilter(f({ provinces: ['江苏省'], grades: ['A', 'B'], cities: ['苏州市'] }), row)).toBe(true);
    expect(matchesFilter(f({ accountManagers: ['李娜'] }), row)).toBe(false);
    expect(matchesFilter(f({ grades: ['A'] }), { ...row, grade: null })).toBe(false);
  });

  it('filters by segment of the chosen scheme only', () => {
    expect(matchesFilter(f({ segment: { scheme: 'rfm8', values: ['important-value'] } }), row)).toBe(true);
    expect(matchesFilter(f({ segment: { scheme: 'rfm11', values: ['important-value'] } }), row)).toBe(false);
    expect(matchesFilter(f({ segment: { scheme: 'custom', values: ['x'] } }), row)).toBe(false);
    expect(matchesFilter(f({ segment: { scheme: 'toString', values: ['x'] } }), row)).toBe(false);
  });

  it('tags: any of, or all of', () => {
    expect(matchesFilter(f({ tags: { mode: 'any', ids: ['t2', 't9'] } }), row)).toBe(true);
    expect(matchesFilter(f({ tags: { mode: 'all', ids: ['t2', 't9'] } }), row)).toBe(false);
    expect(matchesFilter(f({ tags: { mode: 'all', ids: ['t1', 't2'] } }), row)).toBe(true);
  });

  it('product lines: bought any of them', () => {
    expect(matchesFilter(f({ productLines: ['装载机', '挖掘机'] }), row)).toBe(true);
    expect(matchesFilter(f({ productLines: ['装载机'] }), row)).toBe(false);
  });

  it('search: substring of name or code, ASCII case-insensitive, full-width folded', () => {
    expect(matchesFilter(f({ search: 'crane' }), row)).toBe(true);
    expect(matchesFilter(f({ search: 'ＣＲＡＮＥ' }), row)).toBe(true);
    expect(matchesFilter(f({ search: '苏州' }), row)).toBe(true);
    expect(matchesFilter(f({ search: 'c-001' }), row)).toBe(true);
    expect(matchesFilter(f({ search: '无锡' }), row)).toBe(false);
  });
});
