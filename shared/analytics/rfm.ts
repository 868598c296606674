/**
 * RFM scores 1..N per dimension, and the mean-based H/L flags of the 8-class scheme.
 *
 * Scored customers: those with at least one purchase on or before the analysis date (recencyDays
 * is not null). Prospects get score 0 (= unscored) and no flags. With a limited F/M window, a
 * customer whose purchases all precede the window is still scored, with F = 0 and M = 0.
 *
 * Quantile rule (ties): for a dimension with N bins and `count` scored customers,
 *   score = 1 + floor(N × worse / count)
 * where `worse` is the number of scored customers with a strictly worse value (R: more days;
 * F, M: smaller). Equal values have the same `worse`, so they ALWAYS get the same score; the
 * worst value always gets 1 and a score never exceeds N (worse ≤ count − 1). When most customers
 * share a value (F = 1 for 70 %), they all get 1 and the next value jumps to the score its rank
 * earns (here 1 + floor(5 × 0.7) = 4): scores are skipped rather than ties broken arbitrarily,
 * and a warning says the dimension has fewer distinct scores than bins.
 *
 * Threshold rule: F and M score = 1 + number of cut points ≤ value; R cut points are "at most
 * N days" limits, score = N − number of cut points < days. Scores are clamped to 1..N.
 *
 * Mean flags: R high when recencyDays < mean (strictly more recent than the mean), F high when
 * frequency > mean, M high when monetary > mean; a value exactly at the mean is LOW. Means over
 * scored customers only.
 */
import type { AnalysisSettings, Bins, MetricTable, RfmDimension, RfmResult, RfmWarning, ScoreBand } from './types.ts';

const KEYS = { r: 'recencyDays', f: 'frequency', m: 'monetary' } as const;
const NAMES_ZH = { r: '最近购买 (R)', f: '购买频次 (F)', m: '消费金额 (M)' } as const;

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whole-number values over a modest range (days since the last order, purchase counts, most
 * amounts in yuan) are counted instead of sorted: worse = the running count of smaller (or, for
 * R, larger) values — the same scores as the sort below, in a fraction of the time.
 */
function countedScores(values: Float64Array, scored: Uint8Array, count: number, bins: number, lowerIsBetter: boolean, out: Uint8Array): boolean {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    if (scored[i] !== 1) continue;
    const v = values[i]!;
    if (!Number.isInteger(v)) return false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (max - min > 4 * count + 1024) return false;
  // below[k] = number of scored values smaller than min + k (k = 0 .. range + 1).
  const below = new Int32Array(max - min + 2);
  for (let i = 0; i < values.length; i++) if (scored[i] === 1) below[values[i]! - min + 1]! += 1;
  for (let k = 1; k < below.length; k++) below[k]! += below[k - 1]!;
  for (let i = 0; i < values.length; i++) {
    if (scored[i] !== 1) continue;
    const k = values[i]! - min;
    const worse = lowerIsBetter ? count - below[k + 1]! : below[k]!;
    out[i] = 1 + Math.floor((bins * worse) / count);
  }
  return true;
}

function quantileScores(values: Float64Array, scored: Uint8Array, count: number, bins: number, lowerIsBetter: boolean, out: Uint8Array): void {
  if (countedScores(values, scored, count, bins, lowerIsBetter, out)) return;
  // Goodness g: higher = better, so "worse" = strictly smaller g.
  const sorted = new Float64Array(count);
  let p = 0;
  for (let i = 0; i < values.length; i++) if (scored[i] === 1) sorted[p++] = lowerIsBetter ? -values[i]! : values[i]!;
  sorted.sort();
  for (let i = 0; i < values.length; i++) {
    if (scored[i] !== 1) continue;
    const g = lowerIsBetter ? -values[i]! : values[i]!;
    const worse = lowerBound(sorted, g);
    out[i] = 1 + Math.floor((bins * worse) / count);
  }
}

function thresholdScores(values: Float64Array, scored: Uint8Array, cuts: readonly number[], bins: number, lowerIsBetter: boolean, out: Uint8Array): void {
  for (let i = 0; i < values.length; i++) {
    if (scored[i] !== 1) continue;
    const v = values[i]!;
    let passed = 0;
    if (lowerIsBetter) {
      for (const c of cuts) if (v > c) passed++;
      out[i] = Math.max(1, Math.min(bins, bins - passed));
    } else {
      for (const c of cuts) if (v >= c) passed++;
      out[i] = Math.max(1, Math.min(bins, 1 + passed));
    }
  }
}

function bands(values: Float64Array, scores: Uint8Array, bins: number): ScoreBand[] {
  const min = new Float64Array(bins + 1).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(bins + 1).fill(Number.NEGATIVE_INFINITY);
  const count = new Float64Array(bins + 1);
  for (let i = 0; i < values.length; i++) {
    const s = scores[i]!;
    if (s === 0) continue;
    const v = values[i]!;
    count[s]!++;
    if (v < min[s]!) min[s] = v;
    if (v > max[s]!) max[s] = v;
  }
  const out: ScoreBand[] = [];
  for (let s = 1; s <= bins; s++) {
    const c = count[s]!;
    out.push({ score: s, min: c > 0 ? min[s]! : null, max: c > 0 ? max[s]! : null, count: c });
  }
  return out;
}

