/**
 * What counts as one purchase.
 *
 * 'line': every non-cancelled order line is a purchase.
 * 'contract': lines of the same customer, on the same date, with the same contract key are one
 * purchase. The contract key is the order's sourceId with a trailing line suffix removed: a last
 * '-', '/', '_' or '#' segment of 1–3 digits (HT2023-000012-02 → HT2023-000012, HT2023-000012/1 →
 * HT2023-000012). A 4+ digit last segment is part of the contract number and kept. Lines without
 * a sourceId share the key '' — on one date they are one purchase.
 */
export function contractKey(sourceId: string | null): string {
  if (sourceId === null) return '';
  const id = sourceId.trim();
  // Scan back over at most 3 digits to a separator (no regex: this runs per same-day line).
  let i = id.length - 1;
  let digits = 0;
  while (i >= 0 && digits <= 3) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) break;
    digits++;
    i--;
  }
  if (digits < 1 || digits > 3 || i < 1) return id;
  const sep = id.charCodeAt(i);
  // '-' '/' '_' '#'
  return sep === 45 || sep === 47 || sep === 95 || sep === 35 ? id.slice(0, i) : id;
}
