import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, OrderRecord } from '../schema/records.ts';
import { findCity, findProvince } from '../regions/index.ts';
import { toDay } from './dates.ts';
import { CHANNELS, DEMO_DEFAULTS, OPEN_STAGES, generateDemo } from './index.ts';

const END = DEMO_DEFAULTS.endDate;
const endDay = toDay(END);
const daysBefore = (iso: string): number => endDay - toDay(iso);

let data: Dataset;
let live: OrderRecord[];
let codes: Set<string>;
let revenueByCustomer: Map<string, number>;
let provinceOf: Map<string, string>;

beforeAll(() => {
  data = generateDemo();
  live = data.orders.filter((o) => o.status !== 'cancelled');
  codes = new Set(data.customers.map((c) => c.code));
  revenueByCustomer = new Map();
  for (const o of live) revenueByCustomer.set(o.customerCode, (revenueByCustomer.get(o.customerCode) ?? 0) + o.amount);
  provinceOf = new Map(data.customers.map((c) => [c.code, c.province]));
});

function sumBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  return sums;
}

function expectUnique(values: readonly string[]): void {
  expect(new Set(values).size).toBe(values.length);
}

/**
 * Checks a rule on every item and reports the first offenders; one expect per record would
 * make these tests take half a minute on 150,000 records.
 */
function expectAll<T>(items: readonly T[], rule: (item: T) => boolean, describe: (item: T) => string): void {
  const offenders = items.filter((item) => !rule(item)).slice(0, 5).map(describe);
  expect(offenders).toEqual([]);
}

describe('demo dataset: referential integrity', () => {
  it('has unique customer codes in C000123 form', () => {
    expectUnique(data.customers.map((c) => c.code));
    expectAll(data.customers, (c) => /^C\d{6}$/.test(c.code), (c) => c.code);
    expectUnique(data.customers.map((c) => c.name));
  });

  it('refers only to customers that exist', () => {
    const kinds = [data.orders, data.payments, data.opportunities, data.tickets, data.surveys, data.equipment] as const;
    for (const records of kinds) {
      expectAll<{ customerCode: string }>(records, (r) => codes.has(r.customerCode), (r) => r.customerCode);
    }
  });

  it('has unique source ids per record kind, in the documented shapes', () => {
    expectUnique(data.orders.map((o) => o.sourceId));
    expectUnique(data.payments.map((p) => p.sourceId));
    expectUnique(data.opportunities.map((o) => o.sourceId));
    expectUnique(data.tickets.map((t) => t.sourceId));
    expectUnique(data.surveys.map((s) => s.sourceId));
    expectUnique(data.equipment.map((e) => e.serial));
    const shaped = (pattern: RegExp) => (r: { sourceId: string }) => pattern.test(r.sourceId);
    const id = (r: { sourceId: string }): string => r.sourceId;
    expectAll(data.orders, shaped(/^HT20\d{2}-\d{6}$/), id);
    expectAll(data.payments, shaped(/^HK20\d{2}-\d{6}-\d{2}$/), id);
    expectAll(data.opportunities, shaped(/^SJ20\d{2}-\d{5}$/), id);
    expectAll(data.tickets, shaped(/^GD20\d{2}-\d{6}$/), id);
    expectAll(data.surveys, shaped(/^DY20\d{2}-\d{5}$/), id);
    expectAll(data.equipment, (e) => /^(QZ|WJ|ZZ|HN)20\d{2}\d{5}$/.test(e.serial), (e) => e.serial);
  });

  it('ties payments to live contracts of the same customer, adding up to the contract', () => {
    const orders = new Map(data.orders.map((o) => [o.sourceId, o]));
    const dueByContract = sumBy(data.payments, (p) => p.contractId ?? '', (p) => p.amountDue);
    expectAll(
      data.payments,
      (p) => {
        const order = p.contractId === null ? undefined : orders.get(p.contractId);
        return (
          order !== undefined &&
          order.status !== 'cancelled' &&
          order.customerCode === p.customerCode &&
          p.dueDate >= order.orderDate &&
          p.amountPaid <= p.amountDue &&
          (p.amountPaid === 0) === (p.paidDate === null)
        );
      },
      (p) => p.sourceId,
    );
    // Full-payment contracts are due within 30 days, so all of those before September are complete.
    expectAll(
      live.filter((o) => o.paymentTerms === '全款' && o.orderDate < '2026-09-01'),
      (o) => Math.abs((dueByContract.get(o.sourceId) ?? 0) - o.amount) < 0.005,
      (o) => o.sourceId,
    );
    expectAll([...dueByContract], ([contract, due]) => due <= (orders.get(contract)?.amount ?? 0) + 0.005, ([c]) => c);
  });

  it('has one unit per machine bought, on its purchase date', () => {
    const machineOrders = live.filter((o) => ['起重机', '挖掘机', '装载机', '混凝土机械'].includes(o.productLine));
    expect(data.equipment).toHaveLength(machineOrders.reduce((n, o) => n + o.quantity, 0));
    const keys = new Set(machineOrders.map((o) => `${o.customerCode}|${o.orderDate}|${o.model}`));
    expectAll(data.equipment, (e) => keys.has(`${e.customerCode}|${e.purchaseDate}|${e.model}`), (e) => e.serial);
  });

  it('files tickets against the customer’s own units, after they were bought', () => {
    const units = new Map(data.equipment.map((e) => [e.serial, e]));
    const withSerial = data.tickets.filter((t) => t.serial !== null);
    expect(withSerial.length).toBeGreaterThan(data.tickets.length * 0.9);
    expectAll(
      withSerial,
      (t) => {
        const unit = units.get(t.serial ?? '');
        return unit !== undefined && unit.customerCode === t.customerCode && t.openedDate > unit.purchaseDate;
      },
      (t) => t.sourceId,
    );
  });

  it('matches every won opportunity with an order signed on its close date', () => {
    const signed = new Set(live.map((o) => `${o.customerCode}|${o.productLine}|${o.orderDate}`));
    const won = data.opportunities.filter((o) => o.result === 'won');
    expect(won.length).toBeGreaterThan(1000);
    expectAll(won, (o) => signed.has(`${o.customerCode}|${o.productLine}|${o.closeDate}`), (o) => o.sourceId);
  });

  it('keeps stages, results and close dates consistent', () => {
    const stageOf = { won: ['赢单'], lost: ['输单'], open: OPEN_STAGES as readonly string[] };
    expectAll(
      data.opportunities,
      (o) =>
        stageOf[o.result].includes(o.stage) &&
        (o.closeDate === null) === (o.result === 'open') &&
        (o.closeDate === null || o.closeDate >= o.createdDate) &&
        (CHANNELS as readonly (string | null)[]).includes(o.channel) &&
        o.expectedAmount !== null &&
        o.expectedAmount > 0,
      (o) => `${o.sourceId} ${o.result} ${o.stage}`,
    );
    expect(new Set(data.opportunities.map((o) => o.result))).toEqual(new Set(['won', 'lost', 'open']));
  });
});

