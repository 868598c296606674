import { describe, expect, it } from 'vitest';
import { COMPLAINT_PLAYBOOK, DEFAULT_GRADES } from '../analytics/grades.ts';
import { DEFAULT_TAG_LIBRARY } from '../analytics/default-tags.ts';
import { EIGHT_CLASS_SCHEME } from '../analytics/schemes.ts';
import { buildDossier, groupTags, monthlyAmounts, paymentRow, satisfactionTrend } from './build-dossier.ts';
import type { DossierInput } from './build-dossier.ts';

/**
 * 张建华 (C1001), analysis date 2025-06-30: four contracts over three years (one cancelled),
 * one payment overdue since 2025-05-31, a paid-late one, an open complaint and a closed one,
 * two surveys, two machines (one 6 years old), one open opportunity, a note.
 */
function fixture(): DossierInput {
  const grade = DEFAULT_GRADES.find((g) => g.grade === 'B')!;
  return {
    analysisDate: '2025-06-30',
    customer: {
      id: 7,
      code: 'C1001',
      name: '苏州华建工程机械有限公司',
      type: 'enterprise',
      industry: '建筑施工',
      province: '江苏省',
      city: '苏州市',
      county: '昆山市',
      divisionCode: '320500',
      address: '江苏省苏州市工业园区星湖街328号',
      contact: '张建华',
      phone: '13812345678',
      accountManager: '王丽',
      salesRegion: '华东',
      createdDate: '2019-03-01',
    },
    metrics: { amount12m: 1_200_000, amountPrev12m: 800_000, totalAmount: 2_350_000, overdueAmount: 300_000, maxDaysOverdue: 30, winRate: 0.5, wonOpportunities: 1, lostOpportunities: 1, purchaseCount: 3, onTimeRate: 0.5 },
    firstOrderDate: '2023-03-15',
    lastOrderDate: '2025-06-02',
    scoring: {
      scores: { r: 5, f: 3, m: 4 },
      recencyDays: 28,
      frequency: 3,
      monetary: 2_350_000,
      segments: { rfm8: 'important-value' },
      grade: 'B',
      lifecycle: 'active',
      churnRisk: 72,
      churnReasons: [
        { code: 'unresolved-complaint', strength: 1, textZh: '有未解决的投诉', textEn: '1 unresolved complaint' },
        { code: 'rising-overdue', strength: 0.5, textZh: '逾期 30 天', textEn: '30 days overdue' },
      ],
      tags: ['high-purchasing-power', 'open-complaint', 'complaint', 'occasionally-overdue', 'no-such-tag'],
      playbook: grade.playbook,
    },
    schemes: [
      {
        id: 'rfm8',
        nameZh: EIGHT_CLASS_SCHEME.nameZh,
        nameEn: EIGHT_CLASS_SCHEME.nameEn,
        segments: EIGHT_CLASS_SCHEME.segments.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, color: s.color ?? null })),
      },
    ],
    tagLibrary: [...DEFAULT_TAG_LIBRARY],
    gradeNames: DEFAULT_GRADES.map((g) => ({ grade: g.grade, nameZh: g.nameZh, nameEn: g.nameEn })),
    complaintPlaybook: COMPLAINT_PLAYBOOK,
    orders: [
      { sourceId: 'HT1', orderDate: '2023-03-15', productLine: '挖掘机', model: 'SY215C', quantity: 1, amount: 350_000, paymentTerms: null, status: 'completed' },
      { sourceId: 'HT2', orderDate: '2024-09-10', productLine: '起重机', model: 'QY25K', quantity: 1, amount: 800_000, paymentTerms: null, status: 'delivered' },
      { sourceId: 'HT3', orderDate: '2025-06-02', productLine: '挖掘机', model: 'SY75C', quantity: 2, amount: 1_200_000, paymentTerms: null, status: 'signed' },
      { sourceId: 'HT4', orderDate: '2025-06-20', productLine: '配件', model: null, quantity: 1, amount: 99_000, paymentTerms: null, status: 'cancelled' },
      { sourceId: 'HT5', orderDate: '2025-07-05', productLine: '配件', model: null, quantity: 1, amount: 5_000, paymentTerms: null, status: 'signed' },
    ],
    payments: [
      { sourceId: 'P1', contractId: 'HT1', dueDate: '2023-04-15', amountDue: 350_000, paidDate: '2023-04-10', amountPaid: 350_000 },
      { sourceId: 'P2', contractId: 'HT2', dueDate: '2024-10-10', amountDue: 800_000, paidDate: '2024-10-20', amountPaid: 800_000 },
      { sourceId: 'P3', contractId: 'HT3', dueDate: '2025-05-31', amountDue: 500_000, paidDate: null, amountPaid: 200_000 },
      { sourceId: 'P4', contractId: 'HT3', dueDate: '2025-08-31', amountDue: 700_000, paidDate: null, amountPaid: 0 },
    ],
    opportunities: [
      { sourceId: 'O1', createdDate: '2025-05-01', stage: '方案报价', expectedAmount: 600_000, result: 'open', closeDate: null, channel: '展会', accountManager: '王丽', productLine: '起重机' },
      { sourceId: 'O2', createdDate: '2024-01-01', stage: '赢单', expectedAmount: 800_000, result: 'won', closeDate: '2024-09-01', channel: '展会', accountManager: '王丽', productLine: '起重机' },
      { sourceId: 'O3', createdDate: '2023-01-01', stage: '输单', expectedAmount: 100_000, result: 'lost', closeDate: '2023-02-01', channel: '官网', accountManager: '王丽', productLine: '配件' },
    ],
    tickets: [
      { sourceId: 'T1', serial: 'SN1', openedDate: '2024-11-03', closedDate: '2024-11-05', type: 'repair', satisfaction: 4, description: '液压泵漏油' },
      { sourceId: 'T2', serial: 'SN1', openedDate: '2025-02-10', closedDate: '2025-02-20', type: 'complaint', satisfaction: 2, description: '配件交付延期' },
      {
        sourceId: 'T3',
        serial: 'SN2',
        openedDate: '2025-06-15',
        closedDate: null,
        type: 'complaint',
        satisfaction: null,
        description: '机主 320102198001011234 电话 13987654321 反映售后响应慢',
      },
    ],
    surveys: [
      { sourceId: 'S1', surveyDate: '2024-12-01', score: 90, comments: null },
      { sourceId: 'S2', surveyDate: '2025-05-01', score: 60, comments: null },
    ],
    equipment: [
      { serial: 'SN1', model: 'SY215C', productLine: '挖掘机', purchaseDate: '2019-06-30', workingHours30d: 120, lastOnline: '2025-06-29', location: null },
      { serial: 'SN2', model: 'QY25K', productLine: '起重机', purchaseDate: '2024-09-30', workingHours30d: 0, lastOnline: '2025-04-30', location: null },
    ],
    notes: [
      { id: 1, date: '2025-03-01', text: '客户计划下半年扩充车队', createdAt: '2025-03-01T08:00:00Z' },
      { id: 2, date: '2025-06-10', text: '投诉跟进中', createdAt: '2025-06-10T08:00:00Z' },
    ],
  };
}

