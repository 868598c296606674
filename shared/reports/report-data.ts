/**
 * What the worker gathers for a report (plain data, in the units of the analytics engine):
 * the filtered customers with their scores and metrics, the segment schemes and tag library
 * for names, the tag changes of the latest scoring run and the conversion of the filtered
 * customers' opportunities — every sheet describes the same filtered customers.
 * Amounts are yuan, rates fractions (0.315 = 31.5 %), churn risk 0–100, dates ISO.
 */
import type { ConversionView } from '../analytics/api.ts';

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
  /** Evaluated and listed on the Tags sheet (not retired, not a dimension heading). */
  evaluated: boolean;
}

/** Customers of the filter who entered / left each tag in the latest scoring run. */
export interface ReportTagChanges {
  entered: Readonly<Record<string, number>>;
  left: Readonly<Record<string, number>>;
}

export interface ReportData {
  workspace: string;
  analysisDate: string;
  /** The filter's query string (shared/filters), for the subtitle. */
  filterQuery: string;
  /** The RFM grid cell the customers were narrowed to, if any (named in the subtitle). */
  cell?: { r: number; y: number; yAxis: 'f' | 'fm' };
  customers: readonly ReportCustomer[];
  schemes: readonly ReportScheme[];
  tags: readonly ReportTag[];
  /** Tag changes within the filter; null when unknown (first run, or scored before the log existed). */
  tagChanges: ReportTagChanges | null;
  /** Conversion of the filtered customers' opportunities by dimension (grade, segment, province), with the funnel. */
  conversion: { grade: ConversionView; segment: ConversionView; province: ConversionView } | null;
}

/** Churn risk (0–100) from which a customer not yet lost is listed as at risk. */
export const AT_RISK_THRESHOLD = 40;
