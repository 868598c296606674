/**
 * Visit lists: a named, ordered set of customers to visit, printed as one PDF (cover page +
 * each dossier) and exported to Excel. Ordering is by priority (grade, then churn risk, then
 * value) or by place for a route (province, city, address), or kept as the user arranged it.
 */
import type { Grade, LifecycleStage } from '../analytics/types.ts';
import type { PersonalDataMode } from './types.ts';

export const VISIT_ORDERS = ['priority', 'city', 'manual'] as const;
export type VisitOrder = (typeof VISIT_ORDERS)[number];

export const MAX_VISIT_LIST_NAME = 80;
export const MAX_VISIT_LIST_SIZE = 2000;

export interface VisitListSummary {
  name: string;
  order: VisitOrder;
  count: number;
  /** The filter query the list was built from; null when built from a selection. */
  sourceFilter: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VisitMember {
  id: number;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  /** Masked beyond the city unless shown. */
  address: string | null;
  /** Masked unless shown. */
  phone: string | null;
  contact: string | null;
  accountManager: string | null;
  grade: Grade | null;
  lifecycle: LifecycleStage;
  churnRisk: number;
  amount12m: number;
  overdue: number;
}

export interface VisitList extends VisitListSummary {
  analysisDate: string;
  personalData: PersonalDataMode;
  members: VisitMember[];
}

/** Cities (with province) of a list and how many customers in each, largest first. */
export function citiesOf(members: readonly VisitMember[]): { province: string; city: string; count: number }[] {
  const counts = new Map<string, { province: string; city: string; count: number }>();
  for (const m of members) {
    const province = m.province ?? '';
    const city = m.city ?? '';
    const key = `${province}\u0000${city}`;
    const entry = counts.get(key) ?? { province, city, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.province.localeCompare(b.province, 'zh-CN') || a.city.localeCompare(b.city, 'zh-CN'));
}

const GRADE_RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3 };

function byPriority(a: VisitMember, b: VisitMember): number {
  return (
    (GRADE_RANK[a.grade ?? ''] ?? 9) - (GRADE_RANK[b.grade ?? ''] ?? 9) ||
    b.churnRisk - a.churnRisk ||
    b.amount12m - a.amount12m ||
    a.code.localeCompare(b.code)
  );
}

function byPlace(a: VisitMember, b: VisitMember): number {
  const text = (x: string | null) => x ?? '\uffff';
  return (
    text(a.province).localeCompare(text(b.province), 'zh-CN') ||
    text(a.city).localeCompare(text(b.city), 'zh-CN') ||
    text(a.address).localeCompare(text(b.address), 'zh-CN') ||
    a.code.localeCompare(b.code)
  );
}

/** The members in the list's order; 'manual' keeps the given order. */
export function orderVisitMembers<T extends VisitMember>(members: readonly T[], order: VisitOrder): T[] {
  if (order === 'manual') return [...members];
  return [...members].sort(order === 'priority' ? byPriority : byPlace);
}

/** A file name for a visit list or dossier: "拜访清单-苏州A类-2026-11-26.pdf". */
export function safeFileName(base: string, date: string, extension: string): string {
  const safe = base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim() || 'dossier';
  return `${safe}-${date}.${extension}`;
}
