/** Formatting shared by the dossier page, its printout and the visit-list cover. */
import type { Language } from '../../../shared/api/contract.ts';
import { formatCount, formatYuan } from '../../../shared/format/numbers.ts';
import { formatIsoDate } from '../../../shared/format/dates.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { MessageKey, MessageParams } from '../../../shared/i18n/index.ts';

/** The bundled Noto Sans SC first, so screen, print and PDF look the same on every machine. */
export const DOSSIER_FONT = '"Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export type T = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): T {
  return (key, params) => translate(language, key, params);
}

export const yuan = (value: number, language: Language): string => formatYuan(value, language);
export const count = (value: number, language: Language): string => formatCount(value, language);
export const date = (iso: string | null, language: Language): string => (iso === null ? '–' : formatIsoDate(iso, language));
export const percent = (value: number | null, digits = 0): string => (value === null ? '–' : `${(value * 100).toFixed(digits)}%`);
export function signedPercent(value: number): string {
  const text = `${(Math.abs(value) * 100).toFixed(0)}%`;
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** Today as YYYY-MM-DD in local time (the default visit date). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
