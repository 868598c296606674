/**
 * The analytics feature's worker operations: settings, tag library, grades and schemes stored
 * in the workspace; metrics computed from the records (only when the records or the metric
 * windows change) and kept in memory; re-scoring (RFM, schemes, tags, grades, lifecycle,
 * churn) after every change, stored as customer_scores / customer_tags with a scoring run.
 */
import { AtlasError } from '../../../shared/api/errors.ts';
import { CONVERSION_DIMENSIONS } from '../../../shared/analytics/api.ts';
import type {
  AnalyticsSettingsView,
  AnalyticsSummary,
  ConversionView,
  CustomerExplainView,
  GradesView,
  SchemeView,
  TagListResult,
  TagPreview,
} from '../../../shared/analytics/api.ts';
import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { Db } from '../data/db.ts';
import type { JobContext } from '../job-context.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import type { Dataset } from '../../../shared/schema/records.ts';
import type { AnalyticsWorkerSpec, ScoreRow } from './analytics-protocol.ts';
import { createAnalyticsEngine } from './analytics-engine.ts';
import { writeScoring } from './score-writer.ts';
import type { PreviousMembers } from './score-writer.ts';
import type { Definitions, Scored } from './analytics-engine.ts';
import {
  customerHeader,
  latestOrderDate,
  listRuns,
  loadAnalysisInput,
  loadMetricTable,
  readGrades,
  readSchemes,
  readSettings,
  readTags,
  recordFingerprint,
  saveMetricTable,
  writeGrades,
  writeSchemes,
  writeSettings,
  writeTags,
} from './analytics-store.ts';
import {
  COMPLAINT_PLAYBOOK,
  DEFAULT_GRADES,
  DEFAULT_SCHEMES,
  DEFAULT_TAG_LIBRARY,
  computeMetrics,
  needsMetrics,
  normalizeSettings,
  tagEvaluationOrder,
  validateRule,
  validateScheme,
  assignSegments,
} from '../../../shared/analytics/index.ts';
import type { AnalysisInput, AnalysisSettings, MetricTable, RuleIssue, TagDefinition } from '../../../shared/analytics/index.ts';

/** Bump when metric definitions change: stored metric tables of another version are recomputed. */
export const METRICS_VERSION = 1;

const today = (): string => new Date().toISOString().slice(0, 10);

interface Live {
  db: Db;
  defs: Definitions;
  /** Records as loaded (kept so a window change recomputes metrics without SQL). */
  input: AnalysisInput | null;
  table: MetricTable;
  fingerprint: string;
  scored: Scored;
  scoredAt: string;
  durationMs: number;
  /** Tag members as stored in customer_tags (null = unknown here: read them from the table). */
  storedTags: PreviousMembers | null;
}

/** Reads the stored definitions, writing the defaults the first time (so users can edit them). */
function ensureDefinitions(db: Db): { defs: Definitions; wrote: boolean } {
  let wrote = false;
  const storedSettings = readSettings(db);
  const settings = normalizeSettings(storedSettings);
  if (storedSettings === null) {
    writeSettings(db, settings);
    wrote = true;
  }
  let tags = readTags(db);
  if (tags === null) {
    tags = DEFAULT_TAG_LIBRARY.map((t) => ({ ...t }));
    writeTags(db, tags);
    wrote = true;
  }
  let grades = readGrades(db);
  if (grades === null) {
    grades = { rules: DEFAULT_GRADES.map((g) => ({ ...g })), complaintPlaybook: COMPLAINT_PLAYBOOK };
    writeGrades(db, grades);
    wrote = true;
  }
  let schemes = readSchemes(db);
  if (schemes === null) {
    schemes = DEFAULT_SCHEMES.map((s) => ({ ...s }));
    writeSchemes(db, schemes);
    wrote = true;
  }
  return { defs: { settings, tags, grades: grades.rules, complaintPlaybook: grades.complaintPlaybook, schemes }, wrote };
}

function invalid(why: string, details: Record<string, string | number | boolean | null> = {}): never {
  throw new AtlasError('INVALID_INPUT', why, { why, ...details });
}

function ruleIssueError(where: string, issues: readonly RuleIssue[]): never {
  const first = issues[0]!;
  const at = first.path === '' ? where : `${where} at ${first.path}`;
  invalid(`${at}: ${first.message}`, { path: first.path, issue: first.code, messageZh: first.messageZh, count: issues.length });
}

