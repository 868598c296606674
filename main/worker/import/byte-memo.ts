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
 * Lookups after which a memo that hits less than a quarter of the time is turned off: as
 * many as it holds, since the first rows of a large export may name a new customer each.
 */
const SAMPLE = MAX_ENTRIES;

export class ByteMemo<V> {
  private slots = new Int32Array(1 << 12);
  /** Per entry: its hash, and where its key's bytes start and end in `keys`. */
  private hashes = new Int32Array(1 << 11);
  private starts = new Int32Array(1 << 11);
  private ends = new Int32Array(1 << 11);
  private keys = new Uint8Array(1 << 16);
  private keysEnd = 0;
  private values: V[] = [];
  private count = 0;
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
    const { slots, hashes, starts, ends, keys } = this;
    const mask = slots.length - 1;
    const length = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = slots[s]! - 1;
      if (entry < 0) {
        this.missHash = h;
        this.missSlot = s;
        if (this.lookups === SAMPLE && this.hits * 4 < SAMPLE) this.enabled = false;
        return undefined;
      }
      if (hashes[entry] !== h) continue;
      const from = starts[entry]!;
      if (ends[entry]! - from !== length) continue;
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
    const entry = this.count;
    if (entry >= MAX_ENTRIES || this.missSlot < 0) return;
    const length = end - start;
    if (this.keysEnd + length > this.keys.length) this.keys = grown(this.keys, this.keysEnd + length, this.keysEnd);
    if (entry === this.hashes.length) {
      this.hashes = grown(this.hashes, entry * 2, entry);
      this.starts = grown(this.starts, entry * 2, entry);
      this.ends = grown(this.ends, entry * 2, entry);
    }
    this.keys.set(bytes.subarray(start, end), this.keysEnd);
    this.hashes[entry] = this.missHash;
    this.starts[entry] = this.keysEnd;
    this.keysEnd += length;
    this.ends[entry] = this.keysEnd;
    this.values.push(value);
    this.count += 1;
    this.slots[this.missSlot] = entry + 1;
    this.missSlot = -1;
    // Kept at most half full, so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let s = this.hashes[entry]! & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = entry + 1;
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Uint8Array>(from: T, size: number, used: number): T {
  const to = new (from.constructor as new (n: number) => T)(Math.max(size, from.length * 2));
  to.set(from.subarray(0, used));
  return to;
}
