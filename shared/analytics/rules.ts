/**
 * Evaluating rule trees over the metric table: a 0/1 flag per customer.
 *
 * Semantics (documented for users in the rule editor):
 * - A condition on an empty value (null metric, unscored customer, no segment) is FALSE for
 *   every operator except 'empty' (true). So `not (x eq 1)` is true for empty x but `x ne 1` is
 *   false: use 'empty' / 'notEmpty' to talk about missing values.
 * - Relative thresholds are computed over the customers whose value is not empty:
 *   topPercent p keeps every value ≥ the value at rank ceil(k × p / 100) from the top (k = number
 *   of non-empty values), so ties at the cut-off are all included; bottomPercent likewise from
 *   the bottom. aboveMean / belowMean / aboveMedian / belowMedian are strict (a value equal to the
 *   mean or median is in neither). "Top" means highest values, whatever the metric's direction.
 * - Dates compare as days; text 'eq' / 'in' compare exactly, 'contains' is a case-insensitive
 *   substring test; for the list productLines 'contains' = has that element, 'in' = has any,
 *   'notIn' = has none, 'empty' = bought nothing.
 * - 'tag.<id>' eq true (or no value) = has the tag.
 */
import type {
  Condition,
  ConditionExplanation,
  MetricKey,
  MetricTable,
  RuleExplanation,
  RuleExtra,
  RuleNode,
  RuleValue,
  TextKey,
} from './types.ts';
import { fieldType, type FieldType } from './rule-validate.ts';
import { toDay, toIso } from './days.ts';

type Field =
  | { type: 'number' | 'date'; values: Float64Array }
  | { type: 'text'; values: readonly (string | null)[] }
  | { type: 'list'; values: readonly string[][] }
  | { type: 'bool'; values: Uint8Array | null };

function scoreColumn(scores: Uint8Array): Float64Array {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] === 0 ? Number.NaN : scores[i]!;
  return out;
}

function fmColumn(f: Uint8Array, m: Uint8Array): Float64Array {
  const out = new Float64Array(f.length);
  for (let i = 0; i < f.length; i++) out[i] = f[i] === 0 ? Number.NaN : Math.floor((f[i]! + m[i]! + 1) / 2);
  return out;
}

function emptyText(n: number): (string | null)[] {
  return new Array<string | null>(n).fill(null);
}

/** Resolve a rule field to its column. Fields missing from `extra` are all-empty. */
export function resolveField(metric: string, table: MetricTable, extra: RuleExtra): Field | null {
  const type: FieldType | null = fieldType(metric);
  const n = table.size;
  if (type === null) return null;
  if (metric.startsWith('score.')) {
    const rfm = extra.rfm;
    if (rfm === undefined) return { type: 'number', values: new Float64Array(n).fill(Number.NaN) };
    const d = metric.slice(6);
    if (d === 'fm') return { type: 'number', values: fmColumn(rfm.f, rfm.m) };
    return { type: 'number', values: scoreColumn(d === 'r' ? rfm.r : d === 'f' ? rfm.f : rfm.m) };
  }
  if (metric === 'churnRisk') return { type: 'number', values: extra.churnRisk ?? new Float64Array(n).fill(Number.NaN) };
  if (metric.startsWith('segment.')) return { type: 'text', values: extra.segments?.[metric.slice(8)] ?? emptyText(n) };
  if (metric.startsWith('tag.')) return { type: 'bool', values: extra.tags?.[metric.slice(4)] ?? null };
  if (metric === 'grade') return { type: 'text', values: extra.grades ?? emptyText(n) };
  if (metric === 'lifecycle') return { type: 'text', values: extra.lifecycle ?? emptyText(n) };
  if (type === 'list') return { type: 'list', values: table.lists.productLines };
  if (type === 'text') return { type: 'text', values: table.text[metric as TextKey] };
  if (type === 'bool') return { type, values: null };
  return { type, values: table.columns[metric as MetricKey] };
}

function numeric(v: RuleValue | undefined, type: 'number' | 'date'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return type === 'date' ? toDay(v) : Number(v);
  return Number.NaN;
}