export function createAnalyticsOps(workspace: WorkspaceAccess): Handlers<AnalyticsWorkerSpec> {
  const engine = createAnalyticsEngine();
  let live: Live | null = null;

  /** Metrics for these settings: the stored/cached table when its windows match, else computed. */
  function metricsFor(db: Db, settings: AnalysisSettings, current: Live | null): { table: MetricTable; input: AnalysisInput | null; fingerprint: string; computed: boolean } {
    const fingerprint = current?.fingerprint ?? recordFingerprint(db);
    if (current && !needsMetrics(current.table.settings, settings)) {
      return { table: current.table, input: current.input, fingerprint, computed: false };
    }
    const input = current?.input ?? loadAnalysisInput(db, today());
    return { table: computeMetrics(input, settings), input, fingerprint, computed: true };
  }

  /**
   * Scores and stores: customer_scores, the changes of customer_tags, and a scoring run with
   * per-tag counts and entered / left against the previous result (in memory when we have it,
   * else as stored).
   */
  function scoreAndStore(db: Db, defs: Definitions, table: MetricTable, reason: string, before: Live | null): { scored: Scored; at: string; durationMs: number } {
    const started = performance.now();
    const scored = engine.score(table, defs);
    const durationMs = performance.now() - started;
    const previous = before !== null && before.db === db ? before.storedTags : null;
    const { at } = writeScoring(db, {
      table,
      result: scored.result,
      schemeIds: defs.schemes.map((s) => s.id),
      previous,
      reason,
      settings: defs.settings,
      durationMs,
    });
    return { scored, at, durationMs };
  }

  const storedTagsOf = (table: MetricTable, scored: Scored): PreviousMembers => ({
    kind: 'flags',
    customerIds: table.customerIds,
    flags: scored.result.tags.flags,
  });

  /** Full recompute from the records (after an import, or when stored metrics are stale). */
  async function recomputeAll(db: Db, ctx: JobContext, reason: string): Promise<Live> {
    ctx.progress('analytics.metrics', 0, 1);
    const { defs } = ensureDefinitions(db);
    const input = loadAnalysisInput(db, today());
    await ctx.checkpoint();
    const table = computeMetrics(input, defs.settings);
    const fingerprint = recordFingerprint(db);
    saveMetricTable(db, table, fingerprint, METRICS_VERSION);
    ctx.progress('analytics.metrics', 1, 1);
    await ctx.checkpoint();
    ctx.progress('analytics.scoring', 0, 1);
    const { scored, at, durationMs } = scoreAndStore(db, defs, table, reason, live);
    ctx.progress('analytics.scoring', 1, 1);
    return { db, defs, input, table, fingerprint, scored, scoredAt: at, durationMs, storedTags: storedTagsOf(table, scored) };
  }

  /** The live state of the open workspace, built from the stored metrics on first use. */
  function current(): Live {
    const db = workspace.db();
    if (live?.db === db) return live;
    const { defs, wrote } = ensureDefinitions(db);
    const stored = loadMetricTable(db, METRICS_VERSION);
    const fingerprint = recordFingerprint(db);
    let table: MetricTable;
    let input: AnalysisInput | null = null;
    let computed = false;
    if (stored && stored.fingerprint === fingerprint && !needsMetrics(stored.table.settings, defs.settings)) {
      table = stored.table;
    } else {
      input = loadAnalysisInput(db, today());
      table = computeMetrics(input, defs.settings);
      saveMetricTable(db, table, fingerprint, METRICS_VERSION);
      computed = true;
    }
    let next: Live;
    if (computed || wrote || Number(db.value('SELECT count(*) FROM scoring_runs')) === 0) {
      const { scored, at, durationMs } = scoreAndStore(db, defs, table, 'open', null);
      next = { db, defs, input, table, fingerprint, scored, scoredAt: at, durationMs, storedTags: storedTagsOf(table, scored) };
      workspace.markDirty();
    } else {
      const started = performance.now();
      const scored = engine.score(table, defs);
      const lastRun = listRuns(db, 1)[0];
      next = { db, defs, input, table, fingerprint, scored, scoredAt: lastRun?.at ?? new Date().toISOString(), durationMs: performance.now() - started, storedTags: null };
    }
    live = next;
    return next;
  }

  /** Re-scores the live state after a definition change, storing the result and a run. */
  function rescore(state: Live, defs: Definitions, reason: string, persist = true): Live {
    const { table, input, fingerprint, computed } = metricsFor(state.db, defs.settings, state);
    if (computed && persist) saveMetricTable(state.db, table, fingerprint, METRICS_VERSION);
    let next: Live;
    if (persist) {
      const { scored, at, durationMs } = scoreAndStore(state.db, defs, table, reason, state);
      next = { ...state, defs, table, input, fingerprint, scored, scoredAt: at, durationMs, storedTags: storedTagsOf(table, scored) };
      workspace.markDirty();
    } else {
      const started = performance.now();
      const scored = engine.score(table, defs);
      next = { ...state, defs, table, input, fingerprint, scored, scoredAt: new Date().toISOString(), durationMs: performance.now() - started };
    }
    live = next;
    return next;
  }

  function summaryOf(state: Live): AnalyticsSummary {
    return engine.summary(state.table, state.defs, state.scored, state.scoredAt, state.durationMs);
  }

  function tagList(state: Live): TagListResult {
    const runs = listRuns(state.db, 2);
    const latest = runs[0];
    const changes = latest?.tagChanges ?? {};
    const hasPrevious = runs.length > 1;
    const stats = state.scored.stats.tags.map((s) => {
      const change = changes[s.tagId];
      return hasPrevious && change ? { ...s, entered: change.entered, left: change.left } : { ...s, entered: null, left: null };
    });
    return {
      tags: state.defs.tags,
      stats,
      overall: state.scored.stats.overall,
      customers: state.table.size,
      previousRunAt: hasPrevious ? (runs[1]?.at ?? null) : null,
      errors: state.scored.result.tags.errors,
    };
  }

  function gradesView(state: Live): GradesView {
    const ruleCounts = new Array<number>(state.defs.grades.length + 1).fill(0);
    const { ruleIndex } = state.scored.result.grades;
    for (let i = 0; i < ruleIndex.length; i++) {
      const r = ruleIndex[i]!;
      if (r >= 0) ruleCounts[r] = (ruleCounts[r] ?? 0) + 1;
      else if (r === -1) ruleCounts[ruleCounts.length - 1] = (ruleCounts[ruleCounts.length - 1] ?? 0) + 1;
    }
    return {
      rules: state.defs.grades,
      complaintPlaybook: state.defs.complaintPlaybook,
      counts: state.scored.result.summary.gradeCounts,
      ruleCounts,
    };
  }

  function schemeViews(state: Live): SchemeView[] {
    const bins = state.defs.settings.bins;
    const scored = state.scored.result.rfm.scoredCount;
    return state.defs.schemes.map((scheme) => engine.schemeView(scheme, bins, state.scored.result.summary.segmentCounts[scheme.id] ?? {}, scored));
  }

  function ruleContext(state: Live): { schemeIds: string[]; tagIds: string[] } {
    return { schemeIds: state.defs.schemes.map((s) => s.id), tagIds: state.defs.tags.map((t) => t.id) };
  }

  workspace.onOpened(async (db, ctx) => {
    live = null;
    const { defs, wrote } = ensureDefinitions(db);
    const stored = loadMetricTable(db, METRICS_VERSION);
    const stale =
      stored === null ||
      stored.fingerprint !== recordFingerprint(db) ||
      needsMetrics(stored.table.settings, defs.settings) ||
      Number(db.value('SELECT count(*) FROM scoring_runs')) === 0;
    if (!stale) return wrote;
    live = await recomputeAll(db, ctx, 'open');
    return true;
  });

  workspace.onDataChanged(async (db, ctx) => {
    live = await recomputeAll(db, ctx, 'import');
    workspace.markDirty();
  });

  return {
    async analyticsSettingsGet(): Promise<AnalyticsSettingsView> {
      const state = current();
      return { settings: state.defs.settings, analysisDate: state.table.analysisDate, latestOrderDate: latestOrderDate(state.db) };
    },

    async analyticsSettingsSet({ settings, transient }) {
      const state = current();
      const normalized = normalizeSettings(settings);
      if (!transient) writeSettings(state.db, normalized);
      return summaryOf(rescore(state, { ...state.defs, settings: normalized }, 'settings', !transient));
    },

    async analyticsSummary() {
      return summaryOf(current());
    },

    async analyticsTagsList() {
      return tagList(current());
    },

    async analyticsTagsSave({ tag }) {
      const state = current();
      const tags = state.defs.tags;
      if (tag.parentId !== null) {
        if (tag.parentId === tag.id) invalid('tag.parentId: a tag cannot be its own parent', { path: 'parentId' });
        if (!tags.some((t) => t.id === tag.parentId)) invalid(`tag.parentId: no tag "${tag.parentId}" in the library`, { path: 'parentId' });
      }
      if (tag.rule !== null) {
        const issues = validateRule(tag.rule, ruleContext(state));
        if (issues.length > 0) ruleIssueError('tag.rule', issues);
      } else if (tag.level === 'tag' || tag.level === 'subtag') {
        invalid('tag.rule: a tag needs a rule', { path: '' });
      }
      const index = tags.findIndex((t) => t.id === tag.id);
      const next: TagDefinition[] = index >= 0 ? tags.map((t, i) => (i === index ? tag : t)) : [...tags, tag];
      const { cyclic } = tagEvaluationOrder(next);
      if (cyclic.includes(tag.id)) invalid(`tag.rule: "${tag.id}" depends on itself through other tags`, { path: '', issue: 'tag-cycle' });
      writeTags(state.db, next);
      return tagList(rescore(state, { ...state.defs, tags: next }, `tag:${tag.id}`));
    },

    async analyticsTagsDelete({ id }) {
      const state = current();
      if (!state.defs.tags.some((t) => t.id === id)) invalid(`no tag "${id}" in the library`);
      if (state.defs.tags.some((t) => t.parentId === id)) invalid(`"${id}" still has tags under it`);
      const users = state.defs.tags.filter((t) => t.id !== id && t.rule !== null && JSON.stringify(t.rule).includes(`"tag.${id}"`));
      if (users.length > 0) invalid(`"${id}" is used by the rule of "${users[0]!.id}"`);
      const next = state.defs.tags.filter((t) => t.id !== id);
      writeTags(state.db, next);
      return tagList(rescore(state, { ...state.defs, tags: next }, `tag-delete:${id}`));
    },

    async analyticsTagsPreview({ rule, tagId }): Promise<TagPreview> {
      const state = current();
      const issues = validateRule(rule, ruleContext(state));
      if (tagId !== undefined && issues.length === 0) {
        const existing = state.defs.tags.find((t) => t.id === tagId);
        const candidate: TagDefinition = existing ? { ...existing, rule } : { ...DEFAULT_TAG_LIBRARY.find((t) => t.rule !== null)!, id: tagId, rule, status: 'active' };
        const next = existing ? state.defs.tags.map((t) => (t.id === tagId ? candidate : t)) : [...state.defs.tags, candidate];
        if (tagEvaluationOrder(next).cyclic.includes(tagId)) {
          issues.push({ path: '', code: 'tag-cycle', message: 'The rule depends on this tag itself', messageZh: '规则通过其他标签引用了本标签自身' });
        }
      }
      if (issues.length > 0) return { count: null, customers: state.table.size, issues };
      return { count: engine.count(rule, state.table, state.scored), customers: state.table.size, issues: [] };
    },

    async analyticsTagsOverlap({ ids }) {
      const state = current();
      return engine.overlap(state.scored, ids);
    },

    async analyticsGradesGet() {
      return gradesView(current());
    },

    async analyticsGradesSave({ rules, complaintPlaybook }) {
      const state = current();
      const context = ruleContext(state);
      rules.forEach((g, i) => {
        const issues = validateRule(g.rule, context);
        if (issues.length > 0) ruleIssueError(`rules[${i}].rule`, issues);
      });
      const playbook = complaintPlaybook ?? state.defs.complaintPlaybook;
      writeGrades(state.db, { rules, complaintPlaybook: playbook });
      return gradesView(rescore(state, { ...state.defs, grades: rules, complaintPlaybook: playbook }, 'grades'));
    },

    async analyticsSchemesGet() {
      return schemeViews(current());
    },

    async analyticsSchemesSave({ scheme }) {
      const state = current();
      const errors = validateScheme(scheme, state.defs.settings.bins.r).filter((i) => i.severity === 'error');
      if (errors.length > 0) invalid(`scheme.${errors[0]!.path}: ${errors[0]!.message}`, { path: errors[0]!.path, messageZh: errors[0]!.messageZh });
      const index = state.defs.schemes.findIndex((s) => s.id === scheme.id);
      const next = index >= 0 ? state.defs.schemes.map((s, i) => (i === index ? scheme : s)) : [...state.defs.schemes, scheme];
      writeSchemes(state.db, next);
      return schemeViews(rescore(state, { ...state.defs, schemes: next }, `scheme:${scheme.id}`));
    },

    async analyticsSchemesPreview({ scheme }) {
      const state = current();
      const bins = state.defs.settings.bins;
      const issues = validateScheme(scheme, bins.r);
      const counts: Record<string, number> = {};
      if (!issues.some((i) => i.severity === 'error')) {
        for (const id of assignSegments(scheme, state.scored.result.rfm)) if (id !== null) counts[id] = (counts[id] ?? 0) + 1;
      }
      return engine.schemeView(scheme, bins, counts, state.scored.result.rfm.scoredCount);
    },

    async analyticsSchemesDelete({ id }) {
      const state = current();
      if (DEFAULT_SCHEMES.some((s) => s.id === id)) invalid(`scheme ${id} ships with Atlas and cannot be deleted (it can be reset)`, { scheme: id, code: 'built-in' });
      if (!state.defs.schemes.some((s) => s.id === id)) invalid(`no scheme with id ${id}`, { scheme: id, code: 'unknown' });
      const next = state.defs.schemes.filter((s) => s.id !== id);
      const context = { schemeIds: next.map((s) => s.id), tagIds: state.defs.tags.map((t) => t.id) };
      for (const tag of state.defs.tags) {
        if (tag.rule && validateRule(tag.rule, context).length > 0 && validateRule(tag.rule, ruleContext(state)).length === 0) {
          invalid(`scheme ${id} is used by the rule of tag ${tag.id}`, { scheme: id, usedBy: tag.id, code: 'in-use' });
        }
      }
      state.defs.grades.forEach((g, i) => {
        if (validateRule(g.rule, context).length > 0 && validateRule(g.rule, ruleContext(state)).length === 0) {
          invalid(`scheme ${id} is used by grade rule ${i + 1} (${g.grade})`, { scheme: id, usedBy: `grade:${i + 1}`, code: 'in-use' });
        }
      });
      writeSchemes(state.db, next);
      return schemeViews(rescore(state, { ...state.defs, schemes: next }, `scheme-delete:${id}`));
    },

    async analyticsSchemesReset({ id }) {
      const state = current();
      const shipped = DEFAULT_SCHEMES.find((s) => s.id === id);
      if (!shipped) invalid(`scheme ${id} is not a shipped scheme: only those can be reset`, { scheme: id, code: 'not-built-in' });
      const next = state.defs.schemes.map((s) => (s.id === id ? structuredClone(shipped) : s));
      if (!next.some((s) => s.id === id)) next.push(structuredClone(shipped));
      writeSchemes(state.db, next);
      return schemeViews(rescore(state, { ...state.defs, schemes: next }, `scheme-reset:${id}`));
    },

    async analyticsConversion({ dimension }): Promise<ConversionView> {
      if (!(CONVERSION_DIMENSIONS as readonly string[]).includes(dimension)) invalid(`unknown dimension ${dimension}`);
      const state = current();
      const input = state.input ?? loadAnalysisInput(state.db, today());
      if (live === state) live = { ...state, input };
      return engine.conversion(dimension, input, state.table, state.defs, state.scored);
    },

    async analyticsRuns() {
      return listRuns(current().db);
    },

    async analyticsExplain({ customerId }): Promise<CustomerExplainView> {
      const state = current();
      const header = customerHeader(state.db, customerId);
      const index = state.table.indexOf.get(customerId);
      if (!header || index === undefined) invalid(`no customer with id ${customerId}`);
      return engine.explain(index, header, state.table, state.defs, state.scored);
    },

    async analyticsScoreRows(): Promise<ScoreRow[]> {
      const state = current();
      const codes = new Map(state.db.all<{ id: number; code: string; name: string }>('SELECT id, code, name FROM customers').map((r) => [r.id, r]));
      return engine.rows(state.table, state.defs, state.scored, codes);
    },

    async analyticsLoadOrders({ orders }, ctx) {
      const db = workspace.db();
      if (Number(db.value('SELECT count(*) FROM customers')) > 0) invalid('the workspace already holds customers');
      const names = [...new Set(orders.map((o) => o.customer))];
      const dataset: Dataset = {
        customers: names.map((name) => ({
          code: name,
          name,
          type: 'enterprise',
          industry: '',
          province: '',
          city: '',
          county: null,
          divisionCode: null,
          address: null,
          contact: null,
          phone: null,
          accountManager: null,
          salesRegion: null,
          createdDate: null,
        })),
        orders: orders.map((o, i) => ({
          sourceId: `R${i + 1}`,
          customerCode: o.customer,
          orderDate: o.date,
          productLine: '',
          model: null,
          quantity: 1,
          amount: o.amount,
          paymentTerms: null,
          status: null,
        })),
        payments: [],
        opportunities: [],
        tickets: [],
        surveys: [],
        equipment: [],
      };
      await insertDataset(db, dataset, ctx);
      live = await recomputeAll(db, ctx, 'import');
      workspace.markDirty();
      return { customers: names.length, orders: orders.length };
    },
  };
}
