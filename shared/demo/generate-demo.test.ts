import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../schema/records.ts';
import { DEMO_DEFAULTS, DEMO_PHASES, generateDemo } from './index.ts';
import { hashString } from './rng.ts';

/** Length and hash of the JSON: equal datasets serialise identically, key order included. */
function fingerprint(dataset: Dataset): string {
  const json = JSON.stringify(dataset);
  return `${json.length}:${hashString(json)}`;
}

function allDates(dataset: Dataset): string[] {
  return [
    ...dataset.customers.map((c) => c.createdDate),
    ...dataset.orders.map((o) => o.orderDate),
    ...dataset.payments.flatMap((p) => [p.dueDate, p.paidDate]),
    ...dataset.opportunities.flatMap((o) => [o.createdDate, o.closeDate]),
    ...dataset.tickets.flatMap((t) => [t.openedDate, t.closedDate]),
    ...dataset.surveys.map((s) => s.surveyDate),
    ...dataset.equipment.flatMap((e) => [e.purchaseDate, e.lastOnline]),
  ].filter((d): d is string => d !== null);
}

describe('generateDemo determinism', () => {
  let defaults: Dataset;
  beforeAll(() => {
    defaults = generateDemo();
  });

  it('keeps the default dataset within 2019-01-01 and the default end date', () => {
    expect(allDates(defaults).filter((d) => d < '2019-01-01' || d > DEMO_DEFAULTS.endDate)).toEqual([]);
  });

  it('gives a deep-equal dataset for the same options', () => {
    const a = generateDemo({ customerCount: 300, seed: 11 });
    const b = generateDemo({ customerCount: 300, seed: 11 });
    expect(a).toStrictEqual(b);
  });

  it('gives byte-identical default datasets run after run, with the documented defaults', () => {
    const again = generateDemo({ seed: DEMO_DEFAULTS.seed, endDate: DEMO_DEFAULTS.endDate, customerCount: DEMO_DEFAULTS.customerCount });
    expect(fingerprint(again)).toBe(fingerprint(defaults));
  });

  it('changes with the seed', () => {
    const a = generateDemo({ customerCount: 300, seed: 1 });
    const b = generateDemo({ customerCount: 300, seed: 2 });
    expect(fingerprint(a)).not.toBe(fingerprint(b));
    expect(a.customers.map((c) => c.name)).not.toEqual(b.customers.map((c) => c.name));
  });
});

describe('generateDemo options', () => {
  it('keeps every date between 2019-01-01 and the end date it was given', () => {
    const endDate = '2024-06-30';
    const dataset = generateDemo({ customerCount: 400, endDate });
    const dates = allDates(dataset);
    expect(dates.length).toBeGreaterThan(1000);
    expect(dates.filter((d) => !(/^\d{4}-\d{2}-\d{2}$/.test(d) && d >= '2019-01-01' && d <= endDate))).toEqual([]);
    expect(dates.some((d) => d > '2024-06-01')).toBe(true);
  });

  it('scales with customerCount', () => {
    const small = generateDemo({ customerCount: 200 });
    const larger = generateDemo({ customerCount: 800 });
    expect(small.customers).toHaveLength(200);
    expect(larger.customers).toHaveLength(800);
    expect(larger.orders.length).toBeGreaterThan(small.orders.length * 2.5);
  });

  it('rejects impossible options instead of producing odd data', () => {
    expect(() => generateDemo({ customerCount: 0 })).toThrow(RangeError);
    expect(() => generateDemo({ customerCount: 2.5 })).toThrow(RangeError);
    expect(() => generateDemo({ endDate: '2020-01-01' })).toThrow(RangeError);
    expect(() => generateDemo({ endDate: '2026-02-30' })).toThrow();
  });

  it('reports each phase in order and finishes at total', () => {
    const calls: [string, number, number][] = [];
    generateDemo({ customerCount: 100, onProgress: (phase, done, total) => calls.push([phase, done, total]) });
    expect(calls.map(([phase]) => phase)).toEqual([...DEMO_PHASES]);
    expect(calls.map(([, done]) => done)).toEqual(DEMO_PHASES.map((_, i) => i));
    const last = calls[calls.length - 1];
    expect(last?.[1]).toBe(last?.[2]);
  });

  it('generates the default demo quickly', () => {
    const started = performance.now();
    generateDemo();
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
