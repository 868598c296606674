/**
 * Which language the UI speaks: the user's explicit choice, else the system locale the host
 * reported, else (before the host answered) the browser's own locale.
 */
import { languageForLocale } from '../../shared/i18n/index.ts';
import type { Language, UserSettings } from '../../shared/api/contract.ts';

export function resolveLanguage(settings: UserSettings | null, systemLocale: string | null, browserLocale: string): Language {
  if (settings?.language) return settings.language;
  return languageForLocale(systemLocale ?? browserLocale);
}
