/**
 * Builds the dossier of one customer from its records and the analytics results (pure; the
 * worker gathers the input with SQL). Key figures come from the analytics metrics so the
 * dossier says what every other view says; the detail tables and series come from the records.
 */
import type { ChurnReason, Grade, LifecycleStage, NumericMetricKey, Playbook, TagDefinition } from '../analytics/types.ts';
import { daysBetween } from '../analytics/days.ts';
import { translate } from '../i18n/index.ts';
import { formatYuan } from '../format/numbers.ts';
import { maskAddress, maskPhone } from '../report/masking.ts';
import type { CustomerRecord, EquipmentRecord, IsoDate, OpportunityRecord, OrderRecord, PaymentRecord, SurveyRecord, TicketRecord } from '../schema/records.ts';
import { maskFreeText } from './mask-text.ts';
import type {
  Dossier,
  DossierAction,
  DossierEquipment,
  DossierNote,
  DossierPayment,
  DossierTagGroup,
  DossierTicket,
  MonthAmount,
  PersonalDataMode,
  ProductShare,
  SatisfactionPoint,
} from './types.ts';


export interface DossierScoring {
  scores: { r: number; f: number; m: number } | null;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  /** Segment id per scheme id. */
  segments: Record<string, string | null>;
  grade: Grade | null;
  lifecycle: LifecycleStage;
  churnRisk: number;
  churnReasons: ChurnReason[];
  /** Tag ids the customer carries. */
  tags: string[];
  /** The grade's playbook (null when unrated). */
  playbook: Playbook | null;
}

export interface DossierSchemeInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  segments: { id: string; nameZh: string; nameEn: string; color: string | null }[];
}

export interface DossierInput {
  analysisDate: IsoDate;
  customer: CustomerRecord & { id: number };
  /** The analytics metrics of the customer (numbers; dates below). */
  metrics: Partial<Record<NumericMetricKey, number | null>>;
  firstOrderDate: IsoDate | null;
  lastOrderDate: IsoDate | null;
  scoring: DossierScoring;
  schemes: DossierSchemeInfo[];
  tagLibrary: readonly TagDefinition[];
  gradeNames: { grade: Grade; nameZh: string; nameEn: string }[];
  complaintPlaybook: Playbook;
  orders: Omit<OrderRecord, 'customerCode'>[];
  payments: Omit<PaymentRecord, 'customerCode'>[];
  opportunities: Omit<OpportunityRecord, 'customerCode'>[];
  tickets: Omit<TicketRecord, 'customerCode'>[];
  surveys: Omit<SurveyRecord, 'customerCode'>[];
  equipment: Omit<EquipmentRecord, 'customerCode'>[];
  notes: DossierNote[];
}

export const DOSSIER_MONTHS = 24;
const MAX_SATISFACTION_POINTS = 12;
const OLD_EQUIPMENT_YEARS = 5;
const HIGH_CHURN_RISK = 60;

const round2 = (value: number): number => Math.round(value * 100) / 100;
const finite = (value: number | null | undefined): number | null =>
  value === null || value === undefined || !Number.isFinite(value) ? null : value;
const orZero = (value: number | null | undefined): number => finite(value) ?? 0;

/** The 24 months ending with the analysis date's month: amounts of orders not cancelled. */
export function monthlyAmounts(orders: DossierInput['orders'], analysisDate: IsoDate, months = DOSSIER_MONTHS): MonthAmount[] {
  const year = Number(analysisDate.slice(0, 4));
  const month = Number(analysisDate.slice(5, 7));
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i -= 1) {
    const total = year * 12 + (month - 1) - i;
    keys.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  const sums = new Map(keys.map((k) => [k, 0]));
  for (const order of orders) {
    if (order.status === 'cancelled' || order.orderDate > analysisDate) continue;
    const key = order.orderDate.slice(0, 7);
    const sum = sums.get(key);
    if (sum !== undefined) sums.set(key, sum + order.amount);
  }
  return keys.map((k) => ({ month: k, amount: round2(sums.get(k) ?? 0) }));
}

