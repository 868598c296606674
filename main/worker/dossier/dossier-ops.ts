/**
 * The dossier feature's worker operations: gather one customer's records with SQL and the
 * analytics results (the live scoring, so the dossier agrees with every other view), build
 * the dossier model (shared/dossier), keep visit notes and visit lists in the workspace, and
 * write a visit list as an Excel workbook.
 */
import path from 'node:path';
import { AtlasError } from '../../../shared/api/errors.ts';
import { toIso } from '../../../shared/analytics/days.ts';
import { metricValue } from '../../../shared/analytics/metrics.ts';
import { NUMERIC_METRIC_KEYS } from '../../../shared/analytics/types.ts';
import type { ChurnReason, Grade, LifecycleStage, MetricTable, NumericMetricKey } from '../../../shared/analytics/types.ts';
import { buildDossier } from '../../../shared/dossier/build-dossier.ts';
import type { DossierInput } from '../../../shared/dossier/build-dossier.ts';
import type { DossierNote, PersonalDataMode } from '../../../shared/dossier/types.ts';
import { orderVisitMembers } from '../../../shared/dossier/visit-list.ts';
import type { VisitList, VisitListSummary, VisitMember, VisitOrder } from '../../../shared/dossier/visit-list.ts';
import { filterFromQuery, filterToQuery } from '../../../shared/filters/index.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { maskAddress, maskPhone } from '../../../shared/report/masking.ts';
import type { ReportSheet } from '../../../shared/report/report-model.ts';
import type { CustomerType, OrderStatus, TicketType } from '../../../shared/schema/records.ts';
import { writeWorkbook } from '../../report/write-workbook.ts';
import type { AnalyticsWorkerSpec } from '../analytics/analytics-protocol.ts';
import { METRICS_VERSION } from '../analytics/analytics-ops.ts';
import { loadMetricTable } from '../analytics/analytics-store.ts';
import type { Db } from '../data/db.ts';
import { filterToSql } from '../data/filter-sql.ts';
import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { DossierWorkerSpec } from './dossier-protocol.ts';

/** What the dossier needs from the analytics feature (its live state). */
export type AnalyticsForDossier = Pick<
  Handlers<AnalyticsWorkerSpec>,
  'analyticsSummary' | 'analyticsTagsList' | 'analyticsGradesGet' | 'analyticsExplain'
>;

function invalid(why: string): never {
  throw new AtlasError('INVALID_INPUT', why, { why });
}

interface CustomerRow {
  id: number;
  code: string;
  name: string;
  type: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  division_code: string | null;
  address: string | null;
  contact: string | null;
  phone: string | null;
  account_manager: string | null;
  sales_region: string | null;
  created_date: string | null;
}

function readNotes(db: Db, customerId: number): DossierNote[] {
  return db
    .all<{ id: number; note_date: string; text: string; created_at: string }>(
      'SELECT id, note_date, text, created_at FROM dossier_notes WHERE customer_id = ? ORDER BY note_date DESC, id DESC',
      [customerId],
    )
    .map((r) => ({ id: r.id, date: r.note_date, text: r.text, createdAt: r.created_at }));
}

