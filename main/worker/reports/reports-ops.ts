/**
 * The reports feature's worker operations: gather the report data of the open workspace
 * (filtered customers with scores and metrics, schemes, tags, conversion), build the chosen
 * sheets and write the file with progress and cancel; named templates stored in the workspace.
 */
import path from 'node:path';
import { AtlasError } from '../../../shared/api/errors.ts';
import { toIso } from '../../../shared/analytics/days.ts';
import type { ConversionDimension, ConversionView } from '../../../shared/analytics/api.ts';
import { filterFromQuery, filterToQuery } from '../../../shared/filters/index.ts';
import { CUSTOMER_COLUMN_IDS, REPORT_SHEET_IDS } from '../../../shared/reports/api.ts';
import type { CustomerColumnId, ReportExportResult, ReportGridCell, ReportSheetId, ReportTemplate } from '../../../shared/reports/api.ts';
import { buildReport } from '../../../shared/reports/build-report.ts';
import { sanitizeSheetNames } from '../../../shared/report/index.ts';
import type { ReportCustomer, ReportData, ReportTagChanges } from '../../../shared/reports/report-data.ts';
import { conversion, funnel, FUNNEL_STAGES } from '../../../shared/analytics/conversion.ts';
import type { OpportunityInput } from '../../../shared/analytics/types.ts';
import { writeWorkbook } from '../../report/write-workbook.ts';
import type { AnalyticsWorkerSpec } from '../analytics/analytics-protocol.ts';
import { loadMetricTable, storedChurnReasons, storedSegments } from '../analytics/analytics-store.ts';
import { METRICS_VERSION } from '../analytics/analytics-ops.ts';
import type { Db } from '../data/db.ts';
import { parseJsonColumn } from '../data/json-column.ts';
import { filterToSql } from '../data/filter-sql.ts';
import type { JobContext } from '../job-context.ts';
import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { ReportsWorkerSpec } from './reports-protocol.ts';
import { schemeOf } from '../views/views-ops.ts';

/** What the reports need from the analytics feature (its live state, consistent with the app). */
export type AnalyticsForReports = Pick<Handlers<AnalyticsWorkerSpec>, 'analyticsSummary' | 'analyticsTagsList'>;

interface CustomerRow {
  id: number;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  account_manager: string | null;
  phone: string | null;
  segment_8: string | null;
  segment_11: string | null;
  segments: string | null;
  grade: string | null;
  lifecycle: string | null;
  churn_risk: number | null;
  churn_reasons: string | null;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
}

/**
 * The filtered customers (the columns filter-sql expects, as a CTE over customers + scores). A
 * segment filter naming a scheme the workspace no longer has is refused, as the views refuse
 * it, rather than answered with a report of nobody.
 */
function filteredCustomers(db: Db, query: string): CustomerRow[] {
  const filter = filterFromQuery(query);
  if (filter.segment !== null) schemeOf(db, filter.segment.scheme);
  const { where, params } = filterToSql(filter, { table: 'cv' });
  return db.all<CustomerRow>(
    `WITH cv AS (
       SELECT c.id, c.code, c.name, c.sales_region, c.province, c.city, c.account_manager, c.type AS customer_type, c.phone,
              s.segment_8, s.segment_11, s.segments, s.grade, s.lifecycle, s.churn_risk, s.churn_reasons,
              s.r_score, s.f_score, s.m_score
       FROM customers AS c LEFT JOIN customer_scores AS s ON s.customer_id = c.id
     )
     SELECT id, code, name, province, city, account_manager, phone, segment_8, segment_11, segments, grade, lifecycle, churn_risk, churn_reasons,
            r_score, f_score, m_score
     FROM cv WHERE ${where} ORDER BY code`,
    params,
  );
}

const num = (value: number | undefined): number | null => (value === undefined || Number.isNaN(value) ? null : value);
const money = (value: number | undefined): number => {
  const v = num(value);
  return v === null ? 0 : Math.round(v * 100) / 100;
};

function readTemplates(db: Db): ReportTemplate[] {
  return db.all<{ name: string; spec: string; updated_at: string }>('SELECT name, spec, updated_at FROM report_templates ORDER BY name').map((row) => {
    const spec = parseJsonColumn<{ sheets?: unknown; customerColumns?: unknown }>(row.spec, {});
    const sheets = Array.isArray(spec.sheets) ? REPORT_SHEET_IDS.filter((id) => (spec.sheets as unknown[]).includes(id)) : [...REPORT_SHEET_IDS];
    const columns = Array.isArray(spec.customerColumns)
      ? CUSTOMER_COLUMN_IDS.filter((id) => (spec.customerColumns as unknown[]).includes(id))
      : [...CUSTOMER_COLUMN_IDS];
    return { name: row.name, sheets, customerColumns: columns, updatedAt: row.updated_at };
  });
}

