import { describe, expect, it } from 'vitest';
import { computeMetrics, metricValue } from './metrics.ts';
import { fixtureInput, fixtureSettings, FIXTURE_DATE } from './fixture.test-support.ts';
import { toDay } from './days.ts';
import { METRIC_CATALOG } from './metric-catalog.ts';
import { DATE_METRIC_KEYS, LIST_KEYS, NUMERIC_METRIC_KEYS, TEXT_KEYS } from './types.ts';
import type { MetricKey, MetricTable } from './types.ts';
import { contractKey } from './purchases.ts';

const A = toDay(FIXTURE_DATE);

function row(table: MetricTable, id: number): Record<MetricKey, number | null> {
  const i = table.indexOf.get(id)!;
  const out = {} as Record<MetricKey, number | null>;
  for (const k of Object.keys(table.columns) as MetricKey[]) out[k] = metricValue(table, k, i);
  return out;
}

describe('computeMetrics (hand-computed fixture, analysis date 2024-12-31)', () => {
  const table = computeMetrics(fixtureInput(), fixtureSettings());

  it('has one row per customer in input order, prospects included', () => {
    expect(Array.from(table.customerIds)).toEqual([10, 20, 30, 40, 50]);
    expect(table.analysisDate).toBe(FIXTURE_DATE);
  });

  it('computes purchase metrics with contract lines grouped and cancelled orders ignored', () => {
    const c1 = row(table, 10);
    expect(c1.firstOrderDate).toBe(toDay('2023-06-01'));
    expect(c1.lastOrderDate).toBe(toDay('2024-12-01'));
    expect(c1.recencyDays).toBe(30);
    expect(c1.frequency).toBe(3); // HT1-01 + HT1-02 are one contract
    expect(c1.purchaseCount).toBe(3);
    expect(c1.totalAmount).toBe(650);
    expect(c1.monetary).toBe(650);
    expect(c1.averageAmount).toBeCloseTo(650 / 3, 9);
    expect(c1.amount12m).toBe(350);
    expect(c1.amountPrev12m).toBe(300);
    expect(c1.amountChange12m).toBeCloseTo(350 / 300 - 1, 9);
    expect(c1.typicalIntervalDays).toBe((366 + 183) / 2); // gaps 366 (leap year) and 183
    expect(c1.productLineCount).toBe(3);
    expect(table.lists.productLines[0]).toEqual(['A', 'B', 'C']);
  });

  it('computes payment metrics', () => {
    const c1 = row(table, 10);
    expect(c1.amountDue).toBe(350); // the 2025 instalment is not due yet
    expect(c1.overdueAmount).toBe(150);
    expect(c1.maxDaysOverdue).toBe(16);
    expect(c1.onTimeRate).toBe(0.5);
    expect(c1.overdueAmountPrev).toBe(0);
    expect(c1.collectedAmount).toBe(200);
    const c4 = row(table, 40);
    expect(c4.onTimeRate).toBe(0); // paid a month late
    expect(c4.overdueAmount).toBe(0);
    expect(c4.maxDaysOverdue).toBe(0);
    const c2 = row(table, 20);
    expect(c2.amountDue).toBe(0);
    expect(c2.onTimeRate).toBeNull();
    expect(c2.maxDaysOverdue).toBeNull();
  });

  it('counts a payment within the grace days after its due date as on time, one day later as late', () => {
    // c4 paid 600 on 2022-04-01 for a due date of 2022-03-01: 31 days after it.
    const at = (grace: number) => row(computeMetrics(fixtureInput(), fixtureSettings({ paymentGraceDays: grace })), 40).onTimeRate;
    expect(at(30)).toBe(0);
    expect(at(31)).toBe(1);
    expect(at(0)).toBe(0);
    // c1 paid its June instalment ten days early and owes the December one: grace changes nothing.
    expect(row(computeMetrics(fixtureInput(), fixtureSettings({ paymentGraceDays: 365 })), 10).onTimeRate).toBe(0.5);
    // The default grace is a week.
    expect(fixtureSettings().paymentGraceDays).toBe(7);
  });

  it('computes opportunity, service and equipment metrics', () => {
    const c1 = row(table, 10);
    expect([c1.openOpportunities, c1.wonOpportunities, c1.lostOpportunities]).toEqual([1, 1, 2]);
    expect(c1.winRate).toBeCloseTo(1 / 3, 9);
    expect(c1.pipelineAmount).toBe(500);
    expect([c1.tickets12m, c1.repairs12m, c1.complaints12m, c1.openComplaints]).toEqual([2, 1, 1, 1]);
    expect(c1.avgSatisfaction).toBeCloseTo((4 + 2 + 80 / 20) / 3, 9);
    expect(c1.unitsOwned).toBe(2);
    expect(c1.avgEquipmentAgeYears).toBeCloseTo((A - toDay('2019-12-31') + (A - toDay('2023-12-31'))) / 2 / 365.25, 9);
    expect(c1.workingHours30d).toBe(120);
    expect(c1.idleUnits).toBe(1);
    const c2 = row(table, 20);
    expect(c2.openOpportunities).toBe(0); // created after the analysis date
    expect(c2.winRate).toBeNull();
    const c4 = row(table, 40);
    expect([c4.complaints12m, c4.openComplaints]).toEqual([1, 0]);
    expect(c4.workingHours30d).toBeNull(); // no unit reports
    expect(c4.idleUnits).toBe(0);
  });

  it('handles single purchases, same-day contracts and future orders', () => {
    const c2 = row(table, 20);
    expect([c2.recencyDays, c2.frequency, c2.typicalIntervalDays, c2.amountChange12m]).toEqual([0, 1, null, null]);
    const c4 = row(table, 40);
    expect(c4.recencyDays).toBe(A - toDay('2022-01-10'));
    expect(c4.frequency).toBe(2); // two contracts on one day
    expect(c4.typicalIntervalDays).toBeNull(); // a single purchase date
    expect(c4.totalAmount).toBe(600); // the 2025 order is after the analysis date
  });

  it('gives prospects null R/F/M, not zero', () => {
    for (const id of [30, 50]) {
      const c = row(table, id);
      expect([c.recencyDays, c.frequency, c.monetary, c.totalAmount, c.firstOrderDate]).toEqual([null, null, null, null, null]);
      expect(c.productLineCount).toBe(0);
    }
  });

  it('counts order lines as purchases in line mode', () => {
    const t = computeMetrics(fixtureInput(), fixtureSettings({ purchaseUnit: 'line' }));
    const c1 = row(t, 10);
    expect(c1.frequency).toBe(4);
    expect(c1.averageAmount).toBe(650 / 4);
    expect(c1.typicalIntervalDays).toBe(274.5); // gaps between distinct dates only
  });

  it('applies the F/M window and the M definition', () => {
    const w = { months: 6 };
    expect(row(computeMetrics(fixtureInput(), fixtureSettings({ window: w })), 10).frequency).toBe(1);
    expect(row(computeMetrics(fixtureInput(), fixtureSettings({ window: w })), 10).monetary).toBe(150);
    expect(row(computeMetrics(fixtureInput(), fixtureSettings({ monetary: 'average' })), 10).monetary).toBeCloseTo(650 / 3, 9);
    expect(row(computeMetrics(fixtureInput(), fixtureSettings({ monetary: 'collected' })), 10).monetary).toBe(200);
    expect(row(computeMetrics(fixtureInput(), fixtureSettings({ monetary: 'collected', window: w })), 10).monetary).toBe(0);
    expect(row(computeMetrics(fixtureInput(), fixtureSettings({ monetary: 'collected' })), 30).monetary).toBeNull();
  });

  it('defaults the analysis date to the latest non-cancelled order (not future-cancelled ones)', () => {
    const t = computeMetrics(fixtureInput(), fixtureSettings({ analysisDate: null }));
    expect(t.analysisDate).toBe('2025-02-01');
    const empty = computeMetrics({ ...fixtureInput(), orders: [], today: '2026-01-02' }, fixtureSettings({ analysisDate: null }));
    expect(empty.analysisDate).toBe('2026-01-02');
  });

  it('strips contract line suffixes but keeps long numeric segments', () => {
    expect(contractKey('HT2023-000012-02')).toBe('HT2023-000012');
    expect(contractKey('HT2023-000012/1')).toBe('HT2023-000012');
    expect(contractKey('HT2023-000012')).toBe('HT2023-000012');
    expect(contractKey(null)).toBe('');
  });

  it('documents every metric in the catalog', () => {
    const keys = new Set(METRIC_CATALOG.map((m) => m.key));
    for (const k of [...NUMERIC_METRIC_KEYS, ...DATE_METRIC_KEYS, ...TEXT_KEYS, ...LIST_KEYS]) expect(keys.has(k), k).toBe(true);
    expect(keys.size).toBe(METRIC_CATALOG.length);
  });
});
