/**
 * What a column's values look like, for columns whose header says nothing: dates, phones,
 * province or city names, codes like C000123, company names, amounts. A shape needs most
 * of the sample's non-empty values to agree; one stray value does not decide a column.
 */
import { findCity, findProvince } from '../regions/index.ts';
import { parseAmount } from './amounts.ts';
import { parseDate } from './dates.ts';
import { normalizePhone } from './phones.ts';
import type { Cell } from './types.ts';

export type Shape = 'date' | 'phone' | 'province' | 'city' | 'code' | 'company' | 'amount';

const DATE_TEXT = /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$|^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
const CODE = /^[A-Za-z]{1,4}[-_]?\d{3,}(?:[-_]\d+)*$/;
const COMPANY = /(公司|集团|集團|局|厂|廠|中心|工程队|项目部|合作社|研究院|医院|学校|站)$|有限/;

function share(values: readonly Cell[], test: (v: Cell) => boolean): number {
  let n = 0;
  let hit = 0;
  for (const v of values) {
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    n += 1;
    if (test(v)) hit += 1;
  }
  return n === 0 ? 0 : hit / n;
}

/** The shapes a column's sample fits (most specific first), with the share that fits. */
export function columnShapes(values: readonly Cell[]): { shape: Shape; share: number }[] {
  const found: { shape: Shape; share: number }[] = [];
  const add = (shape: Shape, s: number): void => {
    if (s >= 0.8) found.push({ shape, share: s });
  };
  add('date', share(values, (v) => typeof v === 'string' && DATE_TEXT.test(v.trim()) && parseDate(v, 'ymd', false).ok));
  add(
    'phone',
    share(values, (v) => {
      const r = normalizePhone(v);
      return r.ok && r.value !== null && /^(1[3-9]\d{9}|0\d{9,11})/.test(r.value);
    }),
  );
  add('province', share(values, (v) => typeof v === 'string' && findProvince(v) !== undefined));
  add('city', share(values, (v) => typeof v === 'string' && findCity(v) !== undefined));
  add('code', share(values, (v) => typeof v === 'string' && CODE.test(v.trim())));
  const company = share(values, (v) => typeof v === 'string' && COMPANY.test(v.trim()));
  if (company >= 0.5) found.push({ shape: 'company', share: company });
  add(
    'amount',
    share(values, (v) => {
      if (typeof v === 'number') return !Number.isInteger(v) || Math.abs(v) >= 1000;
      if (typeof v !== 'string' || !/\d/.test(v) || DATE_TEXT.test(v.trim())) return false;
      return parseAmount(v).ok;
    }),
  );
  return found;
}