/**
 * Customers of the filter who entered / left each tag in the latest scoring run (the log kept
 * by scoring, migration 010); null when there was no run before it or the log does not cover it.
 */
function tagChangesOf(db: Db, customers: readonly ReportCustomer[], hasPrevious: boolean): ReportTagChanges | null {
  if (!hasPrevious) return null;
  const latest = db.value('SELECT max(id) FROM scoring_runs');
  if (latest === null || latest === undefined) return null;
  if (db.value('SELECT count(*) FROM tag_change_runs WHERE run_id = ?', [Number(latest)]) === 0) return null;
  const ids = new Set(customers.map((c) => c.id));
  const entered: Record<string, number> = {};
  const left: Record<string, number> = {};
  for (const row of db.all<{ tag_id: string; change: number; customer_ids: string }>(
    'SELECT tag_id, change, customer_ids FROM tag_change_sets WHERE run_id = ?',
    [Number(latest)],
  )) {
    let count = 0;
    for (const id of parseJsonColumn<number[]>(row.customer_ids, [])) if (ids.has(id)) count += 1;
    if (count > 0) (row.change > 0 ? entered : left)[row.tag_id] = count;
  }
  return { entered, left };
}

/**
 * Conversion of the filtered customers' opportunities by grade, segment (first scheme) and
 * province, with the funnel — the analytics engine's functions over that subset, so with no
 * filter it equals the Conversion page.
 */
function conversionOf(db: Db, customers: readonly ReportCustomer[], schemeId: string | null): NonNullable<ReportData['conversion']> {
  const index = new Map(customers.map((c, i) => [c.id, i]));
  const opportunities = db
    .all<OpportunityInput>(
      `SELECT customer_id AS customerId, created_date AS createdDate, stage, expected_amount AS expectedAmount,
              result, close_date AS closeDate, channel, account_manager AS accountManager,
              product_line AS productLine FROM opportunities ORDER BY id`,
    )
    .filter((o) => index.has(o.customerId));
  const view = (dimension: ConversionDimension, of: (c: ReportCustomer) => string | null): ConversionView => ({
    dimension,
    rows: conversion(opportunities, (_o, i) => (i < 0 ? null : of(customers[i]!)), index),
    total: conversion(opportunities, () => 'all', index)[0] ?? null,
    funnel: funnel(opportunities, FUNNEL_STAGES),
  });
  return {
    grade: view('grade', (c) => c.grade),
    segment: view('segment', (c) => (schemeId === null ? null : (c.segments[schemeId] ?? null))),
    province: view('province', (c) => c.province),
  };
}

/** In the RFM grid cell as the Segments grid and the Customers list count it (scored customers only). */
function inCell(c: ReportCustomer, cell: ReportGridCell): boolean {
  if (c.r === null || c.f === null || c.r !== cell.r) return false;
  if (cell.yAxis === 'f') return c.f === cell.y;
  return c.m !== null && c.f + c.m === cell.y;
}

function invalid(why: string): never {
  throw new AtlasError('INVALID_INPUT', why, { why });
}

