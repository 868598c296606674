/**
 * The analytics feature's part of the API contract: its calls (merged into ApiSpec), their
 * method names and their parameter validators.
 *
 * Rule trees, tags, grades and schemes arrive as untrusted JSON: the validators here check
 * their *shape* (known keys, types, sizes, depth); the worker then checks their *meaning*
 * (known metrics, operators for the type, value types) with the engine's validateRule and
 * refuses with INVALID_INPUT naming the place.
 */
import { fail, integer, oneOf, record, text } from '../api/checks.ts';
import type { Validators } from '../api/checks.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { CHURN_REASON_CODES } from './types.ts';
import type {
  AnalysisSettings,
  Bins,
  ConversionRow,
  CustomerExplanation,
  FunnelStage,
  Grade,
  GradeRule,
  LifecycleStage,
  MetricSpec,
  Playbook,
  RfmResult,
  RuleIssue,
  RuleNode,
  RuleOp,
  RuleValue,
  SchemeIssue,
  SegmentDef,
  SegmentScheme,
  TagDefinition,
  TagStat,
  Thresholds,
  ChurnReason,
} from './types.ts';

// ───────────────────────────── results ─────────────────────────────

export interface SegmentCount {
  id: string;
  nameZh: string;
  nameEn: string;
  color: string | null;
  count: number;
}

export interface SchemeSummary {
  id: string;
  nameZh: string;
  nameEn: string;
  segments: SegmentCount[];
}

/** What the Overview, Settings → Analysis and the Tags page show about the current scoring. */
export interface AnalyticsSummary {
  /** The analysis date actually used (ISO). */
  analysisDate: string;
  settings: AnalysisSettings;
  customers: number;
  scored: number;
  schemes: SchemeSummary[];
  gradeCounts: Record<Grade | 'unrated', number>;
  lifecycleCounts: Record<LifecycleStage, number>;
  rfm: Pick<RfmResult, 'bins' | 'method' | 'methodText' | 'monetary' | 'bands' | 'warnings' | 'means'>;
  /** When this scoring ran, and how long re-scoring took (milliseconds). */
  scoredAt: string;
  durationMs: number;
  /** Tags that could not be evaluated (invalid or cyclic rules). */
  tagErrors: { tagId: string; issues: RuleIssue[] }[];
}

export interface AnalyticsSettingsView {
  settings: AnalysisSettings;
  analysisDate: string;
  /** Latest order date in the data (the default analysis date), null without orders. */
  latestOrderDate: string | null;
}

export interface TagListResult {
  tags: TagDefinition[];
  stats: TagStat[];
  overall: { won: number; lost: number; winRate: number | null };
  customers: number;
  /** When the previous run (the one entered/left compare with) happened; null for the first. */
  previousRunAt: string | null;
  errors: { tagId: string; issues: RuleIssue[] }[];
}

export interface TagPreview {
  /** Customers matching, or null when the rule has issues. */
  count: number | null;
  customers: number;
  issues: RuleIssue[];
}

export interface TagOverlap {
  ids: string[];
  intersections: number[][];
  jaccard: (number | null)[][];
}

export interface GradesView {
  rules: GradeRule[];
  complaintPlaybook: Playbook;
  counts: Record<Grade | 'unrated', number>;
  /** Customers per rule index (same order as rules); the fallback count at the end. */
  ruleCounts: number[];
}

export interface SchemeView {
  scheme: SegmentScheme;
  /** Customers per segment id (the catch-all included) among the scored customers. */
  counts: Record<string, number>;
  /** Scored customers (the counts add up to this: each falls in exactly one segment). */
  scored: number;
  coverage: { cells: number; overlaps: number; gaps: number; unreachable: string[] };
  issues: SchemeIssue[];
}

export const CONVERSION_DIMENSIONS = [
  'segment',
  'grade',
  'tag',
  'lifecycle',
  'province',
  'productLine',
  'accountManager',
  'month',
] as const;
export type ConversionDimension = (typeof CONVERSION_DIMENSIONS)[number];

export interface ConversionView {
  dimension: ConversionDimension;
  rows: ConversionRow[];
  total: ConversionRow | null;
  funnel: FunnelStage[];
}

