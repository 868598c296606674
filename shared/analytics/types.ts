/**
 * The analytics engine's data shapes. Everything here is plain data so it crosses the worker
 * boundary unchanged (typed arrays are structured-cloneable) and can be stored as JSON where it
 * is a definition (settings, schemes, rules, tags, grades).
 *
 * Conventions:
 * - Dates are ISO 'YYYY-MM-DD' strings at the edges; inside a MetricTable date metrics are
 *   epoch day numbers (days since 1970-01-01, see days.ts) so rules compare numbers.
 * - A numeric metric column is a Float64Array with NaN meaning "no value" (null). Use
 *   `metricValue()` to read a cell as `number | null`.
 * - Customers are addressed by their row index in the MetricTable (0..size-1); `customerIds`
 *   maps an index back to the workspace customer id.
 */

// ───────────────────────────── input ─────────────────────────────

export interface CustomerInput {
  id: number;
  code: string;
  name: string;
  type: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  accountManager: string | null;
  salesRegion: string | null;
  createdDate: string | null;
}

export interface OrderInput {
  customerId: number;
  /** The order line's source id: contract number, or contract number plus a line suffix. */
  sourceId: string | null;
  orderDate: string;
  productLine: string | null;
  quantity: number;
  amount: number;
  /** 'cancelled' orders are not purchases and are ignored everywhere. */
  status: string | null;
}

export interface PaymentInput {
  customerId: number;
  contractId: string | null;
  dueDate: string;
  amountDue: number;
  paidDate: string | null;
  amountPaid: number;
}

export type OpportunityResult = 'open' | 'won' | 'lost';

export interface OpportunityInput {
  customerId: number;
  createdDate: string;
  stage: string;
  expectedAmount: number | null;
  result: OpportunityResult;
  closeDate: string | null;
  channel: string | null;
  accountManager: string | null;
  productLine: string | null;
}

export interface TicketInput {
  customerId: number;
  openedDate: string;
  closedDate: string | null;
  /** 'repair' | 'maintenance' | 'complaint' | 'consultation' */
  type: string;
  /** 1..5, null when not rated. */
  satisfaction: number | null;
}

export interface SurveyInput {
  customerId: number;
  surveyDate: string;
  /** 0..100 */
  score: number;
}

export interface EquipmentInput {
  customerId: number;
  purchaseDate: string;
  workingHours30d: number | null;
  lastOnline: string | null;
  productLine: string | null;
}

export interface AnalysisInput {
  customers: readonly CustomerInput[];
  orders: readonly OrderInput[];
  payments: readonly PaymentInput[];
  opportunities: readonly OpportunityInput[];
  tickets: readonly TicketInput[];
  surveys: readonly SurveyInput[];
  equipment: readonly EquipmentInput[];
  /** Today's date (ISO), used only when there are no orders and no analysis date is set. */
  today?: string;
}

// ───────────────────────────── settings ─────────────────────────────

export type Bins = 3 | 4 | 5;
export type MonetaryDefinition = 'total' | 'average' | 'collected';
export type PurchaseUnit = 'line' | 'contract';
export type ScoringMethod = 'quantile' | 'thresholds';
export type RfmDimension = 'r' | 'f' | 'm';

/**
 * Business cut points for one dimension, ascending, bins − 1 of them, in the metric's unit.
 * F and M: score = 1 + number of cut points ≤ value (cuts [2, 3, 5, 8]: 1 purchase → 1,
 * 2 → 2, 8+ → 5). R (days, fewer is better): the cuts are "at most N days" limits and
 * score = bins − number of cut points < days (cuts [90, 180, 365, 730]: ≤ 90 days → 5,
 * 91–180 → 4, … > 730 → 1). See rfm.ts.
 */
export type Thresholds = readonly number[];

