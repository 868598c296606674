/**
 * The one table every view query reads: `temp.views_customer`, customers joined with their
 * scores and the few metrics the views show (revenue, 12-month amounts, overdue, won/lost
 * opportunities, from the stored metric table). It lives in the temp schema, so it is never
 * saved into the workspace file; it is rebuilt when the scoring changes (a new scoring run,
 * other customers, other metrics) or when it is gone (sql.js reopens the database on export,
 * which drops temp tables). Its columns are those filter-sql.ts expects.
 */
import type { Db, Param } from '../data/db.ts';
import { loadMetricTable } from '../analytics/analytics-store.ts';
import { METRICS_VERSION } from '../analytics/analytics-ops.ts';

export const VIEW_TABLE = 'views_customer';

let builtFor: { db: Db; key: string; build: number } | null = null;
let builds = 0;

function stateKey(db: Db): string {
  // Cheap (index ends only): a new scoring run follows every change of records or definitions.
  const row = db.get<Record<string, unknown>>(
    `SELECT (SELECT max(id) FROM scoring_runs) AS run, (SELECT max(rowid) FROM customers) AS maxId,
            (SELECT max(rowid) FROM customer_scores) AS scored, (SELECT hex(data) FROM customer_metrics WHERE key = 'meta') AS meta,
            (SELECT count(*) FROM sqlite_temp_master WHERE type = 'table' AND name = '${VIEW_TABLE}') AS present`,
  );
  return JSON.stringify(row ?? {});
}

const num = (v: number | undefined): number => (v === undefined || Number.isNaN(v) ? 0 : v);

function build(db: Db): void {
  db.exec(`DROP TABLE IF EXISTS temp.${VIEW_TABLE}; DROP TABLE IF EXISTS temp.views_metrics;
    CREATE TEMP TABLE views_metrics (id INTEGER PRIMARY KEY, revenue REAL, amount_12m REAL, amount_prev_12m REAL,
      overdue REAL, won INTEGER, lost INTEGER);`);
  const stored = loadMetricTable(db, METRICS_VERSION);
  if (stored) {
    const { table } = stored;
    const c = table.columns;
    const BATCH = 200;
    const rowSql = '(?, ?, ?, ?, ?, ?, ?)';
    const flush = (values: Param[], rows: number): void => {
      db.run(`INSERT INTO temp.views_metrics VALUES ${Array.from({ length: rows }, () => rowSql).join(', ')}`, values);
    };
    let values: Param[] = [];
    let rows = 0;
    for (let i = 0; i < table.size; i++) {
      values.push(
        table.customerIds[i] ?? 0,
        num(c.totalAmount[i]),
        num(c.amount12m[i]),
        num(c.amountPrev12m[i]),
        num(c.overdueAmount[i]),
        num(c.wonOpportunities[i]),
        num(c.lostOpportunities[i]),
      );
      rows++;
      if (rows === BATCH) {
        flush(values, rows);
        values = [];
        rows = 0;
      }
    }
    if (rows > 0) flush(values, rows);
  } else {
    // No stored metrics (a transient scoring): revenue straight from the orders, the rest 0.
    db.run(
      `INSERT INTO temp.views_metrics (id, revenue, amount_12m, amount_prev_12m, overdue, won, lost)
       SELECT customer_id, total(amount), 0, 0, 0, 0, 0 FROM orders WHERE status IS NULL OR status <> 'cancelled' GROUP BY customer_id`,
    );
  }
  db.exec(`CREATE TEMP TABLE ${VIEW_TABLE} (
      id INTEGER PRIMARY KEY, code TEXT, name TEXT, customer_type TEXT, sales_region TEXT, province TEXT, city TEXT,
      account_manager TEXT, recency_days REAL, frequency REAL, monetary REAL, r_score INTEGER, f_score INTEGER, m_score INTEGER,
      segment_8 TEXT, segment_11 TEXT, segments TEXT, grade TEXT, lifecycle TEXT, churn_risk REAL, revenue REAL, amount_12m REAL,
      amount_prev_12m REAL, overdue REAL, won INTEGER, lost INTEGER);
    INSERT INTO temp.${VIEW_TABLE}
    SELECT c.id, c.code, c.name, c.type, c.sales_region, c.province, c.city, c.account_manager,
           s.recency_days, s.frequency, s.monetary, s.r_score, s.f_score, s.m_score,
           s.segment_8, s.segment_11, COALESCE(s.segments, '{}'), s.grade, COALESCE(s.lifecycle, 'prospect'), COALESCE(s.churn_risk, 0),
           COALESCE(m.revenue, 0), COALESCE(m.amount_12m, 0), COALESCE(m.amount_prev_12m, 0), COALESCE(m.overdue, 0),
           COALESCE(m.won, 0), COALESCE(m.lost, 0)
    FROM main.customers AS c
    LEFT JOIN main.customer_scores AS s ON s.customer_id = c.id
    LEFT JOIN temp.views_metrics AS m ON m.id = c.id
    ORDER BY c.id;
    DROP TABLE temp.views_metrics;`);
}

/**
 * Makes sure the view table matches the workspace's current scoring; returns a number that
 * changes with every rebuild (for caches derived from the table).
 */
export function ensureViewTable(db: Db): number {
  const key = stateKey(db);
  if (builtFor?.db !== db || builtFor.key !== key) {
    build(db);
    builds += 1;
    builtFor = { db, key: stateKey(db), build: builds };
  }
  return builtFor.build;
}
