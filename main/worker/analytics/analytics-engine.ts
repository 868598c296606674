/**
 * The worker's use of the pure engine (shared/analytics): one scoring pass with its tag
 * statistics, and the views built from it (summary, scheme coverage, preview counts, overlap,
 * conversion, explanations, CLI rows). No SQL here.
 */
import {
  FUNNEL_STAGES,
  byAccountManager,
  byGrade,
  byLifecycle,
  byMonth,
  byProductLine,
  byProvince,
  bySegment,
  byTag,
  churnReasonsOf,
  conversion,
  evaluateRule,
  explainCustomer,
  funnel,
  runScoring,
  schemeCoverage,
  tagStatistics,
  validateScheme,
  winFlagsFromMetrics,
} from '../../../shared/analytics/index.ts';
import type {
  AnalysisInput,
  AnalysisSettings,
  Bins,
  ConversionRow,
  GradeRule,
  MetricTable,
  Playbook,
  RuleExtra,
  RuleNode,
  ScoringResult,
  SegmentScheme,
  TagDefinition,
  TagStatistics,
} from '../../../shared/analytics/index.ts';
import type {
  AnalyticsSummary,
  ConversionDimension,
  ConversionView,
  CustomerExplainView,
  SchemeView,
  TagOverlap,
} from '../../../shared/analytics/api.ts';
import type { ScoreRow } from './analytics-protocol.ts';

export interface Definitions {
  settings: AnalysisSettings;
  tags: TagDefinition[];
  grades: GradeRule[];
  complaintPlaybook: Playbook;
  schemes: SegmentScheme[];
}

export interface Scored {
  result: ScoringResult;
  stats: TagStatistics;
}

function extraOf(result: ScoringResult): RuleExtra {
  return {
    rfm: result.rfm,
    segments: result.segments,
    tags: result.tags.flags,
    grades: result.grades.grade,
    lifecycle: result.lifecycle,
    churnRisk: result.churn.risk,
  };
}

const orNull = (v: number | undefined): number | null => (v === undefined || Number.isNaN(v) ? null : v);

