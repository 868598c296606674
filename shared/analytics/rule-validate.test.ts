import { describe, expect, it } from 'vitest';
import { validateRule } from './rule-validate.ts';

const ctx = { schemeIds: ['rfm8', 'rfm11'], tagIds: ['vip'], segmentIds: { rfm8: ['important-value'] } };
const codes = (rule: unknown): [string, string][] => validateRule(rule, ctx).map((i) => [i.path, i.code]);

describe('validateRule', () => {
  it('accepts valid rules of every kind', () => {
    expect(
      validateRule(
        {
          all: [
            { metric: 'monetary', op: 'topPercent', value: 20 },
            { any: [{ metric: 'province', op: 'in', value: ['江苏'] }, { metric: 'tag.vip', op: 'eq', value: true }] },
            { not: { metric: 'segment.rfm8', op: 'eq', value: 'important-value' } },
            { metric: 'lastOrderDate', op: 'between', value: ['2024-01-01', '2024-12-31'] },
            { metric: 'onTimeRate', op: 'empty' },
            { metric: 'grade', op: 'in', value: ['A', 'B'] },
            { metric: 'productLines', op: 'contains', value: '起重机' },
            { metric: 'recencyDays', op: 'aboveMedian' },
          ],
        },
        ctx,
      ),
    ).toEqual([]);
  });

  it('names the place of each problem', () => {
    expect(
      codes({
        all: [
          { metric: 'nope', op: 'eq', value: 1 },
          { any: [{ metric: 'monetary', op: 'eq', value: 'lots' }, { all: [] }] },
          { metric: 'frequency', op: 'between', value: [5, 1] },
          { not: { metric: 'monetary', op: 'topPercent', value: 0 } },
          { metric: 'monetary', op: 'bottomPercent', value: 120 },
          { metric: 'province', op: 'gt', value: 'x' },
          { metric: 'tag.ghost', op: 'eq', value: true },
          { metric: 'segment.other', op: 'eq', value: 'x' },
          { metric: 'monetary', op: 'ge' },
          { metric: 'monetary', op: 'like', value: 1 },
          { metric: 'segment.rfm8', op: 'eq', value: 'typo' },
          { metric: 'lastOrderDate', op: 'lt', value: '2024-13-45' },
          { metric: 'province', op: 'in', value: [] },
          42,
        ],
      }),
    ).toEqual([
      ['all[0]', 'unknown-metric'],
      ['all[1].any[0]', 'wrong-value-type'],
      ['all[1].any[1]', 'empty-group'],
      ['all[2]', 'between-order'],
      ['all[3].not', 'percent-range'],
      ['all[4]', 'percent-range'],
      ['all[5]', 'op-not-for-type'],
      ['all[6]', 'unknown-tag'],
      ['all[7]', 'unknown-scheme'],
      ['all[8]', 'missing-value'],
      ['all[9]', 'unknown-op'],
      ['all[10]', 'wrong-value-type'],
      ['all[11]', 'wrong-value-type'],
      ['all[12]', 'wrong-value-type'],
      ['all[13]', 'bad-node'],
    ]);
  });

  it('writes messages in English and Chinese that include the path', () => {
    const [issue] = validateRule({ any: [{ metric: 'frequency', op: 'between', value: [5, 1] }] }, ctx);
    expect(issue).toEqual({
      path: 'any[0]',
      code: 'between-order',
      message: 'any[0]: Minimum 5 is above maximum 1',
      messageZh: 'any[0]：下限 5 大于上限 1',
    });
    expect(validateRule({ all: [] }, ctx)[0]!.message).toBe('The "all of" group is empty');
    expect(validateRule({ metric: 'x', op: 'eq', value: 1 }, ctx)[0]!.messageZh).toBe('未知指标“x”');
  });
});
