/**
 * The records of a table by their key (source id, serial), as 64-bit hashes of the key's
 * UTF-8 bytes in typed arrays: a million-row import looks up and adds a million keys, and
 * a Map of a million strings made from those bytes cost seconds of hashing and collecting.
 *
 * A hash only proposes a record: the writer confirms it against the stored key, and keys
 * whose hash another key already holds are kept by their text (`collided`), so two
 * different keys never merge however unlucky the hash.
 */

export type KeyHash = (bytes: Uint8Array, start: number, end: number, out: Uint32Array) => void;

/** FNV-1a over the bytes, twice with different offsets, into out[0] and out[1]. */
export const fnvPair: KeyHash = (bytes, start, end, out) => {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  out[0] = a >>> 0;
  out[1] = b >>> 0;
};

const encoder = new TextEncoder();

export class KeyIndex {
  private hi = new Uint32Array(1 << 12);
  private lo = new Uint32Array(1 << 12);
  /** Record id + 1 per slot; 0 = empty. */
  private ids = new Int32Array(1 << 12);
  private size = 0;
  private readonly hash = new Uint32Array(2);
  private lastSlot = -1;
  private scratch = new Uint8Array(256);
  /** Keys whose hash was taken by another key, by text. */
  readonly collided = new Map<string, number>();

  constructor(private readonly hashOf: KeyHash = fnvPair) {}

  /**
   * The record whose key may be bytes [start, end) (to be confirmed by its stored key), or
   * -1 when there is certainly none; then `add` files a new record under these bytes.
   */
  find(bytes: Uint8Array, start: number, end: number): number {
    this.hashOf(bytes, start, end, this.hash);
    const h = this.hash[0]!;
    const l = this.hash[1]!;
    const mask = this.ids.length - 1;
    for (let s = (h ^ Math.imul(l, 0x9e3779b1)) & mask; ; s = (s + 1) & mask) {
      const id = this.ids[s]! - 1;
      if (id < 0) {
        this.lastSlot = s;
        return -1;
      }
      if (this.hi[s] === h && this.lo[s] === l) {
        this.lastSlot = -1;
        return id;
      }
    }
  }

  /** Files record `id` under the key the last `find` found no record for. */
  add(id: number): void {
    if (this.lastSlot < 0) throw new Error('KeyIndex.add without a missed find');
    this.hi[this.lastSlot] = this.hash[0]!;
    this.lo[this.lastSlot] = this.hash[1]!;
    this.ids[this.lastSlot] = id + 1;
    this.lastSlot = -1;
    this.size += 1;
    if (this.size * 2 > this.ids.length) this.rehash();
  }

  /** Files an existing record under its key (text, as stored). */
  addKey(key: string, id: number): void {
    if (this.scratch.length < key.length * 3) this.scratch = new Uint8Array(key.length * 3);
    const { written } = encoder.encodeInto(key, this.scratch);
    if (this.find(this.scratch, 0, written) >= 0) this.collided.set(key, id);
    else this.add(id);
  }

  private rehash(): void {
    const { hi, lo, ids } = this;
    const size = ids.length * 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.ids = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < ids.length; k++) {
      if (ids[k] === 0) continue;
      let s = (hi[k]! ^ Math.imul(lo[k]!, 0x9e3779b1)) & mask;
      while (this.ids[s] !== 0) s = (s + 1) & mask;
      this.hi[s] = hi[k]!;
      this.lo[s] = lo[k]!;
      this.ids[s] = ids[k]!;
    }
  }
}