export function createReportsOps(workspace: WorkspaceAccess, analytics: AnalyticsForReports): Handlers<ReportsWorkerSpec> {
  async function gather(filter: string, workspaceName: string, ctx: JobContext, withConversion: boolean, cell?: ReportGridCell): Promise<ReportData> {
    const summary = await analytics.analyticsSummary(undefined, ctx);
    const tagList = await analytics.analyticsTagsList(undefined, ctx);
    const db = workspace.db();
    const metrics = loadMetricTable(db, METRICS_VERSION)?.table ?? null;
    await ctx.checkpoint();
    const tagsOf = new Map<number, string[]>();
    for (const row of db.all<{ customer_id: number; tag_id: string }>('SELECT customer_id, tag_id FROM customer_tags')) {
      const list = tagsOf.get(row.customer_id);
      if (list) list.push(row.tag_id);
      else tagsOf.set(row.customer_id, [row.tag_id]);
    }
    const tagOrder = new Map(tagList.tags.map((t, i) => [t.id, i]));
    const rows = filteredCustomers(db, filter);
    await ctx.checkpoint();
    const all: ReportCustomer[] = rows.map((row) => {
      const i = metrics?.indexOf.get(row.id);
      const col = (key: keyof NonNullable<typeof metrics>['columns']): number | undefined => (i === undefined || !metrics ? undefined : metrics.columns[key][i]);
      const lastDay = col('lastOrderDate');
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        province: row.province,
        city: row.city,
        accountManager: row.account_manager,
        phone: row.phone,
        segments: storedSegments(row),
        grade: row.grade,
        lifecycle: row.lifecycle ?? 'prospect',
        churnRisk: row.churn_risk ?? 0,
        churnReasons: storedChurnReasons(row.churn_reasons),
        tags: (tagsOf.get(row.id) ?? []).sort((a, b) => (tagOrder.get(a) ?? 1e9) - (tagOrder.get(b) ?? 1e9)),
        r: row.r_score,
        f: row.f_score,
        m: row.m_score,
        orders: num(col('purchaseCount')) ?? 0,
        revenue: money(col('totalAmount')),
        revenue12m: money(col('amount12m')),
        overdue: money(col('overdueAmount')),
        onTimeRate: num(col('onTimeRate')),
        winRate: num(col('winRate')),
        won: num(col('wonOpportunities')) ?? 0,
        lost: num(col('lostOpportunities')) ?? 0,
        lastOrder: lastDay === undefined ? null : toIso(lastDay),
      };
    });
    const customers = cell === undefined ? all : all.filter((c) => inCell(c, cell));
    const conversion = withConversion ? conversionOf(db, customers, summary.schemes[0]?.id ?? null) : null;
    await ctx.checkpoint();
    const evaluated = new Set(tagList.stats.map((s) => s.tagId));
    return {
      workspace: workspaceName,
      analysisDate: summary.analysisDate,
      filterQuery: filterToQuery(filterFromQuery(filter)),
      ...(cell === undefined ? {} : { cell }),
      customers,
      schemes: summary.schemes.map((s) => ({
        id: s.id,
        nameZh: s.nameZh,
        nameEn: s.nameEn,
        segments: s.segments.map((g) => ({ id: g.id, nameZh: g.nameZh, nameEn: g.nameEn })),
      })),
      tags: tagList.tags.map((t) => ({
        id: t.id,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
        parentId: t.parentId,
        level: t.level,
        evaluated: evaluated.has(t.id) && t.status !== 'retired',
      })),
      tagChanges: tagChangesOf(db, customers, tagList.previousRunAt !== null),
      conversion,
    };
  }

  return {
    async reportsData({ filter, workspaceName, cell }, ctx) {
      return gather(filter, workspaceName, ctx, true, cell);
    },

    async reportsExport(params, ctx): Promise<ReportExportResult> {
      if (!path.isAbsolute(params.path)) invalid('path must be absolute');
      let sheets: ReportSheetId[] = [...REPORT_SHEET_IDS];
      let columns: CustomerColumnId[] = [...CUSTOMER_COLUMN_IDS];
      if (params.templateName !== undefined) {
        const template = readTemplates(workspace.db()).find((t) => t.name === params.templateName);
        if (!template) invalid(`no report template named "${params.templateName}"`);
        sheets = template.sheets;
        columns = template.customerColumns;
      }
      if (params.sheets) sheets = params.sheets;
      if (params.customerColumns) columns = params.customerColumns;
      if (columns.length === 0) columns = ['code', 'name'];
      if (params.format === 'csv') sheets = [sheets.includes('customers') ? 'customers' : sheets[0]!];
      ctx.progress('reports.gather', 0, 1);
      const data = await gather(params.filter, params.workspaceName, ctx, sheets.includes('conversion'), params.cell);
      ctx.progress('reports.gather', 1, 1);
      await ctx.checkpoint();
      const built = buildReport(data, { language: params.language, sheets, customerColumns: columns, masked: params.personalData !== 'shown' });
      const abort = new AbortController();
      const written = await writeWorkbook(built, params.path, {
        format: params.format,
        csvEncoding: params.csvEncoding ?? 'utf8-bom',
        personalData: params.personalData ?? 'masked',
        fontName: params.language === 'zh-CN' ? '等线' : 'Calibri',
        signal: abort.signal,
        onProgress: ({ rowsWritten, rowsTotal }) => {
          if (ctx.cancelled) abort.abort();
          ctx.progress('reports.write', rowsWritten, rowsTotal);
        },
      }).catch((error: unknown) => {
        if (ctx.cancelled || abort.signal.aborted) throw new AtlasError('CANCELLED', 'The job was cancelled', { jobId: ctx.jobId ?? '' });
        throw error;
      });
      return { path: written.path, rows: written.rows, sheets: sanitizeSheetNames(built.map((s) => s.name)) };
    },

    async reportsTemplatesList() {
      return readTemplates(workspace.db());
    },

    async reportsTemplatesSave({ template }) {
      const db = workspace.db();
      db.run('INSERT OR REPLACE INTO report_templates (name, spec, updated_at) VALUES (?, ?, ?)', [
        template.name,
        JSON.stringify({ sheets: template.sheets, customerColumns: template.customerColumns }),
        new Date().toISOString(),
      ]);
      workspace.markDirty();
      return readTemplates(db);
    },

    async reportsTemplatesDelete({ name }) {
      const db = workspace.db();
      if (!readTemplates(db).some((t) => t.name === name)) invalid(`no report template named "${name}"`);
      db.run('DELETE FROM report_templates WHERE name = ?', [name]);
      workspace.markDirty();
      return readTemplates(db);
    },
  };
}