export interface ScoringRunInfo {
  id: number;
  at: string;
  reason: string;
  settings: AnalysisSettings;
  customers: number;
  scored: number;
  tagCounts: Record<string, number>;
  /** entered / left per tag compared with the run before. */
  tagChanges: Record<string, { entered: number; left: number }>;
  durationMs: number;
}

export interface CustomerExplainView {
  customerId: number;
  code: string;
  name: string;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  scores: { r: number; f: number; m: number } | null;
  segments: Record<string, string | null>;
  grade: Grade | null;
  /** Index of the grade rule that matched; -1 fallback; -2 unrated prospect. */
  gradeRule: number;
  playbook: Playbook | null;
  lifecycle: LifecycleStage;
  churnRisk: number;
  churnReasons: ChurnReason[];
  tags: string[];
  explanation: CustomerExplanation;
}

// ───────────────────────────── the spec ─────────────────────────────

export interface AnalyticsApiSpec {
  'analytics.settings.get': { params: undefined; result: AnalyticsSettingsView };
  /** Stores the settings and re-scores; returns the new summary. */
  'analytics.settings.set': { params: { settings: AnalysisSettings }; result: AnalyticsSummary };
  'analytics.summary': { params: undefined; result: AnalyticsSummary };
  'analytics.metricCatalog': { params: undefined; result: readonly MetricSpec[] };
  'analytics.tags.list': { params: undefined; result: TagListResult };
  /** Validates the tag's rule (INVALID_INPUT naming the place) and stores it; re-scores. */
  'analytics.tags.save': { params: { tag: TagDefinition }; result: TagListResult };
  'analytics.tags.delete': { params: { id: string }; result: TagListResult };
  /** How many customers a rule matches now (fast; issues instead of an error). */
  'analytics.tags.preview': { params: { rule: RuleNode; tagId?: string }; result: TagPreview };
  'analytics.tags.overlap': { params: { ids?: string[] }; result: TagOverlap };
  'analytics.grades.get': { params: undefined; result: GradesView };
  'analytics.grades.save': { params: { rules: GradeRule[]; complaintPlaybook?: Playbook }; result: GradesView };
  'analytics.schemes.get': { params: undefined; result: SchemeView[] };
  'analytics.schemes.save': { params: { scheme: SegmentScheme }; result: SchemeView[] };
  /** Counts and coverage of an unsaved scheme on the current scores (nothing is stored). */
  'analytics.schemes.preview': { params: { scheme: SegmentScheme }; result: SchemeView };
  /** Deletes a user scheme (refused for the shipped ones and for schemes tag/grade rules use). */
  'analytics.schemes.delete': { params: { id: string }; result: SchemeView[] };
  /** Restores a shipped scheme to its defaults. */
  'analytics.schemes.reset': { params: { id: string }; result: SchemeView[] };
  'analytics.conversion': { params: { dimension: ConversionDimension }; result: ConversionView };
  'analytics.runs': { params: undefined; result: ScoringRunInfo[] };
  'analytics.customer.explain': { params: { customerId: number }; result: CustomerExplainView };
}

export const ANALYTICS_METHODS = {
  'analytics.settings.get': true,
  'analytics.settings.set': true,
  'analytics.summary': true,
  'analytics.metricCatalog': true,
  'analytics.tags.list': true,
  'analytics.tags.save': true,
  'analytics.tags.delete': true,
  'analytics.tags.preview': true,
  'analytics.tags.overlap': true,
  'analytics.grades.get': true,
  'analytics.grades.save': true,
  'analytics.schemes.get': true,
  'analytics.schemes.save': true,
  'analytics.schemes.preview': true,
  'analytics.schemes.delete': true,
  'analytics.schemes.reset': true,
  'analytics.conversion': true,
  'analytics.runs': true,
  'analytics.customer.explain': true,
} as const satisfies Record<keyof AnalyticsApiSpec, true>;

// ───────────────────────────── shape checks ─────────────────────────────

/** Limits for untrusted rule trees. */
export const RULE_LIMITS = { depth: 12, nodes: 400, listValues: 500, text: 200 } as const;

const RULE_OPS: readonly RuleOp[] = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'between',
  'in',
  'notIn',
  'empty',
  'notEmpty',
  'contains',
  'topPercent',
  'bottomPercent',
  'aboveMean',
  'belowMean',
  'aboveMedian',
  'belowMedian',
];

