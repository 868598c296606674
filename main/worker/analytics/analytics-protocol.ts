/** The analytics feature's worker operations (merged into WorkerSpec). */
import type {
  AnalyticsSettingsView,
  AnalyticsSummary,
  ConversionDimension,
  ConversionView,
  CustomerExplainView,
  GradesView,
  SchemeView,
  ScoringRunInfo,
  TagListResult,
  TagOverlap,
  TagPreview,
} from '../../../shared/analytics/api.ts';
import type { AnalysisSettings, GradeRule, Playbook, RuleNode, SegmentScheme, TagDefinition } from '../../../shared/analytics/types.ts';

/** One row of a plain orders file (the CLI's `score --orders`). */
export interface PlainOrder {
  customer: string;
  date: string;
  amount: number;
}

export interface ScoreRow {
  id: number;
  code: string;
  name: string;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  segments: Record<string, string | null>;
  grade: string | null;
  lifecycle: string;
  churnRisk: number;
  tags: string[];
}

export interface AnalyticsWorkerSpec {
  analyticsSettingsGet: { params: undefined; result: AnalyticsSettingsView };
  /** `transient`: score with these settings without storing them (CLI overrides). */
  analyticsSettingsSet: { params: { settings: AnalysisSettings; transient?: boolean }; result: AnalyticsSummary };
  analyticsSummary: { params: undefined; result: AnalyticsSummary };
  analyticsTagsList: { params: undefined; result: TagListResult };
  analyticsTagsSave: { params: { tag: TagDefinition }; result: TagListResult };
  analyticsTagsDelete: { params: { id: string }; result: TagListResult };
  analyticsTagsPreview: { params: { rule: RuleNode; tagId?: string }; result: TagPreview };
  analyticsTagsOverlap: { params: { ids?: string[] }; result: TagOverlap };
  analyticsGradesGet: { params: undefined; result: GradesView };
  analyticsGradesSave: { params: { rules: GradeRule[]; complaintPlaybook?: Playbook }; result: GradesView };
  analyticsSchemesGet: { params: undefined; result: SchemeView[] };
  analyticsSchemesSave: { params: { scheme: SegmentScheme }; result: SchemeView[] };
  analyticsSchemesPreview: { params: { scheme: SegmentScheme }; result: SchemeView };
  analyticsSchemesDelete: { params: { id: string }; result: SchemeView[] };
  analyticsSchemesReset: { params: { id: string }; result: SchemeView[] };
  analyticsConversion: { params: { dimension: ConversionDimension }; result: ConversionView };
  analyticsRuns: { params: undefined; result: ScoringRunInfo[] };
  analyticsExplain: { params: { customerId: number }; result: CustomerExplainView };
  /** Every customer's scores, segments, grade and tags (CLI `atlas score`). */
  analyticsScoreRows: { params: undefined; result: ScoreRow[] };
  /** Loads a plain orders table into the open (empty) workspace and scores it (CLI). */
  analyticsLoadOrders: { params: { orders: PlainOrder[] }; result: { customers: number; orders: number } };
}
