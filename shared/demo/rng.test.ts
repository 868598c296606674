import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createPicker, createRng, hashString } from './rng.ts';

const draw = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
  });

  it('stays in [0, 1) and looks uniform', () => {
    const values = draw(7, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)] = (deciles[Math.floor(v * 10)] ?? 0) + 1;
    for (const count of deciles) expect(Math.abs(count - 2_000)).toBeLessThan(200);
  });

  it('int covers both bounds and nothing outside them', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 5 }), (seed, min, span) => {
        const rng = createRng(seed);
        const seen = new Set<number>();
        for (let i = 0; i < 200; i += 1) {
          const v = rng.int(min, min + span);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(min);
          expect(v).toBeLessThanOrEqual(min + span);
          seen.add(v);
        }
        expect(seen.size).toBe(span + 1);
      }),
      { numRuns: 50 },
    );
  });

  it('forks by label without consuming the parent stream', () => {
    const a = createRng(1);
    const b = createRng(1);
    const forkA = a.fork('orders');
    b.fork('something else');
    expect(a.next()).toBe(b.next());
    expect(forkA.next()).toBe(createRng(1).fork('orders').next());
    expect(createRng(1).fork('orders').next()).not.toBe(createRng(1).fork('payments').next());
    expect(createRng(1).fork('x').next()).not.toBe(createRng(2).fork('x').next());
  });

  it('draws Poisson counts with the requested mean', () => {
    const rng = createRng(99);
    for (const lambda of [0.2, 3, 50]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i += 1) sum += rng.poisson(lambda);
      expect(sum / 20_000).toBeCloseTo(lambda, lambda < 1 ? 1 : 0);
    }
    expect(rng.poisson(0)).toBe(0);
  });

  it('centres log-normal draws on the median', () => {
    const rng = createRng(5);
    const values = Array.from({ length: 10_001 }, () => rng.logNormal(6_000, 1)).sort((a, b) => a - b);
    const median = values[5_000] ?? 0;
    expect(median).toBeGreaterThan(5_500);
    expect(median).toBeLessThan(6_500);
  });

  it('weighted and createPicker follow the weights', () => {
    const rng = createRng(3);
    const picker = createPicker(['a', 'b', 'c'] as const, [1, 0, 3]);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 8_000; i += 1) counts[picker(rng)] += 1;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.6);
    expect(counts.c / counts.a).toBeLessThan(3.4);
    const weighted = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 8_000; i += 1) weighted[rng.weighted(['a', 'b', 'c'] as const, [1, 0, 3])] += 1;
    expect(weighted.b).toBe(0);
    expect(weighted.c / weighted.a).toBeGreaterThan(2.6);
  });

  it('rejects empty choices', () => {
    expect(() => createRng(1).pick([])).toThrow();
    expect(() => createPicker([], [])).toThrow();
    expect(() => createPicker(['a'], [0])).toThrow();
  });

  it('hashes labels to distinct 32-bit values', () => {
    const hashes = new Set(Array.from({ length: 1000 }, (_, i) => hashString(`customer:${i}`)));
    expect(hashes.size).toBe(1000);
    for (const h of hashes) expect(h >>> 0).toBe(h);
  });
});
