/**
 * Evaluating the tag library: tags may refer to other tags ('tag.<id>'), so they are evaluated in
 * dependency order; cycles and invalid rules are rejected (reported in `errors`, not evaluated).
 * Retired tags and grouping nodes (rule = null) are not evaluated; draft tags are, so the editor
 * can preview them.
 */
import type { RfmResult, RuleExtra, RuleIssue, RuleNode, TagAssignment, TagDefinition, MetricTable } from './types.ts';
import { conditionsOf, validateRule } from './rule-validate.ts';
import { evaluateRule } from './rules.ts';

/** Tag ids a rule refers to. */
export function tagDependencies(rule: RuleNode | null): string[] {
  if (rule === null) return [];
  const out = new Set<string>();
  for (const { condition } of conditionsOf(rule)) if (condition.metric.startsWith('tag.')) out.add(condition.metric.slice(4));
  return [...out];
}

function evaluable(t: TagDefinition): boolean {
  return t.rule !== null && t.status !== 'retired';
}

/**
 * Dependency order of the evaluable tags (library order where free), and the tags caught in a
 * cycle (or depending on one).
 */
export function tagEvaluationOrder(library: readonly TagDefinition[]): { order: string[]; cyclic: string[] } {
  const byId = new Map(library.filter(evaluable).map((t) => [t.id, t]));
  const state = new Map<string, 1 | 2>(); // 1 = visiting, 2 = done
  const order: string[] = [];
  const cyclic = new Set<string>();
  const visit = (id: string, stack: string[]): boolean => {
    const s = state.get(id);
    if (s === 2) return !cyclic.has(id);
    if (s === 1) {
      for (const x of stack.slice(stack.indexOf(id))) cyclic.add(x);
      return false;
    }
    const tag = byId.get(id);
    if (tag === undefined) return true; // unknown: reported by validation
    state.set(id, 1);
    stack.push(id);
    let ok = true;
    for (const dep of tagDependencies(tag.rule)) if (!visit(dep, stack)) ok = false;
    stack.pop();
    state.set(id, 2);
    if (!ok) cyclic.add(id);
    else order.push(id);
    return ok;
  };
  for (const id of byId.keys()) visit(id, []);
  return { order, cyclic: [...cyclic] };
}

export function evaluateTags(
  library: readonly TagDefinition[],
  table: MetricTable,
  rfm: RfmResult | null,
  segments: Readonly<Record<string, readonly (string | null)[]>>,
  extra: Omit<RuleExtra, 'rfm' | 'segments' | 'tags'> = {},
): TagAssignment {
  const { order, cyclic } = tagEvaluationOrder(library);
  const byId = new Map(library.map((t) => [t.id, t]));
  const errors: { tagId: string; issues: RuleIssue[] }[] = cyclic.map((id) => ({
    tagId: id,
    issues: [
      {
        path: '',
        code: 'tag-cycle',
        message: `Tag "${id}" refers to itself through other tags`,
        messageZh: `标签“${id}”通过其他标签引用了自身（循环引用）`,
      },
    ],
  }));
  const flags: Record<string, Uint8Array> = {};
  const evaluated: string[] = [];
  const ruleExtra: RuleExtra = { ...extra, segments, tags: flags };
  if (rfm !== null) ruleExtra.rfm = rfm;
  const context = { schemeIds: Object.keys(segments), tagIds: [] as string[] };
  for (const id of order) {
    const tag = byId.get(id)!;
    context.tagIds = evaluated;
    const issues = validateRule(tag.rule, context);
    if (issues.length > 0) {
      errors.push({ tagId: id, issues });
      continue;
    }
    flags[id] = evaluateRule(tag.rule!, table, ruleExtra);
    evaluated.push(id);
  }
  return { size: table.size, customerIds: table.customerIds, order: evaluated, flags, errors };
}
