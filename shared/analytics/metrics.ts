/**
 * Customer metrics: one row per customer (prospects too), computed at the analysis date from the
 * loaded rows. Columnar output (Float64Array per metric, NaN = null) so rules and scoring loop
 * over plain typed arrays.
 *
 * Definitions (all "as of" the analysis date A; rows dated after A are ignored):
 * - Purchases: non-cancelled orders, grouped per settings.purchaseUnit (purchases.ts).
 * - recencyDays = A − last purchase date; frequency = purchases in the F/M window
 *   (window 'all', or dates in (A − N months, A]); purchaseCount = purchases in all history.
 * - monetary: 'total' = amount in the window; 'average' = that amount / frequency (0 when the
 *   window holds no purchase); 'collected' = amountPaid of payments paid in the window.
 * - totalAmount / averageAmount: all history (averageAmount per purchase).
 * - amount12m: order amount in (A − 12 months, A]; amountPrev12m: in (A − 24 m, A − 12 m];
 *   amountChange12m = amount12m / amountPrev12m − 1 (null when amountPrev12m = 0).
 *   ("12" is settings.recentMonths.)
 * - typicalIntervalDays: median gap in days between consecutive distinct purchase dates
 *   (null with fewer than 2 distinct dates; the mean of the two middle gaps for an even count).
 * - Payments: amountDue = due on or before A; overdueAmount = the unpaid part of payments due
 *   strictly before A (a payment counts as paid when its paidDate ≤ A); overdueAmountPrev = the
 *   same as of A − 90 days; maxDaysOverdue = A − the oldest due date still unpaid (0 when nothing
 *   is overdue, null without due payments); onTimeRate = share of payments due on or before A
 *   paid in full on or before their due date plus settings.paymentGraceDays (null when none due).
 * - Opportunities created on or before A: open / won / lost by result; winRate =
 *   won / (won + lost) (null when none closed); pipelineAmount = open expected amounts.
 * - Tickets opened in the 12-month window: tickets12m, repairs12m, complaints12m;
 *   openComplaints = complaints opened on or before A and not closed by A (any age).
 * - avgSatisfaction: one 0–5 scale — ticket ratings (1–5) as is and survey scores (0–100) / 20,
 *   all ratings on or before A averaged together (null without any).
 * - Equipment bought on or before A: unitsOwned, avgEquipmentAgeYears (days / 365.25),
 *   workingHours30d (sum of reported hours; null when no unit reports), idleUnits (units reporting
 *   0 hours in the last 30 days).
 */
import type { AnalysisInput, AnalysisSettings, MetricKey, MetricTable, TextKey } from './types.ts';
import { DATE_METRIC_KEYS, NUMERIC_METRIC_KEYS, TEXT_KEYS } from './types.ts';
import { addMonths, toDay, toIso } from './days.ts';
import { contractKey } from './purchases.ts';
import { resolveAnalysisDate } from './settings.ts';
import { computePayments } from './metrics-payments.ts';
import { computeEquipment, computeOpportunities, computeService } from './metrics-activity.ts';

function nanColumn(n: number): Float64Array {
  return new Float64Array(n).fill(Number.NaN);
}

/** A metric cell as number | null. */
export function metricValue(table: MetricTable, key: MetricKey, index: number): number | null {
  const v = table.columns[key][index];
  return v === undefined || Number.isNaN(v) ? null : v;
}

function isCancelled(status: string | null): boolean {
  // Fast path first: this runs once per order line.
  if (status === null || status.length < 9) return false;
  return status === 'cancelled' || status.trim().toLowerCase() === 'cancelled';
}

/**
 * Customer id → row index. Workspace ids are dense SQLite rowids, so a typed array beats a Map
 * on the million-row loops; sparse ids fall back to the Map.
 */
function indexLookup(customerIds: Int32Array, indexOf: ReadonlyMap<number, number>): (id: number) => number {
  let max = 0;
  let min = 0;
  for (const id of customerIds) {
    if (id > max) max = id;
    if (id < min) min = id;
  }
  if (min >= 0 && max <= 4 * customerIds.length + 1024) {
    const dense = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < customerIds.length; i++) dense[customerIds[i]!] = i;
    return (id) => (id >= 0 && id <= max && Number.isInteger(id) ? dense[id]! : -1);
  }
  return (id) => indexOf.get(id) ?? -1;
}

