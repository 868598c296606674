/**
 * The analytics engine: pure functions from loaded rows to customer metrics, RFM scores,
 * segments, tags, grades, lifecycle, churn and conversion. No I/O; deterministic.
 */
export * from './types.ts';
export { DEFAULT_SETTINGS, resolveAnalysisDate, normalizeSettings, validateSettings, type SettingsIssue } from './settings.ts';
export { toDay, toIso, addMonths, daysBetween } from './days.ts';
export { computeMetrics, metricValue } from './metrics.ts';
export { METRIC_CATALOG, metricSpec } from './metric-catalog.ts';
export { scoreRfm } from './rfm.ts';
export { EIGHT_CLASS_SCHEME, ELEVEN_CLASS_SCHEME, DEFAULT_SCHEMES } from './schemes.ts';
export { assignSegments, schemeCoverage, validateScheme, segmentOf } from './segments.ts';
export { evaluateRule, explainRule, relativeCutoff } from './rules.ts';
export { validateRule, fieldType, opsFor, conditionsOf, GRADE_VALUES, LIFECYCLE_VALUES, type FieldType } from './rule-validate.ts';
export { evaluateTags, tagDependencies, tagEvaluationOrder } from './tags.ts';
export { DEFAULT_TAG_LIBRARY } from './default-tags.ts';
export { tagStatistics, tagMembers, winFlagsFromMetrics, type PreviousTags } from './tag-stats.ts';
export { DEFAULT_GRADES, COMPLAINT_PLAYBOOK, assignGrades, explainCustomer, type GradeContext } from './grades.ts';
export { assignLifecycle, rhythmDays } from './lifecycle.ts';
export { churnReasonsOf, churnRisk } from './churn.ts';
export {
  conversion,
  funnel,
  FUNNEL_STAGES,
  byChannel,
  bySalesRegion,
  byMonth,
  byProvince,
  byProductLine,
  byAccountManager,
  bySegment,
  byGrade,
  byTag,
  byLifecycle,
  type DimensionOf,
} from './conversion.ts';
export { runScoring, needsMetrics } from './scoring.ts';
export { contractKey } from './purchases.ts';
export { datasetToInput } from './dataset-input.ts';
