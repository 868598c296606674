/**
 * What a rule condition may refer to, for the editor's pickers: the metric catalog plus the
 * derived fields (scores, segments, tags, grade, lifecycle, churn risk), each with its value
 * type, unit and — where the values are a closed set — the values to pick from.
 */
import { fieldType } from '../../../shared/analytics/index.ts';
import { opsFor } from '../../../shared/analytics/index.ts';
import type { FieldType } from '../../../shared/analytics/index.ts';
import type { MetricSpec, MetricUnit, RuleNode, RuleOp, RuleValue, TagDefinition } from '../../../shared/analytics/types.ts';
import type { SchemeSummary } from '../../../shared/analytics/api.ts';
import type { Language } from '../../../shared/api/contract.ts';

export interface FieldChoice {
  value: string;
  label: string;
}

export interface RuleField {
  key: string;
  label: string;
  group: string;
  type: FieldType;
  unit: MetricUnit | 'percent';
  /** A closed set of values (segments, grades, lifecycle stages), when there is one. */
  choices: FieldChoice[] | null;
}

export interface FieldLabels {
  groups: Record<MetricSpec['group'] | 'scores' | 'segments' | 'tags' | 'model', string>;
  scores: Record<'r' | 'f' | 'm' | 'fm', string>;
  grade: string;
  lifecycle: string;
  churnRisk: string;
  lifecycleStages: Record<'prospect' | 'new' | 'active' | 'sleeping' | 'lost', string>;
  gradeNames: Record<'A' | 'B' | 'C' | 'D', string>;
}

export function ruleFields(
  catalog: readonly MetricSpec[],
  schemes: readonly SchemeSummary[],
  tags: readonly TagDefinition[],
  labels: FieldLabels,
  language: Language,
): RuleField[] {
  const name = (x: { nameZh: string; nameEn: string }) => (language === 'zh-CN' ? x.nameZh : x.nameEn);
  const out: RuleField[] = [];
  for (const m of catalog) {
    const type = fieldType(m.key);
    if (type === null) continue;
    out.push({ key: m.key, label: name(m), group: labels.groups[m.group], type, unit: m.unit, choices: null });
  }
  for (const d of ['r', 'f', 'm', 'fm'] as const) {
    out.push({ key: `score.${d}`, label: labels.scores[d], group: labels.groups.scores, type: 'number', unit: 'score', choices: null });
  }
  for (const s of schemes) {
    out.push({
      key: `segment.${s.id}`,
      label: name(s),
      group: labels.groups.segments,
      type: 'text',
      unit: null,
      choices: s.segments.map((seg) => ({ value: seg.id, label: name(seg) })),
    });
  }
  out.push({
    key: 'lifecycle',
    label: labels.lifecycle,
    group: labels.groups.model,
    type: 'text',
    unit: null,
    choices: (['prospect', 'new', 'active', 'sleeping', 'lost'] as const).map((v) => ({ value: v, label: labels.lifecycleStages[v] })),
  });
  out.push({ key: 'churnRisk', label: labels.churnRisk, group: labels.groups.model, type: 'number', unit: 'score', choices: null });
  out.push({
    key: 'grade',
    label: labels.grade,
    group: labels.groups.model,
    type: 'text',
    unit: null,
    choices: (['A', 'B', 'C', 'D'] as const).map((v) => ({ value: v, label: labels.gradeNames[v] })),
  });
  for (const t of tags) {
    if (t.rule === null) continue;
    out.push({ key: `tag.${t.id}`, label: name(t), group: labels.groups.tags, type: 'bool', unit: null, choices: null });
  }
  return out;
}

export function opsForField(field: RuleField | undefined): readonly RuleOp[] {
  return field ? opsFor(field.type) : [];
}

const NO_VALUE: readonly RuleOp[] = ['empty', 'notEmpty', 'aboveMean', 'belowMean', 'aboveMedian', 'belowMedian'];

export function opTakesValue(op: RuleOp): boolean {
  return !NO_VALUE.includes(op);
}

/** A sensible starting value when the field or the operator changes. */
export function defaultValue(field: RuleField | undefined, op: RuleOp): RuleValue | undefined {
  if (!opTakesValue(op)) return undefined;
  if (op === 'topPercent' || op === 'bottomPercent') return 20;
  if (!field) return undefined;
  if (field.type === 'bool') return true;
  if (op === 'in' || op === 'notIn') return field.choices ? [field.choices[0]?.value ?? ''] : [];
  if (op === 'between') return field.type === 'date' ? undefined : [0, 1];
  if (field.choices) return field.choices[0]?.value ?? '';
  if (field.type === 'number') return 0;
  return undefined;
}

export function newCondition(fields: readonly RuleField[]): RuleNode {
  const field = fields.find((f) => f.key === 'monetary') ?? fields[0];
  return { metric: field?.key ?? 'monetary', op: 'topPercent', value: 20 };
}

export function isGroup(node: RuleNode): node is { all: RuleNode[] } | { any: RuleNode[] } {
  return 'all' in node || 'any' in node;
}

export function joinPath(path: string, part: string): string {
  return path === '' ? part : `${path}.${part}`;
}
