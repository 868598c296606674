/**
 * Masking of personal data in reports and printouts. Reports mask by default; the user can
 * choose to show the data. Masks keep what identifies the record for the reader (the phone's
 * operator prefix and last digits, the province and city of an address) and hide the rest.
 */
import { CITIES, PROVINCES } from '../regions/index.ts';
import type { PersonalDataKind, PersonalDataMode, ReportColumn, ReportValue } from './report-model.ts';

const MASK = '*';
const ADDRESS_MASK = '****';

/** Replaces the digits from `head` to `digits - tail` with `*`, leaving separators in place. */
function maskDigits(value: string, head: number, tail: number): string {
  const digits = value.replace(/\D/g, '').length;
  let index = 0;
  return value.replace(/\d/g, (digit) => {
    const position = index;
    index += 1;
    return position < head || position >= digits - tail ? digit : MASK;
  });
}

/**
 * '13812345678' → '138****5678'; '+86 138 1234 5678' → '+86 138 **** 5678';
 * '010-12345678' → '010****5678' … shorter numbers keep a quarter at each end.
 */
export function maskPhone(phone: string): string {
  const trimmed = phone.trim();
  const country = /^(?:\+|00)\d{1,3}(?=[\s-])/.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(country.length);
  const digits = rest.replace(/\D/g, '').length;
  if (digits === 0) return trimmed;
  const keep = digits >= 11 ? [3, 4] : [Math.floor(digits / 4), Math.floor(digits / 4)];
  return country + maskDigits(rest, keep[0]!, keep[1]!);
}

/**
 * Resident ID (18 characters) '110101199003071234' → '110***********1234': the birth date
 * and sequence are hidden; other lengths keep at most 3 characters in front and 4 at the end.
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim());
  const n = chars.length;
  const head = Math.min(3, Math.floor(n / 4));
  const tail = Math.min(4, Math.floor(n / 4));
  return chars.map((c, i) => (i < head || i >= n - tail || /\s/.test(c) ? c : MASK)).join('');
}

interface Named {
  name: string;
  shortName: string;
}

/** The longest of the names (full or short) that `text` starts with. */
function leading<T extends Named>(text: string, candidates: readonly T[]): { match: T; length: number } | undefined {
  let best: { match: T; length: number } | undefined;
  for (const candidate of candidates) {
    for (const name of [candidate.name, candidate.shortName]) {
      if (name !== '' && text.startsWith(name) && (best === undefined || name.length > best.length)) {
        best = { match: candidate, length: name.length };
      }
    }
  }
  return best;
}

/**
 * '江苏省苏州市工业园区星湖街328号' → '江苏省苏州市****'; '北京市朝阳区建国路88号' → '北京市****'.
 * Keeps the province and the city as written; an address that starts with neither is masked whole.
 */
export function maskAddress(address: string): string {
  const text = address.trim();
  if (text === '') return text;
  let kept = 0;
  const province = leading(text, PROVINCES);
  if (province) {
    kept = province.length;
    const code = province.match.code;
    const cities = CITIES.filter((city) => city.provinceCode === code && !city.municipality);
    const city = leading(text.slice(kept), cities);
    if (city) kept += city.length;
  } else {
    const city = leading(text, CITIES);
    if (city) kept = city.length;
  }
  return kept >= text.length ? text : text.slice(0, kept) + ADDRESS_MASK;
}

/** The personal data a column holds, if any. */
export function personalDataOf(column: ReportColumn): PersonalDataKind | undefined {
  return column.personal ?? (column.kind === 'phone' ? 'phone' : undefined);
}

/** A value as a report writes it: masked when the column holds personal data and the mode is 'masked'. */
export function maskReportValue(column: ReportColumn, value: ReportValue, mode: PersonalDataMode): ReportValue {
  if (mode === 'shown' || value === null) return value;
  const personal = personalDataOf(column);
  if (personal === undefined) return value;
  const text = String(value);
  switch (personal) {
    case 'phone':
      return maskPhone(text);
    case 'idNumber':
      return maskIdNumber(text);
    case 'address':
      return maskAddress(text);
  }
}
