import { describe, expect, it } from 'vitest';
import { assignGrades, COMPLAINT_PLAYBOOK, DEFAULT_GRADES, explainCustomer } from './grades.ts';
import { syntheticTable } from './fixture.test-support.ts';
import { DEFAULT_TAG_LIBRARY } from './default-tags.ts';
import { validateRule } from './rule-validate.ts';
import type { GradeRule, LifecycleStage, RuleExtra } from './types.ts';

const table = syntheticTable({ recencyDays: [10, 10, 10, 300, null, 900] });
const extra: RuleExtra = {
  segments: { rfm8: ['important-value', 'general-value', 'important-value', 'general-recovery', null, 'important-retention'] },
  tags: {
    'high-purchasing-power': Uint8Array.from([0, 0, 1, 0, 0, 1]),
    'long-overdue': Uint8Array.from([0, 0, 1, 0, 0, 0]),
  },
  lifecycle: ['active', 'active', 'active', 'sleeping', 'prospect', 'lost'] satisfies LifecycleStage[],
};

describe('assignGrades', () => {
  it('applies the ordered default rules, first match wins; prospects are unrated', () => {
    const g = assignGrades(DEFAULT_GRADES, { table, extra });
    expect(g.grade).toEqual(['A', 'B', 'D', 'C', null, 'D']);
    expect(Array.from(g.ruleIndex)).toEqual([0, 1, 2, 3, -2, 2]);
  });

  it('falls back to the default grade (ruleIndex −1) when no rule matches', () => {
    const rules: GradeRule[] = [DEFAULT_GRADES[0]!];
    const g = assignGrades(rules, { table, extra, fallback: 'B' });
    expect(g.grade).toEqual(['A', 'B', 'B', 'B', null, 'B']);
    expect(Array.from(g.ruleIndex)).toEqual([0, -1, -1, -1, -2, -1]);
  });

  it('ships playbooks in both languages for every grade and complaints', () => {
    expect(DEFAULT_GRADES.map((r) => r.grade).sort()).toEqual(['A', 'B', 'C', 'D']);
    for (const r of DEFAULT_GRADES) {
      expect(r.playbook.zh.length).toBeGreaterThan(0);
      expect(r.playbook.zh.length).toBe(r.playbook.en.length);
    }
    expect(COMPLAINT_PLAYBOOK.zh.length).toBe(COMPLAINT_PLAYBOOK.en.length);
  });

  it('explains which rule gave the grade, with actual values', () => {
    const assignment = assignGrades(DEFAULT_GRADES, { table, extra });
    const ex = explainCustomer(2, { table, extra, library: DEFAULT_TAG_LIBRARY, grades: DEFAULT_GRADES, assignment });
    expect(ex.customerId).toBe(3);
    expect(ex.grade.grade).toBe('D');
    expect(ex.grade.tried.map((t) => [t.grade, t.explanation.passed])).toEqual([
      ['A', false],
      ['B', false],
      ['D', true],
    ]);
    // A fails on `not long-overdue`: the condition itself (under .not) passes, so the group fails.
    const overdue = ex.grade.tried[0]!.explanation.conditions.find((c) => c.path === 'all[1].not')!;
    expect(overdue).toMatchObject({ metric: 'tag.long-overdue', actual: true, passed: true });
    // only tags present in extra are explained; `passed` is the stored flag
    expect(ex.tags.map((t) => [t.tagId, t.passed])).toEqual([
      ['high-purchasing-power', true],
      ['long-overdue', true],
    ]);
    const prospect = explainCustomer(4, { table, extra, library: [], grades: DEFAULT_GRADES, assignment });
    expect(prospect.grade).toEqual({ grade: null, ruleIndex: -2, tried: [] });
  });
});

describe('default grade rules', () => {
  it('are valid against the default tag library and schemes', () => {
    const ctx = { schemeIds: ['rfm8', 'rfm11'], tagIds: DEFAULT_TAG_LIBRARY.map((t) => t.id) };
    for (const g of DEFAULT_GRADES) expect(validateRule(g.rule, ctx), g.grade).toEqual([]);
  });
});
