/**
 * Lifecycle stage per customer, judged against the customer's own purchase rhythm:
 * - prospect: no purchase on or before the analysis date;
 * - new: first purchase at most `newWithinDays` days before the analysis date;
 * - otherwise with interval I = typicalIntervalDays (when the customer has ≥ 2 purchase dates,
 *   floored at `minIntervalDays`), else `defaultIntervalDays`:
 *   lost when recencyDays > lostFactor × I, sleeping when > sleepingFactor × I, else active.
 */
import type { AnalysisSettings, LifecycleStage, MetricTable } from './types.ts';

/** The rhythm (days) a customer is judged against. */
export function rhythmDays(interval: number, settings: AnalysisSettings): number {
  const lc = settings.lifecycle;
  return Number.isNaN(interval) ? lc.defaultIntervalDays : Math.max(interval, lc.minIntervalDays);
}

export function assignLifecycle(table: MetricTable, settings: AnalysisSettings): LifecycleStage[] {
  const n = table.size;
  const rec = table.columns.recencyDays;
  const first = table.columns.firstOrderDate;
  const interval = table.columns.typicalIntervalDays;
  const A = table.analysisDay;
  const lc = settings.lifecycle;
  const out = new Array<LifecycleStage>(n);
  for (let i = 0; i < n; i++) {
    const r = rec[i]!;
    if (Number.isNaN(r)) {
      out[i] = 'prospect';
      continue;
    }
    if (A - first[i]! <= lc.newWithinDays) {
      out[i] = 'new';
      continue;
    }
    const rhythm = rhythmDays(interval[i]!, settings);
    out[i] = r > lc.lostFactor * rhythm ? 'lost' : r > lc.sleepingFactor * rhythm ? 'sleeping' : 'active';
  }
  return out;
}
