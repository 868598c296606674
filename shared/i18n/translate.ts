import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import type { Language } from '../api/contract.ts';
import type { AtlasErrorData } from '../api/errors.ts';
import type { Dictionary, MessageKey } from './messages.ts';

export const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { 'zh-CN': zhCN, en };

export type MessageParams = Readonly<Record<string, string | number | boolean | null>>;

/** Replaces {name} placeholders; unknown placeholders stay visible so gaps are noticed. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = DICTIONARIES[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** zh-Hans and zh-Hant system locales both get Chinese; everything else English. */
export function languageForLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The message of an error: `error.<CODE>.<details.code>` when the dictionary has one (a cause
 * worth its own sentence, such as an unknown segment scheme), else `error.<CODE>` with the
 * English reason as {why}.
 */
export function translateError(language: Language, error: AtlasErrorData): string {
  const specific = typeof error.details['code'] === 'string' ? `error.${error.code}.${error.details['code']}` : null;
  const key = (specific !== null && Object.hasOwn(DICTIONARIES[language], specific) ? specific : `error.${error.code}`) as MessageKey;
  const params: Record<string, string | number | boolean | null> = { why: error.message, ...error.details };
  return translate(language, key, params);
}
