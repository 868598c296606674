import type { IsoDate, RecordKind } from '../schema/records.ts';

/** What the Overview page and `atlas info` show; both read it from the same worker query. */
export interface Overview {
  counts: Record<RecordKind, number>;
  /** First and last order date, null for a workspace without orders. */
  orderDateRange: { from: IsoDate; to: IsoDate } | null;
  /** Sum of order amounts (yuan), cancelled orders excluded. */
  totalRevenue: number;
  monthlyRevenue: MonthlyRevenue;
}

export interface MonthlyRevenue {
  /** Every month from the first to the last order month, as YYYY-MM, without gaps. */
  months: string[];
  /** One series per product line, largest total first; values align with months. */
  series: { productLine: string; values: number[] }[];
}
