import type { MonthlyRevenue } from './overview.ts';

export interface MonthlyRevenueRow {
  month: string;
  productLine: string;
  amount: number;
}

/** Months between two YYYY-MM values, inclusive. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/** Pivots (month, product line, amount) rows into gap-free aligned series, biggest line first. */
export function pivotMonthlyRevenue(rows: readonly MonthlyRevenueRow[]): MonthlyRevenue {
  if (rows.length === 0) return { months: [], series: [] };
  const sortedMonths = rows.map((r) => r.month).sort();
  const months = monthRange(sortedMonths[0]!, sortedMonths[sortedMonths.length - 1]!);
  const index = new Map(months.map((m, i) => [m, i]));
  const byLine = new Map<string, number[]>();
  for (const row of rows) {
    let values = byLine.get(row.productLine);
    if (!values) {
      values = months.map(() => 0);
      byLine.set(row.productLine, values);
    }
    const i = index.get(row.month)!;
    values[i] = (values[i] ?? 0) + row.amount;
  }
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const series = [...byLine.entries()]
    .map(([productLine, values]) => ({ productLine, values }))
    .sort((a, b) => total(b.values) - total(a.values) || a.productLine.localeCompare(b.productLine));
  return { months, series };
}
