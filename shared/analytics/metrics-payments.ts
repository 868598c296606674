/**
 * Payment metrics (amountDue, overdueAmount, overdueAmountPrev, maxDaysOverdue, onTimeRate,
 * collectedAmount, and M when M = amount collected). Definitions: metrics.ts.
 */
import type { AnalysisInput, AnalysisSettings, MetricKey } from './types.ts';
import { toDay } from './days.ts';

export function computePayments(
  input: AnalysisInput,
  lookup: (id: number) => number,
  A: number,
  windowStart: number,
  settings: AnalysisSettings,
  col: Record<MetricKey, Float64Array>,
  n: number,
): void {
  const due = new Float64Array(n);
  const overdue = new Float64Array(n);
  const overduePrev = new Float64Array(n);
  const oldestUnpaid = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const dueCount = new Float64Array(n);
  const onTime = new Float64Array(n);
  const collected = new Float64Array(n);
  const collectedWindow = new Float64Array(n);
  const prevA = A - 90;
  const grace = Number.isFinite(settings.paymentGraceDays) ? Math.max(0, settings.paymentGraceDays) : 0;
  for (const p of input.payments) {
    const ci = lookup(p.customerId);
    if (ci < 0) continue;
    const dueDay = toDay(p.dueDate);
    const paidDay = toDay(p.paidDate);
    const amountDue = Number.isFinite(p.amountDue) ? p.amountDue : 0;
    const amountPaid = Number.isFinite(p.amountPaid) ? p.amountPaid : 0;
    if (!Number.isNaN(paidDay) && paidDay <= A && amountPaid > 0) {
      collected[ci]! += amountPaid;
      if (paidDay > windowStart) collectedWindow[ci]! += amountPaid;
    }
    if (Number.isNaN(dueDay) || dueDay > A) continue;
    due[ci]! += amountDue;
    if (amountDue > 0) {
      dueCount[ci]!++;
      // Half a yuan of tolerance: rounding in exports must not make a payment "late"; paid
      // within the grace days after the due date counts as on time.
      if (!Number.isNaN(paidDay) && paidDay <= dueDay + grace && amountPaid + 0.5 >= amountDue) onTime[ci]!++;
    }
    if (dueDay < A) {
      const unpaid = amountDue - (!Number.isNaN(paidDay) && paidDay <= A ? amountPaid : 0);
      if (unpaid > 0.5) {
        overdue[ci]! += unpaid;
        if (dueDay < oldestUnpaid[ci]!) oldestUnpaid[ci] = dueDay;
      }
    }
    if (dueDay < prevA) {
      const unpaidPrev = amountDue - (!Number.isNaN(paidDay) && paidDay <= prevA ? amountPaid : 0);
      if (unpaidPrev > 0.5) overduePrev[ci]! += unpaidPrev;
    }
  }
  const collectedM = settings.monetary === 'collected';
  for (let i = 0; i < n; i++) {
    col.collectedAmount[i] = collected[i]!;
    if (collectedM && !Number.isNaN(col.monetary[i]!)) col.monetary[i] = collectedWindow[i]!;
    if (dueCount[i]! > 0 || due[i]! !== 0) {
      col.amountDue[i] = due[i]!;
      col.overdueAmount[i] = overdue[i]!;
      col.overdueAmountPrev[i] = overduePrev[i]!;
      col.maxDaysOverdue[i] = Number.isFinite(oldestUnpaid[i]!) ? A - oldestUnpaid[i]! : 0;
      col.onTimeRate[i] = dueCount[i]! > 0 ? onTime[i]! / dueCount[i]! : Number.NaN;
    } else {
      col.amountDue[i] = 0;
      col.overdueAmount[i] = 0;
      col.overdueAmountPrev[i] = 0;
    }
  }
}
