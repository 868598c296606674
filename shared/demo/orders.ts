import type { OrderStatus } from '../schema/records.ts';
import { daysInMonth, dayOf, monthsBetween, toIso, weekday, yearOf, type Day } from './dates.ts';
import {
  flagshipModels,
  machineQuantity,
  partsOrder,
  pickMachineLine,
  pickModel,
  serviceOrder,
  unitPrice,
  type MachineModel,
} from './products.ts';
import type { DemoCustomer, DemoOrder, DemoWindow, OrderKind } from './profile.ts';
import type { Rng } from './rng.ts';

const YEAR = 365;

/** Construction starts in spring; Chinese New Year empties January and February. */
const SEASON = [0.8, 0.55, 1.5, 1.35, 1.15, 1.0, 0.85, 0.85, 1.0, 0.95, 1.0, 1.0];

/** Steady growth of the business, with the early-2020 standstill. */
function growth(year: number, month: number): number {
  const trend = 1 + 0.15 * (year - 2019 + (month - 1) / 12);
  if (year === 2020 && month === 2) return trend * 0.45;
  if (year === 2020 && month === 3) return trend * 0.8;
  return trend;
}

const MACHINE_SHARE: Readonly<Record<DemoCustomer['archetype'], number>> = {
  loyal: 0.16,
  regular: 0.25,
  declining: 0.2,
  sleeping: 0.22,
  lost: 0.25,
  new: 0.3,
  big_one_off: 0,
  prospect: 0,
};

const TERMS_BY_TYPE: Readonly<Record<DemoCustomer['record']['type'], readonly number[]>> = {
  // 全款, 分期, 融资租赁
  enterprise: [45, 40, 15],
  rental: [30, 40, 30],
  owner_operator: [25, 50, 25],
  government: [80, 20, 0],
  dealer: [60, 40, 0],
};
export const PAYMENT_TERMS = ['全款', '分期', '融资租赁'] as const;

interface Planned {
  day: Day;
  kind: OrderKind;
  flagship?: boolean;
}

/** Contracts are signed on working days; most weekend dates move to the nearest weekday. */
function workingDay(rng: Rng, day: Day, min: Day, max: Day): Day {
  const wd = weekday(day);
  if ((wd !== 0 && wd !== 6) || rng.chance(0.15)) return day;
  const moved = wd === 6 ? (rng.chance(0.5) ? day - 1 : day + 2) : rng.chance(0.5) ? day + 1 : day - 2;
  return moved >= min && moved <= max ? moved : day;
}

function randomKind(rng: Rng, customer: DemoCustomer, allowMachine: boolean): OrderKind {
  if (allowMachine && rng.chance(MACHINE_SHARE[customer.archetype])) return 'machine';
  return rng.chance(0.66) ? 'parts' : 'service';
}

/** The dates and kinds of one customer's orders, before amounts are drawn. */
function planOrders(rng: Rng, customer: DemoCustomer, window: DemoWindow): Planned[] {
  const { archetype, firstActive, lastActive } = customer;
  if (archetype === 'prospect') return [];
  const planned: Planned[] = [];
  const declineFrom = window.end - YEAR;
  const peakFrom = window.end - 2 * YEAR;

  // The first order is usually the machine that later needs parts and service.
  planned.push({
    day: firstActive,
    kind: archetype === 'big_one_off' || rng.chance(0.8) ? 'machine' : 'parts',
    flagship: archetype === 'big_one_off',
  });

  for (const [year, month] of monthsBetween(firstActive, lastActive)) {
    let lambda = (customer.orderRate / 12) * (SEASON[month - 1] ?? 1) * growth(year, month);
    const monthStart = dayOf(year, month, 1);
    let allowMachine = archetype !== 'big_one_off';
    if (archetype === 'declining') {
      if (monthStart >= declineFrom) {
        lambda *= 0.3;
        allowMachine = false;
      } else if (monthStart >= peakFrom) {
        lambda *= 1.4;
      }
    }
    const count = rng.poisson(lambda);
    for (let k = 0; k < count; k += 1) {
      const raw = monthStart + rng.int(0, daysInMonth(year, month) - 1);
      if (raw <= firstActive || raw > lastActive) continue;
      planned.push({ day: workingDay(rng, raw, firstActive + 1, lastActive), kind: randomKind(rng, customer, allowMachine) });
    }
  }

  const has = (from: Day, to: Day, kind?: OrderKind): boolean =>
    planned.some((p) => p.day >= from && p.day <= to && (kind === undefined || p.kind === kind));
  switch (archetype) {
    case 'declining':
      // A machine in the peak year and only small orders since: the drop a churn warning should catch.
      if (!has(peakFrom, declineFrom - 1, 'machine') && firstActive < declineFrom - 30) {
        planned.push({ day: rng.int(Math.max(peakFrom, firstActive + 1), declineFrom - 1), kind: 'machine' });
      }
      if (!has(declineFrom, window.end)) planned.push({ day: rng.int(declineFrom, window.end), kind: 'parts' });
      break;
    case 'sleeping':
    case 'lost':
      // The last order falls exactly on lastActive, so "asleep for N days" is what was drawn.
      if (lastActive > firstActive) planned.push({ day: lastActive, kind: rng.chance(0.5) ? 'parts' : 'service' });
      break;
    case 'loyal':
      if (!has(window.end - 120, window.end)) planned.push({ day: window.end - rng.int(0, 119), kind: 'parts' });
      break;
    default:
      break;
  }
  return planned;
}

