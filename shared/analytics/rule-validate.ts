/**
 * Rule validation: every problem with the place it occurs (a path like 'all[1].any[0]'), in
 * English and Chinese, so the rule editor can point at it and refuse to save.
 */
import type { Condition, RuleContext, RuleIssue, RuleNode, RuleOp } from './types.ts';
import { DATE_METRIC_KEYS, LIST_KEYS, NUMERIC_METRIC_KEYS, TEXT_KEYS } from './types.ts';
import { toDay } from './days.ts';

export type FieldType = 'number' | 'date' | 'text' | 'list' | 'bool';

const NUMERIC = new Set<string>([...NUMERIC_METRIC_KEYS, 'score.r', 'score.f', 'score.m', 'score.fm', 'churnRisk']);
const DATES = new Set<string>(DATE_METRIC_KEYS);
const TEXTS = new Set<string>([...TEXT_KEYS, 'grade', 'lifecycle']);
const LISTS = new Set<string>(LIST_KEYS);

export const GRADE_VALUES = ['A', 'B', 'C', 'D'] as const;
export const LIFECYCLE_VALUES = ['prospect', 'new', 'active', 'sleeping', 'lost'] as const;

/** The value type of a rule field, or null when the field is unknown. */
export function fieldType(metric: string): FieldType | null {
  if (NUMERIC.has(metric)) return 'number';
  if (DATES.has(metric)) return 'date';
  if (TEXTS.has(metric)) return 'text';
  if (LISTS.has(metric)) return 'list';
  if (metric.startsWith('segment.') && metric.length > 8) return 'text';
  if (metric.startsWith('tag.') && metric.length > 4) return 'bool';
  return null;
}

const RELATIVE: readonly RuleOp[] = ['topPercent', 'bottomPercent', 'aboveMean', 'belowMean', 'aboveMedian', 'belowMedian'];
const OPS_BY_TYPE: Record<FieldType, readonly RuleOp[]> = {
  number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between', 'in', 'notIn', 'empty', 'notEmpty', ...RELATIVE],
  date: ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between', 'empty', 'notEmpty', ...RELATIVE],
  text: ['eq', 'ne', 'in', 'notIn', 'empty', 'notEmpty', 'contains'],
  list: ['contains', 'in', 'notIn', 'empty', 'notEmpty'],
  bool: ['eq', 'ne'],
};
const ALL_OPS = new Set<string>(OPS_BY_TYPE.number.concat(OPS_BY_TYPE.text));

