/** Small display helpers shared by the analytics screens. */
import type { Language } from '../../../shared/api/contract.ts';

/** The name of a definition (tag, segment, grade, metric) in the UI language. */
export function localName(item: { nameZh: string; nameEn: string }, language: Language): string {
  return language === 'zh-CN' ? item.nameZh : item.nameEn;
}

export function formatShare(share: number | null, language: Language): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

export function formatLift(lift: number | null, language: Language): string {
  if (lift === null || !Number.isFinite(lift)) return '–';
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(lift)}×`;
}