/** Ids of tags, segments and schemes; the views check a chosen scheme id against it too. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cleanText(method: string, where: string, value: unknown, max: number, allowEmpty = false): string {
  if (typeof value !== 'string') fail(method, `${where} must be a string`);
  if (!allowEmpty && value.trim() === '') fail(method, `${where} must not be empty`);
  if (value.length > max) fail(method, `${where} is longer than ${max} characters`);
  if (value.includes('\0')) fail(method, `${where} contains a NUL character`);
  return value;
}

function finite(method: string, where: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(method, `${where} must be a finite number`);
  return value;
}

function keysOnly(method: string, where: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) fail(method, `${where}: unexpected field "${key}"`);
}

function checkRuleValue(method: string, where: string, value: unknown): RuleValue {
  if (typeof value === 'number') return finite(method, where, value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return cleanText(method, where, value, RULE_LIMITS.text, true);
  if (Array.isArray(value)) {
    if (value.length > RULE_LIMITS.listValues) fail(method, `${where} has more than ${RULE_LIMITS.listValues} values`);
    const out: (string | number)[] = [];
    value.forEach((v, i) => {
      if (typeof v === 'number') out.push(finite(method, `${where}[${i}]`, v));
      else if (typeof v === 'string') out.push(cleanText(method, `${where}[${i}]`, v, RULE_LIMITS.text, true));
      else fail(method, `${where}[${i}] must be a number or a string`);
    });
    return out;
  }
  fail(method, `${where} must be a number, a string, a boolean or a list`);
}

/**
 * Checks the shape of an untrusted rule tree: `{all:[…]}`, `{any:[…]}`, `{not:…}` or a
 * condition `{metric, op, value?}`, at most RULE_LIMITS.depth deep and RULE_LIMITS.nodes nodes.
 * Paths in messages use the engine's notation (`all[1].any[0]`).
 */
export function checkRule(method: string, value: unknown, where = 'rule'): RuleNode {
  let nodes = 0;
  const walk = (node: unknown, path: string, depth: number): RuleNode => {
    const at = path === '' ? where : `${where} at ${path}`;
    nodes += 1;
    if (nodes > RULE_LIMITS.nodes) fail(method, `${where} has more than ${RULE_LIMITS.nodes} nodes`);
    if (depth > RULE_LIMITS.depth) fail(method, `${where} is nested deeper than ${RULE_LIMITS.depth} levels`);
    if (!isObject(node)) fail(method, `${at} must be an object`);
    const join = (key: string) => (path === '' ? key : `${path}.${key}`);
    if ('all' in node || 'any' in node) {
      const key = 'all' in node ? 'all' : 'any';
      keysOnly(method, at, node, [key]);
      const children = node[key];
      if (!Array.isArray(children)) fail(method, `${at}: "${key}" must be a list`);
      const list = children.map((child, i) => walk(child, `${join(key)}[${i}]`, depth + 1));
      return key === 'all' ? { all: list } : { any: list };
    }
    if ('not' in node) {
      keysOnly(method, at, node, ['not']);
      return { not: walk(node['not'], join('not'), depth + 1) };
    }
    keysOnly(method, at, node, ['metric', 'op', 'value']);
    const metric = cleanText(method, `${at}: "metric"`, node['metric'], 100);
    const op = node['op'];
    if (!(RULE_OPS as readonly unknown[]).includes(op)) fail(method, `${at}: "op" must be one of ${RULE_OPS.join(', ')}`);
    if (node['value'] === undefined) return { metric, op: op as RuleOp };
    return { metric, op: op as RuleOp, value: checkRuleValue(method, `${at}: "value"`, node['value']) };
  };
  return walk(value, '', 1);
}

function checkPlaybook(method: string, where: string, value: unknown): Playbook {
  if (!isObject(value)) fail(method, `${where} must be an object`);
  keysOnly(method, where, value, ['zh', 'en']);
  const list = (key: 'zh' | 'en'): string[] => {
    const items = value[key];
    if (!Array.isArray(items) || items.length > 20) fail(method, `${where}.${key} must be a list of at most 20 lines`);
    return items.map((item, i) => cleanText(method, `${where}.${key}[${i}]`, item, 500));
  };
  return { zh: list('zh'), en: list('en') };
}

