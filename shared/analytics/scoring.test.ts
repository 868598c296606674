import { describe, expect, it } from 'vitest';
import { runScoring, needsMetrics } from './scoring.ts';
import { computeMetrics } from './metrics.ts';
import { fixtureInput, fixtureSettings } from './fixture.test-support.ts';
import { DEFAULT_TAG_LIBRARY } from './default-tags.ts';
import { DEFAULT_GRADES } from './grades.ts';
import { DEFAULT_SCHEMES } from './schemes.ts';
import { DEFAULT_SETTINGS, normalizeSettings, resolveAnalysisDate, validateSettings } from './settings.ts';

describe('runScoring on the fixture', () => {
  const settings = fixtureSettings({ bins: { r: 3, f: 3, m: 3 } });
  const table = computeMetrics(fixtureInput(), settings);
  const res = runScoring(table, settings, DEFAULT_TAG_LIBRARY, DEFAULT_GRADES, DEFAULT_SCHEMES);

  it('scores buying customers and leaves prospects unscored everywhere', () => {
    expect(res.rfm.scoredCount).toBe(3);
    expect(res.segments['rfm8']![2]).toBeNull();
    expect(res.segments['rfm11']![4]).toBeNull();
    expect(res.grades.grade[2]).toBeNull();
    expect(res.lifecycle).toEqual(['active', 'new', 'prospect', 'sleeping', 'prospect']); // C4: 1,086 days ≤ 3 × 365
    expect(res.summary.gradeCounts.unrated).toBe(2);
    expect(res.summary.lifecycleCounts).toEqual({ prospect: 2, new: 1, active: 1, sleeping: 1, lost: 0 });
  });

  it('evaluates the default tags (complaint, open complaint, idle equipment, long overdue)', () => {
    const f = (id: string): number[] => Array.from(res.tags.flags[id]!);
    expect(res.tags.errors).toEqual([]);
    expect(f('complaint')).toEqual([1, 0, 0, 1, 0]);
    expect(f('open-complaint')).toEqual([1, 0, 0, 0, 0]);
    expect(f('idle-equipment')).toEqual([1, 0, 0, 0, 0]);
    expect(f('long-overdue')).toEqual([0, 0, 0, 0, 0]);
    expect(f('occasionally-overdue')).toEqual([1, 0, 0, 1, 0]);
    expect(res.summary.tagCounts['complaint']).toBe(2);
  });

  it('grades the sleeping customer C and explains churn', () => {
    expect(res.grades.grade[3]).toBe('C');
    expect(res.churn.reasons[0]!.map((r) => r.code)).toEqual(['unresolved-complaint', 'rising-overdue', 'idle-equipment']);
  });

  it('is deterministic', () => {
    const again = runScoring(table, settings, DEFAULT_TAG_LIBRARY, DEFAULT_GRADES, DEFAULT_SCHEMES);
    expect(again.summary).toEqual(res.summary);
    expect(Array.from(again.churn.risk)).toEqual(Array.from(res.churn.risk));
  });
});

describe('settings', () => {
  it('resolves the analysis date: explicit, else latest order, else today', () => {
    expect(resolveAnalysisDate({ analysisDate: '2024-05-01' }, '2024-06-01', '2025-01-01')).toBe('2024-05-01');
    expect(resolveAnalysisDate({ analysisDate: null }, '2024-06-01', '2025-01-01')).toBe('2024-06-01');
    expect(resolveAnalysisDate({ analysisDate: null }, null, '2025-01-01')).toBe('2025-01-01');
    expect(resolveAnalysisDate({ analysisDate: 'garbage' }, null, '2025-01-01')).toBe('2025-01-01');
  });

  it('fills settings stored by an older version and tells when metrics must be recomputed', () => {
    const s = normalizeSettings({ monetary: 'average', lifecycle: { sleepingFactor: 2, lostFactor: 4, newWithinDays: 90, defaultIntervalDays: 300 } as never });
    expect(s.lifecycle.minIntervalDays).toBe(DEFAULT_SETTINGS.lifecycle.minIntervalDays);
    expect(s.monetary).toBe('average');
    expect(needsMetrics(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, bins: { r: 3, f: 3, m: 3 } })).toBe(false);
    expect(needsMetrics(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, monetary: 'collected' })).toBe(true);
  });

  it('validates settings with paths', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual([]);
    const bad = {
      ...DEFAULT_SETTINGS,
      analysisDate: '2024-02-30x',
      window: { months: 0 },
      method: 'thresholds' as const,
      thresholds: { ...DEFAULT_SETTINGS.thresholds, f: [3, 2, 5, 8] },
      lifecycle: { ...DEFAULT_SETTINGS.lifecycle, lostFactor: 1.2 },
    };
    expect(validateSettings(bad).map((i) => i.path)).toEqual(['analysisDate', 'window.months', 'thresholds.f', 'lifecycle.lostFactor']);
  });
});
