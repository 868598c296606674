import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/analytics/index.ts';
import type { ScoringRunInfo } from '../../../shared/analytics/api.ts';
import { trendPoints } from './trend-points.ts';

const run = (id: number, counts: Record<string, number>, changes: Record<string, { entered: number; left: number }> = {}): ScoringRunInfo => ({
  id,
  at: `2026-11-0${id}T08:00:00.000Z`,
  reason: id === 1 ? 'open' : 'settings',
  settings: DEFAULT_SETTINGS,
  customers: 100,
  scored: 90,
  tagCounts: counts,
  tagChanges: changes,
  durationMs: 1,
});

describe('a tag coverage trend over scoring runs', () => {
  it('orders runs oldest first (the API lists newest first), skips runs without the tag, keeps entered / left', () => {
    const runs = [
      run(3, { a: 12, b: 1 }, { a: { entered: 4, left: 2 } }),
      run(2, { b: 2 }),
      run(1, { a: 10 }),
    ];
    expect(trendPoints(runs, 'a')).toEqual([
      { at: '2026-11-01T08:00:00.000Z', reason: 'open', count: 10, entered: null, left: null },
      { at: '2026-11-03T08:00:00.000Z', reason: 'settings', count: 12, entered: 4, left: 2 },
    ]);
    expect(trendPoints(runs, 'b').map((p) => p.count)).toEqual([2, 1]);
    expect(trendPoints(runs, 'missing')).toEqual([]);
  });
});