const TAG_LEVELS = ['topic', 'dimension', 'tag', 'subtag'] as const;
const POLARITIES = ['positive', 'negative', 'neutral'] as const;
const TAG_KINDS = ['fact', 'statistical', 'model'] as const;
const TAG_STATUSES = ['draft', 'active', 'retired'] as const;

function checkTag(method: string, value: unknown): TagDefinition {
  if (!isObject(value)) fail(method, '"tag" must be an object');
  const keys = ['id', 'parentId', 'level', 'nameZh', 'nameEn', 'descriptionZh', 'descriptionEn', 'polarity', 'color', 'kind', 'status', 'rule'];
  keysOnly(method, 'tag', value, keys);
  const id = cleanText(method, 'tag.id', value['id'], 64);
  if (!ID_PATTERN.test(id)) fail(method, 'tag.id may hold only letters, digits, ".", "_" and "-"');
  const parentId = value['parentId'] === null ? null : cleanText(method, 'tag.parentId', value['parentId'], 64);
  const color = cleanText(method, 'tag.color', value['color'], 7);
  if (!COLOR_PATTERN.test(color)) fail(method, 'tag.color must be #rrggbb');
  return {
    id,
    parentId,
    level: oneOf(method, value, 'level', TAG_LEVELS),
    nameZh: cleanText(method, 'tag.nameZh', value['nameZh'], 100),
    nameEn: cleanText(method, 'tag.nameEn', value['nameEn'], 100),
    descriptionZh: cleanText(method, 'tag.descriptionZh', value['descriptionZh'], 1000, true),
    descriptionEn: cleanText(method, 'tag.descriptionEn', value['descriptionEn'], 1000, true),
    polarity: oneOf(method, value, 'polarity', POLARITIES),
    color,
    kind: oneOf(method, value, 'kind', TAG_KINDS),
    status: oneOf(method, value, 'status', TAG_STATUSES),
    rule: value['rule'] === null ? null : checkRule(method, value['rule'], 'tag.rule'),
  };
}

const GRADES = ['A', 'B', 'C', 'D'] as const;

function checkGradeRules(method: string, value: unknown): GradeRule[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > 40) fail(method, '"rules" must be a list of 1 to 40 rules');
  return value.map((item, i) => {
    const where = `rules[${i}]`;
    if (!isObject(item)) fail(method, `${where} must be an object`);
    keysOnly(method, where, item, ['grade', 'nameZh', 'nameEn', 'rule', 'playbook']);
    return {
      grade: oneOf(method, item, 'grade', GRADES),
      nameZh: cleanText(method, `${where}.nameZh`, item['nameZh'], 100),
      nameEn: cleanText(method, `${where}.nameEn`, item['nameEn'], 100),
      rule: checkRule(method, item['rule'], `${where}.rule`),
      playbook: checkPlaybook(method, `${where}.playbook`, item['playbook']),
    };
  });
}

function checkRange(method: string, where: string, value: unknown): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) fail(method, `${where} must be [min, max]`);
  const a = finite(method, `${where}[0]`, value[0]);
  const b = finite(method, `${where}[1]`, value[1]);
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b > 5 || a > b) fail(method, `${where} must be whole scores 1..5 with min ≤ max`);
  return [a, b];
}

