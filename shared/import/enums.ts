/**
 * Enumerated values (customer type, order status, opportunity result, ticket type) from the
 * labels exports use: exact label first, then a label the cell contains ("设备维修" → repair),
 * longest label first so "已取消" is not read as "取消"'s neighbour.
 */
import type { RecordKind } from '../schema/records.ts';
import { fieldSpec } from './fields.ts';
import { normalizeText } from './text.ts';
import type { Cell, NormalizeResult } from './types.ts';

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s_\-]/g, '');
}

interface EnumIndex {
  /** Memo of cell text → canonical value (exports repeat a handful of labels). */
  seen: Map<string, string | undefined>;
  exact: Map<string, string>;
  /** [folded label, canonical], longest first. */
  contained: [string, string][];
}

const cache = new Map<string, EnumIndex>();

function indexFor(values: Record<string, string[]>, key: string): EnumIndex {
  const cached = cache.get(key);
  if (cached) return cached;
  const exact = new Map<string, string>();
  const contained: [string, string][] = [];
  for (const [canonical, labels] of Object.entries(values)) {
    for (const label of [canonical, ...labels]) {
      const folded = fold(label);
      if (!exact.has(folded)) exact.set(folded, canonical);
      if (folded.length >= 2) contained.push([folded, canonical]);
    }
  }
  contained.sort((a, b) => b[0].length - a[0].length);
  const index = { seen: new Map<string, string | undefined>(), exact, contained };
  cache.set(key, index);
  return index;
}

/** Canonical value of an enum label, or undefined. */
export function matchEnum(values: Record<string, string[]>, key: string, text: string): string | undefined {
  const index = indexFor(values, key);
  if (index.seen.has(text)) return index.seen.get(text);
  const found = lookup(index, fold(text));
  if (index.seen.size < 10_000) index.seen.set(text, found);
  return found;
}

function lookup(index: EnumIndex, folded: string): string | undefined {
  const exact = index.exact.get(folded);
  if (exact !== undefined) return exact;
  for (const [label, canonical] of index.contained) if (folded.includes(label)) return canonical;
  return undefined;
}

export function normalizeEnum(kind: RecordKind, field: string, value: Cell): NormalizeResult<string | null> {
  const text = normalizeText(value);
  if (text === null) return { ok: true, value: null };
  const spec = fieldSpec(kind, field);
  if (!spec?.enumValues) return { ok: false, code: 'enum.no-field', reason: `${kind}.${field} is not an enumerated field` };
  const canonical = matchEnum(spec.enumValues, `${kind}.${field}`, text);
  if (canonical !== undefined) return { ok: true, value: canonical };
  return {
    ok: false,
    code: 'enum.unknown',
    reason: `unknown value '${text}' (expected one of ${Object.values(spec.enumValues).map((labels) => labels[0] ?? '').join(', ')})`,
  };
}