describe('demo dataset: field values', () => {
  it('writes customers that the region table and a human both recognise', () => {
    expectAll(
      data.customers,
      (c) => {
        const province = findProvince(c.province);
        const city = findCity(c.city, province?.code);
        return (
          province !== undefined &&
          city !== undefined &&
          province.name === c.province &&
          city.code === c.divisionCode &&
          c.salesRegion === province.salesRegion &&
          (c.phone === null || /^1[3-9]\d{9}$/.test(c.phone)) &&
          (c.address === null || c.address.startsWith(city.municipality ? c.city : `${c.province}${c.city}`)) &&
          (c.type === 'owner_operator' ? /^[\u4e00-\u9fa5]{2,4}$/.test(c.name) : /(公司|局|处|中心)$/.test(c.name))
        );
      },
      (c) => `${c.code} ${c.name} ${c.province} ${c.city}`,
    );
  });

  it('has 25–40 account managers, each covering some provinces', () => {
    const managers = new Set(data.customers.map((c) => c.accountManager).filter((m) => m !== null));
    expect(managers.size).toBeGreaterThanOrEqual(25);
    expect(managers.size).toBeLessThanOrEqual(40);
    const provincesPerManager = new Map<string, Set<string>>();
    for (const c of data.customers) {
      if (c.accountManager === null) continue;
      const set = provincesPerManager.get(c.accountManager) ?? new Set();
      set.add(c.province);
      provincesPerManager.set(c.accountManager, set);
    }
    for (const set of provincesPerManager.values()) expect(set.size).toBeLessThanOrEqual(3);
  });

  it('prices machines in their lines’ ranges and keeps amounts to the cent', () => {
    const ranges: Record<string, [number, number]> = {
      起重机: [500_000, 8_000_000],
      挖掘机: [300_000, 2_500_000],
      装载机: [200_000, 800_000],
    };
    expectAll(
      data.orders,
      (o) => {
        const range = ranges[o.productLine];
        const unit = o.amount / o.quantity;
        return (
          Number.isInteger(o.quantity) &&
          o.quantity >= 1 &&
          o.amount > 0 &&
          Math.round(o.amount * 100) / 100 === o.amount &&
          (range === undefined || (unit >= range[0] && unit <= range[1]))
        );
      },
      (o) => `${o.sourceId} ${o.productLine} ${o.quantity} × ${o.amount}`,
    );
    const parts = data.orders.filter((o) => o.productLine === '配件').map((o) => o.amount).sort((a, b) => a - b);
    expect(parts[Math.floor(parts.length / 2)]).toBeLessThan(20_000);
  });

  it('keeps ratings and scores on their scales', () => {
    expectAll(
      data.tickets,
      (t) =>
        (t.satisfaction === null || [1, 2, 3, 4, 5].includes(t.satisfaction)) &&
        (t.closedDate === null ? t.satisfaction === null : t.closedDate >= t.openedDate) &&
        /[\u4e00-\u9fa5]/.test(t.description ?? ''),
      (t) => t.sourceId,
    );
    expectAll(data.surveys, (s) => Number.isInteger(s.score) && s.score >= 0 && s.score <= 100, (s) => s.sourceId);
    expectAll(
      data.equipment,
      (e) =>
        (e.workingHours30d === null || (e.workingHours30d >= 0 && e.workingHours30d <= 720)) &&
        (e.lastOnline === null || e.lastOnline >= e.purchaseDate) &&
        (e.workingHours30d === null) === (e.lastOnline === null),
      (e) => e.serial,
    );
  });
});