/** Lifetime amount per product line (cancelled and future orders excluded), largest first. */
export function productMix(orders: DossierInput['orders'], analysisDate: IsoDate): ProductShare[] {
  const sums = new Map<string, number>();
  let total = 0;
  for (const order of orders) {
    if (order.status === 'cancelled' || order.orderDate > analysisDate) continue;
    const line = order.productLine.trim() || '–';
    sums.set(line, (sums.get(line) ?? 0) + order.amount);
    total += order.amount;
  }
  return [...sums]
    .map(([productLine, amount]) => ({ productLine, amount: round2(amount), share: total > 0 ? amount / total : 0 }))
    .sort((a, b) => b.amount - a.amount || a.productLine.localeCompare(b.productLine));
}

export function paymentRow(p: DossierInput['payments'][number], analysisDate: IsoDate): DossierPayment {
  const unpaid = Math.max(0, p.amountDue - p.amountPaid);
  const paidInFull = unpaid < 0.005 && p.paidDate !== null && p.paidDate <= analysisDate;
  let status: DossierPayment['status'];
  let daysOverdue = 0;
  let overdueAmount = 0;
  if (paidInFull) {
    daysOverdue = Math.max(0, daysBetween(p.dueDate, p.paidDate!));
    status = daysOverdue > 0 ? 'paidLate' : 'paid';
  } else if (p.dueDate < analysisDate) {
    status = 'overdue';
    overdueAmount = round2(p.paidDate !== null && p.paidDate > analysisDate ? p.amountDue : unpaid);
    daysOverdue = daysBetween(p.dueDate, analysisDate);
  } else {
    status = 'due';
  }
  return {
    contractId: p.contractId,
    dueDate: p.dueDate,
    amountDue: round2(p.amountDue),
    amountPaid: round2(p.paidDate !== null && p.paidDate > analysisDate ? 0 : p.amountPaid),
    paidDate: p.paidDate !== null && p.paidDate > analysisDate ? null : p.paidDate,
    overdueAmount,
    daysOverdue,
    status,
  };
}

function quarterOf(iso: IsoDate): string {
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Surveys (0..100) and ticket ratings (1..5 → ×20) averaged per quarter, the last 12 quarters with data. */
export function satisfactionTrend(input: Pick<DossierInput, 'surveys' | 'tickets' | 'analysisDate'>): SatisfactionPoint[] {
  const sums = new Map<string, { sum: number; n: number }>();
  const add = (date: IsoDate, score: number) => {
    if (date > input.analysisDate || !Number.isFinite(score)) return;
    const key = quarterOf(date);
    const entry = sums.get(key) ?? { sum: 0, n: 0 };
    entry.sum += score;
    entry.n += 1;
    sums.set(key, entry);
  };
  for (const s of input.surveys) add(s.surveyDate, s.score);
  for (const t of input.tickets) if (t.satisfaction !== null) add(t.closedDate ?? t.openedDate, t.satisfaction * 20);
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-MAX_SATISFACTION_POINTS)
    .map(([quarter, { sum, n }]) => ({ quarter, score: Math.round((sum / n) * 10) / 10, responses: n }));
}

/** Tags grouped under their dimension (library order), retired tags and unknown ids left out. */
export function groupTags(tagIds: readonly string[], library: readonly TagDefinition[]): DossierTagGroup[] {
  const byId = new Map(library.map((t) => [t.id, t]));
  const carried = new Set(tagIds);
  const groups = new Map<string, DossierTagGroup>();
  for (const def of library) {
    if (!carried.has(def.id) || def.status === 'retired' || (def.level !== 'tag' && def.level !== 'subtag')) continue;
    // The dimension: the nearest ancestor at level 'dimension' (else the topmost ancestor).
    let parent = def.parentId === null ? undefined : byId.get(def.parentId);
    while (parent && parent.level !== 'dimension' && parent.parentId !== null && byId.has(parent.parentId)) {
      parent = byId.get(parent.parentId);
    }
    const key = parent?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = { id: key, nameZh: parent?.nameZh ?? '其他', nameEn: parent?.nameEn ?? 'Other', tags: [] };
      groups.set(key, group);
    }
    group.tags.push({ id: def.id, nameZh: def.nameZh, nameEn: def.nameEn, polarity: def.polarity, color: def.color });
  }
  return [...groups.values()];
}

function both(key: Parameters<typeof translate>[1], params: (language: 'zh-CN' | 'en') => Record<string, string | number>): { textZh: string; textEn: string } {
  return { textZh: translate('zh-CN', key, params('zh-CN')), textEn: translate('en', key, params('en')) };
}

