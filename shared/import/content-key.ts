/**
 * Content keys for rows without a source id, so re-importing the same file (or an
 * overlapping later export) finds the rows it already has. FNV-1a 64-bit over canonical
 * JSON (sorted keys, without the row number and the key itself), in 16-bit limbs because a
 * BigInt per character is too slow for a million rows.
 */
import type { RecordKind } from '../schema/records.ts';

/**
 * FNV-1a 64 as 16 hex digits, over one byte per code unit below 256 (so ASCII hashes like
 * the reference vectors) and two bytes (low, high) for the others.
 */
export function fnv1a64(text: string): string {
  // offset basis 0xcbf29ce484222325 in four 16-bit limbs, most significant first
  let h3 = 0xcbf2;
  let h2 = 0x9ce4;
  let h1 = 0x8422;
  let h0 = 0x2325;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const count = c < 0x100 ? 1 : 2;
    for (let k = 0; k < count; k += 1) {
      h0 ^= k === 0 ? c & 0xff : c >>> 8;
      // multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3;
      const t2 = h2 * 0x1b3;
      const t3 = h3 * 0x1b3;
      // 2^40 = limb 2 shifted by 8 bits: h0 << 8 lands in limb 2, h1 << 8 in limb 3
      const n0 = t0 & 0xffff;
      const c1 = t1 + (t0 >>> 16);
      const n1 = c1 & 0xffff;
      const c2 = t2 + (c1 >>> 16) + ((h0 << 8) & 0xffffff);
      const n2 = c2 & 0xffff;
      const c3 = t3 + (c2 >>> 16) + (h1 << 8);
      h3 = c3 & 0xffff;
      h2 = n2;
      h1 = n1;
      h0 = n0;
    }
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key, v]) => key !== 'rowNumber' && key !== 'sourceKey' && v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, v]) => `${JSON.stringify(key)}:${canonical(v)}`).join(',')}}`;
}

/** A stable key of a record's content: "#" + 16 hex digits, independent of row position. */
export function contentKey(kind: RecordKind, record: object): string {
  return `#${fnv1a64(`${kind}:${canonical(record)}`)}`;
}
