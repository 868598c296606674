/**
 * Phone numbers kept as text (a number column would drop a landline's leading 0 and
 * display mobiles in exponent form), reduced to digits: mobiles as 11 digits without +86,
 * landlines with their area code (0512-68881234 → 051268881234), an extension after "-".
 * Several numbers in one cell are kept, joined by "/".
 */
import { numberToText, toHalfWidth } from './text.ts';
import type { Cell, NormalizeResult } from './types.ts';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0[1-9]\d{8,10}$/;
/** A local number without area code (6888 1234): kept, it is what the export holds. */
const LOCAL = /^[2-9]\d{6,7}$/;
const SERVICE = /^(?:400|800)\d{7}$|^95\d{3,6}$|^1[0-2]\d{3}$/;

function one(raw: string): string | undefined {
  let s = raw.replace(/[\s\-.()\[\]（）—–]/g, '');
  let extension = '';
  const ext = /(?:转|轉|ext|x|#)(\d{1,6})$/i.exec(s);
  if (ext) {
    extension = ext[1] ?? '';
    s = s.slice(0, ext.index);
  }
  s = s.replace(/^(?:\+86|0086|\+?86(?=1[3-9]\d{9}$))/, '');
  if (!/^\d+$/.test(s)) return undefined;
  if (MOBILE.test(s) || LANDLINE.test(s) || LOCAL.test(s) || SERVICE.test(s)) return extension ? `${s}-${extension}` : s;
  return undefined;
}

export function normalizePhone(value: Cell): NormalizeResult<string | null> {
  if (value === null) return { ok: true, value: null };
  if (typeof value === 'boolean') return { ok: false, code: 'phone.invalid', reason: `not a phone number: '${String(value)}'` };
  const text = typeof value === 'number' ? numberToText(value) : toHalfWidth(value).trim();
  if (text === '' || /^[-—/]+$/.test(text)) return { ok: true, value: null };
  const parts = text.split(/[/,;，；、|]|\s{2,}|\s+(?=\+?\d)(?<=\d\s+)/).filter((p) => p.trim() !== '');
  const numbers: string[] = [];
  for (const part of parts) {
    const n = one(part);
    if (n === undefined) {
      // "0512 6888 1234" split on single spaces would be wrong; retry the whole cell as one.
      const whole = one(text);
      if (whole !== undefined) return { ok: true, value: whole };
      return { ok: false, code: 'phone.invalid', reason: `not a phone number: '${text}'` };
    }
    numbers.push(n);
  }
  return { ok: true, value: numbers.join('/') };
}