function checkSegment(method: string, where: string, value: unknown, kind: 'flags' | 'scores'): SegmentDef {
  if (!isObject(value)) fail(method, `${where} must be an object`);
  keysOnly(method, where, value, ['id', 'nameZh', 'nameEn', 'color', 'flags', 'scores']);
  const id = cleanText(method, `${where}.id`, value['id'], 64);
  if (!ID_PATTERN.test(id)) fail(method, `${where}.id may hold only letters, digits, ".", "_" and "-"`);
  const out: SegmentDef = {
    id,
    nameZh: cleanText(method, `${where}.nameZh`, value['nameZh'], 100),
    nameEn: cleanText(method, `${where}.nameEn`, value['nameEn'], 100),
  };
  if (value['color'] !== undefined) {
    const color = cleanText(method, `${where}.color`, value['color'], 7);
    if (!COLOR_PATTERN.test(color)) fail(method, `${where}.color must be #rrggbb`);
    out.color = color;
  }
  if (kind === 'flags') {
    const flags = value['flags'];
    if (!isObject(flags)) fail(method, `${where}.flags must be an object`);
    keysOnly(method, `${where}.flags`, flags, ['r', 'f', 'm']);
    const f: { r?: 'H' | 'L'; f?: 'H' | 'L'; m?: 'H' | 'L' } = {};
    for (const d of ['r', 'f', 'm'] as const) {
      if (flags[d] === undefined) continue;
      f[d] = oneOf(method, flags, d, ['H', 'L'] as const);
    }
    out.flags = f;
  } else {
    const scores = value['scores'];
    if (!isObject(scores)) fail(method, `${where}.scores must be an object`);
    keysOnly(method, `${where}.scores`, scores, ['r', 'f', 'm', 'fm']);
    const s: { r?: readonly [number, number]; f?: readonly [number, number]; m?: readonly [number, number]; fm?: readonly [number, number] } = {};
    for (const d of ['r', 'f', 'm', 'fm'] as const) {
      if (scores[d] === undefined) continue;
      s[d] = checkRange(method, `${where}.scores.${d}`, scores[d]);
    }
    out.scores = s;
  }
  return out;
}