export interface AnalysisSettings {
  /** ISO date; null = the latest (non-cancelled) order date in the data, else `today`. */
  analysisDate: string | null;
  /** F and M window: all history or the last N months before the analysis date. */
  window: 'all' | { months: number };
  /** Length of the "12 months" windows (amount12m, tickets12m …) in months. */
  recentMonths: number;
  monetary: MonetaryDefinition;
  purchaseUnit: PurchaseUnit;
  /**
   * Days after the due date a payment still counts as on time (onTimeRate). B2B customers
   * routinely pay a few days late by bank transfer; 0 = strictly by the due date.
   */
  paymentGraceDays: number;
  bins: { r: Bins; f: Bins; m: Bins };
  method: ScoringMethod;
  thresholds: { r: Thresholds; f: Thresholds; m: Thresholds };
  lifecycle: {
    sleepingFactor: number;
    lostFactor: number;
    /** A customer whose first purchase is at most this many days old is 'new'. */
    newWithinDays: number;
    /** Purchase interval assumed for customers with fewer than 2 purchases. */
    defaultIntervalDays: number;
    /**
     * Floor for a customer's own interval: two purchases a week apart must not make the customer
     * "lost" after three weeks.
     */
    minIntervalDays: number;
  };
  churnWeights: Record<ChurnReasonCode, number>;
}

// ───────────────────────────── metrics ─────────────────────────────

export const NUMERIC_METRIC_KEYS = [
  'recencyDays',
  'frequency',
  'monetary',
  'purchaseCount',
  'totalAmount',
  'averageAmount',
  'collectedAmount',
  'amount12m',
  'amountPrev12m',
  'amountChange12m',
  'typicalIntervalDays',
  'productLineCount',
  'amountDue',
  'overdueAmount',
  'overdueAmountPrev',
  'maxDaysOverdue',
  'onTimeRate',
  'openOpportunities',
  'wonOpportunities',
  'lostOpportunities',
  'winRate',
  'pipelineAmount',
  'tickets12m',
  'repairs12m',
  'complaints12m',
  'openComplaints',
  'avgSatisfaction',
  'unitsOwned',
  'avgEquipmentAgeYears',
  'workingHours30d',
  'idleUnits',
] as const;
export type NumericMetricKey = (typeof NUMERIC_METRIC_KEYS)[number];

export const DATE_METRIC_KEYS = ['firstOrderDate', 'lastOrderDate', 'createdDate'] as const;
export type DateMetricKey = (typeof DATE_METRIC_KEYS)[number];

/** Every column of `MetricTable.columns` (numbers and dates as day numbers). */
export type MetricKey = NumericMetricKey | DateMetricKey;

