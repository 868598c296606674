/**
 * A column's cell values already read, looked up by the cell's bytes. Exports repeat most
 * of their values (a few thousand dates, a handful of product lines and statuses, tens of
 * thousands of customers over a million rows); a hit skips making the string and reading it
 * again. A column whose values do not repeat (contract numbers, amounts) turns its memo off
 * after a sample, so it costs nothing more than the sample.
 */

/** Entries kept per column; enough for the customers of a large region. */
const MAX_ENTRIES = 1 << 17;
/**
 * Lookups after which a memo that hits less than a quarter of the time is turned off: enough
 * that a column of tens of thousands of customers, each new in the first rows, keeps its memo.
 */
const SAMPLE = 1 << 15;

/** Per slot of the table: the key's hash, where its bytes start in `keys`, their length, entry + 1. */
const STRIDE = 4;

export class ByteMemo<V> {
  // Everything a probe compares sits together in one slot: a lookup among tens of thousands
  // of customers costs a cache miss or two, not one per array.
  private table = new Int32Array((1 << 12) * STRIDE);
  private keys = new Uint8Array(1 << 16);
  private keysEnd = 0;
  private values: V[] = [];
  private lookups = 0;
  private hits = 0;
  enabled = true;
  /** Where the last missed key would go (set by `get`, used by `set`). */
  private missHash = 0;
  private missSlot = -1;

  /** The value memoised for bytes [start, end), undefined when there is none. */
  get(bytes: Uint8Array, start: number, end: number): V | undefined {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
    this.lookups += 1;
    const { table, keys } = this;
    const mask = table.length / STRIDE - 1;
    const length = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = s * STRIDE;
      const entry = table[at + 3]! - 1;
      if (entry < 0) {
        this.missHash = h;
        this.missSlot = s;
        if (this.lookups === SAMPLE && this.hits * 4 < SAMPLE) this.enabled = false;
        return undefined;
      }
      if (table[at] !== h || table[at + 2] !== length) continue;
      const from = table[at + 1]!;
      let i = 0;
      while (i < length && keys[from + i] === bytes[start + i]) i++;
      if (i === length) {
        this.hits += 1;
        return this.values[entry];
      }
    }
  }

  /** Memoises `value` for the bytes the last `get` missed. */
  set(bytes: Uint8Array, start: number, end: number, value: V): void {
    const entry = this.values.length;
    if (entry >= MAX_ENTRIES || this.missSlot < 0) return;
    const length = end - start;
    if (this.keysEnd + length > this.keys.length) {
      const keys = new Uint8Array(Math.max(this.keys.length * 2, this.keysEnd + length));
      keys.set(this.keys.subarray(0, this.keysEnd));
      this.keys = keys;
    }
    this.keys.set(bytes.subarray(start, end), this.keysEnd);
    const at = this.missSlot * STRIDE;
    this.table[at] = this.missHash;
    this.table[at + 1] = this.keysEnd;
    this.table[at + 2] = length;
    this.table[at + 3] = entry + 1;
    this.keysEnd += length;
    this.values.push(value);
    this.missSlot = -1;
    // Kept at most half full, so probes stay short.
    if (this.values.length * 2 * STRIDE > this.table.length) this.rehash();
  }

  private rehash(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const mask = table.length / STRIDE - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 3] === 0) continue;
      let s = old[at]! & mask;
      while (table[s * STRIDE + 3] !== 0) s = (s + 1) & mask;
      table.set(old.subarray(at, at + STRIDE), s * STRIDE);
    }
    this.table = table;
  }
}
