/**
 * Opportunity, service and equipment metrics. Definitions: metrics.ts.
 */
import type { AnalysisInput, MetricKey } from './types.ts';
import { toDay } from './days.ts';

export function computeOpportunities(
  input: AnalysisInput,
  lookup: (id: number) => number,
  A: number,
  col: Record<MetricKey, Float64Array>,
  n: number,
): void {
  const open = new Float64Array(n);
  const won = new Float64Array(n);
  const lost = new Float64Array(n);
  const pipeline = new Float64Array(n);
  for (const o of input.opportunities) {
    const ci = lookup(o.customerId);
    if (ci < 0) continue;
    const created = toDay(o.createdDate);
    if (!Number.isNaN(created) && created > A) continue;
    if (o.result === 'open') {
      open[ci]!++;
      if (o.expectedAmount !== null && Number.isFinite(o.expectedAmount)) pipeline[ci]! += o.expectedAmount;
    } else if (o.result === 'won') won[ci]!++;
    else if (o.result === 'lost') lost[ci]!++;
  }
  for (let i = 0; i < n; i++) {
    col.openOpportunities[i] = open[i]!;
    col.wonOpportunities[i] = won[i]!;
    col.lostOpportunities[i] = lost[i]!;
    const closed = won[i]! + lost[i]!;
    col.winRate[i] = closed > 0 ? won[i]! / closed : Number.NaN;
    col.pipelineAmount[i] = pipeline[i]!;
  }
}

export function computeService(
  input: AnalysisInput,
  lookup: (id: number) => number,
  A: number,
  recentStart: number,
  col: Record<MetricKey, Float64Array>,
  n: number,
): void {
  const tickets = new Float64Array(n);
  const repairs = new Float64Array(n);
  const complaints = new Float64Array(n);
  const openComplaints = new Float64Array(n);
  const satSum = new Float64Array(n);
  const satCount = new Float64Array(n);
  for (const t of input.tickets) {
    const ci = lookup(t.customerId);
    if (ci < 0) continue;
    const opened = toDay(t.openedDate);
    if (Number.isNaN(opened) || opened > A) continue;
    const isComplaint = t.type === 'complaint';
    if (opened > recentStart) {
      tickets[ci]!++;
      if (t.type === 'repair') repairs[ci]!++;
      if (isComplaint) complaints[ci]!++;
    }
    if (isComplaint) {
      const closed = toDay(t.closedDate);
      if (Number.isNaN(closed) || closed > A) openComplaints[ci]!++;
    }
    if (t.satisfaction !== null && Number.isFinite(t.satisfaction)) {
      satSum[ci]! += t.satisfaction;
      satCount[ci]!++;
    }
  }
  for (const s of input.surveys) {
    const ci = lookup(s.customerId);
    if (ci < 0 || !Number.isFinite(s.score)) continue;
    const d = toDay(s.surveyDate);
    if (Number.isNaN(d) || d > A) continue;
    satSum[ci]! += s.score / 20;
    satCount[ci]!++;
  }
  for (let i = 0; i < n; i++) {
    col.tickets12m[i] = tickets[i]!;
    col.repairs12m[i] = repairs[i]!;
    col.complaints12m[i] = complaints[i]!;
    col.openComplaints[i] = openComplaints[i]!;
    col.avgSatisfaction[i] = satCount[i]! > 0 ? satSum[i]! / satCount[i]! : Number.NaN;
  }
}

export function computeEquipment(
  input: AnalysisInput,
  lookup: (id: number) => number,
  A: number,
  col: Record<MetricKey, Float64Array>,
  n: number,
): void {
  const units = new Float64Array(n);
  const ageSum = new Float64Array(n);
  const hours = new Float64Array(n);
  const reporting = new Float64Array(n);
  const idle = new Float64Array(n);
  for (const e of input.equipment) {
    const ci = lookup(e.customerId);
    if (ci < 0) continue;
    const bought = toDay(e.purchaseDate);
    if (Number.isNaN(bought) || bought > A) continue;
    units[ci]!++;
    ageSum[ci]! += (A - bought) / 365.25;
    if (e.workingHours30d !== null && Number.isFinite(e.workingHours30d)) {
      reporting[ci]!++;
      hours[ci]! += e.workingHours30d;
      if (e.workingHours30d <= 0) idle[ci]!++;
    }
  }
  for (let i = 0; i < n; i++) {
    col.unitsOwned[i] = units[i]!;
    col.avgEquipmentAgeYears[i] = units[i]! > 0 ? ageSum[i]! / units[i]! : Number.NaN;
    col.workingHours30d[i] = reporting[i]! > 0 ? hours[i]! : Number.NaN;
    col.idleUnits[i] = idle[i]!;
  }
}