/** The relative cut-off of a condition over the non-empty values (null when none / not relative). */
export function relativeCutoff(cond: Condition, values: Float64Array): number | null {
  const op = cond.op;
  if (op !== 'topPercent' && op !== 'bottomPercent' && op !== 'aboveMean' && op !== 'belowMean' && op !== 'aboveMedian' && op !== 'belowMedian') return null;
  let k = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) {
      k++;
      sum += v;
    }
  }
  if (k === 0) return null;
  if (op === 'aboveMean' || op === 'belowMean') return sum / k;
  const sorted = new Float64Array(k);
  let p = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) sorted[p++] = values[i]!;
  sorted.sort();
  if (op === 'aboveMedian' || op === 'belowMedian') {
    const mid = k >> 1;
    return k % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  }
  const pct = typeof cond.value === 'number' ? cond.value : 0;
  const rank = Math.max(1, Math.ceil((k * pct) / 100));
  return op === 'topPercent' ? sorted[k - Math.min(rank, k)]! : sorted[Math.min(rank, k) - 1]!;
}

function evalNumeric(cond: Condition, values: Float64Array, type: 'number' | 'date', out: Uint8Array): void {
  const n = values.length;
  const op = cond.op;
  if (op === 'empty' || op === 'notEmpty') {
    const want = op === 'empty';
    for (let i = 0; i < n; i++) out[i] = Number.isNaN(values[i]!) === want ? 1 : 0;
    return;
  }
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let loStrict = false;
  let hiStrict = false;
  let set: Set<number> | null = null;
  let negate = false;
  const cutoff = relativeCutoff(cond, values);
  switch (op) {
    case 'eq':
      lo = hi = numeric(cond.value, type);
      break;
    case 'ne':
      lo = hi = numeric(cond.value, type);
      negate = true;
      break;
    case 'lt':
      hi = numeric(cond.value, type);
      hiStrict = true;
      break;
    case 'le':
      hi = numeric(cond.value, type);
      break;
    case 'gt':
      lo = numeric(cond.value, type);
      loStrict = true;
      break;
    case 'ge':
      lo = numeric(cond.value, type);
      break;
    case 'between': {
      const arr = Array.isArray(cond.value) ? (cond.value as readonly (string | number)[]) : [];
      lo = numeric(arr[0], type);
      hi = numeric(arr[1], type);
      break;
    }
    case 'in':
    case 'notIn': {
      const arr = Array.isArray(cond.value) ? (cond.value as readonly (string | number)[]) : [];
      set = new Set(arr.map((x) => numeric(x, type)));
      negate = op === 'notIn';
      break;
    }
    case 'topPercent':
    case 'aboveMedian':
    case 'aboveMean':
      lo = cutoff ?? Number.NaN;
      loStrict = op !== 'topPercent';
      break;
    case 'bottomPercent':
    case 'belowMedian':
    case 'belowMean':
      hi = cutoff ?? Number.NaN;
      hiStrict = op !== 'bottomPercent';
      break;
    default:
      out.fill(0);
      return;
  }
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    out.fill(0);
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = 0;
      continue;
    }
    let pass: boolean;
    if (set !== null) pass = set.has(v);
    else pass = (loStrict ? v > lo : v >= lo) && (hiStrict ? v < hi : v <= hi);
    out[i] = pass !== negate ? 1 : 0;
  }
}

function evalText(cond: Condition, values: readonly (string | null)[], out: Uint8Array): void {
  const op = cond.op;
  const v = cond.value;
  const set = Array.isArray(v) ? new Set((v as readonly (string | number)[]).map(String)) : null;
  const needle = typeof v === 'string' ? v.toLowerCase() : '';
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? null;
    const isEmpty = x === null || x === '';
    let pass = false;
    if (op === 'empty') pass = isEmpty;
    else if (op === 'notEmpty') pass = !isEmpty;
    else if (!isEmpty) {
      if (op === 'eq') pass = x === v;
      else if (op === 'ne') pass = x !== v;
      else if (op === 'in') pass = set?.has(x) ?? false;
      else if (op === 'notIn') pass = !(set?.has(x) ?? false);
      else if (op === 'contains') pass = x.toLowerCase().includes(needle);
    }
    out[i] = pass ? 1 : 0;
  }
}

