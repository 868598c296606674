import { describe, expect, it } from 'vitest';
import { AtlasError } from '../api/errors.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { RULE_LIMITS, analyticsValidators, checkRule } from './api.ts';

function reason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AtlasError);
    expect((error as AtlasError).code).toBe('INVALID_INPUT');
    return (error as AtlasError).message;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('analytics API validators', () => {
  it('accepts well-formed rule trees and keeps only known keys', () => {
    const rule = { all: [{ metric: 'monetary', op: 'topPercent', value: 20 }, { not: { any: [{ metric: 'province', op: 'in', value: ['江苏', '浙江'] }] } }] };
    expect(checkRule('m', rule)).toEqual(rule);
    expect(checkRule('m', { metric: 'openComplaints', op: 'notEmpty' })).toEqual({ metric: 'openComplaints', op: 'notEmpty' });
  });

  it('refuses malformed rules naming the place', () => {
    expect(reason(() => checkRule('m', { all: [{ metric: 'x', op: 'gt', value: 1 }, { any: [{ metric: 'x', op: 'nope' }] }] }))).toContain('all[1].any[0]');
    expect(reason(() => checkRule('m', { all: [{ metric: '', op: 'gt', value: 1 }] }))).toContain('all[0]');
    expect(reason(() => checkRule('m', { any: [], all: [] }))).toMatch(/unexpected field/);
    expect(reason(() => checkRule('m', { metric: 'x', op: 'gt', value: Number.NaN }))).toMatch(/finite/);
    expect(reason(() => checkRule('m', { metric: 'x', op: 'gt', value: { a: 1 } }))).toMatch(/value/);
    expect(reason(() => checkRule('m', { metric: 'x', op: 'in', value: Array.from({ length: RULE_LIMITS.listValues + 1 }, () => 1) }))).toMatch(/more than/);
    let deep: unknown = { metric: 'x', op: 'gt', value: 1 };
    for (let i = 0; i < RULE_LIMITS.depth; i++) deep = { not: deep };
    expect(reason(() => checkRule('m', deep))).toMatch(/deeper/);
    expect(reason(() => checkRule('m', { any: Array.from({ length: RULE_LIMITS.nodes }, () => ({ metric: 'x', op: 'gt', value: 1 })) }))).toMatch(/nodes/);
  });

  it('checks settings whole: bins, thresholds ascending, lifecycle factors, unknown keys', () => {
    const set = analyticsValidators['analytics.settings.set'];
    expect(set({ settings: DEFAULT_SETTINGS }).settings).toEqual(DEFAULT_SETTINGS);
    expect(reason(() => set({ settings: { ...DEFAULT_SETTINGS, bins: { r: 6, f: 5, m: 5 } } }))).toMatch(/bins\.r/);
    expect(reason(() => set({ settings: { ...DEFAULT_SETTINGS, thresholds: { ...DEFAULT_SETTINGS.thresholds, f: [3, 2] } } }))).toMatch(/ascending/);
    expect(reason(() => set({ settings: { ...DEFAULT_SETTINGS, analysisDate: '2024-13-45' } }))).toMatch(/analysisDate/);
    expect(reason(() => set({ settings: { ...DEFAULT_SETTINGS, lifecycle: { ...DEFAULT_SETTINGS.lifecycle, lostFactor: 1 } } }))).toMatch(/lostFactor/);
    expect(reason(() => set({ settings: { ...DEFAULT_SETTINGS, extra: 1 } }))).toMatch(/unexpected/);
    expect(reason(() => set({ settings: { ...DEFAULT_SETTINGS, monetary: 'median' } }))).toMatch(/monetary/);
  });

  it('checks tags, conversion dimensions and ids', () => {
    const save = analyticsValidators['analytics.tags.save'];
    const tag = {
      id: 'my-tag',
      parentId: 'purchasing-power',
      level: 'tag',
      nameZh: '我的标签',
      nameEn: 'My tag',
      descriptionZh: '',
      descriptionEn: '',
      polarity: 'neutral',
      color: '#112233',
      kind: 'statistical',
      status: 'draft',
      rule: { metric: 'frequency', op: 'ge', value: 2 },
    };
    expect(save({ tag }).tag).toEqual(tag);
    expect(reason(() => save({ tag: { ...tag, id: '../../x' } }))).toMatch(/tag\.id/);
    expect(reason(() => save({ tag: { ...tag, color: 'red' } }))).toMatch(/color/);
    expect(reason(() => save({ tag: { ...tag, nameZh: '<b>'.repeat(200) } }))).toMatch(/longer/);
    expect(reason(() => analyticsValidators['analytics.conversion']({ dimension: 'planet' }))).toMatch(/dimension/);
    expect(reason(() => analyticsValidators['analytics.customer.explain']({ customerId: 1.5 }))).toMatch(/customerId/);
    expect(analyticsValidators['analytics.summary'](undefined)).toBeUndefined();
    expect(reason(() => analyticsValidators['analytics.summary']({ x: 1 }))).toMatch(/no parameters/);
  });
});
