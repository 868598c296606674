import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateRule, explainRule } from './rules.ts';
import { syntheticTable } from './fixture.test-support.ts';
import { scoreRfm } from './rfm.ts';
import { fixtureSettings } from './fixture.test-support.ts';
import { toDay } from './days.ts';
import type { Condition, RuleNode } from './types.ts';

// Six customers; the last has no values at all (null everywhere).
const table = syntheticTable(
  {
    recencyDays: [10, 20, 20, 40, 100, null],
    frequency: [1, 1, 1, 2, 5, null],
    monetary: [100, 200, 300, 400, 1000, null],
    lastOrderDate: [toDay('2024-12-21'), toDay('2024-12-11'), toDay('2024-12-11'), toDay('2024-11-21'), toDay('2024-09-22'), null],
  },
  { province: ['江苏', '江苏', '浙江', 'Guangdong', '', null] },
  [['挖掘机'], ['挖掘机', '起重机'], [], ['装载机'], ['起重机'], []],
);
const run = (rule: RuleNode): number[] => Array.from(evaluateRule(rule, table));
const c = (metric: string, op: Condition['op'], value?: Condition['value']): Condition =>
  value === undefined ? { metric, op } : { metric, op, value };

describe('evaluateRule — comparison operators (null → false except "empty")', () => {
  it.each([
    ['eq', 20, [0, 1, 1, 0, 0, 0]],
    ['ne', 20, [1, 0, 0, 1, 1, 0]],
    ['lt', 20, [1, 0, 0, 0, 0, 0]],
    ['le', 20, [1, 1, 1, 0, 0, 0]],
    ['gt', 20, [0, 0, 0, 1, 1, 0]],
    ['ge', 20, [0, 1, 1, 1, 1, 0]],
    ['between', [20, 40], [0, 1, 1, 1, 0, 0]],
    ['in', [10, 100], [1, 0, 0, 0, 1, 0]],
    ['notIn', [10, 100], [0, 1, 1, 1, 0, 0]],
    ['empty', undefined, [0, 0, 0, 0, 0, 1]],
    ['notEmpty', undefined, [1, 1, 1, 1, 1, 0]],
  ] as const)('recencyDays %s %j', (op, value, expected) => {
    expect(run(c('recencyDays', op, value as Condition['value']))).toEqual(expected);
  });

  it('compares dates given as ISO strings', () => {
    expect(run(c('lastOrderDate', 'ge', '2024-12-11'))).toEqual([1, 1, 1, 0, 0, 0]);
    expect(run(c('lastOrderDate', 'between', ['2024-11-01', '2024-11-30']))).toEqual([0, 0, 0, 1, 0, 0]);
    expect(run(c('lastOrderDate', 'empty'))).toEqual([0, 0, 0, 0, 0, 1]);
  });

  it('compares text: eq, ne, in, notIn, contains (case-insensitive), empty ("" counts as empty)', () => {
    expect(run(c('province', 'eq', '江苏'))).toEqual([1, 1, 0, 0, 0, 0]);
    expect(run(c('province', 'ne', '江苏'))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(run(c('province', 'in', ['浙江', 'Guangdong']))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(run(c('province', 'notIn', ['浙江']))).toEqual([1, 1, 0, 1, 0, 0]);
    expect(run(c('province', 'contains', 'guang'))).toEqual([0, 0, 0, 1, 0, 0]);
    expect(run(c('province', 'empty'))).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('tests list membership for product lines', () => {
    expect(run(c('productLines', 'contains', '起重机'))).toEqual([0, 1, 0, 0, 1, 0]);
    expect(run(c('productLines', 'in', ['装载机', '挖掘机']))).toEqual([1, 1, 0, 1, 0, 0]);
    expect(run(c('productLines', 'notIn', ['挖掘机']))).toEqual([0, 0, 1, 1, 1, 1]);
    expect(run(c('productLines', 'empty'))).toEqual([0, 0, 1, 0, 0, 1]);
  });
});

describe('evaluateRule — relative thresholds over non-null values, ties at the cut-off included', () => {
  it('topPercent / bottomPercent', () => {
    // monetary over 5 non-null values: top 20 % = rank 1 → ≥ 1000; top 40 % → ≥ 400.
    expect(run(c('monetary', 'topPercent', 20))).toEqual([0, 0, 0, 0, 1, 0]);
    expect(run(c('monetary', 'topPercent', 40))).toEqual([0, 0, 0, 1, 1, 0]);
    expect(run(c('monetary', 'topPercent', 100))).toEqual([1, 1, 1, 1, 1, 0]);
    expect(run(c('monetary', 'bottomPercent', 30))).toEqual([1, 1, 0, 0, 0, 0]); // ceil(1.5) = 2 → ≤ 200
    // frequency: 1,1,1,2,5 — bottom 20 % cuts at 1 and takes all three tied customers.
    expect(run(c('frequency', 'bottomPercent', 20))).toEqual([1, 1, 1, 0, 0, 0]);
    // top 60 % → rank 3 from the top = 1: every value ≥ 1.
    expect(run(c('frequency', 'topPercent', 60))).toEqual([1, 1, 1, 1, 1, 0]);
  });

  it('mean and median are strict (a value at the mean or median is in neither)', () => {
    // recencyDays 10, 20, 20, 40, 100: mean 38, median 20.
    expect(run(c('recencyDays', 'aboveMean'))).toEqual([0, 0, 0, 1, 1, 0]);
    expect(run(c('recencyDays', 'belowMean'))).toEqual([1, 1, 1, 0, 0, 0]);
    expect(run(c('recencyDays', 'aboveMedian'))).toEqual([0, 0, 0, 1, 1, 0]);
    expect(run(c('recencyDays', 'belowMedian'))).toEqual([1, 0, 0, 0, 0, 0]);
    // monetary mean 400: the customer at exactly 400 is in neither.
    expect(run(c('monetary', 'aboveMean'))).toEqual([0, 0, 0, 0, 1, 0]);
    expect(run(c('monetary', 'belowMean'))).toEqual([1, 1, 1, 0, 0, 0]);
  });
});

describe('evaluateRule — groups and derived fields', () => {
  it('combines all / any / not', () => {
    expect(run({ all: [c('recencyDays', 'le', 20), c('monetary', 'ge', 200)] })).toEqual([0, 1, 1, 0, 0, 0]);
    expect(run({ any: [c('recencyDays', 'lt', 15), c('monetary', 'gt', 500)] })).toEqual([1, 0, 0, 0, 1, 0]);
    // not(eq) is true for the null customer, unlike ne.
    expect(run({ not: c('recencyDays', 'eq', 20) })).toEqual([1, 0, 0, 1, 1, 1]);
  });

  it('reads scores, segments, tags, lifecycle and churn from extra (missing → false)', () => {
    const rfm = scoreRfm(table, fixtureSettings());
    const tags = { vip: Uint8Array.from([1, 0, 0, 0, 1, 0]) };
    const extra = {
      rfm,
      tags,
      segments: { rfm8: ['a', 'b', 'a', null, 'b', null] },
      lifecycle: ['active', 'new', 'lost', 'lost', 'sleeping', 'prospect'] as const,
      churnRisk: Float64Array.from([0, 10, 90, 50, 20, 0]),
    };
    const ev = (rule: RuleNode): number[] => Array.from(evaluateRule(rule, table, extra));
    expect(ev(c('score.r', 'ge', 4))).toEqual(Array.from(rfm.r, (s) => (s >= 4 ? 1 : 0)));
    expect(ev(c('score.f', 'empty'))).toEqual([0, 0, 0, 0, 0, 1]);
    expect(ev(c('segment.rfm8', 'eq', 'a'))).toEqual([1, 0, 1, 0, 0, 0]);
    expect(ev(c('tag.vip', 'eq', true))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(ev(c('tag.vip', 'eq', false))).toEqual([0, 1, 1, 1, 0, 1]);
    expect(ev(c('tag.vip', 'ne', true))).toEqual([0, 1, 1, 1, 0, 1]);
    expect(ev(c('lifecycle', 'in', ['lost', 'sleeping']))).toEqual([0, 0, 1, 1, 1, 0]);
    expect(ev(c('churnRisk', 'ge', 50))).toEqual([0, 0, 1, 1, 0, 0]);
    expect(run(c('tag.vip', 'eq', true))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(run(c('segment.rfm8', 'eq', 'a'))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('explains a rule for one customer with actual values and cut-offs', () => {
    const rule: RuleNode = { all: [c('monetary', 'topPercent', 40), { not: c('province', 'eq', '江苏') }, c('lastOrderDate', 'le', '2024-12-01')] };
    const ex = explainRule(rule, table, {}, 3);
    expect(ex.passed).toBe(true);
    expect(ex.conditions).toEqual([
      { path: 'all[0]', metric: 'monetary', op: 'topPercent', value: 40, actual: 400, cutoff: 400, passed: true },
      { path: 'all[1].not', metric: 'province', op: 'eq', value: '江苏', actual: 'Guangdong', cutoff: null, passed: false },
      { path: 'all[2]', metric: 'lastOrderDate', op: 'le', value: '2024-12-01', actual: '2024-11-21', cutoff: null, passed: true },
    ]);
    expect(explainRule(rule, table, {}, 0).passed).toBe(false);
  });
});

describe('evaluateRule — relative threshold property', () => {
  it('topPercent keeps at least ceil(k·p/100) customers, and every customer tied with a kept one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        fc.boolean(),
        (values, pct, top) => {
          const t = syntheticTable({ monetary: values });
          const out = evaluateRule({ metric: 'monetary', op: top ? 'topPercent' : 'bottomPercent', value: pct }, t);
          const k = values.filter((v) => v !== null).length;
          const kept = values.filter((v, i) => v !== null && out[i] === 1);
          if (k === 0) return kept.length === 0;
          if (kept.length < Math.ceil((k * pct) / 100)) return false;
          const edge = top ? Math.min(...(kept as number[])) : Math.max(...(kept as number[]));
          // every non-null value beyond the edge is kept; nulls never are
          return values.every((v, i) => (v === null ? out[i] === 0 : (top ? v >= edge : v <= edge) === (out[i] === 1)));
        },
      ),
    );
  });
});
