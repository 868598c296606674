import { useEffect } from 'react';
import { OverviewPage } from '../features/overview/index.ts';
import { ImportPage } from '../features/import/index.ts';
import { SettingsPage } from '../features/settings/index.ts';
import { TagsPage } from '../features/tags/index.ts';
import { SegmentsPage } from '../features/segments/index.ts';
import { RegionsPage } from '../features/regions/index.ts';
import { CustomersPage } from '../features/customers/index.ts';
import { ReportsPage } from '../features/reports/index.ts';
import { DossierPage, VisitsPage } from '../features/dossier/index.ts';
import { ComingSoon } from './ComingSoon.tsx';
import { Icon } from './icons.tsx';
import { useT, useTranslateError } from './i18n.ts';
import { JobOverlay } from './JobOverlay.tsx';
import { usePage } from './nav-store.ts';
import type { PageId } from './nav-store.ts';
import { NoticeBanner } from './NoticeBanner.tsx';
import { PathDialog } from './PathDialog.tsx';
import { sessionActions, useLanguage, useSessionStatus, useStartError } from './session-store.ts';
import { Sidebar } from './Sidebar.tsx';
import { TopBar } from './TopBar.tsx';
import type { ReactNode } from 'react';

/** Each feature's page; a page not built yet says what it will hold. */
const FEATURE_PAGES: Partial<Record<PageId, () => ReactNode>> = {
  overview: () => <OverviewPage />,
  import: () => <ImportPage />,
  segments: () => <SegmentsPage />,
  regions: () => <RegionsPage />,
  customers: () => <CustomersPage />,
  tags: () => <TagsPage />,
  reports: () => <ReportsPage />,
  dossier: () => <DossierPage />,
  visits: () => <VisitsPage />,
  settings: () => <SettingsPage />,
};

function CurrentPage(): ReactNode {
  const page = usePage();
  const render = FEATURE_PAGES[page];
  return render ? render() : <ComingSoon key={page} page={page as Exclude<PageId, 'overview'>} />;
}

function StartScreen(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const status = useSessionStatus();
  const error = useStartError();
  return (
    <div className="start-screen">
      {status === 'failed' && error ? (
        <div className="start-card" role="alert" data-testid="start-error">
          <Icon name="alert" size={28} className="start-icon is-error" />
          <h1 className="start-title">{t('app.startFailed')}</h1>
          <p className="start-text">{translateError(error)}</p>
          <button type="button" className="button button-primary" onClick={() => void sessionActions.start()}>
            {t('common.retry')}
          </button>
        </div>
      ) : (
        <div className="start-card" aria-busy="true">
          <div className="spinner" />
          <p className="start-text">{t('app.loading')}</p>
        </div>
      )}
    </div>
  );
}

export function App(): ReactNode {
  const t = useT();
  const language = useLanguage();
  const status = useSessionStatus();

  useEffect(() => {
    void sessionActions.start();
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  if (status !== 'ready') return <StartScreen />;
  return (
    <div className="shell">
      <Sidebar />
      <div className="main">
        <TopBar />
        <NoticeBanner />
        <main className="content">
          <CurrentPage />
        </main>
      </div>
      <JobOverlay />
      <PathDialog />
    </div>
  );
}
