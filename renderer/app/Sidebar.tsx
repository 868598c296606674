import { Icon } from './icons.tsx';
import { useT } from './i18n.ts';
import { PAGES, navigate, usePage } from './nav-store.ts';
import { useAppInfo } from './session-store.ts';
import type { ReactNode } from 'react';
import type { PageId } from './nav-store.ts';

function LogoMark(): ReactNode {
  return (
    <svg className="logo-mark" width="30" height="30" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#3b6fd8" />
      <circle cx="16" cy="16" r="8.5" fill="none" stroke="#fff" strokeWidth="2" />
      <path d="M16 7.5v17M7.5 16h17" stroke="#fff" strokeOpacity=".55" strokeWidth="1.5" />
      <circle cx="19.5" cy="12.5" r="2.6" fill="#f2a93b" />
    </svg>
  );
}

export function Sidebar(): ReactNode {
  const t = useT();
  const page = usePage();
  const appInfo = useAppInfo();
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <LogoMark />
        <span className="sidebar-name">{t('app.name')}</span>
      </div>
      <nav className="sidebar-nav" aria-label={t('nav.label')}>
        {PAGES.map((id: PageId) => (
          <button
            key={id}
            type="button"
            className={id === page ? 'nav-item is-active' : 'nav-item'}
            aria-current={id === page ? 'page' : undefined}
            data-testid={`nav-${id}`}
            onClick={() => navigate(id)}
          >
            <Icon name={id} />
            <span className="nav-label">{t(`nav.${id}`)}</span>
          </button>
        ))}
      </nav>
      {appInfo && (
        <div className="sidebar-footer">
          <span>{t('app.version', { version: appInfo.version })}</span>
          {appInfo.mode === 'browser' && <span className="sidebar-mode">{t('app.browserMode')}</span>}
        </div>
      )}
    </aside>
  );
}