/** The customer's records, by the customer's row id. */
function gatherRecords(db: Db, id: number): Pick<DossierInput, 'orders' | 'payments' | 'opportunities' | 'tickets' | 'surveys' | 'equipment'> {
  return {
    orders: db
      .all<{ source_id: string; order_date: string; product_line: string; model: string | null; quantity: number; amount: number; payment_terms: string | null; status: string | null }>(
        'SELECT source_id, order_date, product_line, model, quantity, amount, payment_terms, status FROM orders WHERE customer_id = ? ORDER BY order_date',
        [id],
      )
      .map((r) => ({
        sourceId: r.source_id,
        orderDate: r.order_date,
        productLine: r.product_line,
        model: r.model,
        quantity: r.quantity,
        amount: r.amount,
        paymentTerms: r.payment_terms,
        status: (r.status?.trim().toLowerCase() ?? null) as OrderStatus | null,
      })),
    payments: db
      .all<{ source_id: string; contract_id: string | null; due_date: string; amount_due: number; paid_date: string | null; amount_paid: number }>(
        'SELECT source_id, contract_id, due_date, amount_due, paid_date, amount_paid FROM payments WHERE customer_id = ? ORDER BY due_date',
        [id],
      )
      .map((r) => ({ sourceId: r.source_id, contractId: r.contract_id, dueDate: r.due_date, amountDue: r.amount_due, paidDate: r.paid_date, amountPaid: r.amount_paid })),
    opportunities: db
      .all<{ source_id: string; created_date: string; stage: string; expected_amount: number | null; result: 'open' | 'won' | 'lost'; close_date: string | null; channel: string | null; account_manager: string | null; product_line: string | null }>(
        'SELECT source_id, created_date, stage, expected_amount, result, close_date, channel, account_manager, product_line FROM opportunities WHERE customer_id = ?',
        [id],
      )
      .map((r) => ({
        sourceId: r.source_id,
        createdDate: r.created_date,
        stage: r.stage,
        expectedAmount: r.expected_amount,
        result: r.result,
        closeDate: r.close_date,
        channel: r.channel,
        accountManager: r.account_manager,
        productLine: r.product_line,
      })),
    tickets: db
      .all<{ source_id: string; serial: string | null; opened_date: string; closed_date: string | null; type: TicketType; satisfaction: number | null; description: string | null }>(
        'SELECT source_id, serial, opened_date, closed_date, type, satisfaction, description FROM tickets WHERE customer_id = ?',
        [id],
      )
      .map((r) => ({ sourceId: r.source_id, serial: r.serial, openedDate: r.opened_date, closedDate: r.closed_date, type: r.type, satisfaction: r.satisfaction, description: r.description })),
    surveys: db
      .all<{ source_id: string; survey_date: string; score: number; comments: string | null }>(
        'SELECT source_id, survey_date, score, comments FROM surveys WHERE customer_id = ?',
        [id],
      )
      .map((r) => ({ sourceId: r.source_id, surveyDate: r.survey_date, score: r.score, comments: r.comments })),
    equipment: db
      .all<{ serial: string; model: string; product_line: string; purchase_date: string; working_hours_30d: number | null; last_online: string | null; location: string | null }>(
        'SELECT serial, model, product_line, purchase_date, working_hours_30d, last_online, location FROM equipment WHERE customer_id = ?',
        [id],
      )
      .map((r) => ({ serial: r.serial, model: r.model, productLine: r.product_line, purchaseDate: r.purchase_date, workingHours30d: r.working_hours_30d, lastOnline: r.last_online, location: r.location })),
  };
}

interface MemberRow {
  id: number;
  code: string;
  name: string;
  province: string | null;
  city: string | null;
  address: string | null;
  phone: string | null;
  contact: string | null;
  account_manager: string | null;
  grade: string | null;
  lifecycle: string | null;
  churn_risk: number | null;
  position: number;
}

