/** A small hand-computed fixture shared by the analytics tests (analysis date 2024-12-31). */
import type { AnalysisInput, AnalysisSettings, CustomerInput, MetricKey, MetricTable, TextKey } from './types.ts';
import { DATE_METRIC_KEYS, NUMERIC_METRIC_KEYS, TEXT_KEYS } from './types.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { toDay } from './days.ts';

function customer(id: number, code: string, province: string, city: string): CustomerInput {
  return { id, code, name: `客户${code}`, type: 'enterprise', industry: '建筑', province, city, accountManager: '张三', salesRegion: '华东', createdDate: '2020-01-01' };
}

export const FIXTURE_DATE = '2024-12-31';

export function fixtureSettings(overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return { ...DEFAULT_SETTINGS, analysisDate: FIXTURE_DATE, ...overrides };
}

/**
 * c1 (10): three contracts (one with two lines), a cancelled order, payments with one overdue,
 *          opportunities, tickets incl. an open complaint, a survey, two units (one idle).
 * c2 (20): one order on the analysis date.  c3 (30): prospect.
 * c4 (40): two contracts on one day, paid late, an order after the analysis date.
 * c5 (50): only a cancelled order (so a prospect).
 */
export function fixtureInput(): AnalysisInput {
  return {
    customers: [
      customer(10, 'C1', '江苏', '南京'),
      customer(20, 'C2', '江苏', '苏州'),
      customer(30, 'C3', '浙江', '杭州'),
      customer(40, 'C4', '浙江', '宁波'),
      customer(50, 'C5', '广东', '广州'),
    ],
    orders: [
      { customerId: 10, sourceId: 'HT1-01', orderDate: '2024-12-01', productLine: 'A', quantity: 1, amount: 100, status: 'signed' },
      { customerId: 10, sourceId: 'HT1-02', orderDate: '2024-12-01', productLine: 'B', quantity: 1, amount: 50, status: 'signed' },
      { customerId: 10, sourceId: 'HT2', orderDate: '2024-06-01', productLine: 'A', quantity: 1, amount: 200, status: 'completed' },
      { customerId: 10, sourceId: 'HT3', orderDate: '2023-06-01', productLine: 'C', quantity: 1, amount: 300, status: null },
      { customerId: 10, sourceId: 'HT4', orderDate: '2024-12-15', productLine: 'D', quantity: 1, amount: 999, status: 'cancelled' },
      { customerId: 20, sourceId: 'HT7', orderDate: '2024-12-31', productLine: 'A', quantity: 2, amount: 1000, status: 'signed' },
      { customerId: 40, sourceId: 'HT5', orderDate: '2022-01-10', productLine: 'B', quantity: 1, amount: 500, status: 'delivered' },
      { customerId: 40, sourceId: 'HT6', orderDate: '2022-01-10', productLine: 'B', quantity: 1, amount: 100, status: 'delivered' },
      { customerId: 40, sourceId: 'HT8', orderDate: '2025-02-01', productLine: 'C', quantity: 1, amount: 700, status: 'signed' },
      { customerId: 50, sourceId: 'HT9', orderDate: '2024-01-01', productLine: 'A', quantity: 1, amount: 900, status: 'cancelled' },
      { customerId: 99, sourceId: 'HTX', orderDate: '2024-01-01', productLine: 'A', quantity: 1, amount: 900, status: 'signed' },
    ],
    payments: [
      { customerId: 10, contractId: 'HT2', dueDate: '2024-06-30', amountDue: 200, paidDate: '2024-06-20', amountPaid: 200 },
      { customerId: 10, contractId: 'HT1', dueDate: '2024-12-15', amountDue: 150, paidDate: null, amountPaid: 0 },
      { customerId: 10, contractId: 'HT1', dueDate: '2025-01-31', amountDue: 100, paidDate: null, amountPaid: 0 },
      { customerId: 40, contractId: 'HT5', dueDate: '2022-03-01', amountDue: 600, paidDate: '2022-04-01', amountPaid: 600 },
    ],
    opportunities: [
      { customerId: 10, createdDate: '2024-11-01', stage: '方案报价', expectedAmount: 500, result: 'open', closeDate: null, channel: '展会', accountManager: '张三', productLine: 'A' },
      { customerId: 10, createdDate: '2024-01-01', stage: '赢单', expectedAmount: 300, result: 'won', closeDate: '2024-05-01', channel: '展会', accountManager: '张三', productLine: 'A' },
      { customerId: 10, createdDate: '2024-02-01', stage: '输单', expectedAmount: 100, result: 'lost', closeDate: '2024-03-01', channel: '官网', accountManager: '李四', productLine: 'B' },
      { customerId: 10, createdDate: '2023-02-01', stage: '输单', expectedAmount: 100, result: 'lost', closeDate: '2023-03-01', channel: '官网', accountManager: '李四', productLine: 'B' },
      { customerId: 20, createdDate: '2025-03-01', stage: '初步接触', expectedAmount: 900, result: 'open', closeDate: null, channel: '展会', accountManager: '张三', productLine: 'A' },
    ],
    tickets: [
      { customerId: 10, openedDate: '2024-03-01', closedDate: '2024-03-05', type: 'repair', satisfaction: 4 },
      { customerId: 10, openedDate: '2024-10-01', closedDate: null, type: 'complaint', satisfaction: null },
      { customerId: 10, openedDate: '2023-01-01', closedDate: '2023-01-03', type: 'repair', satisfaction: 2 },
      { customerId: 40, openedDate: '2024-11-01', closedDate: '2024-11-02', type: 'complaint', satisfaction: 3 },
    ],
    surveys: [{ customerId: 10, surveyDate: '2024-05-01', score: 80 }],
    equipment: [
      { customerId: 10, purchaseDate: '2019-12-31', workingHours30d: 0, lastOnline: '2024-12-30', productLine: 'A' },
      { customerId: 10, purchaseDate: '2023-12-31', workingHours30d: 120, lastOnline: '2024-12-30', productLine: 'C' },
      { customerId: 40, purchaseDate: '2022-01-10', workingHours30d: null, lastOnline: null, productLine: 'B' },
    ],
  };
}

/** A metric table from a few columns (other numeric columns NaN, texts null). */
export function syntheticTable(
  columns: Partial<Record<MetricKey, readonly (number | null)[]>>,
  text: Partial<Record<TextKey, readonly (string | null)[]>> = {},
  productLines?: string[][],
): MetricTable {
  const n = Math.max(0, ...Object.values(columns).map((c) => c.length), ...Object.values(text).map((c) => c.length));
  const cols = {} as Record<MetricKey, Float64Array>;
  for (const k of [...NUMERIC_METRIC_KEYS, ...DATE_METRIC_KEYS]) {
    const src = columns[k];
    cols[k] = Float64Array.from({ length: n }, (_, i) => src?.[i] ?? Number.NaN);
  }
  const texts = {} as Record<TextKey, (string | null)[]>;
  for (const k of TEXT_KEYS) texts[k] = Array.from({ length: n }, (_, i) => text[k]?.[i] ?? null);
  const ids = Int32Array.from({ length: n }, (_, i) => i + 1);
  return {
    size: n,
    customerIds: ids,
    indexOf: new Map(Array.from(ids, (id, i) => [id, i] as const)),
    analysisDate: FIXTURE_DATE,
    analysisDay: toDay(FIXTURE_DATE),
    settings: fixtureSettings(),
    columns: cols,
    text: texts,
    lists: { productLines: productLines ?? Array.from({ length: n }, () => []) },
  };
}
