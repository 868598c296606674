/**
 * Maps a code-keyed Dataset (demo generator, import previews) to the id-keyed AnalysisInput the
 * engine takes. Customer ids are 1-based positions in `dataset.customers`; rows referring to an
 * unknown customer code are dropped.
 */
import type { Dataset } from '../schema/records.ts';
import type { AnalysisInput } from './types.ts';

export function datasetToInput(dataset: Dataset, today?: string): AnalysisInput {
  const ids = new Map<string, number>();
  dataset.customers.forEach((c, i) => ids.set(c.code, i + 1));
  const idOf = (code: string): number => ids.get(code) ?? -1;
  const known = <T extends { customerId: number }>(rows: T[]): T[] => rows.filter((r) => r.customerId > 0);
  const input: AnalysisInput = {
    customers: dataset.customers.map((c, i) => ({
      id: i + 1,
      code: c.code,
      name: c.name,
      type: c.type,
      industry: c.industry,
      province: c.province,
      city: c.city,
      accountManager: c.accountManager,
      salesRegion: c.salesRegion,
      createdDate: c.createdDate,
    })),
    orders: known(dataset.orders.map((o) => ({
      customerId: idOf(o.customerCode),
      sourceId: o.sourceId,
      orderDate: o.orderDate,
      productLine: o.productLine,
      quantity: o.quantity,
      amount: o.amount,
      status: o.status,
    }))),
    payments: known(dataset.payments.map((p) => ({
      customerId: idOf(p.customerCode),
      contractId: p.contractId,
      dueDate: p.dueDate,
      amountDue: p.amountDue,
      paidDate: p.paidDate,
      amountPaid: p.amountPaid,
    }))),
    opportunities: known(dataset.opportunities.map((o) => ({
      customerId: idOf(o.customerCode),
      createdDate: o.createdDate,
      stage: o.stage,
      expectedAmount: o.expectedAmount,
      result: o.result,
      closeDate: o.closeDate,
      channel: o.channel,
      accountManager: o.accountManager,
      productLine: o.productLine,
    }))),
    tickets: known(dataset.tickets.map((t) => ({
      customerId: idOf(t.customerCode),
      openedDate: t.openedDate,
      closedDate: t.closedDate,
      type: t.type,
      satisfaction: t.satisfaction,
    }))),
    surveys: known(dataset.surveys.map((s) => ({ customerId: idOf(s.customerCode), surveyDate: s.surveyDate, score: s.score }))),
    equipment: known(dataset.equipment.map((e) => ({
      customerId: idOf(e.customerCode),
      purchaseDate: e.purchaseDate,
      workingHours30d: e.workingHours30d,
      lastOnline: e.lastOnline,
      productLine: e.productLine,
    }))),
  };
  if (today !== undefined) input.today = today;
  return input;
}
