/**
 * Lead-to-win conversion: counts, win rate (won / closed) and value win rate (won expected
 * amount / closed expected amount) by any dimension, and a funnel by stage.
 */
import type { ConversionRow, FunnelStage, LifecycleStage, MetricTable, OpportunityInput, TagAssignment } from './types.ts';
import { monthOf } from './days.ts';

/** A dimension: the value(s) an opportunity counts under; null = not counted. */
export type DimensionOf = (opp: OpportunityInput, customerIndex: number) => string | readonly string[] | null;

/**
 * Rows sorted by key. `indexOf` maps customer ids to table indices (MetricTable.indexOf); an
 * opportunity of an unknown customer gets index −1. A dimension returning several values (tags)
 * counts the opportunity once under each.
 */
export function conversion(
  opportunities: readonly OpportunityInput[],
  dimensionOf: DimensionOf,
  indexOf: ReadonlyMap<number, number> = new Map(),
): ConversionRow[] {
  const rows = new Map<string, ConversionRow>();
  const add = (key: string, o: OpportunityInput): void => {
    let row = rows.get(key);
    if (row === undefined) {
      row = { key, open: 0, won: 0, lost: 0, closed: 0, winRate: null, wonAmount: 0, closedAmount: 0, valueWinRate: null, openAmount: 0 };
      rows.set(key, row);
    }
    const amount = o.expectedAmount !== null && Number.isFinite(o.expectedAmount) ? o.expectedAmount : 0;
    if (o.result === 'open') {
      row.open++;
      row.openAmount += amount;
    } else {
      row.closed++;
      row.closedAmount += amount;
      if (o.result === 'won') {
        row.won++;
        row.wonAmount += amount;
      } else row.lost++;
    }
  };
  for (const o of opportunities) {
    const key = dimensionOf(o, indexOf.get(o.customerId) ?? -1);
    if (key === null) continue;
    if (typeof key === 'string') add(key, o);
    else for (const k of key) add(k, o);
  }
  const out = [...rows.values()];
  for (const r of out) {
    r.winRate = r.closed > 0 ? r.won / r.closed : null;
    r.valueWinRate = r.closedAmount > 0 ? r.wonAmount / r.closedAmount : null;
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const at = <T>(values: readonly T[], i: number): T | null => (i >= 0 ? (values[i] ?? null) : null);

export const byMonth: DimensionOf = (o) => (o.createdDate.length >= 7 ? monthOf(o.createdDate) : null);
export const byProductLine: DimensionOf = (o) => o.productLine;
export const byChannel: DimensionOf = (o) => o.channel;
export const byProvince = (table: MetricTable): DimensionOf => (_o, i) => at(table.text.province, i);
export const bySalesRegion = (table: MetricTable): DimensionOf => (_o, i) => at(table.text.salesRegion, i);
/** The opportunity's own account manager, else the customer's. */
export const byAccountManager = (table: MetricTable): DimensionOf => (o, i) => o.accountManager ?? at(table.text.accountManager, i);
export const bySegment = (segments: readonly (string | null)[]): DimensionOf => (_o, i) => at(segments, i);
export const byGrade = (grades: readonly (string | null)[]): DimensionOf => (_o, i) => at(grades, i);
export const byLifecycle = (lifecycle: readonly LifecycleStage[]): DimensionOf => (_o, i) => at(lifecycle, i);
/** Every tag the customer has (an opportunity counts under each of its customer's tags). */
export const byTag = (assignment: TagAssignment, tagIds: readonly string[] = assignment.order): DimensionOf => (_o, i) => {
  if (i < 0) return null;
  const out: string[] = [];
  for (const id of tagIds) if (assignment.flags[id]?.[i] === 1) out.push(id);
  return out;
};

/** The demo / reference CRM stages, in order; the last two are the outcomes. */
export const FUNNEL_STAGES = ['初步接触', '需求确认', '方案报价', '商务谈判', '赢单', '输单'] as const;

/**
 * Funnel by stage. Open opportunities sit at their stage; won ones count as 赢单 and lost ones
 * as 输单 whatever their recorded stage. `reached` for an open stage = open opportunities at this
 * or a later open stage + won ones (a won deal passed every stage); lost deals do not record how
 * far they got, so they count as having reached the first stage only. Unknown open stages are
 * listed after the known ones, in order of appearance.
 */
export function funnel(opportunities: readonly OpportunityInput[], stages: readonly string[] = FUNNEL_STAGES): FunnelStage[] {
  const won = stages.length >= 2 ? stages[stages.length - 2]! : '赢单';
  const lost = stages.length >= 1 ? stages[stages.length - 1]! : '输单';
  const openStages = stages.slice(0, Math.max(0, stages.length - 2));
  const current = new Map<string, number>();
  const amount = new Map<string, number>();
  const extra: string[] = [];
  for (const o of opportunities) {
    const stage = o.result === 'won' ? won : o.result === 'lost' ? lost : o.stage;
    if (o.result === 'open' && !openStages.includes(stage) && !extra.includes(stage)) extra.push(stage);
    current.set(stage, (current.get(stage) ?? 0) + 1);
    amount.set(stage, (amount.get(stage) ?? 0) + (o.expectedAmount ?? 0));
  }
  const order = [...openStages, ...extra];
  const wonCount = current.get(won) ?? 0;
  const lostCount = current.get(lost) ?? 0;
  const out: FunnelStage[] = [];
  let later = 0;
  const reached = new Array<number>(order.length);
  for (let k = order.length - 1; k >= 0; k--) {
    later += current.get(order[k]!) ?? 0;
    reached[k] = later + wonCount + (k === 0 ? lostCount : 0);
  }
  order.forEach((s, k) => out.push({ stage: s, current: current.get(s) ?? 0, reached: reached[k]!, amount: amount.get(s) ?? 0 }));
  out.push({ stage: won, current: wonCount, reached: wonCount, amount: amount.get(won) ?? 0 });
  out.push({ stage: lost, current: lostCount, reached: lostCount, amount: amount.get(lost) ?? 0 });
  return out;
}
