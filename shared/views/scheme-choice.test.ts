import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFilter, filterFromQuery, filterToQuery, normalizeFilter } from '../filters/index.ts';
import { arbitraryFilter } from '../filters/filter-arbitrary.test-support.ts';
import { filterForSchemes, schemeInUse } from './scheme-choice.ts';

const WORKSPACE = ['rfm8', 'rfm11', 'custom-1'];

describe('schemeInUse', () => {
  it('keeps a scheme the workspace has, and any choice while the schemes are still loading', () => {
    expect(schemeInUse('custom-1', WORKSPACE)).toEqual({ scheme: 'custom-1', missing: false });
    expect(schemeInUse('custom-9', null)).toEqual({ scheme: 'custom-9', missing: false });
  });

  it('falls back to the 8-class scheme when the chosen one was deleted', () => {
    expect(schemeInUse('custom-2', WORKSPACE)).toEqual({ scheme: 'rfm8', missing: true });
    // A workspace without rfm8 (never shipped that way, but stored schemes are data): its first scheme.
    expect(schemeInUse('custom-2', ['rfm11', 'custom-1'])).toEqual({ scheme: 'rfm11', missing: true });
  });
});

describe('filterForSchemes', () => {
  it('drops only the segment condition of a deleted scheme, keeping the rest of a saved link', () => {
    const saved = filterFromQuery('province=江苏省&grade=A&scheme=custom-2&segment=key-active&tag=pays-on-time');
    const next = filterForSchemes(saved, WORKSPACE);
    expect(next.segment).toBeNull();
    expect(filterToQuery(next)).toBe(filterToQuery({ ...saved, segment: null }));
    expect(next.provinces).toEqual(['江苏省']);
    expect(next.tags.ids).toEqual(['pays-on-time']);
  });

  it('returns the very same filter when its scheme exists or it has no segment condition', () => {
    const f = normalizeFilter({ ...emptyFilter, segment: { scheme: 'custom-1', values: ['a'] } });
    expect(filterForSchemes(f, WORKSPACE)).toBe(f);
    expect(filterForSchemes(emptyFilter, [])).toBe(emptyFilter);
  });

  it('never leaves a segment condition on a scheme outside the list, and changes nothing else', () => {
    fc.assert(
      fc.property(arbitraryFilter, fc.subarray(['rfm8', 'rfm11', 'custom-1']), (filter, available) => {
        const next = filterForSchemes(filter, available);
        const scheme = normalizeFilter(next).segment?.scheme;
        if (scheme !== undefined) expect(available).toContain(scheme);
        expect({ ...next, segment: null }).toEqual({ ...filter, segment: null });
      }),
    );
  });
});
