import type { PaymentRecord } from '../schema/records.ts';
import { compareStrings } from './compare.ts';
import { addMonths, toIso, type Day } from './dates.ts';
import type { Archetype, DemoCustomer, DemoOrder, DemoWindow } from './profile.ts';
import type { Rng } from './rng.ts';

interface Installment {
  due: Day;
  cents: number;
}

/** Splits `cents` into `parts` amounts that add up exactly, the remainder on the first. */
function split(cents: number, parts: number): number[] {
  const each = Math.floor(cents / parts);
  return Array.from({ length: parts }, (_, i) => (i === 0 ? cents - each * (parts - 1) : each));
}

/**
 * The receivables an order creates: one payment for 全款, a down payment and quarterly
 * instalments for 分期 (30 % down, 4–8 quarters) and 融资租赁 (20 % down, 8–12 quarters).
 */
function schedule(rng: Rng, order: DemoOrder): Installment[] {
  const { record, day, kind } = order;
  const cents = Math.round(record.amount * 100);
  if (record.paymentTerms === '分期' || record.paymentTerms === '融资租赁') {
    const financed = record.paymentTerms === '融资租赁';
    const down = Math.round(cents * (financed ? 0.2 : 0.3));
    const quarters = financed ? rng.pick([8, 12]) : rng.pick([4, 6, 8]);
    return [
      { due: day + 7, cents: down },
      ...split(cents - down, quarters).map((c, i) => ({ due: addMonths(day, 3 * (i + 1)), cents: c })),
    ];
  }
  const terms = kind === 'machine' ? rng.int(7, 30) : kind === 'parts' ? 30 : 15;
  return [{ due: day + terms, cents }];
}

/** Days between due date and payment for customers who are not chronically overdue. */
function paymentDelay(rng: Rng, customer: DemoCustomer): number {
  const roll = rng.next();
  if (customer.paymentHabit === 'punctual') {
    if (roll < 0.9) return rng.int(-10, 5);
    if (roll < 0.98) return rng.int(6, 45);
    return rng.int(46, 90);
  }
  if (roll < 0.55) return rng.int(-5, 7);
  if (roll < 0.88) return rng.int(8, 60);
  return rng.int(61, 120);
}

/** Who is likely to stop paying: customers already drifting away, more than loyal ones. */
const CHRONIC_WEIGHT: Readonly<Record<Archetype, number>> = {
  declining: 4,
  sleeping: 2,
  regular: 1.5,
  big_one_off: 1,
  loyal: 0.6,
  new: 0.5,
  lost: 0.2,
  prospect: 0,
};

export interface ChronicOverdue {
  /** From this day on the customer pays nothing. */
  stopDay: Day;
}

/**
 * Picks about `share` of the buying customers to become chronically overdue: customers with a
 * financed machine whose instalments fall due in the last 18 months, so at the end date they
 * owe several instalments more than 90 days past due.
 */
function pickChronic(
  rng: Rng,
  schedules: ReadonlyMap<DemoOrder, Installment[]>,
  customers: readonly DemoCustomer[],
  window: DemoWindow,
  share: number,
): Map<string, ChronicOverdue> {
  const candidates = new Map<string, Day[]>();
  for (const [order, installments] of schedules) {
    if (order.record.paymentTerms === '全款') continue;
    for (const { due } of installments.slice(1)) {
      if (due > window.end - 540 && due <= window.end - 120) {
        const list = candidates.get(order.customer.record.code) ?? [];
        list.push(due);
        candidates.set(order.customer.record.code, list);
      }
    }
  }
  const buyers = customers.filter((c) => c.archetype !== 'prospect').length;
  const target = Math.round(buyers * share);
  // Weighted sampling without replacement (Efraimidis–Spirakis): highest u^(1/w) wins.
  const keyed = customers
    .filter((c) => candidates.has(c.record.code) && CHRONIC_WEIGHT[c.archetype] > 0)
    .map((c) => ({ customer: c, key: Math.pow(rng.next(), 1 / CHRONIC_WEIGHT[c.archetype]) }))
    .sort((a, b) => b.key - a.key || compareStrings(a.customer.record.code, b.customer.record.code));
  const chosen = new Map<string, ChronicOverdue>();
  for (const { customer } of keyed.slice(0, target)) {
    const dues = (candidates.get(customer.record.code) ?? []).sort((a, b) => a - b);
    const earliest = dues[0] ?? window.end - 150;
    // Stop somewhere in the last 5–17 months, but never after the first instalment that should lapse.
    const stopDay = Math.min(window.end - rng.int(150, 500), earliest - 1);
    chosen.set(customer.record.code, { stopDay });
  }
  return chosen;
}

/**
 * Payment records (回款) for every order not cancelled, due up to the end date. Paid dates
 * after the end date are not known yet, so such rows are open. Returns the chronically overdue
 * customers too, since equipment and churn signals follow from them.
 */
export function generatePayments(
  rng: Rng,
  orders: readonly DemoOrder[],
  customers: readonly DemoCustomer[],
  window: DemoWindow,
): { payments: PaymentRecord[]; chronic: Map<string, ChronicOverdue> } {
  const schedules = new Map<DemoOrder, Installment[]>();
  const scheduleRng = rng.fork('schedules');
  for (const order of orders) {
    if (order.record.status === 'cancelled') continue;
    schedules.set(order, schedule(scheduleRng, order).filter((i) => i.due <= window.end));
  }
  const chronic = pickChronic(rng.fork('chronic'), schedules, customers, window, 0.055);

  const payments: PaymentRecord[] = [];
  for (const [order, installments] of schedules) {
    const r = rng.fork(`pay:${order.record.sourceId}`);
    const customerChronic = chronic.get(order.record.customerCode);
    installments.forEach(({ due, cents }, index) => {
      const sourceId = `HK${order.record.sourceId.slice(2)}-${String(index + 1).padStart(2, '0')}`;
      let paidCents = cents;
      let paidDay: Day | null;
      if (customerChronic && due > customerChronic.stopDay) {
        // The lapsed instalment is sometimes part-paid, the rest stays open.
        if (r.chance(0.15)) {
          paidCents = Math.round(cents * r.float(0.2, 0.6));
          paidDay = due + r.int(10, 90);
        } else {
          paidDay = null;
        }
      } else {
        paidDay = Math.max(order.day, due + paymentDelay(r, order.customer));
      }
      if (paidDay !== null && paidDay > window.end) paidDay = null;
      payments.push({
        sourceId,
        contractId: order.record.sourceId,
        customerCode: order.record.customerCode,
        dueDate: toIso(due),
        amountDue: cents / 100,
        paidDate: paidDay === null ? null : toIso(paidDay),
        amountPaid: paidDay === null ? 0 : paidCents / 100,
      });
    });
  }
  return { payments, chronic };
}