export function createDossierOps(workspace: WorkspaceAccess, analytics: AnalyticsForDossier): Handlers<DossierWorkerSpec> {
  /** The stored metric table, decoded once per scoring run (a visit list reads it per dossier). */
  let metricCache: { db: Db; run: unknown; table: MetricTable | null } | null = null;
  function metrics(db: Db): MetricTable | null {
    const run = db.value('SELECT max(id) FROM scoring_runs') ?? null;
    if (metricCache?.db !== db || metricCache.run !== run) {
      metricCache = { db, run, table: loadMetricTable(db, METRICS_VERSION)?.table ?? null };
    }
    return metricCache.table;
  }

  function membersOf(db: Db, listId: number, personalData: PersonalDataMode): VisitMember[] {
    const table = metrics(db);
    const rows = db.all<MemberRow>(
      `SELECT c.id, c.code, c.name, c.province, c.city, c.address, c.phone, c.contact, c.account_manager,
              s.grade, s.lifecycle, s.churn_risk, m.position
       FROM visit_list_members AS m JOIN customers AS c ON c.id = m.customer_id
       LEFT JOIN customer_scores AS s ON s.customer_id = c.id
       WHERE m.list_id = ? ORDER BY m.position`,
      [listId],
    );
    const masked = personalData !== 'shown';
    return rows.map((r) => {
      const i = table?.indexOf.get(r.id);
      const value = (key: NumericMetricKey): number => (i === undefined || !table ? 0 : (metricValue(table, key, i) ?? 0));
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        province: r.province,
        city: r.city,
        address: r.address === null ? null : masked ? maskAddress(r.address) : r.address,
        phone: r.phone === null ? null : masked ? maskPhone(r.phone) : r.phone,
        contact: r.contact,
        accountManager: r.account_manager,
        grade: (r.grade as Grade | null) ?? null,
        lifecycle: (r.lifecycle as LifecycleStage | null) ?? 'prospect',
        churnRisk: Math.round(r.churn_risk ?? 0),
        amount12m: Math.round(value('amount12m') * 100) / 100,
        overdue: Math.round(value('overdueAmount') * 100) / 100,
      };
    });
  }

  interface ListRow {
    id: number;
    name: string;
    ordering: VisitOrder;
    source_filter: string | null;
    created_at: string;
    updated_at: string;
    count: number;
  }

  function listRows(db: Db): ListRow[] {
    return db.all<ListRow>(
      `SELECT l.id, l.name, l.ordering, l.source_filter, l.created_at, l.updated_at,
              (SELECT count(*) FROM visit_list_members AS m JOIN customers AS c ON c.id = m.customer_id WHERE m.list_id = l.id) AS count
       FROM visit_lists AS l ORDER BY l.updated_at DESC, l.name`,
    );
  }

  const summary = (r: ListRow): VisitListSummary => ({
    name: r.name,
    order: r.ordering,
    count: r.count,
    sourceFilter: r.source_filter,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  function requireList(db: Db, name: string): ListRow {
    const row = listRows(db).find((r) => r.name === name);
    if (!row) invalid(`no visit list named "${name}"`);
    return row;
  }

  async function getList(name: string, personalData: PersonalDataMode = 'masked'): Promise<VisitList> {
    const db = workspace.db();
    const row = requireList(db, name);
    const { analysisDate } = await analytics.analyticsSummary(undefined, noJob);
    return { ...summary(row), analysisDate, personalData: personalData === 'shown' ? 'shown' : 'masked', members: membersOf(db, row.id, personalData) };
  }

  /** Rewrites the members' positions in the given order (ids not in the workspace are dropped). */
  function writeMembers(db: Db, listId: number, ids: readonly number[]): void {
    db.run('DELETE FROM visit_list_members WHERE list_id = ?', [listId]);
    db.withStatement('INSERT INTO visit_list_members (list_id, customer_id, position) VALUES (?, ?, ?)', (insert) => {
      ids.forEach((id, position) => insert([listId, id, position]));
    });
  }

  function existingIds(db: Db, ids: readonly number[]): number[] {
    const known = new Set(db.all<{ id: number }>('SELECT id FROM customers').map((r) => r.id));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) invalid(`no customer with id ${missing.slice(0, 5).join(', ')}`);
    return [...ids];
  }

  function applyOrder(db: Db, listId: number, order: VisitOrder): void {
    if (order === 'manual') return;
    // Order with the unmasked addresses (a route follows the street), then store the positions.
    const members = orderVisitMembers(membersOf(db, listId, 'shown'), order);
    writeMembers(
      db,
      listId,
      members.map((m) => m.id),
    );
  }

  return {
    async dossierFindCustomer({ ref }) {
      const db = workspace.db();
      const byCode = db.get<{ id: number; code: string; name: string }>('SELECT id, code, name FROM customers WHERE code = ?', [ref.trim()]);
      if (byCode) return byCode;
      if (!/^\d+$/.test(ref.trim())) return null;
      return db.get<{ id: number; code: string; name: string }>('SELECT id, code, name FROM customers WHERE id = ?', [Number(ref.trim())]) ?? null;
    },

    async dossierGet({ customerId, personalData }, ctx) {
      const db = workspace.db();
      const row = db.get<CustomerRow>('SELECT * FROM customers WHERE id = ?', [customerId]);
      if (!row) invalid(`no customer with id ${customerId}`);
      const [summaryView, tags, grades, explain] = [
        await analytics.analyticsSummary(undefined, ctx),
        await analytics.analyticsTagsList(undefined, ctx),
        await analytics.analyticsGradesGet(undefined, ctx),
        await analytics.analyticsExplain({ customerId }, ctx),
      ];
      const table = metrics(db);
      const i = table?.indexOf.get(customerId);
      const metricValues: Partial<Record<NumericMetricKey, number | null>> = {};
      if (table && i !== undefined) for (const key of NUMERIC_METRIC_KEYS) metricValues[key] = metricValue(table, key, i);
      const date = (key: 'firstOrderDate' | 'lastOrderDate'): string | null => {
        const day = table && i !== undefined ? metricValue(table, key, i) : null;
        return day === null ? null : toIso(day);
      };
      const input: DossierInput = {
        analysisDate: summaryView.analysisDate,
        customer: {
          id: row.id,
          code: row.code,
          name: row.name,
          type: (row.type ?? 'enterprise') as CustomerType,
          industry: row.industry ?? '',
          province: row.province ?? '',
          city: row.city ?? '',
          county: row.county,
          divisionCode: row.division_code,
          address: row.address,
          contact: row.contact,
          phone: row.phone,
          accountManager: row.account_manager,
          salesRegion: row.sales_region,
          createdDate: row.created_date,
        },
        metrics: metricValues,
        firstOrderDate: date('firstOrderDate'),
        lastOrderDate: date('lastOrderDate'),
        scoring: {
          scores: explain.scores,
          recencyDays: explain.recencyDays,
          frequency: explain.frequency,
          monetary: explain.monetary,
          segments: explain.segments,
          grade: explain.grade,
          lifecycle: explain.lifecycle,
          churnRisk: explain.churnRisk,
          churnReasons: explain.churnReasons satisfies ChurnReason[],
          tags: explain.tags,
          playbook: explain.playbook,
        },
        schemes: summaryView.schemes.map((s) => ({
          id: s.id,
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          segments: s.segments.map((g) => ({ id: g.id, nameZh: g.nameZh, nameEn: g.nameEn, color: g.color })),
        })),
        tagLibrary: tags.tags,
        gradeNames: grades.rules.map((r) => ({ grade: r.grade, nameZh: r.nameZh, nameEn: r.nameEn })),
        complaintPlaybook: grades.complaintPlaybook,
        ...gatherRecords(db, customerId),
        notes: readNotes(db, customerId),
      };
      return buildDossier(input, personalData ?? 'masked');
    },

    async dossierNotesAdd({ customerId, date, text }) {
      const db = workspace.db();
      if (!db.get('SELECT id FROM customers WHERE id = ?', [customerId])) invalid(`no customer with id ${customerId}`);
      const note = text.trim();
      if (note === '') invalid('the note is empty');
      db.run('INSERT INTO dossier_notes (customer_id, note_date, text, created_at) VALUES (?, ?, ?, ?)', [customerId, date, note, new Date().toISOString()]);
      workspace.markDirty();
      return readNotes(db, customerId);
    },

    async dossierNotesDelete({ customerId, noteId }) {
      const db = workspace.db();
      if (!db.get('SELECT id FROM dossier_notes WHERE id = ? AND customer_id = ?', [noteId, customerId])) invalid(`no note ${noteId} for customer ${customerId}`);
      db.run('DELETE FROM dossier_notes WHERE id = ?', [noteId]);
      workspace.markDirty();
      return readNotes(db, customerId);
    },

    async dossierListsList() {
      return listRows(workspace.db()).map(summary);
    },

    async dossierListsGet({ name, personalData }) {
      return getList(name, personalData);
    },

    async dossierListsSave({ name, customerIds, filter, order, replace }) {
      const db = workspace.db();
      const existing = listRows(db).find((r) => r.name === name);
      if (existing && !replace) invalid(`a visit list named "${name}" already exists`);
      let ids: number[];
      let sourceFilter: string | null = null;
      if (customerIds !== undefined) {
        ids = existingIds(db, customerIds);
      } else {
        const normal = filterFromQuery(filter ?? '');
        sourceFilter = filterToQuery(normal);
        const { where, params } = filterToSql(normal, { table: 'cv' });
        ids = db
          .all<{ id: number }>(
            `WITH cv AS (
               SELECT c.id, c.code, c.name, c.sales_region, c.province, c.city, c.account_manager, c.type AS customer_type,
                      s.segment_8, s.segment_11, s.segments, s.grade, s.lifecycle, s.churn_risk, s.r_score, s.f_score, s.m_score
               FROM customers AS c LEFT JOIN customer_scores AS s ON s.customer_id = c.id
             )
             SELECT id FROM cv WHERE ${where} ORDER BY code`,
            params,
          )
          .map((r) => r.id);
        if (ids.length === 0) invalid('no customer matches the filter');
        if (ids.length > 2000) invalid(`the filter matches ${ids.length} customers; a visit list holds at most 2000`);
      }
      const now = new Date().toISOString();
      db.transaction(() => {
        if (existing) db.run('DELETE FROM visit_lists WHERE id = ?', [existing.id]);
        db.run('DELETE FROM visit_list_members WHERE list_id NOT IN (SELECT id FROM visit_lists)');
        db.run('INSERT INTO visit_lists (name, ordering, source_filter, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [name, order, sourceFilter, now, now]);
        const listId = Number(db.value('SELECT id FROM visit_lists WHERE name = ?', [name]));
        writeMembers(db, listId, ids);
        applyOrder(db, listId, order);
      });
      workspace.markDirty();
      return getList(name);
    },

    async dossierListsRename({ name, newName }) {
      const db = workspace.db();
      const row = requireList(db, name);
      if (newName !== name && listRows(db).some((r) => r.name === newName)) invalid(`a visit list named "${newName}" already exists`);
      db.run('UPDATE visit_lists SET name = ?, updated_at = ? WHERE id = ?', [newName, new Date().toISOString(), row.id]);
      workspace.markDirty();
      return listRows(db).map(summary);
    },

    async dossierListsDelete({ name }) {
      const db = workspace.db();
      const row = requireList(db, name);
      db.transaction(() => {
        db.run('DELETE FROM visit_list_members WHERE list_id = ?', [row.id]);
        db.run('DELETE FROM visit_lists WHERE id = ?', [row.id]);
      });
      workspace.markDirty();
      return listRows(db).map(summary);
    },

    async dossierListsSetMembers({ name, customerIds }) {
      const db = workspace.db();
      const row = requireList(db, name);
      const ids = existingIds(db, customerIds);
      db.transaction(() => {
        writeMembers(db, row.id, ids);
        db.run("UPDATE visit_lists SET ordering = 'manual', updated_at = ? WHERE id = ?", [new Date().toISOString(), row.id]);
      });
      workspace.markDirty();
      return getList(name);
    },

    async dossierListsOrder({ name, order }) {
      const db = workspace.db();
      const row = requireList(db, name);
      db.transaction(() => {
        applyOrder(db, row.id, order);
        db.run('UPDATE visit_lists SET ordering = ?, updated_at = ? WHERE id = ?', [order, new Date().toISOString(), row.id]);
      });
      workspace.markDirty();
      return getList(name);
    },

    async dossierListsExport({ name, language, personalData, path: out }, ctx) {
      if (!path.isAbsolute(out)) invalid('path must be absolute');
      // Unmasked here: the writer masks the personal columns itself unless 'shown'.
      const list = await getList(name, 'shown');
      ctx.progress('dossier.export', 0, list.members.length);
      const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
      const sheet: ReportSheet = {
        name: t('visits.sheet'),
        title: `${t('visits.cover.title')} · ${list.name}`,
        subtitle: `${translate(language, 'dossier.asOf', { date: list.analysisDate })} · ${t(personalData === 'shown' ? 'dossier.shown' : 'dossier.masked')}`,
        columns: [
          { header: t('visits.col.position'), kind: 'integer' },
          { header: t('visits.col.code'), kind: 'code' },
          { header: t('visits.col.customer'), kind: 'text' },
          { header: t('report.province'), kind: 'text' },
          { header: t('visits.col.city'), kind: 'text' },
          { header: t('visits.col.address'), kind: 'text', personal: 'address' },
          { header: t('visits.col.contact'), kind: 'text' },
          { header: t('visits.col.phone'), kind: 'phone' },
          { header: t('visits.col.manager'), kind: 'text' },
          { header: t('visits.col.grade'), kind: 'text' },
          { header: t('visits.col.lifecycle'), kind: 'text' },
          { header: t('visits.col.churn'), kind: 'integer' },
          { header: t('visits.col.amount12m'), kind: 'amount' },
          { header: t('visits.col.overdue'), kind: 'amount' },
        ],
        rows: list.members.map((m, index) => [
          index + 1,
          m.code,
          m.name,
          m.province,
          m.city,
          m.address,
          m.contact,
          m.phone,
          m.accountManager,
          m.grade,
          translate(language, `analytics.lifecycle.${m.lifecycle}`),
          m.churnRisk,
          m.amount12m,
          m.overdue,
        ]),
      };
      const written = await writeWorkbook([sheet], out, {
        format: 'xlsx',
        personalData: personalData ?? 'masked',
        fontName: language === 'zh-CN' ? '等线' : 'Calibri',
        onProgress: ({ rowsWritten, rowsTotal }) => ctx.progress('dossier.export', rowsWritten, rowsTotal),
      });
      return { path: written.path, rows: written.rows };
    },
  };
}

/** A job context for internal calls that report nothing and cannot be cancelled. */
const noJob = {
  jobId: null,
  cancelled: false,
  progress: () => undefined,
  checkpoint: () => Promise.resolve(),
};
