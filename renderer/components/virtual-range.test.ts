import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clickSelection, scrollToRow, toggleAll, visibleWindow } from './virtual-range.ts';

describe('visibleWindow', () => {
  it('renders only the visible rows plus overscan, even for 100,000 rows', () => {
    const w = visibleWindow(320_000, 600, 32, 100_000, 8);
    expect(w.start).toBe(10_000 - 8);
    expect(w.end - w.start).toBeLessThan(60);
    expect(w.offset).toBe(w.start * 32);
  });

  it('always covers the viewport and stays within the rows (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 10, max: 60 }),
        fc.integer({ min: 0, max: 20 }),
        (count, scrollTop, height, rowHeight, overscan) => {
          const clamped = Math.min(scrollTop, Math.max(0, count * rowHeight - height));
          const w = visibleWindow(clamped, height, rowHeight, count, overscan);
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(count);
          if (count === 0) return;
          const firstVisible = Math.floor(clamped / rowHeight);
          const lastVisible = Math.min(count - 1, Math.floor((clamped + height - 1) / rowHeight));
          expect(w.start).toBeLessThanOrEqual(firstVisible);
          expect(w.end).toBeGreaterThan(lastVisible);
          expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 1 + 2 * overscan);
        },
      ),
    );
  });

  it('handles no rows', () => {
    expect(visibleWindow(0, 500, 32, 0, 5)).toEqual({ start: 0, end: 0, offset: 0 });
  });
});

describe('scrollToRow', () => {
  it('scrolls up or down just enough, and not at all when visible', () => {
    expect(scrollToRow(5, 0, 332, 32, 32)).toBe(0);
    expect(scrollToRow(20, 0, 332, 32, 32)).toBe(21 * 32 - 300);
    expect(scrollToRow(2, 640, 332, 32, 32)).toBe(64);
  });
});

describe('selection', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  it('toggles one row and sets the anchor', () => {
    const r = clickSelection(new Set(), keys, 1, false, null);
    expect([...r.selected]).toEqual(['b']);
    expect(r.anchor).toBe(1);
  });
  it('shift-click selects the range from the anchor, in either direction', () => {
    expect([...clickSelection(new Set(['b']), keys, 3, true, 1).selected].sort()).toEqual(['b', 'c', 'd']);
    expect([...clickSelection(new Set(['d']), keys, 0, true, 3).selected].sort()).toEqual(['a', 'b', 'c', 'd']);
  });
  it('shift-click on a selected row clears the range', () => {
    expect([...clickSelection(new Set(keys), keys, 3, true, 1).selected].sort()).toEqual(['a', 'e']);
  });
  it('select all toggles', () => {
    expect(toggleAll(new Set(), keys).size).toBe(5);
    expect(toggleAll(new Set(keys), keys).size).toBe(0);
    expect(toggleAll(new Set(['a']), keys).size).toBe(5);
  });
});
