/**
 * Proposing which record kind a sheet holds and which column fills which field. Headers are
 * matched first by synonym (after folding width, case, spaces and unit brackets), then by
 * containment ("合同签订日期" contains "签订日期"), and only columns still unexplained are
 * matched by the shape of their values. Each column gets at most one field and each field
 * at most one column; the strongest evidence is assigned first.
 */
import { RECORD_KINDS, type RecordKind } from '../schema/records.ts';
import { CUSTOMER_REF, FIELDS, customerRefFields } from './fields.ts';
import { KNOWN_HEADERS } from './header-index.ts';
import { headerText, headerUnitMultiplier, normalizeHeader } from './headers.ts';

export { headerSignature } from './headers.ts';
import { columnShapes, type Shape } from './shapes.ts';
import type { Cell, ColumnMapping, FieldSpec, FieldType, MappingProposal, MappingReason } from './types.ts';

interface Candidate {
  index: number;
  field: string;
  confidence: number;
  reason: MappingReason;
  order: number;
}

/** The name a kind-specific field has in KNOWN_HEADERS. */
function globalName(kind: RecordKind, field: string): string {
  if (kind === 'customers' && field === 'code') return 'customerCode';
  if (kind === 'customers' && field === 'name') return 'customerName';
  return field;
}

const synonymCache = new Map<FieldSpec, string[]>();
function foldedSynonyms(spec: FieldSpec): string[] {
  let list = synonymCache.get(spec);
  if (!list) {
    list = spec.synonyms.map(normalizeHeader).filter((s) => s !== '');
    synonymCache.set(spec, list);
  }
  return list;
}

function headerCandidates(kind: RecordKind, keys: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  FIELDS[kind].forEach((spec, order) => {
    const synonyms = foldedSynonyms(spec);
    keys.forEach((key, index) => {
      if (key === '') return;
      if (synonyms.includes(key)) {
        out.push({ index, field: spec.field, confidence: 1, reason: 'synonym', order });
        return;
      }
      // A header known as another field (客户经理 is a manager, not a customer) is not fuzzy-matched.
      const known = KNOWN_HEADERS.get(key);
      if (known && !known.has(globalName(kind, spec.field))) return;
      let best = 0;
      for (const s of synonyms) {
        if (s.length < 2) continue;
        if (key.includes(s)) best = Math.max(best, 0.5 + 0.4 * (s.length / key.length));
        else if (s.includes(key) && key.length >= 2) best = Math.max(best, 0.45 + 0.3 * (key.length / s.length));
      }
      if (best > 0) out.push({ index, field: spec.field, confidence: Math.min(best, 0.9), reason: 'fuzzy', order });
    });
  });
  return out;
}

const SHAPE_FIELDS: Readonly<Record<Shape, (spec: FieldSpec, kind: RecordKind) => boolean>> = {
  date: (s) => s.type === 'date',
  phone: (s) => s.type === 'phone',
  province: (s) => s.type === 'province',
  city: (s) => s.type === 'city',
  code: (s, kind) => s.field === customerRefFields(kind)[0] || s.field === 'sourceId' || s.field === 'serial',
  company: (s, kind) => s.field === customerRefFields(kind)[1],
  amount: (s) => s.type === 'amount',
};
const SHAPE_CONFIDENCE: Readonly<Record<Shape, number>> = {
  date: 0.45,
  phone: 0.6,
  province: 0.6,
  city: 0.55,
  code: 0.35,
  company: 0.5,
  amount: 0.4,
};

function assign(candidates: Candidate[], takenColumns: Map<number, Candidate>, takenFields: Set<string>): void {
  candidates.sort((a, b) => b.confidence - a.confidence || a.order - b.order || a.index - b.index);
  for (const c of candidates) {
    if (takenColumns.has(c.index) || takenFields.has(c.field)) continue;
    takenColumns.set(c.index, c);
    takenFields.add(c.field);
  }
}

function requiredOf(kind: RecordKind): string[] {
  return FIELDS[kind].filter((s) => s.required).map((s) => s.field);
}

