import { useT } from '../../app/i18n.ts';
import { AnalysisSettingsSection } from './AnalysisSettings.tsx';
import { SegmentSchemesSection } from './SegmentSchemes.tsx';
import { SalesRegionsSettings } from './SalesRegionsSettings.tsx';
import type { ReactNode } from 'react';
import './settings.css';

/** Settings: the Analysis section (more sections join it as features arrive). */
export function SettingsPage(): ReactNode {
  const t = useT();
  return (
    <div className="page page-settings" data-testid="page-settings">
      <header className="page-header">
        <h1 className="page-title">{t('nav.settings')}</h1>
        <p className="page-subtitle">{t('analytics.settings.subtitle')}</p>
      </header>
      <nav className="tabs" aria-label={t('nav.settings')}>
        <span className="tab is-active" aria-current="page">
          {t('analytics.settings.tab')}
        </span>
      </nav>
      <AnalysisSettingsSection />
      <SegmentSchemesSection />
      <SalesRegionsSettings />
    </div>
  );
}
