/**
 * Per-tag statistics: coverage, change since the previous run (by customer id, so re-imports
 * that renumber rows do not count as changes… as long as ids are stable), win rate of the tag's
 * customers versus everyone (lift), and the overlap matrix.
 */
import type { MetricTable, TagAssignment, TagStat, TagStatistics, WinFlags } from './types.ts';

/** Previous run: a full assignment, or per tag the customer ids that had it. */
export type PreviousTags = TagAssignment | Readonly<Record<string, readonly number[] | Int32Array>>;

/** Per tag the customer ids having it (compact form to store in the run history). */
export function tagMembers(assignment: TagAssignment): Record<string, Int32Array> {
  const out: Record<string, Int32Array> = {};
  for (const id of assignment.order) {
    const f = assignment.flags[id]!;
    let k = 0;
    for (let i = 0; i < f.length; i++) k += f[i]!;
    const ids = new Int32Array(k);
    let p = 0;
    for (let i = 0; i < f.length; i++) if (f[i] === 1) ids[p++] = assignment.customerIds[i]!;
    out[id] = ids;
  }
  return out;
}

export function winFlagsFromMetrics(table: MetricTable): WinFlags {
  return { won: table.columns.wonOpportunities, lost: table.columns.lostOpportunities };
}

function isAssignment(p: PreviousTags): p is TagAssignment {
  return 'flags' in p && 'order' in p && 'customerIds' in p;
}

export function tagStatistics(assignment: TagAssignment, previous: PreviousTags | null, winFlags: WinFlags): TagStatistics {
  const n = assignment.size;
  const prev = previous === null ? null : isAssignment(previous) ? tagMembers(previous) : previous;
  let totalWon = 0;
  let totalLost = 0;
  for (let i = 0; i < n; i++) {
    totalWon += winFlags.won[i] ?? 0;
    totalLost += winFlags.lost[i] ?? 0;
  }
  const overallRate = totalWon + totalLost > 0 ? totalWon / (totalWon + totalLost) : null;
  const ids = assignment.order;
  const tags: TagStat[] = ids.map((id) => {
    const f = assignment.flags[id]!;
    let count = 0;
    let won = 0;
    let lost = 0;
    for (let i = 0; i < n; i++) {
      if (f[i] !== 1) continue;
      count++;
      won += winFlags.won[i] ?? 0;
      lost += winFlags.lost[i] ?? 0;
    }
    let entered: number | null = null;
    let left: number | null = null;
    const before = prev?.[id];
    if (prev !== null) {
      const had = new Set<number>(before ?? []);
      entered = 0;
      let stayed = 0;
      for (let i = 0; i < n; i++) {
        if (f[i] !== 1) continue;
        if (had.has(assignment.customerIds[i]!)) stayed++;
        else entered++;
      }
      left = had.size - stayed;
    }
    const winRate = won + lost > 0 ? won / (won + lost) : null;
    return {
      tagId: id,
      count,
      share: n > 0 ? count / n : 0,
      entered,
      left,
      won,
      lost,
      winRate,
      lift: winRate !== null && overallRate !== null && overallRate > 0 ? winRate / overallRate : null,
    };
  });
  // Overlap matrix via member index lists: cost Σ |A| per row instead of n per pair.
  const k = ids.length;
  const members = ids.map((id) => {
    const f = assignment.flags[id]!;
    const list: number[] = [];
    for (let i = 0; i < n; i++) if (f[i] === 1) list.push(i);
    return list;
  });
  const intersections: number[][] = [];
  const jaccard: (number | null)[][] = [];
  for (let a = 0; a < k; a++) {
    intersections.push(new Array<number>(k).fill(0));
    jaccard.push(new Array<number | null>(k).fill(null));
  }
  for (let a = 0; a < k; a++) {
    const ma = members[a]!;
    for (let b = a; b < k; b++) {
      const fb = assignment.flags[ids[b]!]!;
      let both = 0;
      for (const i of ma) both += fb[i]!;
      intersections[a]![b] = both;
      intersections[b]![a] = both;
      const union = ma.length + members[b]!.length - both;
      const j = union > 0 ? both / union : null;
      jaccard[a]![b] = j;
      jaccard[b]![a] = j;
    }
  }
  return { tags, overall: { won: totalWon, lost: totalLost, winRate: overallRate }, matrixIds: [...ids], intersections, jaccard };
}
