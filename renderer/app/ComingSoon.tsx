import { Icon } from './icons.tsx';
import { useT } from './i18n.ts';
import type { ReactNode } from 'react';
import type { PageId } from './nav-store.ts';

type PlannedPage = Exclude<PageId, 'overview'>;

/** The tidy placeholder of a page that a later issue builds. */
export function ComingSoon({ page }: { page: PlannedPage }): ReactNode {
  const t = useT();
  return (
    <div className="page" data-testid={`page-${page}`}>
      <header className="page-header">
        <h1 className="page-title">{t(`nav.${page}`)}</h1>
      </header>
      <section className="card coming-soon">
        <div className="coming-soon-icon">
          <Icon name={page} size={28} />
        </div>
        <span className="badge badge-soon">{t('common.comingSoon')}</span>
        <p className="coming-soon-text">{t(`page.${page}.description`)}</p>
        <p className="coming-soon-hint">{t('page.comingSoonHint')}</p>
      </section>
    </div>
  );
}
