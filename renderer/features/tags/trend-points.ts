/** A tag's coverage per stored scoring run, for the trend on the tag detail. */
import type { ScoringRunInfo } from '../../../shared/analytics/api.ts';

export interface TrendPoint {
  at: string;
  reason: string;
  count: number;
  entered: number | null;
  left: number | null;
}

/** The tag's points, oldest first; runs in which the tag was not evaluated are skipped. */
export function trendPoints(runs: readonly ScoringRunInfo[], tagId: string): TrendPoint[] {
  const out: TrendPoint[] = [];
  for (const run of [...runs].sort((a, b) => a.id - b.id)) {
    const count = run.tagCounts[tagId];
    if (count === undefined) continue;
    const change = run.tagChanges[tagId];
    out.push({ at: run.at, reason: run.reason, count, entered: change?.entered ?? null, left: change?.left ?? null });
  }
  return out;
}

