import { describe, expect, it } from 'vitest';
import { byAccountManager, byGrade, byMonth, byProductLine, byProvince, bySegment, byTag, conversion, funnel } from './conversion.ts';
import { computeMetrics } from './metrics.ts';
import { fixtureInput, fixtureSettings } from './fixture.test-support.ts';
import type { TagAssignment } from './types.ts';

const input = fixtureInput();
const table = computeMetrics(input, fixtureSettings());
const opps = input.opportunities;

describe('conversion', () => {
  it('counts open / won / lost with win rate and value win rate by product line', () => {
    expect(conversion(opps, byProductLine, table.indexOf)).toEqual([
      { key: 'A', open: 2, won: 1, lost: 0, closed: 1, winRate: 1, wonAmount: 300, closedAmount: 300, valueWinRate: 1, openAmount: 1400 },
      { key: 'B', open: 0, won: 0, lost: 2, closed: 2, winRate: 0, wonAmount: 0, closedAmount: 200, valueWinRate: 0, openAmount: 0 },
    ]);
  });

  it('groups by customer dimensions through the table index', () => {
    const prov = conversion(opps, byProvince(table), table.indexOf);
    expect(prov.map((r) => [r.key, r.open, r.won, r.lost])).toEqual([['江苏', 2, 1, 2]]);
    const c1won = conversion(opps, byAccountManager(table), table.indexOf);
    expect(c1won.map((r) => [r.key, r.winRate])).toEqual([['张三', 1], ['李四', 0]].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
    const seg = conversion(opps, bySegment(['x', 'y', null, null, null]), table.indexOf);
    expect(seg.map((r) => [r.key, r.open + r.closed])).toEqual([['x', 4], ['y', 1]]);
    expect(conversion(opps, byGrade([null, null, null, null, null]), table.indexOf)).toEqual([]);
    const months = conversion(opps, byMonth, table.indexOf);
    expect(months.map((r) => r.key)).toEqual(['2023-02', '2024-01', '2024-02', '2024-11', '2025-03']);
    const win = conversion(opps, byMonth, table.indexOf).find((r) => r.key === '2024-01')!;
    expect([win.won, win.winRate]).toEqual([1, 1]);
  });

  it('counts an opportunity under each tag of its customer', () => {
    const assignment: TagAssignment = {
      size: 5,
      customerIds: table.customerIds,
      order: ['t1', 't2'],
      flags: { t1: Uint8Array.from([1, 1, 0, 0, 0]), t2: Uint8Array.from([1, 0, 0, 0, 0]) },
      errors: [],
    };
    const rows = conversion(opps, byTag(assignment), table.indexOf);
    expect(rows.map((r) => [r.key, r.open + r.closed, r.winRate])).toEqual([
      ['t1', 5, 1 / 3],
      ['t2', 4, 1 / 3],
    ]);
  });

  it('builds the funnel by stage', () => {
    expect(funnel(opps)).toEqual([
      { stage: '初步接触', current: 1, reached: 5, amount: 900 },
      { stage: '需求确认', current: 0, reached: 2, amount: 0 },
      { stage: '方案报价', current: 1, reached: 2, amount: 500 },
      { stage: '商务谈判', current: 0, reached: 1, amount: 0 },
      { stage: '赢单', current: 1, reached: 1, amount: 300 },
      { stage: '输单', current: 2, reached: 2, amount: 200 },
    ]);
  });
});
