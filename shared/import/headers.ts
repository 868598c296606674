/**
 * Header text folded for matching: "金额（万元）", "金额(元)", " 金额 " and "*金额" all become
 * "金额"; the unit in brackets survives separately as a multiplier, because a 万元 column
 * holds ten-thousands of yuan.
 */
import type { Cell } from './types.ts';

const UNIT_IN_HEADER = /[(（[【]\s*(?:单位[:：]?\s*)?(人民币)?\s*([万千亿]?)\s*(元|rmb|cny|yuan)?\s*[)）\]】]|[/／]\s*([万千亿]?)元$/i;
const BRACKETED = /[(（[【][^)）\]】]*[)）\]】]/g;

export function headerText(header: Cell): string {
  if (header === null) return '';
  return String(header).replace(/^[\s\u3000\uFEFF]+|[\s\u3000\uFEFF]+$/g, '');
}

/** The comparison key of a header. Chinese stays as is; Latin letters fold to lower case. */
export function normalizeHeader(header: Cell): string {
  const text = headerText(header).normalize('NFKC').toLowerCase();
  const withoutUnits = text.replace(/[/／]\s*[万千亿]?元$/, '').replace(BRACKETED, '');
  // Keep the bracket content when the whole header was bracketed ("(备注)").
  const base = withoutUnits.trim() === '' ? text : withoutUnits;
  return base.replace(/[\s_\-.:：*#·•'"’“”]/g, '');
}

/** 10000 for 万元 headers, 1e8 for 亿元, 1000 for 千元, else 1. */
export function headerUnitMultiplier(header: Cell): number {
  const text = headerText(header).normalize('NFKC');
  const match = UNIT_IN_HEADER.exec(text) ?? /([万千亿])元$/.exec(text);
  if (!match) return 1;
  const unit = match[2] ?? match[4] ?? match[1] ?? '';
  if (unit === '万') return 10_000;
  if (unit === '亿') return 100_000_000;
  if (unit === '千') return 1_000;
  return 1;
}

/**
 * The template key of a header row: folded headers (units kept, since 金额(元) and
 * 金额(万元) need different mappings) joined in column order, trailing empty columns dropped.
 */
export function headerSignature(headers: Cell[]): string {
  const parts = headers.map((h) => {
    const key = normalizeHeader(h);
    const unit = headerUnitMultiplier(h);
    return unit === 1 ? key : `${key}*${unit}`;
  });
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('|');
}
