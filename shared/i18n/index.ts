export { DICTIONARIES, languageForLocale, translate, translateError } from './translate.ts';
export type { MessageParams } from './translate.ts';
export type { Dictionary, MessageKey } from './messages.ts';
