import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../demo/index.ts';
import { computeMetrics } from './metrics.ts';
import { datasetToInput } from './dataset-input.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { runScoring } from './scoring.ts';
import { DEFAULT_TAG_LIBRARY } from './default-tags.ts';
import { DEFAULT_GRADES } from './grades.ts';
import { DEFAULT_SCHEMES } from './schemes.ts';
import { tagStatistics, winFlagsFromMetrics } from './tag-stats.ts';
import { conversion, funnel, byLifecycle } from './conversion.ts';
import type { AnalysisInput, MetricTable, ScoringResult } from './types.ts';

describe('analytics on the demo workspace', () => {
  let input: AnalysisInput;
  let table: MetricTable;
  let result: ScoringResult;
  beforeAll(() => {
    input = datasetToInput(generateDemo());
    table = computeMetrics(input, DEFAULT_SETTINGS);
    result = runScoring(table, DEFAULT_SETTINGS, DEFAULT_TAG_LIBRARY, DEFAULT_GRADES, DEFAULT_SCHEMES);
  });

  it('produces varied scores, segments, tags, grades and stages (no dimension collapses)', () => {
    const { rfm, summary } = result;
    const distinct = (a: Uint8Array): number => new Set(Array.from(a).filter((x) => x > 0)).size;
    const stats = tagStatistics(result.tags, null, winFlagsFromMetrics(table));
    const lines = [
      `analysis date ${table.analysisDate}; customers ${summary.customers}, scored ${summary.scored}`,
      `R bands ${JSON.stringify(rfm.bands.r.map((b) => [b.score, b.count, b.min, b.max]))}`,
      `F bands ${JSON.stringify(rfm.bands.f.map((b) => [b.score, b.count, b.min, b.max]))}`,
      `M bands ${JSON.stringify(rfm.bands.m.map((b) => [b.score, b.count, b.min, b.max]))}`,
      `warnings ${rfm.warnings.map((w) => w.messageEn).join(' | ')}`,
      `rfm8 ${JSON.stringify(summary.segmentCounts['rfm8'])}`,
      `rfm11 ${JSON.stringify(summary.segmentCounts['rfm11'])}`,
      `grades ${JSON.stringify(summary.gradeCounts)}`,
      `lifecycle ${JSON.stringify(summary.lifecycleCounts)}`,
      `tags ${stats.tags.map((t) => `${t.tagId}=${t.count} (${(t.share * 100).toFixed(1)}%, lift ${t.lift?.toFixed(2) ?? '-'})`).join(', ')}`,
      `tag errors ${JSON.stringify(result.tags.errors)}`,
    ];
    console.log(lines.join('\n'));

    expect(distinct(rfm.r)).toBeGreaterThanOrEqual(3);
    expect(distinct(rfm.m)).toBeGreaterThanOrEqual(3);
    expect(Object.keys(summary.segmentCounts['rfm8'] ?? {}).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(summary.segmentCounts['rfm11'] ?? {}).length).toBeGreaterThanOrEqual(6);
    for (const g of ['A', 'B', 'C', 'D'] as const) expect(summary.gradeCounts[g]).toBeGreaterThan(0);
    const stages = Object.values(summary.lifecycleCounts).filter((c) => c > 0).length;
    expect(stages).toBeGreaterThanOrEqual(4);
    expect(result.tags.errors).toEqual([]);
    for (const t of DEFAULT_TAG_LIBRARY) {
      if (t.rule === null) continue;
      const c = summary.tagCounts[t.id] ?? 0;
      expect(c, t.id).toBeGreaterThan(0);
      expect(c, t.id).toBeLessThan(summary.customers);
    }
    // The credit dimension is spread out: with the default week of grace 回款及时 is a common
    // tag (it covered 4.5 % when paying a day late counted as late), and none of the three dominates.
    const withDue = Array.from(table.columns.onTimeRate).filter((v) => !Number.isNaN(v)).length;
    for (const id of ['pays-on-time', 'occasionally-overdue', 'long-overdue']) {
      const share = (summary.tagCounts[id] ?? 0) / withDue;
      expect(share, id).toBeGreaterThan(0.03);
      expect(share, id).toBeLessThan(0.75);
    }
    expect((summary.tagCounts['pays-on-time'] ?? 0) / withDue).toBeGreaterThan(0.2);
    const churned = Array.from(result.churn.risk).filter((r) => r > 0).length;
    expect(churned).toBeGreaterThan(0);
  });

  it('gives a funnel and conversion by lifecycle stage', () => {
    const f = funnel(input.opportunities);
    expect(f.length).toBeGreaterThanOrEqual(6);
    const rows = conversion(input.opportunities, byLifecycle(result.lifecycle), table.indexOf);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    console.log(`funnel ${f.map((s) => `${s.stage}:${s.current}/${s.reached}`).join(' ')}`);
    console.log(`conversion by lifecycle ${rows.map((r) => `${r.key} ${r.won}/${r.closed}`).join(', ')}`);
  });
});