function checkScheme(method: string, value: unknown): SegmentScheme {
  if (!isObject(value)) fail(method, '"scheme" must be an object');
  keysOnly(method, 'scheme', value, ['id', 'nameZh', 'nameEn', 'kind', 'scale', 'segments', 'catchAll']);
  const id = cleanText(method, 'scheme.id', value['id'], 64);
  if (!ID_PATTERN.test(id)) fail(method, 'scheme.id may hold only letters, digits, ".", "_" and "-"');
  const kind = oneOf(method, value, 'kind', ['flags', 'scores'] as const);
  const segments = value['segments'];
  if (!Array.isArray(segments) || segments.length === 0 || segments.length > 60) fail(method, 'scheme.segments must be a list of 1 to 60 segments');
  const catchAll = value['catchAll'];
  if (!isObject(catchAll)) fail(method, 'scheme.catchAll must be an object');
  keysOnly(method, 'scheme.catchAll', catchAll, ['id', 'nameZh', 'nameEn', 'color']);
  const catchAllId = cleanText(method, 'scheme.catchAll.id', catchAll['id'], 64);
  if (!ID_PATTERN.test(catchAllId)) fail(method, 'scheme.catchAll.id may hold only letters, digits, ".", "_" and "-"');
  const out: SegmentScheme = {
    id,
    nameZh: cleanText(method, 'scheme.nameZh', value['nameZh'], 100),
    nameEn: cleanText(method, 'scheme.nameEn', value['nameEn'], 100),
    kind,
    segments: segments.map((s, i) => checkSegment(method, `scheme.segments[${i}]`, s, kind)),
    catchAll: {
      id: catchAllId,
      nameZh: cleanText(method, 'scheme.catchAll.nameZh', catchAll['nameZh'], 100),
      nameEn: cleanText(method, 'scheme.catchAll.nameEn', catchAll['nameEn'], 100),
    },
  };
  if (value['scale'] !== undefined) out.scale = integer(method, value, 'scale', 2, 5);
  if (catchAll['color'] !== undefined) {
    const color = cleanText(method, 'scheme.catchAll.color', catchAll['color'], 7);
    if (!COLOR_PATTERN.test(color)) fail(method, 'scheme.catchAll.color must be #rrggbb');
    out.catchAll.color = color;
  }
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkBins(method: string, where: string, value: unknown): Bins {
  if (value !== 3 && value !== 4 && value !== 5) fail(method, `${where} must be 3, 4 or 5`);
  return value;
}

function checkThresholds(method: string, where: string, value: unknown): Thresholds {
  if (!Array.isArray(value) || value.length > 4) fail(method, `${where} must be a list of at most 4 numbers`);
  const out = value.map((v, i) => finite(method, `${where}[${i}]`, v));
  for (let i = 1; i < out.length; i++) if (out[i]! <= out[i - 1]!) fail(method, `${where} must be ascending`);
  return out;
}

/** Settings arrive whole (the page edits a copy of what settings.get returned). */
export function checkSettings(method: string, value: unknown): AnalysisSettings {
  if (!isObject(value)) fail(method, '"settings" must be an object');
  keysOnly(method, 'settings', value, [
    'analysisDate',
    'window',
    'recentMonths',
    'monetary',
    'purchaseUnit',
    'paymentGraceDays',
    'bins',
    'method',
    'thresholds',
    'lifecycle',
    'churnWeights',
  ]);
  let analysisDate: string | null = null;
  if (value['analysisDate'] !== null) {
    const d = cleanText(method, 'settings.analysisDate', value['analysisDate'], 10);
    if (!ISO_DATE.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`))) fail(method, 'settings.analysisDate must be YYYY-MM-DD or null');
    analysisDate = d;
  }
  let window: AnalysisSettings['window'] = 'all';
  if (value['window'] !== 'all') {
    const w = value['window'];
    if (!isObject(w)) fail(method, 'settings.window must be "all" or {months}');
    keysOnly(method, 'settings.window', w, ['months']);
    window = { months: integer(method, w, 'months', 1, 240) };
  }
  const bins = value['bins'];
  if (!isObject(bins)) fail(method, 'settings.bins must be an object');
  keysOnly(method, 'settings.bins', bins, ['r', 'f', 'm']);
  const thresholds = value['thresholds'];
  if (!isObject(thresholds)) fail(method, 'settings.thresholds must be an object');
  keysOnly(method, 'settings.thresholds', thresholds, ['r', 'f', 'm']);
  const lifecycleIn = value['lifecycle'];
  if (!isObject(lifecycleIn)) fail(method, 'settings.lifecycle must be an object');
  const lifecycleKeys = Object.keys(DEFAULT_SETTINGS.lifecycle) as (keyof AnalysisSettings['lifecycle'])[];
  keysOnly(method, 'settings.lifecycle', lifecycleIn, lifecycleKeys);
  const lifecycle = { ...DEFAULT_SETTINGS.lifecycle };
  for (const key of lifecycleKeys) {
    if (lifecycleIn[key] === undefined) continue;
    const v = finite(method, `settings.lifecycle.${key}`, lifecycleIn[key]);
    const max = key.endsWith('Factor') ? 50 : 3650;
    const min = key.endsWith('Factor') ? 1 : 0;
    if (v < min || v > max) fail(method, `settings.lifecycle.${key} must be from ${min} to ${max}`);
    lifecycle[key] = v;
  }
  if (lifecycle.lostFactor <= lifecycle.sleepingFactor) fail(method, 'settings.lifecycle.lostFactor must be greater than sleepingFactor');
  const weights = value['churnWeights'];
  if (!isObject(weights)) fail(method, 'settings.churnWeights must be an object');
  keysOnly(method, 'settings.churnWeights', weights, CHURN_REASON_CODES);
  const churnWeights = { ...DEFAULT_SETTINGS.churnWeights };
  for (const key of CHURN_REASON_CODES) {
    if (weights[key] === undefined) continue;
    const v = finite(method, `settings.churnWeights.${key}`, weights[key]);
    if (v < 0 || v > 100) fail(method, `settings.churnWeights.${key} must be from 0 to 100`);
    churnWeights[key] = v;
  }
  const binsOut = { r: checkBins(method, 'settings.bins.r', bins['r']), f: checkBins(method, 'settings.bins.f', bins['f']), m: checkBins(method, 'settings.bins.m', bins['m']) };
  return {
    analysisDate,
    window,
    recentMonths: integer(method, value, 'recentMonths', 1, 60),
    monetary: oneOf(method, value, 'monetary', ['total', 'average', 'collected'] as const),
    purchaseUnit: oneOf(method, value, 'purchaseUnit', ['line', 'contract'] as const),
    paymentGraceDays: value['paymentGraceDays'] === undefined ? DEFAULT_SETTINGS.paymentGraceDays : integer(method, value, 'paymentGraceDays', 0, 365),
    bins: binsOut,
    method: oneOf(method, value, 'method', ['quantile', 'thresholds'] as const),
    thresholds: {
      r: checkThresholds(method, 'settings.thresholds.r', thresholds['r']),
      f: checkThresholds(method, 'settings.thresholds.f', thresholds['f']),
      m: checkThresholds(method, 'settings.thresholds.m', thresholds['m']),
    },
    lifecycle,
    churnWeights,
  };
}

function none(method: string, params: unknown): undefined {
  if (params !== undefined && params !== null) fail(method, 'takes no parameters');
  return undefined;
}

export const analyticsValidators: Validators<AnalyticsApiSpec> = {
  'analytics.settings.get': (p) => none('analytics.settings.get', p),
  'analytics.settings.set': (p) => {
    const obj = record('analytics.settings.set', p, ['settings']);
    return { settings: checkSettings('analytics.settings.set', obj['settings']) };
  },
  'analytics.summary': (p) => none('analytics.summary', p),
  'analytics.metricCatalog': (p) => none('analytics.metricCatalog', p),
  'analytics.tags.list': (p) => none('analytics.tags.list', p),
  'analytics.tags.save': (p) => {
    const obj = record('analytics.tags.save', p, ['tag']);
    return { tag: checkTag('analytics.tags.save', obj['tag']) };
  },
  'analytics.tags.delete': (p) => {
    const obj = record('analytics.tags.delete', p, ['id']);
    const id = text('analytics.tags.delete', obj, 'id', 64);
    if (!ID_PATTERN.test(id)) fail('analytics.tags.delete', '"id" is not a tag id');
    return { id };
  },
  'analytics.tags.preview': (p) => {
    const obj = record('analytics.tags.preview', p, ['rule', 'tagId']);
    const rule = checkRule('analytics.tags.preview', obj['rule']);
    if (obj['tagId'] === undefined) return { rule };
    const tagId = text('analytics.tags.preview', obj, 'tagId', 64);
    return { rule, tagId };
  },
  'analytics.tags.overlap': (p) => {
    const obj = record('analytics.tags.overlap', p ?? {}, ['ids']);
    if (obj['ids'] === undefined) return {};
    const ids = obj['ids'];
    if (!Array.isArray(ids) || ids.length > 200) fail('analytics.tags.overlap', '"ids" must be a list of at most 200 tag ids');
    return { ids: ids.map((id, i) => cleanText('analytics.tags.overlap', `ids[${i}]`, id, 64)) };
  },
  'analytics.grades.get': (p) => none('analytics.grades.get', p),
  'analytics.grades.save': (p) => {
    const obj = record('analytics.grades.save', p, ['rules', 'complaintPlaybook']);
    const rules = checkGradeRules('analytics.grades.save', obj['rules']);
    if (obj['complaintPlaybook'] === undefined) return { rules };
    return { rules, complaintPlaybook: checkPlaybook('analytics.grades.save', 'complaintPlaybook', obj['complaintPlaybook']) };
  },
  'analytics.schemes.get': (p) => none('analytics.schemes.get', p),
  'analytics.schemes.save': (p) => {
    const obj = record('analytics.schemes.save', p, ['scheme']);
    return { scheme: checkScheme('analytics.schemes.save', obj['scheme']) };
  },
  'analytics.schemes.preview': (p) => {
    const obj = record('analytics.schemes.preview', p, ['scheme']);
    return { scheme: checkScheme('analytics.schemes.preview', obj['scheme']) };
  },
  'analytics.schemes.delete': (p) => {
    const obj = record('analytics.schemes.delete', p, ['id']);
    const id = text('analytics.schemes.delete', obj, 'id', 64);
    if (!ID_PATTERN.test(id)) fail('analytics.schemes.delete', '"id" is not a scheme id');
    return { id };
  },
  'analytics.schemes.reset': (p) => {
    const obj = record('analytics.schemes.reset', p, ['id']);
    const id = text('analytics.schemes.reset', obj, 'id', 64);
    if (!ID_PATTERN.test(id)) fail('analytics.schemes.reset', '"id" is not a scheme id');
    return { id };
  },
  'analytics.conversion': (p) => {
    const obj = record('analytics.conversion', p, ['dimension']);
    return { dimension: oneOf('analytics.conversion', obj, 'dimension', CONVERSION_DIMENSIONS) };
  },
  'analytics.runs': (p) => none('analytics.runs', p),
  'analytics.customer.explain': (p) => {
    const obj = record('analytics.customer.explain', p, ['customerId']);
    return { customerId: integer('analytics.customer.explain', obj, 'customerId', 1, Number.MAX_SAFE_INTEGER) };
  },
};
