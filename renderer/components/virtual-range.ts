/** Pure arithmetic of the virtual table: which rows to render, and how selection ranges grow. */

export interface RowWindow {
  /** First row index to render (inclusive). */
  start: number;
  /** Last row index to render (exclusive). */
  end: number;
  /** Pixel offset of `start` from the top of the body. */
  offset: number;
}

/** The visible rows for a scroll position, plus `overscan` rows above and below. */
export function visibleWindow(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan: number): RowWindow {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(rowCount - 1, Math.floor(top / rowHeight));
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(rowCount, first + visible + overscan);
  return { start, end, offset: start * rowHeight };
}

/** The scrollTop that brings row `index` fully into view (unchanged when it already is). */
export function scrollToRow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number, headerHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  const bodyHeight = Math.max(rowHeight, viewportHeight - headerHeight);
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + bodyHeight) return rowBottom - bodyHeight;
  return scrollTop;
}

export type RowKey = string | number;

/**
 * A click on row `index`'s checkbox. Without shift it toggles that row; with shift (and an
 * anchor) every row from the anchor to `index` takes the clicked row's new state, as in file
 * managers and spreadsheets. Returns the new selection and the new anchor.
 */
export function clickSelection(
  selected: ReadonlySet<RowKey>,
  keys: readonly RowKey[],
  index: number,
  shift: boolean,
  anchor: number | null,
): { selected: Set<RowKey>; anchor: number } {
  const next = new Set(selected);
  const key = keys[index];
  if (key === undefined) return { selected: next, anchor: anchor ?? index };
  const select = !selected.has(key);
  if (shift && anchor !== null && anchor >= 0 && anchor < keys.length) {
    const [from, to] = anchor <= index ? [anchor, index] : [index, anchor];
    for (let i = from; i <= to; i += 1) {
      const k = keys[i];
      if (k === undefined) continue;
      if (select) next.add(k);
      else next.delete(k);
    }
    return { selected: next, anchor };
  }
  if (select) next.add(key);
  else next.delete(key);
  return { selected: next, anchor: index };
}

/** All rows selected → none; otherwise → all. */
export function toggleAll(selected: ReadonlySet<RowKey>, keys: readonly RowKey[]): Set<RowKey> {
  const all = keys.length > 0 && keys.every((k) => selected.has(k));
  return all ? new Set() : new Set(keys);
}