export function createAnalyticsEngine() {
  function score(table: MetricTable, defs: Definitions): Scored {
    const result = runScoring(table, defs.settings, defs.tags, defs.grades, defs.schemes);
    const stats = tagStatistics(result.tags, null, winFlagsFromMetrics(table));
    return { result, stats };
  }

  function summary(table: MetricTable, defs: Definitions, scored: Scored, scoredAt: string, durationMs: number): AnalyticsSummary {
    const { result } = scored;
    const { rfm } = result;
    return {
      analysisDate: table.analysisDate,
      settings: defs.settings,
      customers: table.size,
      scored: rfm.scoredCount,
      schemes: defs.schemes.map((scheme) => {
        const counts = result.summary.segmentCounts[scheme.id] ?? {};
        const segments = [...scheme.segments, scheme.catchAll].map((s) => ({
          id: s.id,
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          color: s.color ?? null,
          count: counts[s.id] ?? 0,
        }));
        return { id: scheme.id, nameZh: scheme.nameZh, nameEn: scheme.nameEn, segments };
      }),
      gradeCounts: result.summary.gradeCounts,
      lifecycleCounts: result.summary.lifecycleCounts,
      rfm: {
        bins: rfm.bins,
        method: rfm.method,
        methodText: rfm.methodText,
        monetary: rfm.monetary,
        bands: rfm.bands,
        warnings: rfm.warnings,
        means: rfm.means,
      },
      scoredAt,
      durationMs: Math.round(durationMs * 10) / 10,
      tagErrors: result.tags.errors,
    };
  }

  function schemeView(scheme: SegmentScheme, bins: { r: Bins; f: Bins; m: Bins }, counts: Record<string, number>, scored: number): SchemeView {
    const coverage = schemeCoverage(scheme, bins);
    return {
      scheme,
      counts,
      scored,
      coverage: {
        cells: coverage.cells.length,
        overlaps: coverage.overlaps.length,
        gaps: coverage.gaps.length,
        unreachable: coverage.unreachable,
      },
      issues: validateScheme(scheme, bins.r),
    };
  }

  function count(rule: RuleNode, table: MetricTable, scored: Scored): number {
    const flags = evaluateRule(rule, table, extraOf(scored.result));
    let n = 0;
    for (let i = 0; i < flags.length; i++) n += flags[i]!;
    return n;
  }

  function overlap(scored: Scored, ids: readonly string[] | undefined): TagOverlap {
    const { matrixIds, intersections, jaccard } = scored.stats;
    if (ids === undefined) return { ids: matrixIds, intersections, jaccard };
    const pick = ids.map((id) => matrixIds.indexOf(id)).filter((i) => i >= 0);
    return {
      ids: pick.map((i) => matrixIds[i]!),
      intersections: pick.map((i) => pick.map((j) => intersections[i]?.[j] ?? 0)),
      jaccard: pick.map((i) => pick.map((j) => jaccard[i]?.[j] ?? null)),
    };
  }

  function conversionView(dimension: ConversionDimension, input: AnalysisInput, table: MetricTable, defs: Definitions, scored: Scored): ConversionView {
    const { result } = scored;
    const firstScheme = defs.schemes[0]?.id;
    const dimensionOf = {
      segment: () => bySegment(firstScheme === undefined ? [] : (result.segments[firstScheme] ?? [])),
      grade: () => byGrade(result.grades.grade),
      tag: () => byTag(result.tags),
      lifecycle: () => byLifecycle(result.lifecycle),
      province: () => byProvince(table),
      productLine: () => byProductLine,
      accountManager: () => byAccountManager(table),
      month: () => byMonth,
    }[dimension]();
    const rows = conversion(input.opportunities, dimensionOf, table.indexOf);
    const totals = conversion(input.opportunities, () => 'all', table.indexOf);
    const total: ConversionRow | null = totals[0] ?? null;
    return { dimension, rows, total, funnel: funnel(input.opportunities, FUNNEL_STAGES) };
  }

  function explain(index: number, header: { code: string; name: string }, table: MetricTable, defs: Definitions, scored: Scored): CustomerExplainView {
    const { result } = scored;
    const extra = extraOf(result);
    const explanation = explainCustomer(index, { table, extra, library: defs.tags, grades: defs.grades, assignment: result.grades });
    const scoredFlag = result.rfm.scored[index] === 1;
    const grade = result.grades.grade[index] ?? null;
    const ruleIndex = result.grades.ruleIndex[index] ?? -2;
    const gradeRule = ruleIndex >= 0 ? defs.grades[ruleIndex] : grade === null ? undefined : defs.grades.find((g) => g.grade === grade);
    const segments: Record<string, string | null> = {};
    for (const scheme of defs.schemes) segments[scheme.id] = result.segments[scheme.id]?.[index] ?? null;
    return {
      customerId: table.customerIds[index]!,
      code: header.code,
      name: header.name,
      recencyDays: orNull(table.columns.recencyDays[index]),
      frequency: orNull(table.columns.frequency[index]),
      monetary: orNull(table.columns.monetary[index]),
      scores: scoredFlag ? { r: result.rfm.r[index]!, f: result.rfm.f[index]!, m: result.rfm.m[index]! } : null,
      segments,
      grade,
      gradeRule: ruleIndex,
      playbook: gradeRule?.playbook ?? null,
      lifecycle: result.lifecycle[index] ?? 'prospect',
      churnRisk: result.churn.risk[index] ?? 0,
      churnReasons: churnReasonsOf(table, index, result.lifecycle[index] ?? 'prospect', defs.settings),
      tags: result.tags.order.filter((id) => result.tags.flags[id]?.[index] === 1),
      explanation,
    };
  }

  function rows(table: MetricTable, defs: Definitions, scored: Scored, customers: ReadonlyMap<number, { code: string; name: string }>): ScoreRow[] {
    const { result } = scored;
    const out: ScoreRow[] = [];
    for (let i = 0; i < table.size; i++) {
      const id = table.customerIds[i]!;
      const c = customers.get(id);
      const isScored = result.rfm.scored[i] === 1;
      const segments: Record<string, string | null> = {};
      for (const scheme of defs.schemes) segments[scheme.id] = result.segments[scheme.id]?.[i] ?? null;
      out.push({
        id,
        code: c?.code ?? '',
        name: c?.name ?? '',
        recencyDays: orNull(table.columns.recencyDays[i]),
        frequency: orNull(table.columns.frequency[i]),
        monetary: orNull(table.columns.monetary[i]),
        r: isScored ? result.rfm.r[i]! : null,
        f: isScored ? result.rfm.f[i]! : null,
        m: isScored ? result.rfm.m[i]! : null,
        segments,
        grade: result.grades.grade[i] ?? null,
        lifecycle: result.lifecycle[i] ?? 'prospect',
        churnRisk: Math.round((result.churn.risk[i] ?? 0) * 10) / 10,
        tags: result.tags.order.filter((tagId) => result.tags.flags[tagId]?.[i] === 1),
      });
    }
    return out;
  }

  return { score, summary, schemeView, count, overlap, conversion: conversionView, explain, rows };
}
