/**
 * Every header synonym of every kind, folded, for questions that do not depend on a kind:
 * "does this row look like a header?" and "is this header known as another field?".
 */
import { RECORD_KINDS } from '../schema/records.ts';
import { FIELDS } from './fields.ts';
import { normalizeHeader } from './headers.ts';

/** folded synonym → the field names it stands for (in any kind). */
export const KNOWN_HEADERS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const map = new Map<string, Set<string>>();
  for (const kind of RECORD_KINDS) {
    for (const spec of FIELDS[kind]) {
      const field = kind === 'customers' && spec.field === 'code' ? 'customerCode' : kind === 'customers' && spec.field === 'name' ? 'customerName' : spec.field;
      for (const synonym of spec.synonyms) {
        const key = normalizeHeader(synonym);
        const set = map.get(key) ?? new Set<string>();
        set.add(field);
        map.set(key, set);
      }
    }
  }
  return map;
})();

/** 1 for a known synonym, 0.5 when it contains one of three or more characters, else 0. */
export function knownHeaderScore(header: string): number {
  const key = normalizeHeader(header);
  if (key === '') return 0;
  if (KNOWN_HEADERS.has(key)) return 1;
  if (key.length > 12) return 0;
  for (const synonym of KNOWN_HEADERS.keys()) if (synonym.length >= 3 && key.includes(synonym)) return 0.5;
  return 0;
}