export function opsFor(type: FieldType): readonly RuleOp[] {
  return OPS_BY_TYPE[type];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const TYPE_ZH: Record<FieldType, string> = { number: '数值', date: '日期', text: '文本', list: '列表', bool: '是/否' };

function join(path: string, part: string): string {
  return path === '' ? part : `${path}.${part}`;
}

/** Validates a rule tree (which may come from JSON, so shapes are checked too). */
export function validateRule(rule: unknown, context: RuleContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  walk(rule, '', context, issues);
  return issues;
}

function walk(node: unknown, path: string, ctx: RuleContext, issues: RuleIssue[]): void {
  const add = (code: RuleIssue['code'], message: string, messageZh: string): void => {
    issues.push({ path, code, message: path === '' ? message : `${path}: ${message}`, messageZh: path === '' ? messageZh : `${path}：${messageZh}` });
  };
  if (!isRecord(node)) {
    add('bad-node', 'Expected a group (all / any / not) or a condition', '应为条件组（全部 / 任一 / 非）或条件');
    return;
  }
  for (const key of ['all', 'any'] as const) {
    if (key in node) {
      const children = node[key];
      if (!Array.isArray(children)) {
        add('bad-node', `"${key}" must be a list of rules`, `"${key}" 必须是规则列表`);
      } else if (children.length === 0) {
        add('empty-group', `The "${key === 'all' ? 'all of' : 'any of'}" group is empty`, `“${key === 'all' ? '全部满足' : '任一满足'}”条件组为空`);
      } else {
        children.forEach((c, i) => walk(c, join(path, `${key}[${i}]`), ctx, issues));
      }
      return;
    }
  }
  if ('not' in node) {
    walk(node['not'], join(path, 'not'), ctx, issues);
    return;
  }
  validateCondition(node, ctx, add);
}

function validateCondition(
  node: Record<string, unknown>,
  ctx: RuleContext,
  add: (code: RuleIssue['code'], message: string, messageZh: string) => void,
): void {
  const metric = node['metric'];
  const op = node['op'];
  if (typeof metric !== 'string') {
    add('bad-node', 'A condition needs a metric', '条件缺少指标');
    return;
  }
  const type = fieldType(metric);
  if (type === null) {
    add('unknown-metric', `Unknown metric "${metric}"`, `未知指标“${metric}”`);
    return;
  }
  if (metric.startsWith('segment.')) {
    const scheme = metric.slice(8);
    if (!ctx.schemeIds.includes(scheme)) add('unknown-scheme', `Unknown segment scheme "${scheme}"`, `未知分群方案“${scheme}”`);
  }
  if (metric.startsWith('tag.')) {
    const tag = metric.slice(4);
    if (!ctx.tagIds.includes(tag)) add('unknown-tag', `Unknown tag "${tag}"`, `未知标签“${tag}”`);
  }
  if (typeof op !== 'string' || !ALL_OPS.has(op)) {
    add('unknown-op', `Unknown operator "${String(op)}"`, `未知运算符“${String(op)}”`);
    return;
  }
  const o = op as RuleOp;
  if (!OPS_BY_TYPE[type].includes(o)) {
    add('op-not-for-type', `Operator "${o}" does not apply to ${type} metric "${metric}"`, `运算符“${o}”不适用于${TYPE_ZH[type]}指标“${metric}”`);
    return;
  }
  const value = node['value'];
  const wrong = (expected: string, expectedZh: string): void =>
    add('wrong-value-type', `"${metric}" ${o} expects ${expected}`, `“${metric}” ${o} 需要${expectedZh}`);
  const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const isDate = (x: unknown): x is string => typeof x === 'string' && !Number.isNaN(toDay(x)) && x.length >= 10;
  const scalar = type === 'number' ? isNum : type === 'date' ? isDate : (x: unknown): x is string => typeof x === 'string';
  const scalarEn = type === 'number' ? 'a number' : type === 'date' ? 'a date (YYYY-MM-DD)' : 'a text';
  const scalarZh = type === 'number' ? '一个数值' : type === 'date' ? '一个日期（YYYY-MM-DD）' : '一段文本';

  if (o === 'empty' || o === 'notEmpty' || o === 'aboveMean' || o === 'belowMean' || o === 'aboveMedian' || o === 'belowMedian') return;
  if (type === 'bool') {
    if (value !== undefined && typeof value !== 'boolean') wrong('true or false', '是或否');
    return;
  }
  if (value === undefined) {
    add('missing-value', `"${metric}" ${o} needs a value`, `“${metric}” ${o} 缺少取值`);
    return;
  }
  if (o === 'topPercent' || o === 'bottomPercent') {
    if (!isNum(value)) wrong('a percentage', '一个百分比');
    else if (value <= 0 || value > 100) add('percent-range', `Percentage ${value} must be above 0 and at most 100`, `百分比 ${value} 必须大于 0 且不超过 100`);
    return;
  }
  if (o === 'between') {
    if (!Array.isArray(value) || value.length !== 2 || !scalar(value[0]) || !scalar(value[1])) {
      wrong(`two values [min, max] (${scalarEn} each)`, `两个取值 [下限, 上限]（各为${scalarZh}）`);
      return;
    }
    const a = type === 'date' ? toDay(value[0] as string) : (value[0] as number);
    const b = type === 'date' ? toDay(value[1] as string) : (value[1] as number);
    if (a > b) add('between-order', `Minimum ${String(value[0])} is above maximum ${String(value[1])}`, `下限 ${String(value[0])} 大于上限 ${String(value[1])}`);
    return;
  }
  if (o === 'in' || o === 'notIn') {
    const elem = type === 'list' ? (x: unknown): x is string => typeof x === 'string' : scalar;
    if (!Array.isArray(value) || value.length === 0 || !value.every((x) => elem(x))) {
      wrong(`a non-empty list (${type === 'list' ? 'a text' : scalarEn} each)`, `非空列表（各为${type === 'list' ? '一段文本' : scalarZh}）`);
      return;
    }
    checkKnownValues(node['metric'] as string, value as unknown[], ctx, add);
    return;
  }
  if (type === 'list' || o === 'contains') {
    if (typeof value !== 'string' || value === '') wrong('a non-empty text', '非空文本');
    return;
  }
  if (!scalar(value)) {
    wrong(scalarEn, scalarZh);
    return;
  }
  checkKnownValues(metric, [value], ctx, add);
}

function checkKnownValues(
  metric: string,
  values: unknown[],
  ctx: RuleContext,
  add: (code: RuleIssue['code'], message: string, messageZh: string) => void,
): void {
  let known: readonly string[] | undefined;
  if (metric === 'grade') known = GRADE_VALUES;
  else if (metric === 'lifecycle') known = LIFECYCLE_VALUES;
  else if (metric.startsWith('segment.')) known = ctx.segmentIds?.[metric.slice(8)];
  if (known === undefined) return;
  for (const v of values) {
    if (typeof v === 'string' && !known.includes(v)) {
      add('wrong-value-type', `"${v}" is not a value of "${metric}" (expected one of ${known.join(', ')})`, `“${v}”不是“${metric}”的有效取值（应为 ${known.join('、')} 之一）`);
    }
  }
}

/** The conditions of a rule, with their paths (for explanations and dependency scans). */
export function conditionsOf(rule: RuleNode, path = ''): { path: string; condition: Condition }[] {
  if ('all' in rule) return rule.all.flatMap((c, i) => conditionsOf(c, join(path, `all[${i}]`)));
  if ('any' in rule) return rule.any.flatMap((c, i) => conditionsOf(c, join(path, `any[${i}]`)));
  if ('not' in rule) return conditionsOf(rule.not, join(path, 'not'));
  return [{ path, condition: rule }];
}