describe('demo dataset: size', () => {
  it('has about 3,000 customers across 25+ provinces and 120+ cities', () => {
    expect(data.customers).toHaveLength(3000);
    expect(new Set(data.customers.map((c) => c.province)).size).toBeGreaterThanOrEqual(25);
    expect(new Set(data.customers.map((c) => c.divisionCode)).size).toBeGreaterThanOrEqual(120);
  });

  it('has 25k–35k orders from 2019 on and records of every kind', () => {
    expect(data.orders.length).toBeGreaterThanOrEqual(25_000);
    expect(data.orders.length).toBeLessThanOrEqual(35_000);
    expect(data.orders.some((o) => o.orderDate.startsWith('2019-01'))).toBe(true);
    expect(data.orders.some((o) => o.orderDate.startsWith('2026-10'))).toBe(true);
    expect(data.payments.length).toBeGreaterThan(data.orders.length);
    expect(data.opportunities.length).toBeGreaterThan(5_000);
    expect(data.tickets.length).toBeGreaterThan(5_000);
    expect(data.surveys.length).toBeGreaterThanOrEqual(2_000);
    expect(data.surveys.length).toBeLessThanOrEqual(8_000);
    expect(data.equipment.length).toBeGreaterThan(5_000);
  });
});

describe('demo dataset: patterns the analytics should find', () => {
  it('concentrates revenue: the top 20 % of customers hold over half of it', () => {
    const values = [...revenueByCustomer.values()].sort((a, b) => b - a);
    const total = values.reduce((a, b) => a + b, 0);
    const top = values.slice(0, Math.round(data.customers.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.5);
  });

  it('has 7–11 % prospects who never ordered', () => {
    const ordered = new Set(data.orders.map((o) => o.customerCode));
    const prospects = data.customers.filter((c) => !ordered.has(c.code));
    expect(prospects.length / data.customers.length).toBeGreaterThan(0.07);
    expect(prospects.length / data.customers.length).toBeLessThan(0.11);
    const withOpportunities = new Set(data.opportunities.map((o) => o.customerCode));
    expect(prospects.every((c) => withOpportunities.has(c.code))).toBe(true);
  });

  it('has sleeping, new and declining customers', () => {
    const first = new Map<string, string>();
    const last = new Map<string, string>();
    for (const o of live) {
      if (!first.has(o.customerCode) || o.orderDate < (first.get(o.customerCode) ?? '')) first.set(o.customerCode, o.orderDate);
      if (o.orderDate > (last.get(o.customerCode) ?? '')) last.set(o.customerCode, o.orderDate);
    }
    const sleeping = [...last.values()].filter((d) => daysBefore(d) > 365 && daysBefore(d) <= 3 * 365);
    const gone = [...last.values()].filter((d) => daysBefore(d) > 3 * 365);
    const fresh = [...first.values()].filter((d) => daysBefore(d) < 365);
    expect(sleeping.length / data.customers.length).toBeGreaterThan(0.1);
    expect(gone.length).toBeGreaterThan(50);
    expect(fresh.length / data.customers.length).toBeGreaterThan(0.05);

    const recent = sumBy(live.filter((o) => daysBefore(o.orderDate) < 365), (o) => o.customerCode, (o) => o.amount);
    const previous = sumBy(
      live.filter((o) => daysBefore(o.orderDate) >= 365 && daysBefore(o.orderDate) < 730),
      (o) => o.customerCode,
      (o) => o.amount,
    );
    const declining = [...recent].filter(([code, amount]) => amount < 0.5 * (previous.get(code) ?? 0));
    expect(declining.length / data.customers.length).toBeGreaterThan(0.05);
  });

  it('has a group of chronically overdue customers, and most payments on time', () => {
    const overdue = new Set(
      data.payments.filter((p) => p.amountPaid < p.amountDue && daysBefore(p.dueDate) > 90).map((p) => p.customerCode),
    );
    const buyers = revenueByCustomer.size;
    expect(overdue.size / buyers).toBeGreaterThan(0.03);
    expect(overdue.size / buyers).toBeLessThan(0.1);
    const settled = data.payments.filter((p) => p.paidDate !== null);
    const onTime = settled.filter((p) => p.paidDate !== null && toDay(p.paidDate) - toDay(p.dueDate) <= 7);
    expect(onTime.length / settled.length).toBeGreaterThan(0.75);
    const late = settled.filter((p) => p.paidDate !== null && toDay(p.paidDate) - toDay(p.dueDate) > 30);
    expect(late.length).toBeGreaterThan(100);
  });

  it('leaves some complaints open, and complaints are rated lower than repairs', () => {
    const complaints = data.tickets.filter((t) => t.type === 'complaint');
    expect(complaints.filter((t) => t.closedDate === null).length).toBeGreaterThanOrEqual(10);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rated = (type: string): number[] =>
      data.tickets.filter((t) => t.type === type && t.satisfaction !== null).map((t) => t.satisfaction ?? 0);
    expect(mean(rated('complaint'))).toBeLessThan(mean(rated('repair')) - 1.5);
    expect(new Set(data.tickets.map((t) => t.type))).toEqual(new Set(['repair', 'maintenance', 'complaint', 'consultation']));
  });

  it('separates strong and weak provinces by a wide factor', () => {
    const byProvince = sumBy(live, (o) => provinceOf.get(o.customerCode) ?? '', (o) => o.amount);
    const total = (names: string[]): number => names.reduce((sum, n) => sum + (byProvince.get(n) ?? 0), 0);
    const strong = total(['江苏省', '山东省', '广东省', '浙江省']);
    const weak = total(['西藏自治区', '青海省', '宁夏回族自治区', '海南省']);
    expect(weak).toBeGreaterThan(0);
    expect(strong / weak).toBeGreaterThan(15);
    expect(byProvince.get('江苏省') ?? 0).toBeGreaterThan(10 * (byProvince.get('青海省') ?? 0));
  });

  it('peaks in spring, dips at Chinese New Year and grows over the years', () => {
    const byMonth = sumBy(data.orders, (o) => o.orderDate.slice(5, 7), () => 1);
    expect(byMonth.get('03') ?? 0).toBeGreaterThan(1.8 * (byMonth.get('02') ?? 0));
    expect(byMonth.get('04') ?? 0).toBeGreaterThan(1.2 * (byMonth.get('12') ?? 0));
    const byYear = sumBy(live, (o) => o.orderDate.slice(0, 4), (o) => o.amount);
    const lastTwelveMonths = live.filter((o) => daysBefore(o.orderDate) < 365).reduce((s, o) => s + o.amount, 0);
    expect(lastTwelveMonths).toBeGreaterThan(1.4 * (byYear.get('2019') ?? 0));
  });

  it('wins more often through referrals than cold calls, and in the east than the north-east', () => {
    const region = new Map(data.customers.map((c) => [c.code, c.salesRegion]));
    const rate = (key: (o: Dataset['opportunities'][number]) => string | null, value: string): number => {
      const closed = data.opportunities.filter((o) => o.result !== 'open' && key(o) === value);
      return closed.filter((o) => o.result === 'won').length / closed.length;
    };
    const byChannel = (o: Dataset['opportunities'][number]): string | null => o.channel;
    const byRegion = (o: Dataset['opportunities'][number]): string | null => region.get(o.customerCode) ?? null;
    expect(rate(byChannel, '老客户推荐')).toBeGreaterThan(rate(byChannel, '电话营销') + 0.2);
    expect(rate(byRegion, '华东')).toBeGreaterThan(rate(byRegion, '东北') + 0.05);
  });

  it('shows idle fleets at customers who stopped buying', () => {
    const lastOrder = new Map<string, string>();
    for (const o of live) if (o.orderDate > (lastOrder.get(o.customerCode) ?? '')) lastOrder.set(o.customerCode, o.orderDate);
    const reporting = data.equipment.filter((e) => e.workingHours30d !== null);
    const idleShare = (units: typeof reporting): number => units.filter((e) => e.workingHours30d === 0).length / units.length;
    const asleep = reporting.filter((e) => daysBefore(lastOrder.get(e.customerCode) ?? END) > 365);
    const active = reporting.filter((e) => daysBefore(lastOrder.get(e.customerCode) ?? END) <= 180);
    expect(asleep.length).toBeGreaterThan(100);
    expect(idleShare(asleep)).toBeGreaterThan(2 * idleShare(active));
  });
});
