import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreRfm } from './rfm.ts';
import { fixtureSettings, syntheticTable } from './fixture.test-support.ts';
import { assignSegments } from './segments.ts';
import { EIGHT_CLASS_SCHEME } from './schemes.ts';
import type { Bins } from './types.ts';

describe('scoreRfm — quantiles with heavy ties', () => {
  // Most customers bought once (typical B2B): F = 1 for 7 of 10.
  const f = [1, 1, 1, 1, 1, 1, 1, 2, 3, 5];
  const table = syntheticTable({
    recencyDays: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, null],
    frequency: [...f, null],
    monetary: [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, null],
  });
  const rfm = scoreRfm(table, fixtureSettings());

  it('gives equal values equal scores: score = 1 + floor(N × worse / count)', () => {
    expect(Array.from(rfm.f)).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 5, 5, 0]);
    expect(Array.from(rfm.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 0]);
    expect(Array.from(rfm.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0]);
    expect(rfm.scoredCount).toBe(10);
    expect(rfm.scored[10]).toBe(0);
  });

  it('reports the thresholds actually used per score', () => {
    expect(rfm.bands.f).toEqual([
      { score: 1, min: 1, max: 1, count: 7 },
      { score: 2, min: null, max: null, count: 0 },
      { score: 3, min: null, max: null, count: 0 },
      { score: 4, min: 2, max: 2, count: 1 },
      { score: 5, min: 3, max: 5, count: 2 },
    ]);
    expect(rfm.bands.r[4]).toEqual({ score: 5, min: 10, max: 20, count: 2 });
  });

  it('warns when a dimension has fewer distinct scores than bins and suggests thresholds', () => {
    expect(rfm.warnings).toHaveLength(1);
    const w = rfm.warnings[0]!;
    expect(w).toMatchObject({ dimension: 'f', code: 'fewer-distinct-scores', distinctScores: 3, bins: 5 });
    expect(w.messageEn).toContain('thresholds');
    expect(w.messageZh).toContain('业务阈值');
    expect(rfm.methodText.en).toContain('Equal values always get equal scores');
  });

  it('gives everyone the same score when all values tie', () => {
    const t = syntheticTable({ recencyDays: [5, 5, 5], frequency: [1, 1, 1], monetary: [9, 9, 9] });
    const r = scoreRfm(t, fixtureSettings({ bins: { r: 3, f: 4, m: 5 } }));
    expect(Array.from(r.f)).toEqual([1, 1, 1]);
    expect(Array.from(r.r)).toEqual([1, 1, 1]);
    expect(r.warnings.map((w) => w.dimension)).toEqual(['r', 'f', 'm']);
  });

  it('property: equal values always get equal scores; scores stay within 1..N and respect order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 60 }),
        fc.constantFrom<Bins>(3, 4, 5),
        (rows, bins) => {
          const t = syntheticTable({ recencyDays: rows.map((r) => r[0]), frequency: rows.map((r) => r[1]), monetary: rows.map((r) => r[2]) });
          const res = scoreRfm(t, fixtureSettings({ bins: { r: bins, f: bins, m: bins } }));
          for (let i = 0; i < rows.length; i++) {
            for (let j = 0; j < rows.length; j++) {
              const [a, b] = [rows[i]!, rows[j]!];
              if (a[1] === b[1] && res.f[i] !== res.f[j]) return false;
              if (a[1] < b[1] && res.f[i]! > res.f[j]!) return false;
              if (a[0] < b[0] && res.r[i]! < res.r[j]!) return false; // fewer days never scores lower
              if (a[2] === b[2] && res.m[i] !== res.m[j]) return false;
            }
            if (res.r[i]! < 1 || res.r[i]! > bins) return false;
          }
          return true;
        },
      ),
    );
  });
});

describe('scoreRfm — counted and sorted quantiles agree', () => {
  // Whole numbers over a modest range are counted; fractions and wide ranges are sorted. The
  // same order of values must give the same scores either way.
  it('property: scaling the values (fractions, a wide range) changes no score', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2_000_000 })), { minLength: 1, maxLength: 300 }),
        fc.constantFrom<Bins>(3, 4, 5),
        (rows, bins) => {
          const settings = fixtureSettings({ bins: { r: bins, f: bins, m: bins } });
          const scores = (scale: number) => {
            const t = syntheticTable({
              recencyDays: rows.map((r) => r[0] * scale),
              frequency: rows.map((r) => r[1] * scale),
              monetary: rows.map((r) => r[2] * scale),
            });
            const res = scoreRfm(t, settings);
            return [Array.from(res.r), Array.from(res.f), Array.from(res.m)];
          };
          const counted = scores(1);
          expect(scores(1 / 8)).toEqual(counted);
          expect(scores(1_000_003)).toEqual(counted);
        },
      ),
    );
  });
});

describe('scoreRfm — business thresholds', () => {
  it('scores F/M as 1 + cut points reached and R by "at most N days" limits', () => {
    const table = syntheticTable({ recencyDays: [0, 90, 91, 365, 1000], frequency: [1, 2, 3, 8, 20], monetary: [0, 200_000, 499_999, 3_000_000, 1] });
    const rfm = scoreRfm(table, fixtureSettings({ method: 'thresholds' }));
    expect(Array.from(rfm.r)).toEqual([5, 5, 4, 3, 1]);
    expect(Array.from(rfm.f)).toEqual([1, 2, 3, 5, 5]);
    expect(Array.from(rfm.m)).toEqual([1, 2, 2, 5, 1]);
    expect(rfm.method).toBe('thresholds');
  });

  it('warns about cut points that do not fit the bins', () => {
    const table = syntheticTable({ recencyDays: [1], frequency: [1], monetary: [1] });
    const rfm = scoreRfm(table, fixtureSettings({ method: 'thresholds', thresholds: { r: [30, 10], f: [2, 3, 5, 8], m: [1, 2, 3, 4] } }));
    expect(rfm.warnings.some((w) => w.dimension === 'r' && w.code === 'bad-thresholds')).toBe(true);
  });
});

describe('mean-based H/L flags (8-class scheme)', () => {
  // R mean 20, F mean 2, M mean 200: the middle customer sits exactly at every mean.
  const table = syntheticTable({ recencyDays: [10, 20, 30, null], frequency: [1, 2, 3, null], monetary: [100, 200, 300, null] });
  const rfm = scoreRfm(table, fixtureSettings());

  it('R high means fewer days than the mean; a value exactly at the mean is low', () => {
    expect(rfm.means).toEqual({ r: 20, f: 2, m: 200 });
    expect(Array.from(rfm.rHigh)).toEqual([1, 0, 0, 0]);
    expect(Array.from(rfm.fHigh)).toEqual([0, 0, 1, 0]);
    expect(Array.from(rfm.mHigh)).toEqual([0, 0, 1, 0]);
  });

  it('assigns the 8 classes in the right direction (not swapping 重要价值 / 重要保持)', () => {
    expect(assignSegments(EIGHT_CLASS_SCHEME, rfm)).toEqual(['general-development', 'general-recovery', 'important-retention', null]);
    const t2 = syntheticTable({ recencyDays: [5, 100], frequency: [5, 1], monetary: [900, 10] });
    expect(assignSegments(EIGHT_CLASS_SCHEME, scoreRfm(t2, fixtureSettings()))).toEqual(['important-value', 'general-recovery']);
  });
});