function recommendedActions(
  input: DossierInput,
  ctx: { overdue: number; maxDays: number; openComplaints: number; equipment: DossierEquipment[] },
): DossierAction[] {
  const actions: DossierAction[] = [];
  const playbook = input.scoring.playbook;
  if (playbook) {
    const n = Math.max(playbook.zh.length, playbook.en.length);
    for (let i = 0; i < n; i += 1) {
      actions.push({ source: 'grade', textZh: playbook.zh[i] ?? playbook.en[i] ?? '', textEn: playbook.en[i] ?? playbook.zh[i] ?? '' });
    }
  }
  const complained = ctx.openComplaints > 0 || input.scoring.tags.includes('open-complaint') || input.scoring.tags.includes('complaint');
  if (complained) {
    const book = input.complaintPlaybook;
    for (let i = 0; i < Math.max(book.zh.length, book.en.length); i += 1) {
      actions.push({ source: 'complaint', textZh: book.zh[i] ?? book.en[i] ?? '', textEn: book.en[i] ?? book.zh[i] ?? '' });
    }
  }
  if (ctx.overdue > 0) {
    actions.push({
      source: 'overdue',
      ...both('dossier.action.overdue', (lang) => ({ amount: formatYuan(ctx.overdue, lang, { trimZeros: true }), days: ctx.maxDays })),
    });
  }
  if (input.scoring.churnRisk >= HIGH_CHURN_RISK && input.scoring.churnReasons.length > 0) {
    const top = [...input.scoring.churnReasons].sort((a, b) => b.strength - a.strength)[0]!;
    actions.push({ source: 'churn', ...both('dossier.action.churn', (lang) => ({ reason: lang === 'zh-CN' ? top.textZh : top.textEn })) });
  }
  const open = input.opportunities.filter((o) => o.result === 'open').sort((a, b) => (b.expectedAmount ?? 0) - (a.expectedAmount ?? 0));
  const biggest = open[0];
  if (biggest) {
    actions.push({
      source: 'opportunity',
      ...both('dossier.action.opportunity', (lang) => ({
        stage: biggest.stage,
        product: biggest.productLine ?? '–',
        amount: biggest.expectedAmount === null ? '–' : formatYuan(biggest.expectedAmount, lang, { trimZeros: true }),
      })),
    });
  }
  const old = ctx.equipment.filter((e) => e.ageYears >= OLD_EQUIPMENT_YEARS);
  if (old.length > 0) {
    actions.push({ source: 'equipment', ...both('dossier.action.equipment', () => ({ count: old.length, years: OLD_EQUIPMENT_YEARS })) });
  }
  return actions;
}

