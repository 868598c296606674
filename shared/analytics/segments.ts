/**
 * Assigning customers to the segments of a scheme (first match wins, catch-all last), the
 * coverage of a scheme over the score cells, and scheme validation.
 *
 * Matching goes through a precomputed cell → segment lookup (at most 5 × 5 × 5 cells), so
 * assigning 100,000 customers is one array read each.
 */
import type { Bins, CoverageCell, RfmResult, SchemeCoverage, SchemeIssue, SegmentDef, SegmentScheme } from './types.ts';

type BinsArg = number | { r: number; f: number; m: number };

function binsOf(b: BinsArg): { r: number; f: number; m: number } {
  return typeof b === 'number' ? { r: b, f: b, m: b } : b;
}

function rescale(score: number, bins: number, scale: number): number {
  if (bins === scale || bins <= 1) return score;
  return 1 + Math.round(((score - 1) * (scale - 1)) / (bins - 1));
}

function inRange(v: number, range: readonly [number, number] | undefined): boolean {
  return range === undefined || (v >= range[0] && v <= range[1]);
}

/** Does segment `def` contain the cell? Scores are raw 1..bins (rescaled here); flags 0/1. */
function matches(scheme: SegmentScheme, def: SegmentDef, r: number, f: number, m: number, bins: { r: number; f: number; m: number }): boolean {
  if (scheme.kind === 'flags') {
    const fl = def.flags ?? {};
    const lv = (x: number): 'H' | 'L' => (x === 1 ? 'H' : 'L');
    return (fl.r === undefined || fl.r === lv(r)) && (fl.f === undefined || fl.f === lv(f)) && (fl.m === undefined || fl.m === lv(m));
  }
  const sc = def.scores ?? {};
  const scale = scheme.scale ?? 5;
  const rs = rescale(r, bins.r, scale);
  const fs = rescale(f, bins.f, scale);
  const ms = rescale(m, bins.m, scale);
  const fm = Math.floor((fs + ms + 1) / 2);
  return inRange(rs, sc.r) && inRange(fs, sc.f) && inRange(ms, sc.m) && inRange(fm, sc.fm);
}

function cellsOf(scheme: SegmentScheme, bins: { r: number; f: number; m: number }): CoverageCell[] {
  const cells: CoverageCell[] = [];
  const lo = scheme.kind === 'flags' ? 0 : 1;
  const hi = scheme.kind === 'flags' ? { r: 1, f: 1, m: 1 } : bins;
  for (let r = hi.r; r >= lo; r--) {
    for (let f = hi.f; f >= lo; f--) {
      for (let m = hi.m; m >= lo; m--) {
        const ids = scheme.segments.filter((s) => matches(scheme, s, r, f, m, bins)).map((s) => s.id);
        cells.push({ r, f, m, matches: ids, assigned: ids[0] ?? scheme.catchAll.id });
      }
    }
  }
  return cells;
}

/**
 * Which segment covers each cell. For kind 'scores' the cells are the bins.r × bins.f × bins.m
 * score combinations; for kind 'flags' the 2 × 2 × 2 H/L combinations (0 = L, 1 = H). Overlaps
 * are cells matched by more than one segment (the first in order wins); gaps are cells matched
 * by none (they land in the catch-all).
 */
export function schemeCoverage(scheme: SegmentScheme, bins: BinsArg): SchemeCoverage {
  const b = binsOf(bins);
  const cells = cellsOf(scheme, b);
  const won = new Set(cells.map((c) => c.assigned));
  return {
    cells,
    overlaps: cells.filter((c) => c.matches.length > 1),
    gaps: cells.filter((c) => c.matches.length === 0),
    unreachable: scheme.segments.filter((s) => !won.has(s.id)).map((s) => s.id),
  };
}

/** The segment id of one score combination (raw scores, or 0/1 flags for kind 'flags'). */
export function segmentOf(scheme: SegmentScheme, r: number, f: number, m: number, bins: BinsArg): string {
  const b = binsOf(bins);
  for (const s of scheme.segments) if (matches(scheme, s, r, f, m, b)) return s.id;
  return scheme.catchAll.id;
}

/** Segment id per customer; null for unscored customers (prospects). */
export function assignSegments(scheme: SegmentScheme, rfm: RfmResult): (string | null)[] {
  const bins: { r: Bins; f: Bins; m: Bins } = rfm.bins;
  const flags = scheme.kind === 'flags';
  // Lookup over cells: index r*36 + f*6 + m covers scores 0..5 and flags 0..1.
  const lookup: string[] = new Array<string>(216);
  const lo = flags ? 0 : 1;
  const hi = flags ? { r: 1, f: 1, m: 1 } : bins;
  for (let r = lo; r <= hi.r; r++)
    for (let f = lo; f <= hi.f; f++)
      for (let m = lo; m <= hi.m; m++) lookup[r * 36 + f * 6 + m] = segmentOf(scheme, r, f, m, bins);
  const n = rfm.size;
  const out = new Array<string | null>(n);
  const R = flags ? rfm.rHigh : rfm.r;
  const F = flags ? rfm.fHigh : rfm.f;
  const M = flags ? rfm.mHigh : rfm.m;
  for (let i = 0; i < n; i++) {
    out[i] = rfm.scored[i] === 1 ? (lookup[R[i]! * 36 + F[i]! * 6 + M[i]!] ?? scheme.catchAll.id) : null;
  }
  return out;
}

