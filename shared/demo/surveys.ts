import type { SurveyRecord, TicketRecord } from '../schema/records.ts';
import { compareStrings } from './compare.ts';
import { dayOf, toDay, toIso, yearOf, type Day } from './dates.ts';
import type { ChronicOverdue } from './payments.ts';
import type { Archetype, DemoCustomer, DemoWindow } from './profile.ts';
import type { Rng } from './rng.ts';

/** Where a customer's answers centre, before complaints and debts pull them down. */
const BASE_SCORE: Readonly<Record<Archetype, number>> = {
  loyal: 86,
  regular: 80,
  new: 82,
  big_one_off: 78,
  declining: 66,
  sleeping: 70,
  lost: 60,
  prospect: 75,
};

const COMMENTS: readonly (readonly [minScore: number, comments: readonly string[]])[] = [
  [85, ['服务及时，工程师专业', '设备性能稳定，很满意', '配件供应及时', '客户经理跟进到位', '整体满意，会继续合作']],
  [70, ['总体还行，配件价格偏高', '响应速度一般', '希望增加服务网点', '保养提醒可以更及时', '设备油耗偏高']],
  [50, ['维修等待时间长', '配件经常缺货', '服务人员专业水平有待提高', '价格没有竞争力']],
  [0, ['维修多次未解决', '服务响应太慢，影响施工', '对催收方式不满', '考虑更换其他品牌', '投诉后无人跟进']],
];

function comment(rng: Rng, score: number): string | null {
  if (rng.chance(0.25)) return null;
  const band = COMMENTS.find(([min]) => score >= min) ?? COMMENTS[COMMENTS.length - 1];
  return band ? rng.pick(band[1]) : null;
}

function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

function customerScore(rng: Rng, customer: DemoCustomer, chronic: boolean): number {
  const base = BASE_SCORE[customer.archetype] - (customer.complainer ? 20 : 0) - (chronic ? 8 : 0);
  return clampScore(base + 8 * rng.normal());
}

interface Draft {
  customer: DemoCustomer;
  day: Day;
  score: number;
  comments: string | null;
}

/**
 * Satisfaction surveys (满意度调研), 0–100: follow-ups a week or two after a closed repair,
 * maintenance or complaint (scored close to the ticket's rating), and a mid-year campaign
 * sampling active customers.
 */
export function generateSurveys(
  rng: Rng,
  customers: readonly DemoCustomer[],
  tickets: readonly TicketRecord[],
  chronic: ReadonlyMap<string, ChronicOverdue>,
  window: DemoWindow,
): SurveyRecord[] {
  const byCode = new Map(customers.map((c) => [c.record.code, c]));
  const drafts: Draft[] = [];

  const followUps = rng.fork('follow-ups');
  for (const ticket of tickets) {
    if (ticket.type === 'consultation' || ticket.closedDate === null || !followUps.chance(0.15)) continue;
    const customer = byCode.get(ticket.customerCode);
    if (!customer) continue;
    const day = toDay(ticket.closedDate) + followUps.int(3, 14);
    if (day > window.end) continue;
    const score =
      ticket.satisfaction === null
        ? customerScore(followUps, customer, chronic.has(customer.record.code))
        : clampScore(ticket.satisfaction * 20 - followUps.int(0, 15) + 5 * followUps.normal());
    drafts.push({ customer, day, score, comments: comment(followUps, score) });
  }

  const campaign = rng.fork('campaign');
  for (let year = yearOf(window.start); year <= yearOf(window.end); year += 1) {
    const from = dayOf(year, 6, 1);
    const to = Math.min(dayOf(year, 6, 30), window.end);
    if (to < from) continue;
    for (const customer of customers) {
      const active = customer.archetype !== 'prospect' && customer.firstActive <= from && customer.lastActive + 180 >= from;
      if (!active || !campaign.chance(0.12)) continue;
      const score = customerScore(campaign, customer, chronic.has(customer.record.code));
      drafts.push({ customer, day: campaign.int(from, to), score, comments: comment(campaign, score) });
    }
  }

  drafts.sort((a, b) => a.day - b.day || compareStrings(a.customer.record.code, b.customer.record.code));
  const perYear = new Map<number, number>();
  return drafts.map((d) => {
    const year = yearOf(d.day);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    return {
      sourceId: `DY${year}-${String(next).padStart(5, '0')}`,
      customerCode: d.customer.record.code,
      surveyDate: toIso(d.day),
      score: d.score,
      comments: d.comments,
    };
  });
}
