import { RECORD_KINDS } from '../../../shared/schema/records.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import { pivotMonthlyRevenue } from '../../../shared/overview/monthly-revenue.ts';
import type { MonthlyRevenueRow } from '../../../shared/overview/monthly-revenue.ts';
import type { Overview } from '../../../shared/overview/overview.ts';
import type { Db } from './db.ts';

/** Revenue counts signed business: cancelled orders are not revenue. */
const REVENUE_ORDERS = "FROM orders WHERE status IS NULL OR status <> 'cancelled'";

export function queryOverview(db: Db): Overview {
  const counts = Object.fromEntries(
    RECORD_KINDS.map((kind) => [kind, Number(db.value(`SELECT count(*) FROM ${kind}`))]),
  ) as Record<RecordKind, number>;
  const range = db.get<{ first: string | null; last: string | null }>(
    'SELECT min(order_date) AS first, max(order_date) AS last FROM orders',
  );
  const totalRevenue = Number(db.value(`SELECT coalesce(sum(amount), 0) ${REVENUE_ORDERS}`));
  const rows = db.all<MonthlyRevenueRow>(
    `SELECT substr(order_date, 1, 7) AS month, product_line AS productLine, sum(amount) AS amount
     ${REVENUE_ORDERS} GROUP BY 1, 2`,
  );
  return {
    counts,
    orderDateRange: range?.first && range.last ? { from: range.first, to: range.last } : null,
    totalRevenue: Math.round(totalRevenue * 100) / 100,
    monthlyRevenue: pivotMonthlyRevenue(rows),
  };
}