export function buildDossier(input: DossierInput, personalData: PersonalDataMode = 'masked'): Dossier {
  const masked = personalData !== 'shown';
  const a = input.analysisDate;
  const c = input.customer;
  const m = input.metrics;

  const payments = input.payments.map((p) => paymentRow(p, a)).sort((x, y) => y.dueDate.localeCompare(x.dueDate));
  const overdue = round2(payments.reduce((s, p) => s + p.overdueAmount, 0));
  const maxDays = payments.reduce((s, p) => (p.status === 'overdue' ? Math.max(s, p.daysOverdue) : s), 0);

  const tickets: DossierTicket[] = input.tickets
    .filter((t) => t.openedDate <= a)
    .map((t) => {
      const open = t.closedDate === null || t.closedDate > a;
      return {
        serial: t.serial,
        openedDate: t.openedDate,
        closedDate: open ? null : t.closedDate,
        type: t.type,
        open,
        satisfaction: t.satisfaction,
        description: t.description === null ? null : masked ? maskFreeText(t.description) : t.description,
      };
    })
    .sort((x, y) => y.openedDate.localeCompare(x.openedDate) || (x.serial ?? '').localeCompare(y.serial ?? ''));
  const complaints = tickets.filter((t) => t.type === 'complaint');
  const openComplaints = complaints.filter((t) => t.open).length;

  const equipment: DossierEquipment[] = input.equipment
    .filter((e) => e.purchaseDate <= a)
    .map((e) => ({
      serial: e.serial,
      model: e.model,
      productLine: e.productLine,
      purchaseDate: e.purchaseDate,
      ageYears: Math.round((daysBetween(e.purchaseDate, a) / 365.25) * 10) / 10,
      workingHours30d: e.workingHours30d,
      lastOnline: e.lastOnline,
      daysOffline: e.lastOnline === null ? null : Math.max(0, daysBetween(e.lastOnline, a)),
    }))
    .sort((x, y) => x.purchaseDate.localeCompare(y.purchaseDate) || x.serial.localeCompare(y.serial));

  const amount12m = round2(orZero(m.amount12m));
  const amountPrev12m = round2(orZero(m.amountPrev12m));
  const gradeName = input.gradeNames.find((g) => g.grade === input.scoring.grade) ?? null;

  const segments = input.schemes.flatMap((scheme) => {
    const id = input.scoring.segments[scheme.id];
    const seg = id == null ? undefined : scheme.segments.find((s) => s.id === id);
    return seg
      ? [{ schemeId: scheme.id, schemeNameZh: scheme.nameZh, schemeNameEn: scheme.nameEn, segmentId: seg.id, nameZh: seg.nameZh, nameEn: seg.nameEn, color: seg.color }]
      : [];
  });

  return {
    analysisDate: a,
    personalData: masked ? 'masked' : 'shown',
    header: {
      id: c.id,
      code: c.code,
      name: c.name,
      type: c.type,
      industry: c.industry || null,
      province: c.province || null,
      city: c.city || null,
      county: c.county,
      address: c.address === null ? null : masked ? maskAddress(c.address) : c.address,
      contact: c.contact,
      phone: c.phone === null ? null : masked ? maskPhone(c.phone) : c.phone,
      accountManager: c.accountManager,
      salesRegion: c.salesRegion,
      createdDate: c.createdDate,
    },
    grade: input.scoring.grade,
    gradeNameZh: gradeName?.nameZh ?? null,
    gradeNameEn: gradeName?.nameEn ?? null,
    segments,
    lifecycle: input.scoring.lifecycle,
    churnRisk: Math.round(input.scoring.churnRisk),
    churnReasons: [...input.scoring.churnReasons]
      .sort((x, y) => y.strength - x.strength)
      .map((r) => ({ code: r.code, strength: r.strength, textZh: r.textZh, textEn: r.textEn })),
    metrics: {
      recencyDays: input.scoring.recencyDays,
      frequency: input.scoring.frequency,
      monetary: input.scoring.monetary,
      scores: input.scoring.scores,
      totalAmount: round2(orZero(m.totalAmount)),
      amount12m,
      amountPrev12m,
      change12m: amountPrev12m > 0 ? (amount12m - amountPrev12m) / amountPrev12m : null,
      purchaseCount: orZero(m.purchaseCount),
      lastOrderDate: input.lastOrderDate,
      firstOrderDate: input.firstOrderDate,
      overdueAmount: round2(orZero(m.overdueAmount)),
      maxDaysOverdue: orZero(m.maxDaysOverdue),
      onTimeRate: finite(m.onTimeRate),
      winRate: finite(m.winRate),
      won: orZero(m.wonOpportunities),
      lost: orZero(m.lostOpportunities),
      pipelineAmount: round2(orZero(m.pipelineAmount)),
      avgSatisfaction: finite(m.avgSatisfaction),
      unitsOwned: orZero(m.unitsOwned),
    },
    tagGroups: groupTags(input.scoring.tags, input.tagLibrary),
    monthly: monthlyAmounts(input.orders, a),
    productMix: productMix(input.orders, a),
    equipment,
    payments,
    paymentTotals: {
      due: round2(payments.reduce((s, p) => s + p.amountDue, 0)),
      paid: round2(payments.reduce((s, p) => s + p.amountPaid, 0)),
      overdue,
    },
    tickets,
    ticketCounts: { total: tickets.length, complaints: complaints.length, openComplaints, open: tickets.filter((t) => t.open).length },
    satisfaction: satisfactionTrend(input),
    opportunities: input.opportunities
      .filter((o) => o.result === 'open' && o.createdDate <= a)
      .sort((x, y) => y.createdDate.localeCompare(x.createdDate))
      .map((o) => ({
        createdDate: o.createdDate,
        stage: o.stage,
        expectedAmount: o.expectedAmount,
        productLine: o.productLine,
        channel: o.channel,
        accountManager: o.accountManager,
        result: o.result,
      })),
    actions: recommendedActions(input, { overdue, maxDays, openComplaints, equipment }),
    notes: [...input.notes].sort((x, y) => y.date.localeCompare(x.date) || y.id - x.id),
  };
}