function validCuts(cuts: readonly number[], bins: number): boolean {
  if (cuts.length !== bins - 1) return false;
  for (let i = 0; i < cuts.length; i++) {
    if (!Number.isFinite(cuts[i]!)) return false;
    if (i > 0 && cuts[i]! <= cuts[i - 1]!) return false;
  }
  return true;
}

export function scoreRfm(table: MetricTable, settings: AnalysisSettings): RfmResult {
  const n = table.size;
  const rec = table.columns.recencyDays;
  const scored = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(rec[i]!)) {
      scored[i] = 1;
      count++;
    }
  }
  const scores = { r: new Uint8Array(n), f: new Uint8Array(n), m: new Uint8Array(n) };
  const warnings: RfmWarning[] = [];
  const bandsOut = {} as Record<RfmDimension, ScoreBand[]>;
  const means = { r: null as number | null, f: null as number | null, m: null as number | null };
  for (const dim of ['r', 'f', 'm'] as const) {
    const values = table.columns[KEYS[dim]];
    const bins: Bins = settings.bins[dim];
    const lowerIsBetter = dim === 'r';
    if (count > 0) {
      if (settings.method === 'thresholds') {
        const cuts = settings.thresholds[dim];
        if (!validCuts(cuts, bins)) {
          warnings.push({
            dimension: dim,
            code: 'bad-thresholds',
            distinctScores: 0,
            bins,
            messageEn: `${dim.toUpperCase()}: ${bins} bins need ${bins - 1} ascending cut points; got [${cuts.join(', ')}].`,
            messageZh: `${NAMES_ZH[dim]}：${bins} 档需要 ${bins - 1} 个递增的分界值，当前为 [${cuts.join(', ')}]。`,
          });
        }
        thresholdScores(values, scored, cuts, bins, lowerIsBetter, scores[dim]);
      } else {
        quantileScores(values, scored, count, bins, lowerIsBetter, scores[dim]);
      }
      let sum = 0;
      for (let i = 0; i < n; i++) if (scored[i] === 1) sum += values[i]!;
      means[dim] = sum / count;
    }
    bandsOut[dim] = bands(values, scores[dim], bins);
    const distinct = bandsOut[dim].filter((b) => b.count > 0).length;
    if (count === 0) {
      warnings.push({
        dimension: dim,
        code: 'no-scored-customers',
        distinctScores: 0,
        bins,
        messageEn: 'No customer has a purchase on or before the analysis date: nothing to score.',
        messageZh: '分析日期及之前没有任何购买记录，无法评分。',
      });
    } else if (distinct < bins) {
      const suggestion = settings.method === 'quantile';
      warnings.push({
        dimension: dim,
        code: 'fewer-distinct-scores',
        distinctScores: distinct,
        bins,
        messageEn:
          `${dim.toUpperCase()} has only ${distinct} distinct scores for ${bins} bins: many customers share the same value and equal values get equal scores.` +
          (suggestion ? ' Consider business-set thresholds for this dimension.' : ''),
        messageZh:
          `${NAMES_ZH[dim]}只有 ${distinct} 个不同得分（共 ${bins} 档）：大量客户数值相同，相同数值得分相同。` +
          (suggestion ? '建议改用业务阈值评分。' : ''),
      });
    }
  }

  const rHigh = new Uint8Array(n);
  const fHigh = new Uint8Array(n);
  const mHigh = new Uint8Array(n);
  if (count > 0) {
    const mr = means.r!;
    const mf = means.f!;
    const mm = means.m!;
    const fv = table.columns.frequency;
    const mv = table.columns.monetary;
    for (let i = 0; i < n; i++) {
      if (scored[i] !== 1) continue;
      rHigh[i] = rec[i]! < mr ? 1 : 0;
      fHigh[i] = fv[i]! > mf ? 1 : 0;
      mHigh[i] = mv[i]! > mm ? 1 : 0;
    }
  }

  const methodText =
    settings.method === 'quantile'
      ? {
          en: 'Quantile scores: score = 1 + floor(bins × number of scored customers with a strictly worse value ÷ scored customers). Equal values always get equal scores; heavy ties skip scores instead of splitting customers. R: fewer days is better.',
          zh: '分位数评分：得分 = 1 + floor(档数 × 数值严格更差的已评分客户数 ÷ 已评分客户数)。相同数值得分一定相同；大量并列时跳过部分得分而不拆分客户。R：天数越少越好。',
        }
      : {
          en: 'Business thresholds: F and M score = 1 + number of cut points ≤ value; R score = bins − number of day limits exceeded.',
          zh: '业务阈值评分：F、M 得分 = 1 + 不大于该值的分界点个数；R 得分 = 档数 − 超过的天数分界个数。',
        };

  return {
    size: n,
    scored,
    scoredCount: count,
    r: scores.r,
    f: scores.f,
    m: scores.m,
    rHigh,
    fHigh,
    mHigh,
    means,
    bins: { ...settings.bins },
    method: settings.method,
    methodText,
    monetary: settings.monetary,
    bands: bandsOut,
    warnings,
  };
}