/** Bucket positions are packed into sort keys below day × 2^21 (a customer has < 2M lines). */
const POS_BITS = 2 ** 21;

export function computeMetrics(input: AnalysisInput, settings: AnalysisSettings): MetricTable {
  const customers = input.customers;
  const n = customers.length;
  const customerIds = new Int32Array(n);
  const indexOf = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = customers[i]!;
    customerIds[i] = c.id;
    indexOf.set(c.id, i);
  }
  const lookup = indexLookup(customerIds, indexOf);

  // ── orders: resolve customer index, day and product line once; drop cancelled / unknown /
  // invalid rows.
  const orders = input.orders;
  const oCount = orders.length;
  const oCust = new Int32Array(oCount).fill(-1);
  const oDay = new Float64Array(oCount);
  const oLine = new Int32Array(oCount).fill(-1);
  const oAmount = new Float64Array(oCount);
  const lineIds = new Map<string, number>();
  const lineNames: string[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < oCount; k++) {
    const o = orders[k]!;
    if (isCancelled(o.status)) continue;
    const ci = lookup(o.customerId);
    const d = toDay(o.orderDate);
    if (ci < 0 || Number.isNaN(d)) continue;
    oCust[k] = ci;
    oDay[k] = d;
    oAmount[k] = Number.isFinite(o.amount) ? o.amount : 0;
    if (d > latest) latest = d;
    const line = o.productLine;
    if (line !== null && line !== '') {
      let id = lineIds.get(line);
      if (id === undefined) {
        id = lineNames.length;
        lineIds.set(line, id);
        lineNames.push(line);
      }
      oLine[k] = id;
    }
  }
  const analysisDate = resolveAnalysisDate(
    settings,
    Number.isFinite(latest) ? toIso(latest) : null,
    input.today ?? '1970-01-01',
  );
  const A = toDay(analysisDate);
  const windowStart = settings.window === 'all' ? Number.NEGATIVE_INFINITY : addMonths(A, -settings.window.months);
  const recentStart = addMonths(A, -settings.recentMonths);
  const prevStart = addMonths(A, -2 * settings.recentMonths);

  const col = {} as Record<MetricKey, Float64Array>;
  for (const k of NUMERIC_METRIC_KEYS) col[k] = nanColumn(n);
  for (const k of DATE_METRIC_KEYS) col[k] = nanColumn(n);

  // ── bucket order rows per customer (counting sort), keeping rows dated ≤ A, then sort each
  // bucket by day through packed numeric keys (typed-array sort, no comparator).
  const start = new Int32Array(n + 1);
  for (let k = 0; k < oCount; k++) {
    const ci = oCust[k]!;
    if (ci >= 0 && oDay[k]! <= A) start[ci + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  // Bucketed copies of the per-line values: the per-customer loop below then reads memory
  // sequentially instead of jumping across the million-row arrays.
  const total = start[n]!;
  const rows = new Int32Array(total);
  const keys = new Float64Array(total);
  const bDay = new Float64Array(total);
  const bAmount = new Float64Array(total);
  const bLine = new Int32Array(total);
  for (let k = 0; k < oCount; k++) {
    const ci = oCust[k]!;
    const d = oDay[k]!;
    if (ci >= 0 && d <= A) {
      const p = fill[ci]!++;
      rows[p] = k;
      keys[p] = d * POS_BITS + (p - start[ci]!);
      bDay[p] = d;
      bAmount[p] = oAmount[k]!;
      bLine[p] = oLine[k]!;
    }
  }

  const byContract = settings.purchaseUnit === 'contract';
  const productLines: string[][] = new Array<string[]>(n);
  const gaps: number[] = [];
  const lineSeen = new Uint8Array(lineNames.length);
  const touched: number[] = [];
  // Contract keys of the current day's purchases, computed only when a day has several lines.
  const sameDayKeys: string[] = [];
  let firstOfDay = -1;
  for (let i = 0; i < n; i++) {
    const s = start[i]!;
    const e = start[i + 1]!;
    if (s === e) {
      productLines[i] = [];
      col.productLineCount[i] = 0;
      continue;
    }
    const sorted = keys.subarray(s, e).sort();
    let purchases = 0;
    let inWindow = 0;
    let windowAmount = 0;
    let sum = 0;
    let a12 = 0;
    let aPrev = 0;
    let prevDay = Number.NaN;
    gaps.length = 0;
    touched.length = 0;
    sameDayKeys.length = 0;
    for (let p = 0; p < sorted.length; p++) {
      const q = s + (sorted[p]! % POS_BITS);
      const k = rows[q]!;
      const d = bDay[q]!;
      const amount = bAmount[q]!;
      let newPurchase: boolean;
      if (d !== prevDay) {
        if (!Number.isNaN(prevDay)) gaps.push(d - prevDay);
        prevDay = d;
        sameDayKeys.length = 0;
        firstOfDay = k;
        newPurchase = true;
      } else if (byContract) {
        // Another line on the same day: a new purchase only for a contract not seen that day.
        if (sameDayKeys.length === 0) sameDayKeys.push(contractKey(orders[firstOfDay]!.sourceId));
        const ck = contractKey(orders[k]!.sourceId);
        newPurchase = !sameDayKeys.includes(ck);
        if (newPurchase) sameDayKeys.push(ck);
      } else {
        newPurchase = true;
      }
      if (newPurchase) {
        purchases++;
        if (d > windowStart) inWindow++;
      }
      sum += amount;
      if (d > windowStart) windowAmount += amount;
      if (d > recentStart) a12 += amount;
      else if (d > prevStart) aPrev += amount;
      const line = bLine[q]!;
      if (line >= 0 && lineSeen[line] === 0) {
        lineSeen[line] = 1;
        touched.push(line);
      }
    }
    const first = Math.floor(sorted[0]! / POS_BITS);
    const last = prevDay;
    col.firstOrderDate[i] = first;
    col.lastOrderDate[i] = last;
    col.recencyDays[i] = A - last;
    col.purchaseCount[i] = purchases;
    col.frequency[i] = inWindow;
    col.totalAmount[i] = sum;
    col.averageAmount[i] = sum / purchases;
    col.amount12m[i] = a12;
    col.amountPrev12m[i] = aPrev;
    col.amountChange12m[i] = aPrev > 0 ? a12 / aPrev - 1 : Number.NaN;
    if (settings.monetary === 'total') col.monetary[i] = windowAmount;
    else if (settings.monetary === 'average') col.monetary[i] = inWindow > 0 ? windowAmount / inWindow : 0;
    else col.monetary[i] = 0; // 'collected' filled from payments below
    if (gaps.length > 0) {
      gaps.sort((x, y) => x - y);
      const mid = gaps.length >> 1;
      col.typicalIntervalDays[i] = gaps.length % 2 === 1 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
    }
    const names = touched.map((id) => lineNames[id]!);
    for (const id of touched) lineSeen[id] = 0;
    names.sort();
    productLines[i] = names;
    col.productLineCount[i] = names.length;
  }

  computePayments(input, lookup, A, windowStart, settings, col, n);
  computeOpportunities(input, lookup, A, col, n);
  computeService(input, lookup, A, recentStart, col, n);
  computeEquipment(input, lookup, A, col, n);

  const text = {} as Record<TextKey, (string | null)[]>;
  for (const k of TEXT_KEYS) text[k] = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i]!;
    text.code[i] = c.code;
    text.name[i] = c.name;
    text.type[i] = c.type;
    text.industry[i] = c.industry;
    text.province[i] = c.province;
    text.city[i] = c.city;
    text.accountManager[i] = c.accountManager;
    text.salesRegion[i] = c.salesRegion;
    col.createdDate[i] = toDay(c.createdDate);
  }

  return {
    size: n,
    customerIds,
    indexOf,
    analysisDate,
    analysisDay: A,
    settings,
    columns: col,
    text,
    lists: { productLines },
  };
}
