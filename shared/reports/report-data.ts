/**
 * What the worker gathers for a report (plain data, in the units of the analytics engine):
 * the filtered customers with their scores and metrics, the segment schemes and tag library
 * for names, and the workspace-wide tag statistics and conversion answers.
 * Amounts are yuan, rates fractions (0.315 = 31.5 %), churn risk 0–100, dates ISO.
 */
import type { ConversionView } from '../analytics/api.ts';
import type { TagStat } from '../analytics/types.ts';

export interface ReportCustomer {
  id: number;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  accountManager: string | null;
  phone: string | null;
  /** Segment id per scheme id (null = unscored prospect). */
  segments: Readonly<Record<string, string | null>>;
  grade: string | null;
  lifecycle: string;
  churnRisk: number;
  /** Churn reason codes, strongest first. */
  churnReasons: readonly string[];
  /** Tag ids. */
  tags: readonly string[];
  r: number | null;
  f: number | null;
  m: number | null;
  orders: number;
  revenue: number;
  revenue12m: number;
  overdue: number;
  onTimeRate: number | null;
  winRate: number | null;
  won: number;
  lost: number;
  lastOrder: string | null;
}

export interface NamedItem {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface ReportScheme extends NamedItem {
  segments: NamedItem[];
}

export interface ReportTag extends NamedItem {
  parentId: string | null;
  level: string;
}

export interface ReportData {
  workspace: string;
  analysisDate: string;
  /** The filter's query string (shared/filters), for the subtitle. */
  filterQuery: string;
  customers: readonly ReportCustomer[];
  schemes: readonly ReportScheme[];
  tags: readonly ReportTag[];
  /** Workspace-wide (not filtered) tag statistics. */
  tagStats: readonly TagStat[];
  /** Workspace-wide conversion by dimension (grade, segment, province). */
  conversion: { grade: ConversionView; segment: ConversionView; province: ConversionView } | null;
}

/** Churn risk (0–100) from which a customer not yet lost is listed as at risk. */
export const AT_RISK_THRESHOLD = 40;