function evalList(cond: Condition, values: readonly string[][], out: Uint8Array): void {
  const op = cond.op;
  const v = cond.value;
  const set = Array.isArray(v) ? new Set((v as readonly (string | number)[]).map(String)) : null;
  for (let i = 0; i < values.length; i++) {
    const list = values[i] ?? [];
    let pass = false;
    if (op === 'empty') pass = list.length === 0;
    else if (op === 'notEmpty') pass = list.length > 0;
    else if (op === 'contains') pass = typeof v === 'string' && list.includes(v);
    else if (op === 'in') pass = list.some((x) => set?.has(x) ?? false);
    else if (op === 'notIn') pass = !list.some((x) => set?.has(x) ?? false);
    out[i] = pass ? 1 : 0;
  }
}

function evalCondition(cond: Condition, table: MetricTable, extra: RuleExtra): Uint8Array {
  const out = new Uint8Array(table.size);
  const field = resolveField(cond.metric, table, extra);
  if (field === null) return out;
  if (field.type === 'number' || field.type === 'date') evalNumeric(cond, field.values, field.type, out);
  else if (field.type === 'text') evalText(cond, field.values, out);
  else if (field.type === 'list') evalList(cond, field.values, out);
  else if (field.values !== null) {
    const want = cond.value === false ? 0 : 1;
    const negate = cond.op === 'ne';
    for (let i = 0; i < out.length; i++) out[i] = (field.values[i] === want) !== negate ? 1 : 0;
  }
  return out;
}

/** 0/1 per customer index. Evaluate only validated rules: unknown fields are simply false. */
export function evaluateRule(rule: RuleNode, table: MetricTable, extra: RuleExtra = {}): Uint8Array {
  if ('all' in rule) {
    const out = new Uint8Array(table.size).fill(1);
    for (const child of rule.all) {
      const c = evaluateRule(child, table, extra);
      for (let i = 0; i < out.length; i++) out[i]! &= c[i]!;
    }
    return out;
  }
  if ('any' in rule) {
    const out = new Uint8Array(table.size);
    for (const child of rule.any) {
      const c = evaluateRule(child, table, extra);
      for (let i = 0; i < out.length; i++) out[i]! |= c[i]!;
    }
    return out;
  }
  if ('not' in rule) {
    const c = evaluateRule(rule.not, table, extra);
    for (let i = 0; i < c.length; i++) c[i] = c[i]! ^ 1;
    return c;
  }
  return evalCondition(rule, table, extra);
}

function actualValue(field: Field | null, index: number): ConditionExplanation['actual'] {
  if (field === null) return null;
  if (field.type === 'number') {
    const v = field.values[index]!;
    return Number.isNaN(v) ? null : v;
  }
  if (field.type === 'date') return toIso(field.values[index]!);
  if (field.type === 'text') return field.values[index] ?? null;
  if (field.type === 'list') return field.values[index] ?? [];
  return field.values === null ? null : field.values[index] === 1;
}

/**
 * Why a rule passes or fails for one customer: every condition with the customer's actual value,
 * the relative cut-off used, and whether it passed. (Evaluates each condition over the table so
 * relative cut-offs match evaluateRule exactly; for one customer at a time.)
 */
export function explainRule(rule: RuleNode, table: MetricTable, extra: RuleExtra, index: number): RuleExplanation {
  const conditions: ConditionExplanation[] = [];
  const walk = (node: RuleNode, path: string): boolean => {
    const p = (s: string): string => (path === '' ? s : `${path}.${s}`);
    if ('all' in node) {
      let ok = true;
      node.all.forEach((c, i) => {
        if (!walk(c, p(`all[${i}]`))) ok = false;
      });
      return ok;
    }
    if ('any' in node) {
      let ok = false;
      node.any.forEach((c, i) => {
        if (walk(c, p(`any[${i}]`))) ok = true;
      });
      return ok;
    }
    if ('not' in node) return !walk(node.not, p('not'));
    const field = resolveField(node.metric, table, extra);
    const passed = evalCondition(node, table, extra)[index] === 1;
    const cutoff = field !== null && (field.type === 'number' || field.type === 'date') ? relativeCutoff(node, field.values) : null;
    conditions.push({ path, metric: node.metric, op: node.op, value: node.value ?? null, actual: actualValue(field, index), cutoff, passed });
    return passed;
  };
  const passed = walk(rule, '');
  return { passed, conditions };
}
