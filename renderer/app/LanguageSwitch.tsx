import { LANGUAGES } from '../../shared/api/contract.ts';
import { useT } from './i18n.ts';
import { sessionActions, useLanguage } from './session-store.ts';
import type { ReactNode } from 'react';

export function LanguageSwitch(): ReactNode {
  const t = useT();
  const current = useLanguage();
  return (
    <div className="segmented" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className={language === current ? 'segmented-item is-active' : 'segmented-item'}
          aria-pressed={language === current}
          data-testid={`language-${language}`}
          onClick={() => {
            if (language !== current) void sessionActions.setLanguage(language);
          }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