function missingRequired(kind: RecordKind, fields: ReadonlySet<string>): string[] {
  const missing = requiredOf(kind).filter((f) => !fields.has(f));
  if (kind !== 'customers' && !fields.has('customerCode') && !fields.has('customerName')) missing.unshift(CUSTOMER_REF);
  return missing;
}

interface KindMapping {
  columns: Map<number, Candidate>;
  score: number;
}

function mapForKind(kind: RecordKind, keys: readonly string[], sample: readonly Cell[][]): KindMapping {
  const columns = new Map<number, Candidate>();
  const fields = new Set<string>();
  assign(headerCandidates(kind, keys), columns, fields);
  const shapes: Candidate[] = [];
  keys.forEach((key, index) => {
    if (columns.has(index)) return;
    // A known header of another kind's field keeps its meaning; shapes only explain the unknown.
    if (KNOWN_HEADERS.has(key)) return;
    const values = sample.map((row) => row[index] ?? null);
    for (const { shape, share } of columnShapes(values)) {
      FIELDS[kind].forEach((spec, order) => {
        if (!fields.has(spec.field) && SHAPE_FIELDS[shape](spec, kind)) {
          // Required fields first: an anonymous date column is more likely the order date.
          const bonus = spec.required ? 0.05 : 0;
          shapes.push({ index, field: spec.field, confidence: SHAPE_CONFIDENCE[shape] * share + bonus, reason: 'shape', order });
        }
      });
    }
  });
  assign(shapes, columns, fields);
  const named = keys.filter((k) => k !== '').length;
  let matched = 0;
  for (const c of columns.values()) matched += c.confidence;
  const required = requiredOf(kind).length + (kind === 'customers' ? 0 : 1);
  const missing = missingRequired(kind, fields).length;
  const score = named === 0 ? 0 : (matched / named) * ((1 + required - missing) / (1 + required));
  return { columns, score };
}

/**
 * The proposal for a sheet: the best-scoring kind (or `kindHint`), one ColumnMapping per
 * header cell, and the required fields nothing maps to.
 */
export function proposeMapping(sheet: { headers: Cell[]; sample: Cell[][] }, kindHint?: RecordKind): MappingProposal {
  const keys = sheet.headers.map(normalizeHeader);
  const byKind = new Map<RecordKind, KindMapping>();
  const kindScores = {} as Record<RecordKind, number>;
  for (const kind of RECORD_KINDS) {
    const m = mapForKind(kind, keys, sheet.sample);
    byKind.set(kind, m);
    kindScores[kind] = Math.round(m.score * 1000) / 1000;
  }
  const ranked = [...RECORD_KINDS].sort((a, b) => kindScores[b] - kindScores[a]);
  const kind = kindHint ?? ranked[0] ?? 'customers';
  const best = kindScores[kind];
  const second = Math.max(0, ...RECORD_KINDS.filter((k) => k !== kind).map((k) => kindScores[k]));
  const kindConfidence = best <= 0 ? 0 : Math.max(0, Math.min(1, best * (1 - 0.5 * Math.min(1, second / best) ** 2)));
  const chosen = byKind.get(kind)?.columns ?? new Map<number, Candidate>();
  const specs = new Map(FIELDS[kind].map((s) => [s.field, s]));
  const columns: ColumnMapping[] = sheet.headers.map((header, index) => {
    const c = chosen.get(index);
    const mapping: ColumnMapping = {
      index,
      header: headerText(header),
      field: c?.field ?? null,
      confidence: c ? Math.round(c.confidence * 100) / 100 : 0,
      reason: c?.reason ?? 'none',
    };
    const type: FieldType | undefined = c ? specs.get(c.field)?.type : undefined;
    const multiplier = headerUnitMultiplier(header);
    if (multiplier !== 1 && (type === 'amount' || type === undefined)) mapping.unitMultiplier = multiplier;
    return mapping;
  });
  const fields = new Set(columns.flatMap((c) => (c.field === null ? [] : [c.field])));
  return { kind, kindConfidence: Math.round(kindConfidence * 100) / 100, kindScores, columns, missingRequired: missingRequired(kind, fields) };
}
