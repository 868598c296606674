/**
 * Analytics integration: the real services, the real worker bundle and real sql.js on the
 * demo workspace — scored on create, re-scored on settings and rule changes, rules validated
 * before they are stored, and the run history recording entered / left.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSettings, TagDefinition } from '../../shared/analytics/types.ts';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { createAtlasServices } from './atlas-services.ts';
import { dispatchCall } from './dispatch.ts';
import type { AtlasServices } from './types.ts';

let dir: string;
let cleanup: () => void;
let services: AtlasServices;

beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir('analytics'));
  services = await createAtlasServices({
    dataDir: path.join(dir, 'data'),
    host: { mode: 'browser', nativeDialogs: false, chooseFile: () => Promise.resolve(null) },
    systemLocale: 'en-US',
    version: '0.0.0-test',
    autosaveDelayMs: 60_000,
  });
  await services.start();
}, 120_000);

afterAll(async () => {
  await services.dispose();
  cleanup();
});

const api = () => services.api;

describe('analytics on the demo workspace', () => {
  it('is scored on create: varied segments, every grade, several lifecycle stages', async () => {
    const summary = await api()['analytics.summary'](undefined);
    expect(summary.customers).toBeGreaterThan(2000);
    expect(summary.scored).toBeGreaterThan(1000);
    expect(summary.scored).toBeLessThanOrEqual(summary.customers);
    const eight = summary.schemes.find((s) => s.id === 'rfm8')!;
    const eleven = summary.schemes.find((s) => s.id === 'rfm11')!;
    // Every scored customer is in exactly one segment of each scheme.
    expect(eight.segments.reduce((a, s) => a + s.count, 0)).toBe(summary.scored);
    expect(eleven.segments.reduce((a, s) => a + s.count, 0)).toBe(summary.scored);
    expect(eight.segments.filter((s) => s.count > 0).length).toBeGreaterThanOrEqual(6);
    expect(eleven.segments.filter((s) => s.count > 0).length).toBeGreaterThanOrEqual(7);
    for (const g of ['A', 'B', 'C', 'D'] as const) expect(summary.gradeCounts[g]).toBeGreaterThan(0);
    const stages = Object.values(summary.lifecycleCounts).filter((n) => n > 0);
    expect(stages.length).toBeGreaterThanOrEqual(3);
    // Defaults were written into the workspace so users can edit them.
    const tags = await api()['analytics.tags.list'](undefined);
    expect(tags.tags.length).toBeGreaterThan(10);
    const counted = tags.stats.filter((s) => s.count > 0 && s.count < summary.customers);
    expect(counted.length).toBeGreaterThanOrEqual(8);
    const runs = await api()['analytics.runs'](undefined);
    expect(runs.length).toBeGreaterThanOrEqual(1);
  });

  it('re-scores on a settings change: bins 5 → 3 narrows the scores, M total → average changes M', async () => {
    const { settings } = await api()['analytics.settings.get'](undefined);
    expect(settings.bins).toEqual({ r: 5, f: 5, m: 5 });
    const before = await api()['analytics.summary'](undefined);
    expect(before.rfm.bands.r.map((b) => b.score)).toContain(5);

    const three: AnalysisSettings = { ...settings, bins: { r: 3, f: 3, m: 3 } };
    const after = await api()['analytics.settings.set']({ settings: three });
    expect(after.rfm.bins).toEqual({ r: 3, f: 3, m: 3 });
    const scores = after.rfm.bands.r.filter((b) => b.count > 0).map((b) => b.score);
    expect(Math.max(...scores)).toBe(3);
    expect((await api()['analytics.settings.get'](undefined)).settings.bins.r).toBe(3);

    const totalM = after.rfm.means.m!;
    const average = await api()['analytics.settings.set']({ settings: { ...three, monetary: 'average' } });
    expect(average.rfm.monetary).toBe('average');
    expect(average.rfm.means.m).not.toBe(totalM);
    expect(average.rfm.means.m!).toBeLessThan(totalM);

    const restored = await api()['analytics.settings.set']({ settings });
    expect(restored.rfm.means.m).toBe(before.rfm.means.m);
    expect(restored.gradeCounts).toEqual(before.gradeCounts);
  });

  it('refuses an invalid rule with the place in the message and stores nothing', async () => {
    const before = await api()['analytics.tags.list'](undefined);
    const tag = before.tags.find((t) => t.id === 'high-purchasing-power')!;
    const bad: TagDefinition = {
      ...tag,
      rule: { all: [{ metric: 'monetary', op: 'ge', value: 1 }, { any: [{ metric: 'noSuchMetric', op: 'gt', value: 3 }] }] },
    };
    const envelope = await dispatchCall(api(), 'analytics.tags.save', { tag: bad });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('INVALID_INPUT');
    expect(envelope.error.message).toContain('all[1].any[0]');
    expect(envelope.error.message).toMatch(/noSuchMetric/);
    const after = await api()['analytics.tags.list'](undefined);
    expect(after.tags.find((t) => t.id === tag.id)).toEqual(tag);

    const empty = await dispatchCall(api(), 'analytics.tags.save', { tag: { ...tag, rule: { any: [] } } });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/empty/i);
  });

  it('validates malformed rule JSON at the API boundary (shape, depth, size)', async () => {
    const call = (rule: unknown) => dispatchCall(api(), 'analytics.tags.preview', { rule });
    for (const rule of [null, 'x', [], { all: 'x' }, { metric: 'monetary', op: 'drop table' }, { metric: 'monetary', op: 'gt', value: { $gt: 1 } }, { all: [], extra: 1 }]) {
      const e = await call(rule);
      expect(e.ok, JSON.stringify(rule)).toBe(false);
      if (!e.ok) expect(e.error.code).toBe('INVALID_INPUT');
    }
    let deep: unknown = { metric: 'monetary', op: 'gt', value: 1 };
    for (let i = 0; i < 40; i++) deep = { not: deep };
    const tooDeep = await call(deep);
    expect(tooDeep.ok).toBe(false);
    if (!tooDeep.ok) expect(tooDeep.error.message).toMatch(/deeper/);
    const wide = await call({ any: Array.from({ length: 1000 }, () => ({ metric: 'monetary', op: 'gt', value: 1 })) });
    expect(wide.ok).toBe(false);
    if (!wide.ok) expect(wide.error.message).toMatch(/nodes/);
    // Semantic problems come back as issues with their place, not as errors.
    const issues = await call({ all: [{ metric: 'monetary', op: 'contains', value: 'x' }] });
    expect(issues.ok).toBe(true);
    if (issues.ok) {
      const value = issues.value as { count: number | null; issues: { path: string }[] };
      expect(value.count).toBeNull();
      expect(value.issues[0]?.path).toBe('all[0]');
    }
  });

  it("a valid rule's preview count equals the count after saving; the run history records entered / left", async () => {
    const list = await api()['analytics.tags.list'](undefined);
    const tag = list.tags.find((t) => t.id === 'high-purchasing-power')!;
    const oldCount = list.stats.find((s) => s.tagId === tag.id)!.count;
    const rule = { metric: 'monetary', op: 'topPercent', value: 35 } as const;
    const preview = await api()['analytics.tags.preview']({ rule });
    expect(preview.issues).toEqual([]);
    expect(preview.count).toBeGreaterThan(oldCount);

    const saved = await api()['analytics.tags.save']({ tag: { ...tag, rule } });
    const stat = saved.stats.find((s) => s.tagId === tag.id)!;
    expect(stat.count).toBe(preview.count);
    expect(stat.entered).toBe(preview.count! - oldCount);
    expect(stat.left).toBe(0);
    expect(saved.previousRunAt).not.toBeNull();

    const runs = await api()['analytics.runs'](undefined);
    expect(runs[0]!.reason).toBe(`tag:${tag.id}`);
    expect(runs[0]!.tagCounts[tag.id]).toBe(preview.count);
    expect(runs[0]!.tagChanges[tag.id]).toEqual({ entered: preview.count! - oldCount, left: 0 });

    // Back to the shipped rule: the same customers leave again.
    const back = await api()['analytics.tags.save']({ tag });
    const s2 = back.stats.find((s) => s.tagId === tag.id)!;
    expect(s2.count).toBe(oldCount);
    expect(s2.left).toBe(preview.count! - oldCount);
    expect(s2.entered).toBe(0);
  });

  it('explains a customer, reports conversion, overlap, grades and schemes', async () => {
    const rows = await api()['analytics.tags.overlap']({});
    expect(rows.ids.length).toBeGreaterThan(5);
    expect(rows.intersections.length).toBe(rows.ids.length);
    const grades = await api()['analytics.grades.get'](undefined);
    expect(grades.rules.map((r) => r.grade)).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
    expect(grades.rules[0]!.playbook.zh.length).toBeGreaterThan(0);
    const schemes = await api()['analytics.schemes.get'](undefined);
    expect(schemes.map((s) => s.scheme.id)).toEqual(['rfm8', 'rfm11']);
    expect(schemes[1]!.coverage.gaps).toBe(0);
    const conv = await api()['analytics.conversion']({ dimension: 'grade' });
    expect(conv.rows.length).toBeGreaterThan(1);
    expect(conv.total!.won).toBe(conv.rows.reduce((a, r) => a + r.won, 0));
    const bad = await dispatchCall(api(), 'analytics.conversion', { dimension: 'nope' });
    expect(bad.ok).toBe(false);
    const explained = await api()['analytics.customer.explain']({ customerId: 1 });
    expect(explained.customerId).toBe(1);
    expect(explained.explanation.tags.length).toBeGreaterThan(0);
  });
});
