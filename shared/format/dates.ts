/**
 * Calendar dates as the UI shows them. Inputs are ISO calendar dates (YYYY-MM-DD) or months
 * (YYYY-MM); they are formatted from their digits, never through Date, so no time zone can
 * move them by a day.
 */
import type { Language } from '../api/contract.ts';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

interface Parts {
  year: number;
  month: number;
  day: number | null;
}

function parse(value: string): Parts | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  return { year, month, day };
}

/** 2023-03-13 → "2023年3月13日" / "13 Mar 2023"; anything unparsable comes back unchanged. */
export function formatIsoDate(iso: string, language: Language): string {
  const parts = parse(iso);
  if (parts === null || parts.day === null) return iso;
  if (language === 'zh-CN') return `${parts.year}年${parts.month}月${parts.day}日`;
  return `${parts.day} ${EN_MONTHS[parts.month - 1]!} ${parts.year}`;
}

/** 2023-03 → "2023年3月" / "Mar 2023"; anything unparsable comes back unchanged. */
export function formatMonth(month: string, language: Language): string {
  const parts = parse(month);
  if (parts === null || parts.day !== null) return month;
  if (language === 'zh-CN') return `${parts.year}年${parts.month}月`;
  return `${EN_MONTHS[parts.month - 1]!} ${parts.year}`;
}

/** "2021年1月5日 至 2024年12月28日" / "5 Jan 2021 – 28 Dec 2024"; one date when both are equal. */
export function formatDateRange(range: { from: string; to: string }, language: Language): string {
  const from = formatIsoDate(range.from, language);
  if (range.from === range.to) return from;
  const to = formatIsoDate(range.to, language);
  return language === 'zh-CN' ? `${from} 至 ${to}` : `${from} – ${to}`;
}

/** Calendar months touched by a date range, both ends included (2023-01-31..2023-02-01 is 2). */
export function monthSpan(range: { from: string; to: string }): number {
  const from = parse(range.from);
  const to = parse(range.to);
  if (from === null || to === null) return 0;
  return Math.max(0, (to.year - from.year) * 12 + (to.month - from.month) + 1);
}
