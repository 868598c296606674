/** The UI's translation hooks: every component reads its text through these. */
import { useCallback } from 'react';
import { translate, translateError } from '../../shared/i18n/index.ts';
import { useLanguage } from './session-store.ts';
import type { MessageKey, MessageParams } from '../../shared/i18n/index.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}

export function useTranslateError(): (error: AtlasErrorData) => string {
  const language = useLanguage();
  return useCallback((error) => translateError(language, error), [language]);
}