function orderStatus(rng: Rng, kind: OrderKind, age: number): OrderStatus {
  if (rng.chance(0.025)) return 'cancelled';
  if (kind === 'machine') return age < 30 ? 'signed' : age < 90 ? 'delivered' : 'completed';
  return age < 7 ? 'signed' : 'completed';
}

/** An order before it has its contract id. */
type PricedOrder = Omit<DemoOrder, 'record'> & { fields: Omit<DemoOrder['record'], 'sourceId'> };

function machineDeal(rng: Rng, customer: DemoCustomer, plan: Planned): { model: MachineModel; quantity: number } {
  const { type, industry } = customer.record;
  // Big one-off deals: a flagship machine, or a fleet of a popular one.
  if (plan.flagship && rng.chance(0.5)) return { model: rng.pick(flagshipModels()), quantity: rng.int(1, 3) };
  const model = pickModel(rng, pickMachineLine(rng, type, industry));
  return { model, quantity: plan.flagship ? rng.int(3, 8) : machineQuantity(rng, type) };
}

function priceOrder(rng: Rng, customer: DemoCustomer, plan: Planned, owned: MachineModel[], window: DemoWindow): PricedOrder {
  const { record } = customer;
  const status = orderStatus(rng, plan.kind, window.end - plan.day);
  let productLine: string;
  let model: string | null;
  let quantity: number;
  let amount: number;
  let paymentTerms: string;
  let machine: MachineModel | null = null;
  if (plan.kind === 'machine') {
    const deal = machineDeal(rng, customer, plan);
    machine = deal.model;
    owned.push(machine);
    productLine = machine.line;
    model = machine.model;
    quantity = deal.quantity;
    amount = unitPrice(rng, machine) * quantity;
    paymentTerms = rng.weighted(PAYMENT_TERMS, TERMS_BY_TYPE[record.type]);
  } else {
    const small = plan.kind === 'parts' ? partsOrder(rng) : serviceOrder(rng);
    productLine = plan.kind === 'parts' ? '配件' : '维修服务';
    // Parts and service name the machine they are for when the customer owns one of ours.
    model = owned.length > 0 && rng.chance(0.7) ? rng.pick(owned).model : null;
    quantity = small.quantity;
    amount = small.amount;
    paymentTerms = '全款';
  }
  return {
    customer,
    day: plan.day,
    kind: plan.kind,
    line: machine === null ? null : machine.line,
    machine,
    fields: { customerCode: record.code, orderDate: toIso(plan.day), productLine, model, quantity, amount, paymentTerms, status },
  };
}

/**
 * Every customer's orders, numbered HT<year>-<six digits> in signing order within each year.
 * Returned sorted by date, then contract id.
 */
export function generateOrders(rng: Rng, customers: readonly DemoCustomer[], window: DemoWindow): DemoOrder[] {
  const drafts: PricedOrder[] = [];
  for (const customer of customers) {
    const r = rng.fork(`orders:${customer.record.code}`);
    const plans = planOrders(r, customer, window).sort((a, b) => a.day - b.day);
    const owned: MachineModel[] = [];
    for (const plan of plans) drafts.push(priceOrder(r, customer, plan, owned, window));
  }
  // Array.prototype.sort is stable: within a day, orders keep customer-code order.
  drafts.sort((a, b) => a.day - b.day);

  const perYear = new Map<number, number>();
  return drafts.map(({ fields, customer, day, kind, line, machine }) => {
    const year = yearOf(day);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    return {
      record: { sourceId: `HT${year}-${String(next).padStart(6, '0')}`, ...fields },
      customer,
      day,
      kind,
      line,
      machine,
    };
  });
}