export const TEXT_KEYS = [
  'code',
  'name',
  'type',
  'industry',
  'province',
  'city',
  'accountManager',
  'salesRegion',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export const LIST_KEYS = ['productLines'] as const;
export type ListKey = (typeof LIST_KEYS)[number];

export interface MetricTable {
  size: number;
  customerIds: Int32Array;
  /** Index of a customer id in this table. */
  indexOf: ReadonlyMap<number, number>;
  analysisDate: string;
  /** analysisDate as an epoch day number. */
  analysisDay: number;
  /** Settings the metrics were computed with (windows, M definition, purchase unit). */
  settings: AnalysisSettings;
  /** Float64Array per metric, NaN = null. Dates are epoch day numbers. */
  columns: Record<MetricKey, Float64Array>;
  text: Record<TextKey, (string | null)[]>;
  lists: Record<ListKey, string[][]>;
}

export type MetricValueType = 'number' | 'date' | 'text' | 'list';
export type MetricUnit = 'days' | 'yuan' | 'count' | 'ratio' | 'hours' | 'years' | 'score' | null;

export interface MetricSpec {
  key: MetricKey | TextKey | ListKey;
  type: MetricValueType;
  unit: MetricUnit;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** true / false for ordered metrics; null when "better" has no direction (text, dates). */
  higherIsBetter: boolean | null;
  group: 'purchase' | 'payment' | 'opportunity' | 'service' | 'equipment' | 'profile';
}

// ───────────────────────────── RFM ─────────────────────────────

export interface ScoreBand {
  score: number;
  /** Smallest and largest metric value that received this score (null when no customer). */
  min: number | null;
  max: number | null;
  count: number;
}

export interface RfmWarning {
  dimension: RfmDimension;
  code: 'fewer-distinct-scores' | 'no-scored-customers' | 'bad-thresholds';
  distinctScores: number;
  bins: number;
  messageEn: string;
  messageZh: string;
}

export interface RfmResult {
  size: number;
  /** 1 when the customer has at least one purchase (R/F/M defined). */
  scored: Uint8Array;
  scoredCount: number;
  /** Scores 1..bins; 0 = unscored (prospect). */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Mean-based flags for the 8-class scheme: 1 = high, 0 = low (or unscored). */
  rHigh: Uint8Array;
  fHigh: Uint8Array;
  mHigh: Uint8Array;
  means: { r: number | null; f: number | null; m: number | null };
  bins: { r: Bins; f: Bins; m: Bins };
  method: ScoringMethod;
  /** Human-readable statement of the scoring and tie rule (en / zh). */
  methodText: { en: string; zh: string };
  monetary: MonetaryDefinition;
  bands: { r: ScoreBand[]; f: ScoreBand[]; m: ScoreBand[] };
  warnings: RfmWarning[];
}

// ───────────────────────────── segments ─────────────────────────────

export type Level = 'H' | 'L';
/** Inclusive score range [min, max]. */
export type ScoreRange = readonly [number, number];

export interface SegmentDef {
  id: string;
  nameZh: string;
  nameEn: string;
  color?: string;
  /** kind 'flags': required H/L per dimension (omitted = any). */
  flags?: { r?: Level; f?: Level; m?: Level };
  /**
   * kind 'scores': inclusive ranges per score (omitted = any). `fm` is the rounded-down
   * average of F and M scores: floor((f + m) / 2).
   */
  scores?: { r?: ScoreRange; f?: ScoreRange; m?: ScoreRange; fm?: ScoreRange };
}

export interface SegmentScheme {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'flags' | 'scores';
  /**
   * kind 'scores': the score scale the ranges are written for (default 5). Scores from another
   * bin count are rescaled before matching: s' = 1 + round((s − 1) × (scale − 1) / (bins − 1)).
   */
  scale?: number;
  /** Ordered: the first matching segment wins. */
  segments: SegmentDef[];
  catchAll: { id: string; nameZh: string; nameEn: string; color?: string };
}

/** kind 'scores': r/f/m are scores 1..bins. kind 'flags': 0 = low, 1 = high. */
export interface CoverageCell {
  r: number;
  f: number;
  m: number;
  /** Every segment id whose ranges contain the cell, in scheme order. */
  matches: string[];
  /** The segment the cell lands in (first match, or the catch-all). */
  assigned: string;
}

export interface SchemeCoverage {
  cells: CoverageCell[];
  overlaps: CoverageCell[];
  gaps: CoverageCell[];
  /** Segments that win no cell at all (shadowed by earlier ones, or empty ranges). */
  unreachable: string[];
}

export interface SchemeIssue {
  severity: 'error' | 'warning';
  path: string;
  code: string;
  message: string;
  messageZh: string;
}

// ───────────────────────────── rules ─────────────────────────────

export type RuleOp =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'le'
  | 'gt'
  | 'ge'
  | 'between'
  | 'in'
  | 'notIn'
  | 'empty'
  | 'notEmpty'
  | 'contains'
  | 'topPercent'
  | 'bottomPercent'
  | 'aboveMean'
  | 'belowMean'
  | 'aboveMedian'
  | 'belowMedian';

export type RuleValue = number | string | boolean | readonly [number, number] | readonly (string | number)[];

/**
 * A condition. `metric` is a MetricKey, a TextKey, 'productLines', or one of the derived
 * fields: 'score.r' | 'score.f' | 'score.m' | 'score.fm', 'segment.<schemeId>', 'tag.<tagId>',
 * 'grade', 'lifecycle', 'churnRisk'. Date metrics take ISO date values.
 */
export interface Condition {
  metric: string;
  op: RuleOp;
  value?: RuleValue;
}

export type RuleNode = { all: RuleNode[] } | { any: RuleNode[] } | { not: RuleNode } | Condition;

export interface RuleIssue {
  /** Where in the tree, e.g. 'all[1].any[0]' ('' = the root). */
  path: string;
  code:
    | 'unknown-metric'
    | 'unknown-op'
    | 'op-not-for-type'
    | 'missing-value'
    | 'wrong-value-type'
    | 'empty-group'
    | 'between-order'
    | 'percent-range'
    | 'bad-node'
    | 'unknown-tag'
    | 'unknown-scheme'
    | 'tag-cycle';
  message: string;
  messageZh: string;
}

/** What a rule may refer to besides the metric table. */
export interface RuleContext {
  schemeIds: readonly string[];
  tagIds: readonly string[];
  /** Optional: the segment ids of each scheme, to check 'segment.<id>' values. */
  segmentIds?: Readonly<Record<string, readonly string[]>>;
}

/** Derived per-customer values a rule may use. All optional: a rule referring to a missing one
 *  evaluates its condition as false (and validation flags it when the context lacks it). */
export interface RuleExtra {
  rfm?: RfmResult;
  segments?: Readonly<Record<string, readonly (string | null)[]>>;
  tags?: Readonly<Record<string, Uint8Array>>;
  grades?: readonly (string | null)[];
  lifecycle?: readonly (LifecycleStage | null)[];
  churnRisk?: Float64Array;
}

// ───────────────────────────── tags ─────────────────────────────

export type TagLevel = 'topic' | 'dimension' | 'tag' | 'subtag';
export type Polarity = 'positive' | 'negative' | 'neutral';
export type TagKind = 'fact' | 'statistical' | 'model';
export type TagStatus = 'draft' | 'active' | 'retired';

export interface TagDefinition {
  id: string;
  parentId: string | null;
  level: TagLevel;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  polarity: Polarity;
  color: string;
  kind: TagKind;
  status: TagStatus;
  /** null for topics and dimensions (grouping nodes). */
  rule: RuleNode | null;
}

export interface TagAssignment {
  size: number;
  customerIds: Int32Array;
  /** Evaluated tags (those with a rule and not retired), in evaluation (dependency) order. */
  order: string[];
  /** Per tag id a 0/1 flag per customer index. */
  flags: Record<string, Uint8Array>;
  /** Tags that could not be evaluated (cycle, invalid rule) with the reason. */
  errors: { tagId: string; issues: RuleIssue[] }[];
}

export interface TagStat {
  tagId: string;
  count: number;
  share: number;
  /** null when there is no previous run. */
  entered: number | null;
  left: number | null;
  won: number;
  lost: number;
  winRate: number | null;
  lift: number | null;
}

export interface TagStatistics {
  tags: TagStat[];
  overall: { won: number; lost: number; winRate: number | null };
  /** Tag ids in matrix order. */
  matrixIds: string[];
  /** intersections[i][j] = |A_i ∩ A_j| (diagonal = count). */
  intersections: number[][];
  /** jaccard[i][j] = |A∩B| / |A∪B| (null when both are empty). */
  jaccard: (number | null)[][];
}

/** Per customer: number of won and lost opportunities (for tag lift). */
export interface WinFlags {
  won: Float64Array | readonly number[];
  lost: Float64Array | readonly number[];
}

// ───────────────────────────── grades ─────────────────────────────

export type Grade = 'A' | 'B' | 'C' | 'D';

export interface Playbook {
  zh: string[];
  en: string[];
}

export interface GradeRule {
  grade: Grade;
  nameZh: string;
  nameEn: string;
  rule: RuleNode;
  playbook: Playbook;
}

export interface GradeAssignment {
  /** null for prospects (no purchase): they are unrated. */
  grade: (Grade | null)[];
  /** Index of the rule that gave the grade; -1 = default (fallback) grade; -2 = unrated prospect. */
  ruleIndex: Int32Array;
}

export interface ConditionExplanation {
  path: string;
  metric: string;
  op: RuleOp;
  value: RuleValue | null;
  /** The customer's actual value (dates as ISO, lists as arrays). */
  actual: number | string | boolean | string[] | null;
  /** The relative cut-off used (topPercent, aboveMean …), when relevant. */
  cutoff: number | null;
  /** Whether the condition itself holds (a condition under `not` negates it: see its path). */
  passed: boolean;
}

export interface RuleExplanation {
  passed: boolean;
  conditions: ConditionExplanation[];
}

export interface CustomerExplanation {
  index: number;
  customerId: number;
  tags: { tagId: string; passed: boolean; explanation: RuleExplanation }[];
  grade: {
    grade: Grade | null;
    ruleIndex: number;
    /** The rules tried in order until the match, each with its explanation. */
    tried: { ruleIndex: number; grade: Grade; explanation: RuleExplanation }[];
  };
}

// ───────────────────────────── lifecycle & churn ─────────────────────────────

export type LifecycleStage = 'prospect' | 'new' | 'active' | 'sleeping' | 'lost';

export const CHURN_REASON_CODES = [
  'gap-beyond-rhythm',
  'amount-down',
  'unresolved-complaint',
  'rising-overdue',
  'idle-equipment',
] as const;
export type ChurnReasonCode = (typeof CHURN_REASON_CODES)[number];

export interface ChurnSignal {
  code: ChurnReasonCode;
  /** 0..1 strength of the signal (the score adds weight × strength). */
  strength: number;
}

/** A signal with its explanation (churnReasonsOf). */
export interface ChurnReason extends ChurnSignal {
  textZh: string;
  textEn: string;
}

export interface ChurnResult {
  /** 0..100 per customer; 0 for prospects. */
  risk: Float64Array;
  /** Per customer, the signals found (texts: churnReasonsOf). */
  reasons: (readonly ChurnSignal[])[];
}

// ───────────────────────────── conversion ─────────────────────────────

export interface ConversionRow {
  key: string;
  open: number;
  won: number;
  lost: number;
  closed: number;
  /** won / closed; null when nothing closed. */
  winRate: number | null;
  wonAmount: number;
  closedAmount: number;
  /** won expected amount / closed expected amount; null when closed amount is 0. */
  valueWinRate: number | null;
  openAmount: number;
}

export interface FunnelStage {
  stage: string;
  /** Opportunities currently at this stage (open ones) or ended here (won/lost). */
  current: number;
  /** Opportunities that reached at least this stage (open stages) — cumulative. */
  reached: number;
  amount: number;
}

// ───────────────────────────── scoring ─────────────────────────────

export interface ScoringResult {
  rfm: RfmResult;
  /** Per scheme id: segment id per customer (null = unscored prospect). */
  segments: Record<string, (string | null)[]>;
  tags: TagAssignment;
  grades: GradeAssignment;
  lifecycle: LifecycleStage[];
  churn: ChurnResult;
  /** Wall-clock-free summary counts for the Overview and run history. */
  summary: ScoringSummary;
}

export interface ScoringSummary {
  customers: number;
  scored: number;
  segmentCounts: Record<string, Record<string, number>>;
  gradeCounts: Record<Grade | 'unrated', number>;
  lifecycleCounts: Record<LifecycleStage, number>;
  tagCounts: Record<string, number>;
}
