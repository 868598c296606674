import type { OpportunityRecord, OpportunityResult } from '../schema/records.ts';
import { isSalesRegion, type SalesRegion } from '../regions/index.ts';
import { compareStrings } from './compare.ts';
import { clampDay, toDay, toIso, yearOf, type Day } from './dates.ts';
import { MACHINE_LINES, pickModel, unitPrice, type MachineLine } from './products.ts';
import type { DemoCustomer, DemoOrder, DemoWindow } from './profile.ts';
import { createPicker, type Rng } from './rng.ts';

export const CHANNELS = ['展会', '老客户推荐', '电话营销', '官网', '代理商', '招投标'] as const;
export type Channel = (typeof CHANNELS)[number];
export const OPEN_STAGES = ['初步接触', '需求确认', '方案报价', '商务谈判'] as const;
export const WON_STAGE = '赢单';
export const LOST_STAGE = '输单';

/** Referrals close most often, cold calls least; conversion analysis should show it. */
const CHANNEL_WIN_RATE: Readonly<Record<Channel, number>> = {
  展会: 0.3,
  老客户推荐: 0.55,
  电话营销: 0.15,
  官网: 0.2,
  代理商: 0.4,
  招投标: 0.25,
};

/** The home market wins more of its deals than the far regions. */
const REGION_WIN_FACTOR: Readonly<Record<SalesRegion, number>> = {
  华东: 1.15,
  华南: 1.05,
  华中: 1.0,
  华北: 0.95,
  西南: 0.95,
  西北: 0.8,
  东北: 0.7,
};

const pickChannel = createPicker(CHANNELS, [20, 18, 12, 13, 22, 15]);
const pickPublicChannel = createPicker(CHANNELS, [5, 5, 2, 3, 10, 75]);
const pickOpenStage = createPicker(OPEN_STAGES, [35, 30, 20, 15]);

function channelFor(rng: Rng, customer: DemoCustomer): Channel {
  return customer.record.type === 'government' ? pickPublicChannel(rng) : pickChannel(rng);
}

export function winRate(channel: Channel, region: string | null): number {
  const factor = region !== null && isSalesRegion(region) ? REGION_WIN_FACTOR[region] : 1;
  return Math.min(0.8, Math.max(0.05, CHANNEL_WIN_RATE[channel] * factor));
}

interface Draft {
  customer: DemoCustomer;
  created: Day;
  stage: string;
  expectedAmount: number;
  result: OpportunityResult;
  closed: Day | null;
  channel: Channel;
  line: MachineLine;
}

/** Expected amounts are estimates, so they are round: to 10,000 yuan. */
function roundEstimate(amount: number): number {
  return Math.max(10_000, Math.round(amount / 10_000) * 10_000);
}

function estimate(rng: Rng, line: MachineLine): number {
  return roundEstimate(unitPrice(rng, pickModel(rng, line)) * (rng.chance(0.7) ? 1 : rng.int(2, 4)));
}

function openDraft(rng: Rng, customer: DemoCustomer, window: DemoWindow, maxAge: number): Draft {
  const line = rng.pick(MACHINE_LINES);
  return {
    customer,
    created: window.end - rng.int(0, maxAge),
    stage: pickOpenStage(rng),
    expectedAmount: estimate(rng, line),
    result: 'open',
    closed: null,
    channel: channelFor(rng, customer),
    line,
  };
}

/** A lost deal, or an open one when it would only close after the end date. */
function lostDraft(rng: Rng, customer: DemoCustomer, channel: Channel, created: Day, window: DemoWindow): Draft {
  const line = rng.pick(MACHINE_LINES);
  const closed = created + rng.int(15, 150);
  const stillOpen = closed > window.end;
  return {
    customer,
    created,
    stage: stillOpen ? pickOpenStage(rng) : LOST_STAGE,
    expectedAmount: estimate(rng, line),
    result: stillOpen ? 'open' : 'lost',
    closed: stillOpen ? null : closed,
    channel,
    line,
  };
}

/**
 * Sales opportunities (商机). Won ones are the pipeline history of machine orders: same
 * customer and product line, closed on the signing date, an estimate near the contract amount.
 * Each won deal brings lost ones in its channel so that win rates by channel and region come
 * out near `winRate`. Prospects have only lost and open opportunities.
 */
export function generateOpportunities(
  rng: Rng,
  customers: readonly DemoCustomer[],
  orders: readonly DemoOrder[],
  window: DemoWindow,
): OpportunityRecord[] {
  const drafts: Draft[] = [];
  const machineOrders = new Map<string, DemoOrder[]>();
  for (const order of orders) {
    if (order.kind !== 'machine' || order.record.status === 'cancelled') continue;
    const list = machineOrders.get(order.record.customerCode) ?? [];
    list.push(order);
    machineOrders.set(order.record.customerCode, list);
  }

  for (const customer of customers) {
    const r = rng.fork(`opps:${customer.record.code}`);
    if (customer.archetype === 'prospect') {
      const count = r.int(1, 3);
      for (let i = 0; i < count; i += 1) {
        const created = r.int(customer.firstActive, window.end);
        if (window.end - created < 120 || r.chance(0.1)) {
          drafts.push(openDraft(r, customer, window, Math.min(window.end - customer.firstActive, 240)));
        } else {
          drafts.push(lostDraft(r, customer, channelFor(r, customer), created, window));
        }
      }
      continue;
    }
    // Nothing is logged against a customer before its CRM record exists.
    const known = customer.record.createdDate === null ? window.start : toDay(customer.record.createdDate);
    for (const order of machineOrders.get(customer.record.code) ?? []) {
      if (!r.chance(0.45) || order.line === null) continue;
      const channel = channelFor(r, customer);
      drafts.push({
        customer,
        created: clampDay(order.day - r.int(20, 120), known, order.day),
        stage: WON_STAGE,
        expectedAmount: roundEstimate(order.record.amount * r.float(0.95, 1.15)),
        result: 'won',
        closed: order.day,
        channel,
        line: order.line,
      });
      const p = winRate(channel, customer.record.salesRegion);
      const lost = r.poisson((1 - p) / p);
      for (let i = 0; i < lost; i += 1) {
        drafts.push(lostDraft(r, customer, channel, r.int(known, Math.max(known, customer.lastActive - 15)), window));
      }
    }
    const active = customer.lastActive === window.end && customer.archetype !== 'big_one_off';
    if (active && r.chance(0.22)) drafts.push(openDraft(r, customer, window, 150));
  }

  drafts.sort((a, b) => a.created - b.created || compareStrings(a.customer.record.code, b.customer.record.code));
  const perYear = new Map<number, number>();
  return drafts.map((d) => {
    const year = yearOf(d.created);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    return {
      sourceId: `SJ${year}-${String(next).padStart(5, '0')}`,
      customerCode: d.customer.record.code,
      createdDate: toIso(d.created),
      stage: d.stage,
      expectedAmount: d.expectedAmount,
      result: d.result,
      closeDate: d.closed === null ? null : toIso(d.closed),
      channel: d.channel,
      accountManager: d.customer.record.accountManager,
      productLine: d.line,
    };
  });
}