describe('buildDossier', () => {
  it('masks personal data by default: phone 138****5678, address beyond the city, ID numbers and phones in ticket text', () => {
    const d = buildDossier(fixture());
    expect(d.personalData).toBe('masked');
    expect(d.header.phone).toBe('138****5678');
    expect(d.header.address).toBe('江苏省苏州市****');
    const complaint = d.tickets.find((t) => t.openedDate === '2025-06-15')!;
    expect(complaint.description).toBe('机主 320***********1234 电话 139****4321 反映售后响应慢');
    const json = JSON.stringify(d);
    expect(json).not.toContain('13812345678');
    expect(json).not.toContain('320102198001011234');
    expect(json).not.toContain('星湖街');
  });

  it('shows personal data only when asked', () => {
    const d = buildDossier(fixture(), 'shown');
    expect(d.personalData).toBe('shown');
    expect(d.header.phone).toBe('13812345678');
    expect(d.header.address).toBe('江苏省苏州市工业园区星湖街328号');
    expect(d.tickets[0]!.description).toContain('320102198001011234');
  });

  it('takes key figures from the analytics metrics and the 12-month change from them', () => {
    const d = buildDossier(fixture());
    expect(d.metrics.amount12m).toBe(1_200_000);
    expect(d.metrics.change12m).toBeCloseTo(0.5);
    expect(d.metrics.scores).toEqual({ r: 5, f: 3, m: 4 });
    expect(d.metrics.winRate).toBe(0.5);
    expect(d.grade).toBe('B');
    expect(d.gradeNameZh).toBe(DEFAULT_GRADES.find((g) => g.grade === 'B')!.nameZh);
    expect(d.segments.map((s) => s.segmentId)).toEqual(['important-value']);
    expect(d.churnReasons.map((r) => r.code)).toEqual(['unresolved-complaint', 'rising-overdue']);
  });

  it('builds 24 months of purchases (cancelled and future orders left out) and the product-line mix', () => {
    const d = buildDossier(fixture());
    expect(d.monthly).toHaveLength(24);
    expect(d.monthly[0]!.month).toBe('2023-07');
    expect(d.monthly.at(-1)).toEqual({ month: '2025-06', amount: 1_200_000 });
    expect(d.monthly.find((m) => m.month === '2024-09')!.amount).toBe(800_000);
    // HT1 (2023-03) is before the window; the cancelled HT4 and the future HT5 count nowhere.
    expect(d.monthly.reduce((s, m) => s + m.amount, 0)).toBe(2_000_000);
    expect(d.productMix.map((p) => p.productLine)).toEqual(['挖掘机', '起重机']);
    expect(d.productMix[0]!.amount).toBe(1_550_000);
    expect(d.productMix[0]!.share).toBeCloseTo(1_550_000 / 2_350_000);
  });

  it('states each payment: paid, paid late (days), overdue since the due date, not yet due', () => {
    const d = buildDossier(fixture());
    expect(d.payments.map((p) => [p.dueDate, p.status, p.daysOverdue, p.overdueAmount])).toEqual([
      ['2025-08-31', 'due', 0, 0],
      ['2025-05-31', 'overdue', 30, 300_000],
      ['2024-10-10', 'paidLate', 10, 0],
      ['2023-04-15', 'paid', 0, 0],
    ]);
    expect(d.paymentTotals).toEqual({ due: 2_350_000, paid: 1_350_000, overdue: 300_000 });
    // Paid after the analysis date: still overdue as of that date.
    expect(paymentRow({ sourceId: 'x', contractId: null, dueDate: '2025-06-01', amountDue: 100, paidDate: '2025-07-10', amountPaid: 100 }, '2025-06-30')).toMatchObject({
      status: 'overdue',
      overdueAmount: 100,
      amountPaid: 0,
      paidDate: null,
      daysOverdue: 29,
    });
  });

  it('lists service history newest first with complaints counted and the satisfaction trend per quarter', () => {
    const d = buildDossier(fixture());
    expect(d.tickets.map((t) => t.openedDate)).toEqual(['2025-06-15', '2025-02-10', '2024-11-03']);
    expect(d.ticketCounts).toEqual({ total: 3, complaints: 2, openComplaints: 1, open: 1 });
    // 2024-Q4: ticket 4/5 → 80 and survey 90; 2025-Q1: ticket 2/5 → 40; 2025-Q2: survey 60.
    expect(satisfactionTrend(fixture())).toEqual([
      { quarter: '2024-Q4', score: 85, responses: 2 },
      { quarter: '2025-Q1', score: 40, responses: 1 },
      { quarter: '2025-Q2', score: 60, responses: 1 },
    ]);
  });

  it('groups tags by their dimension with polarity, leaving out unknown ids', () => {
    const groups = groupTags(fixture().scoring.tags, DEFAULT_TAG_LIBRARY);
    expect(groups.map((g) => [g.id, g.tags.map((t) => `${t.id}:${t.polarity}`)])).toEqual([
      ['purchasing-power', ['high-purchasing-power:positive']],
      ['payment', ['occasionally-overdue:neutral']],
      ['complaints', ['complaint:negative', 'open-complaint:negative']],
    ]);
  });

  it('recommends the grade playbook, the complaint playbook, collection, retention, the biggest opportunity and equipment renewal', () => {
    const d = buildDossier(fixture());
    const sources = d.actions.map((a) => a.source);
    const grade = DEFAULT_GRADES.find((g) => g.grade === 'B')!;
    expect(sources.filter((s) => s === 'grade')).toHaveLength(grade.playbook.zh.length);
    expect(d.actions.filter((a) => a.source === 'complaint').map((a) => a.textZh)).toEqual(COMPLAINT_PLAYBOOK.zh);
    expect(d.actions.find((a) => a.source === 'overdue')!.textZh).toContain('30万元');
    expect(d.actions.find((a) => a.source === 'overdue')!.textEn).toContain('30 days');
    expect(d.actions.find((a) => a.source === 'churn')!.textZh).toContain('有未解决的投诉');
    expect(d.actions.find((a) => a.source === 'opportunity')!.textEn).toContain('起重机');
    expect(d.actions.find((a) => a.source === 'equipment')!.textZh).toContain('1 台');
    expect(d.opportunities).toHaveLength(1);
    expect(d.equipment.map((e) => [e.serial, e.ageYears, e.daysOffline])).toEqual([
      ['SN1', 6, 1],
      ['SN2', 0.7, 61],
    ]);
  });

  it('has no complaint actions for a customer without complaints, and notes newest first', () => {
    const input = fixture();
    input.tickets = input.tickets.filter((t) => t.type !== 'complaint');
    input.scoring.tags = ['high-purchasing-power'];
    const d = buildDossier(input);
    expect(d.actions.some((a) => a.source === 'complaint')).toBe(false);
    expect(d.notes.map((n) => n.id)).toEqual([2, 1]);
  });

  it('monthly windows wrap across years', () => {
    expect(monthlyAmounts([], '2025-01-15', 3).map((m) => m.month)).toEqual(['2024-11', '2024-12', '2025-01']);
  });
});
