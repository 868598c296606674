/**
 * Everything after the metrics in one call — the "re-score after a settings change" path:
 * RFM → segments (every scheme) → lifecycle → churn → tags → grades, plus summary counts.
 *
 * Metrics depend on the analysis date, windows, M definition and purchase unit; when those change
 * call computeMetrics again first (`needsMetrics` tells). Bins, method, thresholds, lifecycle
 * factors, churn weights, tags and grades only need runScoring.
 */
import type {
  AnalysisSettings,
  Grade,
  GradeRule,
  LifecycleStage,
  MetricTable,
  ScoringResult,
  ScoringSummary,
  SegmentScheme,
  TagDefinition,
} from './types.ts';
import { scoreRfm } from './rfm.ts';
import { assignSegments } from './segments.ts';
import { assignLifecycle } from './lifecycle.ts';
import { churnRisk } from './churn.ts';
import { evaluateTags } from './tags.ts';
import { assignGrades } from './grades.ts';

/** Whether a settings change requires recomputing metrics (not only re-scoring). */
export function needsMetrics(before: AnalysisSettings, after: AnalysisSettings): boolean {
  return (
    before.analysisDate !== after.analysisDate ||
    JSON.stringify(before.window) !== JSON.stringify(after.window) ||
    before.recentMonths !== after.recentMonths ||
    before.monetary !== after.monetary ||
    before.purchaseUnit !== after.purchaseUnit ||
    before.paymentGraceDays !== after.paymentGraceDays
  );
}

function countValues(values: readonly (string | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) if (v !== null) out[v] = (out[v] ?? 0) + 1;
  return out;
}

export function runScoring(
  table: MetricTable,
  settings: AnalysisSettings,
  library: readonly TagDefinition[],
  grades: readonly GradeRule[],
  schemes: readonly SegmentScheme[],
): ScoringResult {
  const rfm = scoreRfm(table, settings);
  const segments: Record<string, (string | null)[]> = {};
  for (const s of schemes) segments[s.id] = assignSegments(s, rfm);
  const lifecycle = assignLifecycle(table, settings);
  const churn = churnRisk(table, lifecycle, settings);
  const tags = evaluateTags(library, table, rfm, segments, { lifecycle, churnRisk: churn.risk });
  const gradeResult = assignGrades(grades, {
    table,
    extra: { rfm, segments, tags: tags.flags, lifecycle, churnRisk: churn.risk },
  });

  const gradeCounts: Record<Grade | 'unrated', number> = { A: 0, B: 0, C: 0, D: 0, unrated: 0 };
  for (const g of gradeResult.grade) gradeCounts[g ?? 'unrated']++;
  const lifecycleCounts: Record<LifecycleStage, number> = { prospect: 0, new: 0, active: 0, sleeping: 0, lost: 0 };
  for (const s of lifecycle) lifecycleCounts[s]++;
  const tagCounts: Record<string, number> = {};
  for (const id of tags.order) {
    const f = tags.flags[id]!;
    let c = 0;
    for (let i = 0; i < f.length; i++) c += f[i]!;
    tagCounts[id] = c;
  }
  const segmentCounts: Record<string, Record<string, number>> = {};
  for (const [id, values] of Object.entries(segments)) segmentCounts[id] = countValues(values);
  const summary: ScoringSummary = {
    customers: table.size,
    scored: rfm.scoredCount,
    segmentCounts,
    gradeCounts,
    lifecycleCounts,
    tagCounts,
  };
  return { rfm, segments, tags, grades: gradeResult, lifecycle, churn, summary };
}
