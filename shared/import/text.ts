/**
 * Text clean-up shared by the normalisers. Codes are folded to half-width upper case so
 * "ｃ０００１２３" typed on a Chinese IME equals "C000123"; free text keeps its Chinese as is.
 */
import type { Cell } from './types.ts';

/** Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their ASCII forms. */
export function toHalfWidth(s: string): string {
  // Fast path: most cells have nothing to fold.
  if (!/[\uFF01-\uFF5E\u3000]/.test(s)) return s;
  let out = '';
  let start = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
      out += s.slice(start, i) + String.fromCharCode(c === 0x3000 ? 0x20 : c - 0xfee0);
      start = i + 1;
    }
  }
  return out + s.slice(start);
}

/** A number as people write it, never in exponent form for ordinary magnitudes. */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toLocaleString('en-US', { useGrouping: false });
  return String(n);
}

/** Trimmed text, or null when the cell is empty. Booleans become TRUE/FALSE as Excel shows them. */
export function normalizeText(value: Cell): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? numberToText(value) : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // String#trim covers the ideographic space (U+3000) and the BOM (U+FEFF) too.
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Upper-case ASCII letters, digits, '-' and '_' only, and not a float-looking number. */
function isPlainCode(text: string): boolean {
  let letters = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) letters = true;
    else if (c === 45 || c === 95) letters = true;
    else if (c < 48 || c > 57) return false;
  }
  // All digits: fine unless a leading zero makes it ambiguous (kept either way, but cheap to check).
  return letters || text.charCodeAt(0) !== 48;
}

/**
 * An identifier (customer code, contract number, serial): trimmed, half-width, upper case,
 * inner spaces removed, and without the ".0" Excel appends when a numeric code went
 * through a float ("10023.0" → "10023").
 */
export function normalizeCode(value: Cell): string | null {
  const text = normalizeText(value);
  if (text === null) return null;
  if (isPlainCode(text)) return text; // the common case, already clean
  const folded = toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
  const withoutFloat = /^\d+\.0+$/.test(folded) ? folded.slice(0, folded.indexOf('.')) : folded;
  return withoutFloat === '' ? null : withoutFloat;
}
