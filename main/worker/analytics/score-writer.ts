/**
 * Writing a scoring result back into the workspace: customer_scores (replaced), the changes
 * of customer_tags (only rows that entered or left), and a scoring run with per-tag counts and
 * entered / left. The app (analytics-ops) and the re-scoring benchmark both use this, so the
 * benchmark measures what a user waits for.
 */
import type { AnalysisSettings, MetricTable, ScoringResult } from '../../../shared/analytics/index.ts';
import type { Db } from '../data/db.ts';
import { applyTagChanges, insertRun, readTagMembers, recordTagChanges, saveScores } from './analytics-store.ts';

/** The tag members before this run: flags of the previous result in memory, or as stored. */
export type PreviousMembers =
  | { kind: 'flags'; customerIds: Int32Array; flags: Record<string, Uint8Array> }
  | { kind: 'sets'; members: Map<string, Set<number>> };

export interface TagDelta {
  /** Per tag: customer ids that entered / left (a dropped tag's members left it). */
  inserts: Map<string, number[]>;
  deletes: Map<string, number[]>;
  /** Tags that had members stored but are no longer evaluated. */
  dropped: string[];
  tagCounts: Record<string, number>;
  tagChanges: Record<string, { entered: number; left: number }>;
}

/** Customer ids whose flag is set. */
function flagged(flags: Uint8Array, customerIds: Int32Array): number[] {
  const ids: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i] === 1) ids.push(customerIds[i]!);
  return ids;
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Entered / left per tag between the previous members and this result. */
export function tagDelta(table: MetricTable, result: ScoringResult, previous: PreviousMembers, hadRun: boolean): TagDelta {
  const ids = table.customerIds;
  let before: PreviousMembers = previous;
  // Flags of another customer list (records changed): compare by customer id instead.
  if (before.kind === 'flags' && !sameIds(before.customerIds, ids)) {
    const members = new Map<string, Set<number>>();
    for (const [tagId, flags] of Object.entries(before.flags)) members.set(tagId, new Set(flagged(flags, before.customerIds)));
    before = { kind: 'sets', members };
  }
  const delta: TagDelta = { inserts: new Map(), deletes: new Map(), dropped: [], tagCounts: {}, tagChanges: {} };
  for (const tagId of result.tags.order) {
    const flags = result.tags.flags[tagId]!;
    const entered: number[] = [];
    const left: number[] = [];
    let count = 0;
    if (before.kind === 'flags') {
      const old = before.flags[tagId];
      for (let i = 0; i < flags.length; i++) {
        const now = flags[i] === 1;
        const had = old !== undefined && old[i] === 1;
        if (now) count += 1;
        if (now && !had) entered.push(ids[i]!);
        else if (!now && had) left.push(ids[i]!);
      }
    } else {
      const had = before.members.get(tagId);
      const nowSet = had ? new Set<number>() : null;
      for (let i = 0; i < flags.length; i++) {
        if (flags[i] !== 1) continue;
        const id = ids[i]!;
        count += 1;
        nowSet?.add(id);
        if (!had?.has(id)) entered.push(id);
      }
      if (had) for (const id of had) if (!nowSet!.has(id)) left.push(id);
    }
    if (entered.length > 0) delta.inserts.set(tagId, entered);
    if (left.length > 0) delta.deletes.set(tagId, left);
    delta.tagCounts[tagId] = count;
    if (hadRun) delta.tagChanges[tagId] = { entered: entered.length, left: left.length };
  }
  const previousTags = before.kind === 'flags' ? Object.keys(before.flags) : [...before.members.keys()];
  delta.dropped = previousTags.filter((tagId) => !(tagId in delta.tagCounts));
  // Members of a tag no longer evaluated have left it (the change log says so).
  for (const tagId of delta.dropped) {
    const left = before.kind === 'flags' ? flagged(before.flags[tagId]!, before.customerIds) : [...before.members.get(tagId)!];
    if (left.length > 0) delta.deletes.set(tagId, left);
  }
  return delta;
}

export interface WriteScoringOptions {
  table: MetricTable;
  result: ScoringResult;
  schemeIds: readonly string[];
  /** Members before this run; null = read them from customer_tags. */
  previous: PreviousMembers | null;
  reason: string;
  settings: AnalysisSettings;
  /** Time the computation took (stored with the run). */
  durationMs: number;
  at?: string;
}

/** Writes scores, tag changes, the run and its change log in one transaction. */
export function writeScoring(db: Db, options: WriteScoringOptions): { at: string; delta: TagDelta } {
  const { table, result } = options;
  const hadRun = Number(db.value('SELECT count(*) FROM scoring_runs')) > 0;
  const previous = options.previous ?? { kind: 'sets', members: readTagMembers(db) };
  const delta = tagDelta(table, result, previous, hadRun);
  const at = options.at ?? new Date().toISOString();
  db.transaction(() => {
    saveScores(db, table, result, options.schemeIds);
    applyTagChanges(db, delta.inserts, delta.deletes, delta.dropped);
    const runId = insertRun(db, {
      at,
      reason: options.reason,
      settings: options.settings,
      customers: table.size,
      scored: result.rfm.scoredCount,
      tagCounts: delta.tagCounts,
      tagChanges: delta.tagChanges,
      durationMs: options.durationMs,
    });
    // The first run has nothing to compare with: its log is empty.
    recordTagChanges(db, runId, hadRun ? delta : null);
  });
  return { at, delta };
}
