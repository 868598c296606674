import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignSegments, schemeCoverage, segmentOf, validateScheme } from './segments.ts';
import { DEFAULT_SCHEMES, EIGHT_CLASS_SCHEME, ELEVEN_CLASS_SCHEME } from './schemes.ts';
import { scoreRfm } from './rfm.ts';
import { fixtureSettings, syntheticTable } from './fixture.test-support.ts';
import type { Bins, SegmentScheme } from './types.ts';

describe('default schemes', () => {
  it('the 11-class scheme partitions the 5×5×5 grid: no gap, no overlap', () => {
    const cov = schemeCoverage(ELEVEN_CLASS_SCHEME, 5);
    expect(cov.cells).toHaveLength(125);
    expect(cov.gaps).toEqual([]);
    expect(cov.overlaps).toEqual([]);
    expect(cov.unreachable).toEqual([]);
    expect(validateScheme(ELEVEN_CLASS_SCHEME)).toEqual([]);
  });

  it('the 8-class scheme covers the 8 H/L cells once each', () => {
    const cov = schemeCoverage(EIGHT_CLASS_SCHEME, 5);
    expect(cov.cells).toHaveLength(8);
    expect(new Set(cov.cells.map((c) => c.assigned)).size).toBe(8);
    expect(cov.gaps).toEqual([]);
    expect(cov.overlaps).toEqual([]);
    expect(validateScheme(EIGHT_CLASS_SCHEME)).toEqual([]);
  });

  it('places known cells of the 11-class scheme (R × FM)', () => {
    expect(segmentOf(ELEVEN_CLASS_SCHEME, 5, 5, 5, 5)).toBe('champions');
    expect(segmentOf(ELEVEN_CLASS_SCHEME, 5, 1, 1, 5)).toBe('new-customers');
    expect(segmentOf(ELEVEN_CLASS_SCHEME, 1, 5, 4, 5)).toBe('cant-lose');
    expect(segmentOf(ELEVEN_CLASS_SCHEME, 1, 1, 2, 5)).toBe('lost');
    expect(segmentOf(ELEVEN_CLASS_SCHEME, 3, 3, 3, 5)).toBe('need-attention');
    // 3 bins are rescaled to the 1–5 scale: 3 → 5, 2 → 3, 1 → 1.
    expect(segmentOf(ELEVEN_CLASS_SCHEME, 3, 3, 3, 3)).toBe('champions');
    expect(segmentOf(ELEVEN_CLASS_SCHEME, 1, 1, 1, 3)).toBe('lost');
  });

  it('property: every scored customer lands in exactly one segment of each scheme, prospects in none', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1000 })), { nil: null }), { minLength: 1, maxLength: 80 }),
        fc.constantFrom<Bins>(3, 4, 5),
        fc.constantFrom<'quantile' | 'thresholds'>('quantile', 'thresholds'),
        (rows, bins, method) => {
          const t = syntheticTable({
            recencyDays: rows.map((r) => r?.[0] ?? null),
            frequency: rows.map((r) => r?.[1] ?? null),
            monetary: rows.map((r) => r?.[2] ?? null),
          });
          const settings = fixtureSettings({ bins: { r: bins, f: bins, m: bins }, method });
          const cuts = Array.from({ length: bins - 1 }, (_, k) => (k + 1) * 50);
          settings.thresholds = { r: cuts, f: cuts.map((c) => c / 50 + 1), m: cuts.map((c) => c * 4) };
          const rfm = scoreRfm(t, settings);
          for (const scheme of DEFAULT_SCHEMES) {
            const seg = assignSegments(scheme, rfm);
            const cov = schemeCoverage(scheme, rfm.bins);
            for (let i = 0; i < rows.length; i++) {
              if (rows[i] === null) {
                if (seg[i] !== null) return false;
                continue;
              }
              const key = scheme.kind === 'flags' ? [rfm.rHigh[i], rfm.fHigh[i], rfm.mHigh[i]] : [rfm.r[i], rfm.f[i], rfm.m[i]];
              const cell = cov.cells.find((c) => c.r === key[0] && c.f === key[1] && c.m === key[2]);
              if (cell === undefined || cell.matches.length !== 1 || cell.matches[0] !== seg[i]) return false;
            }
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('assigns segments on the fixture scores', () => {
    const t = syntheticTable({
      recencyDays: [1, 100, 200, 300, 500, null],
      frequency: [9, 4, 3, 2, 1, null],
      monetary: [9000, 400, 300, 200, 10, null],
    });
    const rfm = scoreRfm(t, fixtureSettings({ bins: { r: 5, f: 5, m: 5 } }));
    expect(assignSegments(ELEVEN_CLASS_SCHEME, rfm)).toEqual(['champions', 'loyal', 'need-attention', 'hibernating', 'lost', null]);
  });
});

describe('custom schemes: coverage, overlaps, gaps, validation', () => {
  const custom: SegmentScheme = {
    id: 'mine',
    nameZh: '自定义',
    nameEn: 'Custom',
    kind: 'scores',
    scale: 3,
    segments: [
      { id: 'top', nameZh: '顶级', nameEn: 'Top', scores: { r: [3, 3], f: [2, 3] } },
      { id: 'recent', nameZh: '近期', nameEn: 'Recent', scores: { r: [3, 3] } },
      { id: 'shadowed', nameZh: '被遮挡', nameEn: 'Shadowed', scores: { r: [3, 3], f: [3, 3], m: [3, 3] } },
    ],
    catchAll: { id: 'rest', nameZh: '其他', nameEn: 'Rest' },
  };

  it('lists overlaps with the first match explicit, gaps and unreachable segments', () => {
    const cov = schemeCoverage(custom, 3);
    expect(cov.cells).toHaveLength(27);
    expect(cov.overlaps).toHaveLength(6); // r = 3, f ∈ {2,3}: top + recent (+ shadowed at f = m = 3)
    const c333 = cov.cells.find((c) => c.r === 3 && c.f === 3 && c.m === 3)!;
    expect(c333.matches).toEqual(['top', 'recent', 'shadowed']);
    expect(c333.assigned).toBe('top');
    expect(cov.gaps).toHaveLength(18); // r ∈ {1,2}
    expect(cov.gaps.every((c) => c.assigned === 'rest')).toBe(true);
    expect(cov.unreachable).toEqual(['shadowed']);
    const issues = validateScheme(custom, 3);
    expect(issues.map((i) => i.code)).toEqual(['gaps', 'overlaps', 'unreachable']);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issues[2]!.path).toBe('segments[2]');
  });

  it('rejects broken definitions with paths', () => {
    const bad: SegmentScheme = {
      ...custom,
      segments: [
        { id: 'a', nameZh: 'A', nameEn: 'A', scores: { r: [3, 1] } },
        { id: 'a', nameZh: 'B', nameEn: 'B', scores: { f: [0, 9] } },
      ],
    };
    const issues = validateScheme(bad, 3);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['segments[0].scores.r', 'range-order'],
      ['segments[1].id', 'duplicate-id'],
      ['segments[1].scores.f', 'range-out-of-scale'],
    ]);
    expect(issues.every((i) => i.severity === 'error' && i.messageZh.length > 0)).toBe(true);
  });
});
