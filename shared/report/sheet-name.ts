/**
 * Sheet names Excel accepts: 1–31 UTF-16 code units, none of `[ ] : * ? / \`, no leading or
 * trailing apostrophe, not "History" (reserved by Excel's change tracking), and unique
 * ignoring case. Names are cut without splitting a surrogate pair.
 */

export const SHEET_NAME_MAX_LENGTH = 31;
const RESERVED = ['history'];
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '[': '(',
  ']': ')',
  ':': '-',
  '*': '-',
  '?': '-',
  '/': '-',
  '\\': '-',
};

function cleanEnds(name: string): string {
  return name.replace(/^[\s']+|[\s']+$/g, '');
}

/** At most `max` UTF-16 code units, never ending in the first half of a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

function taken(name: string, existing: ReadonlySet<string>): boolean {
  const key = name.toLowerCase();
  if (RESERVED.includes(key)) return true;
  for (const other of existing) if (other.toLowerCase() === key) return true;
  return false;
}

/**
 * A valid sheet name close to `name`, different (ignoring case) from every name in
 * `existing`, which is not changed: add the result to it before naming the next sheet.
 */
export function sanitizeSheetName(name: string, existing: ReadonlySet<string>, fallback = 'Sheet'): string {
  const replaced = name
    .replace(/[[\]:*?/\\]/g, (c) => REPLACEMENTS[c] ?? '-')
    // Control characters and lone surrogates cannot be stored in the workbook's XML.
    .replace(/[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  let base = cleanEnds(truncate(cleanEnds(replaced), SHEET_NAME_MAX_LENGTH));
  if (base === '') base = cleanEnds(truncate(fallback, SHEET_NAME_MAX_LENGTH)) || 'Sheet';
  if (!taken(base, existing)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = cleanEnds(truncate(base, SHEET_NAME_MAX_LENGTH - suffix.length)) + suffix;
    if (!taken(candidate, existing)) return candidate;
  }
}

/** Sanitised, unique names for sheets in order. */
export function sanitizeSheetNames(names: readonly string[], fallback = 'Sheet'): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const safe = sanitizeSheetName(name, used, fallback);
    used.add(safe);
    return safe;
  });
}