const ID_PATTERN = /^[A-Za-z0-9_.:-]+$/;

/** Errors make a scheme unusable; warnings (gaps, overlaps, unreachable segments) inform the editor. */
export function validateScheme(scheme: SegmentScheme, bins: BinsArg = 5): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const err = (path: string, code: string, message: string, messageZh: string): void => {
    issues.push({ severity: 'error', path, code, message, messageZh });
  };
  if (!ID_PATTERN.test(scheme.id)) err('id', 'bad-id', 'The scheme id must be letters, digits, - _ . :', '方案编号只能包含字母、数字及 - _ . :');
  if (scheme.kind !== 'flags' && scheme.kind !== 'scores') err('kind', 'bad-kind', "kind must be 'flags' or 'scores'", "类型必须是 'flags' 或 'scores'");
  if (scheme.segments.length === 0) err('segments', 'empty', 'A scheme needs at least one segment', '方案至少需要一个分群');
  const scale = scheme.scale ?? 5;
  if (!Number.isInteger(scale) || scale < 2 || scale > 5) err('scale', 'bad-scale', 'scale must be 2..5', '分值范围必须为 2–5');
  const seen = new Set<string>([scheme.catchAll.id]);
  if (!ID_PATTERN.test(scheme.catchAll.id)) err('catchAll.id', 'bad-id', 'The catch-all id must be letters, digits, - _ . :', '兜底分群编号只能包含字母、数字及 - _ . :');
  scheme.segments.forEach((s, i) => {
    const path = `segments[${i}]`;
    if (!ID_PATTERN.test(s.id)) err(`${path}.id`, 'bad-id', `Segment id "${s.id}" must be letters, digits, - _ . :`, `分群编号 "${s.id}" 只能包含字母、数字及 - _ . :`);
    if (seen.has(s.id)) err(`${path}.id`, 'duplicate-id', `Segment id "${s.id}" is used twice`, `分群编号 "${s.id}" 重复`);
    seen.add(s.id);
    if (s.nameZh.trim() === '' || s.nameEn.trim() === '') err(`${path}`, 'missing-name', 'A segment needs a Chinese and an English name', '分群需要中文和英文名称');
    if (scheme.kind === 'flags') {
      if (s.flags === undefined) err(`${path}.flags`, 'missing-flags', 'A flags segment needs H/L flags', '高低分群需要 H/L 标记');
      for (const d of ['r', 'f', 'm'] as const) {
        const v = s.flags?.[d];
        if (v !== undefined && v !== 'H' && v !== 'L') err(`${path}.flags.${d}`, 'bad-flag', `${d.toUpperCase()} flag must be H or L`, `${d.toUpperCase()} 标记必须是 H 或 L`);
      }
    } else {
      if (s.scores === undefined) err(`${path}.scores`, 'missing-scores', 'A score segment needs score ranges', '得分分群需要得分范围');
      for (const d of ['r', 'f', 'm', 'fm'] as const) {
        const range = s.scores?.[d];
        if (range === undefined) continue;
        const [a, b] = range;
        if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b > scale) {
          err(`${path}.scores.${d}`, 'range-out-of-scale', `${d.toUpperCase()} range must be whole scores within 1..${scale}`, `${d.toUpperCase()} 范围必须是 1–${scale} 之间的整数得分`);
        } else if (a > b) {
          err(`${path}.scores.${d}`, 'range-order', `${d.toUpperCase()} range minimum ${a} is above its maximum ${b}`, `${d.toUpperCase()} 范围下限 ${a} 大于上限 ${b}`);
        }
      }
    }
  });
  if (issues.length > 0) return issues;
  const cov = schemeCoverage(scheme, bins);
  const fmt = (c: CoverageCell): string => `R${c.r}F${c.f}M${c.m}`;
  if (cov.gaps.length > 0) {
    issues.push({
      severity: 'warning',
      path: 'segments',
      code: 'gaps',
      message: `${cov.gaps.length} score cells match no segment and fall into "${scheme.catchAll.nameEn}": ${cov.gaps.slice(0, 8).map(fmt).join(', ')}${cov.gaps.length > 8 ? ' …' : ''}`,
      messageZh: `${cov.gaps.length} 个得分组合不属于任何分群，将归入“${scheme.catchAll.nameZh}”：${cov.gaps.slice(0, 8).map(fmt).join('、')}${cov.gaps.length > 8 ? ' …' : ''}`,
    });
  }
  if (cov.overlaps.length > 0) {
    issues.push({
      severity: 'warning',
      path: 'segments',
      code: 'overlaps',
      message: `${cov.overlaps.length} score cells match several segments; the first in order wins (e.g. ${fmt(cov.overlaps[0]!)}: ${cov.overlaps[0]!.matches.join(' > ')})`,
      messageZh: `${cov.overlaps.length} 个得分组合同时符合多个分群，按顺序取第一个（如 ${fmt(cov.overlaps[0]!)}：${cov.overlaps[0]!.matches.join(' > ')}）`,
    });
  }
  for (const id of cov.unreachable) {
    const i = scheme.segments.findIndex((s) => s.id === id);
    issues.push({
      severity: 'warning',
      path: `segments[${i}]`,
      code: 'unreachable',
      message: `Segment "${id}" never wins a cell: earlier segments cover all of it`,
      messageZh: `分群 "${id}" 永远不会被命中：其范围已被前面的分群完全覆盖`,
    });
  }
  return issues;
}
