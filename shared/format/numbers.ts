/**
 * Locale-aware number formatting for counts and yuan amounts. Chinese readers think in
 * 万 (10⁴) and 亿 (10⁸); English readers in K/M/B. Pure, so the worker, the CLI and the
 * renderer format the same way.
 */
import type { Language } from '../api/contract.ts';

export interface AmountOptions {
  /** Digits after the decimal point once a unit (万/亿, K/M/B) applies; default 2. */
  fractionDigits?: number;
  /** Drop trailing zeros (12.50万 → 12.5万); for axis labels. Default false. */
  trimZeros?: boolean;
}

interface Unit {
  size: number;
  suffix: string;
}

const ZH_UNITS: readonly Unit[] = [
  { size: 1e8, suffix: '亿' },
  { size: 1e4, suffix: '万' },
];
const EN_UNITS: readonly Unit[] = [
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'K' },
];

const formatters = new Map<string, Intl.NumberFormat>();

/** Building an Intl.NumberFormat costs far more than using one; tables format thousands. */
function numberFormat(language: Language, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${language}|${minimumFractionDigits}|${maximumFractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { minimumFractionDigits, maximumFractionDigits });
    formatters.set(key, format);
  }
  return format;
}

/** Whole numbers with grouping separators: 12,345 in both languages. */
export function formatCount(value: number, language: Language): string {
  if (!Number.isFinite(value)) return '–';
  return numberFormat(language, 0, 0).format(value);
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * The amount in the largest unit it reaches, rounding included: 99,999,999 is 1.00亿, not
 * 10,000.00万, and 9,999.6 is 1.00万, not 10,000. Below the smallest unit: a whole number.
 * `units` is ordered largest first.
 */
function scaled(abs: number, units: readonly Unit[], digits: number, trimZeros: boolean, language: Language): string {
  let index = units.findIndex((unit) => abs >= unit.size);
  const smallest = units.length - 1;
  if (index === -1 && Math.round(abs) >= units[smallest]!.size) index = smallest;
  if (index === -1) return formatCount(Math.round(abs), language);
  while (index > 0 && roundTo(abs / units[index]!.size, digits) * units[index]!.size >= units[index - 1]!.size) {
    index -= 1;
  }
  const unit = units[index]!;
  const number = numberFormat(language, trimZeros ? 0 : digits, digits).format(roundTo(abs / unit.size, digits));
  return number + unit.suffix;
}

/**
 * A yuan amount: zh-CN "12.35亿元", "3,456.78万元", "980元"; en "¥1.24B", "¥12.35M",
 * "¥980". Negative amounts keep their sign in front ("-¥1.20K", "-1.20万元").
 */
export function formatYuan(value: number, language: Language, options: AmountOptions = {}): string {
  if (!Number.isFinite(value)) return '–';
  const digits = options.fractionDigits ?? 2;
  const trimZeros = options.trimZeros ?? false;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (language === 'zh-CN') return `${sign}${scaled(abs, ZH_UNITS, digits, trimZeros, language)}元`;
  return `${sign}¥${scaled(abs, EN_UNITS, digits, trimZeros, language)}`;
}
