import { describe, expect, it } from 'vitest';
import { assignLifecycle } from './lifecycle.ts';
import { churnReasonsOf, churnRisk } from './churn.ts';
import { fixtureSettings, syntheticTable, FIXTURE_DATE } from './fixture.test-support.ts';
import { toDay } from './days.ts';

const A = toDay(FIXTURE_DATE);

describe('assignLifecycle — against the customer’s own rhythm', () => {
  it('uses the own interval (floored at 90 days) or the 365-day default with factors 1.5 / 3', () => {
    const table = syntheticTable({
      recencyDays: [null, 30, 140, 151, 301, 400, 600, 100, 1100, 150],
      firstOrderDate: [null, A - 100, A - 1000, A - 1000, A - 1000, A - 400, A - 600, A - 500, A - 1100, A - 180],
      typicalIntervalDays: [null, 35, 100, 100, 100, null, null, 20, null, null],
    });
    expect(assignLifecycle(table, fixtureSettings())).toEqual([
      'prospect', // no purchase
      'new', // first purchase 100 days ago
      'active', // 140 ≤ 1.5 × 100
      'sleeping', // 151 > 150
      'lost', // 301 > 300
      'active', // default rhythm 365: 400 ≤ 547.5
      'sleeping', // 600 > 547.5
      'active', // own interval 20 floored to 90: 100 ≤ 135
      'lost', // 1100 > 1095
      'new', // first purchase exactly 180 days ago
    ]);
  });

  it('follows edited thresholds', () => {
    const table = syntheticTable({ recencyDays: [250], firstOrderDate: [A - 900], typicalIntervalDays: [100] });
    const s = fixtureSettings();
    expect(assignLifecycle(table, { ...s, lifecycle: { ...s.lifecycle, lostFactor: 2 } })).toEqual(['lost']);
    expect(assignLifecycle(table, { ...s, lifecycle: { ...s.lifecycle, sleepingFactor: 3, lostFactor: 4 } })).toEqual(['active']);
  });
});

describe('churnRisk', () => {
  const table = syntheticTable({
    recencyDays: [10, 200, 400, null],
    firstOrderDate: [A - 900, A - 900, A - 900, null],
    typicalIntervalDays: [100, 100, 100, null],
    amountChange12m: [0.1, null, -0.8, null],
    openComplaints: [0, 0, 1, 0],
    overdueAmount: [0, 0, 1000, 0],
    overdueAmountPrev: [0, 0, 500, 0],
    unitsOwned: [2, 0, 2, 0],
    idleUnits: [0, 0, 1, 0],
  });
  const settings = fixtureSettings();
  const lifecycle = assignLifecycle(table, settings);
  const res = churnRisk(table, lifecycle, settings);

  it('scores 0 without signals and for prospects', () => {
    expect(res.risk[0]).toBe(0);
    expect(res.reasons[0]).toEqual([]);
    expect(res.risk[3]).toBe(0);
    expect(res.reasons[3]).toEqual([]);
  });

  it('weights a purchase gap by how far beyond the rhythm it is', () => {
    expect(res.reasons[1]!.map((r) => [r.code, r.strength])).toEqual([['gap-beyond-rhythm', 0.5]]);
    expect(res.risk[1]).toBe(17.5);
    expect(churnReasonsOf(table, 1, lifecycle[1]!, settings)[0]!.textZh).toContain('200 天未购买');
  });

  it('lists every reason with zh/en text and adds their weights', () => {
    expect(res.reasons[2]!.map((r) => r.code)).toEqual(['gap-beyond-rhythm', 'amount-down', 'unresolved-complaint', 'rising-overdue', 'idle-equipment']);
    expect(res.risk[2]).toBe(35 + 0.8 * 25 + 15 + 15 + 0.5 * 10);
    const explained = churnReasonsOf(table, 2, lifecycle[2]!, settings);
    expect(explained.map(({ code, strength }) => ({ code, strength }))).toEqual(res.reasons[2]);
    expect(explained[3]!.textEn).toBe('Overdue rising: 500 → 1,000 yuan in 90 days');
    expect(explained[1]!.textZh).toBe('近12个月金额比前12个月下降 80%');
    expect(explained[4]!.textEn).toBe('1 unit idle in the last 30 days');
    for (const r of explained) expect(r.textZh.length * r.textEn.length).toBeGreaterThan(0);
    expect(churnReasonsOf(table, 3, lifecycle[3]!, settings)).toEqual([]);
  });
});
