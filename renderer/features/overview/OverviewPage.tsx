import { useEffect, useMemo } from 'react';
import { onNamedEvent } from '../../api/client.ts';
import { Icon } from '../../app/icons.tsx';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { navigate } from '../../app/nav-store.ts';
import { sessionActions, useLanguage } from '../../app/session-store.ts';
import { formatDateRange, monthSpan } from '../../../shared/format/dates.ts';
import { formatCount, formatYuan } from '../../../shared/format/numbers.ts';
import { RECORD_KINDS } from '../../../shared/schema/records.ts';
import { loadOverview, useOverviewState } from './overview-store.ts';
import { RevenueChart } from './RevenueChart.tsx';
import { AnalyticsSummary } from './AnalyticsSummary.tsx';
import { ExportButton } from '../reports/index.ts';
import type { ReactNode } from 'react';
import type { IconName } from '../../app/icons.tsx';
import type { Overview } from '../../../shared/overview/overview.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import './overview.css';

const KIND_ICONS: Readonly<Record<RecordKind, IconName>> = {
  customers: 'customers',
  orders: 'orders',
  payments: 'payments',
  opportunities: 'opportunities',
  tickets: 'tickets',
  surveys: 'surveys',
  equipment: 'equipment',
};

function Headline({ overview }: { overview: Overview }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const range = overview.orderDateRange;
  return (
    <div className="overview-headline">
      <section className="card kpi kpi-revenue">
        <div className="kpi-icon">
          <Icon name="revenue" size={22} />
        </div>
        <div className="kpi-body">
          <div className="kpi-label">{t('overview.totalRevenue')}</div>
          <div className="kpi-value kpi-value-large" data-testid="overview-total-revenue" data-value={overview.totalRevenue}>
            {formatYuan(overview.totalRevenue, language)}
          </div>
          <div className="kpi-hint">{t('overview.totalRevenueHint')}</div>
        </div>
      </section>
      <section className="card kpi kpi-period">
        <div className="kpi-icon">
          <Icon name="calendar" size={22} />
        </div>
        <div className="kpi-body">
          <div className="kpi-label">{t('overview.dateRange')}</div>
          <div
            className={range ? 'kpi-value kpi-value-range' : 'kpi-value kpi-value-range is-muted'}
            data-testid="overview-date-range"
            data-from={range?.from ?? ''}
            data-to={range?.to ?? ''}
          >
            {range ? formatDateRange(range, language) : t('overview.dateRangeNone')}
          </div>
          <div className="kpi-hint">{range ? t('overview.dateRangeMonths', { months: monthSpan(range) }) : '\u00a0'}</div>
        </div>
      </section>
    </div>
  );
}

function Counts({ overview }: { overview: Overview }): ReactNode {
  const t = useT();
  const language = useLanguage();
  return (
    <section className="overview-counts" aria-label={t('overview.records')}>
      {RECORD_KINDS.map((kind) => (
        <div key={kind} className="card count-card">
          <div className="count-label" title={t(`overview.${kind}`)}>
            {t(`overview.${kind}`)}
          </div>
          <div className="count-row">
            <div
              className="count-value"
              title={formatCount(overview.counts[kind], language)}
              data-testid={`overview-count-${kind}`}
              data-value={overview.counts[kind]}
            >
              {formatCount(overview.counts[kind], language)}
            </div>
            <div className={`count-icon count-icon-${kind}`}>
              <Icon name={KIND_ICONS[kind]} size={18} />
            </div>
          </div>
        </div>
      ))}
    </section>
  );
}

function ChartCard({ overview }: { overview: Overview }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const total = t('overview.chartTotal');
  const labels = useMemo(() => ({ total }), [total]);
  const empty = overview.monthlyRevenue.months.length === 0;
  return (
    <section className="card chart-card">
      <header className="card-header">
        <h2 className="card-title">{t('overview.chartTitle')}</h2>
        <p className="card-subtitle">{t('overview.chartSubtitle')}</p>
      </header>
      {empty ? (
        <div className="empty-state" data-testid="overview-empty">
          <div className="empty-illustration" aria-hidden="true">
            <span />
            <span />
            <span />
            <span />
          </div>
          <h3 className="empty-title">{t('overview.empty.title')}</h3>
          <p className="empty-body">{t('overview.empty.body')}</p>
          <button type="button" className="button button-primary" data-testid="overview-import" onClick={() => navigate('import')}>
            <Icon name="import" size={16} />
            {t('overview.empty.action')}
          </button>
        </div>
      ) : (
        <RevenueChart data={overview.monthlyRevenue} language={language} labels={labels} ariaLabel={t('overview.chartTitle')} />
      )}
    </section>
  );
}

function Skeleton(): ReactNode {
  const t = useT();
  return (
    <div className="overview-skeleton" aria-busy="true" data-testid="overview-loading">
      <span className="visually-hidden">{t('overview.loading')}</span>
      <div className="overview-headline">
        {[0, 1].map((i) => (
          <div key={i} className="card skeleton skeleton-kpi">
            <span className="skeleton-block skeleton-square" />
            <span className="skeleton-stack">
              <span className="skeleton-block skeleton-line is-short" />
              <span className="skeleton-block skeleton-line is-big" />
              <span className="skeleton-block skeleton-line" />
            </span>
          </div>
        ))}
      </div>
      <div className="overview-counts">
        {RECORD_KINDS.map((kind) => (
          <div key={kind} className="card skeleton skeleton-count">
            <span className="skeleton-block skeleton-line is-short" />
            <span className="skeleton-block skeleton-line is-big" />
          </div>
        ))}
      </div>
      <div className="card skeleton skeleton-chart">
        <span className="skeleton-block skeleton-line is-title" />
        <span className="skeleton-bars">
          {[46, 62, 54, 70, 58, 80, 66, 74, 60, 84, 72, 90].map((h, i) => (
            <span key={i} className="skeleton-block skeleton-bar" style={{ height: `${h}%` }} />
          ))}
        </span>
      </div>
    </div>
  );
}

function NoWorkspace(): ReactNode {
  const t = useT();
  return (
    <section className="card empty-state empty-state-page" data-testid="overview-no-workspace">
      <div className="empty-icon">
        <Icon name="workspace" size={28} />
      </div>
      <h3 className="empty-title">{t('overview.noWorkspace.title')}</h3>
      <p className="empty-body">{t('overview.noWorkspace.body')}</p>
      <div className="empty-actions">
        <button type="button" className="button" onClick={() => void sessionActions.chooseFile('open')}>
          <Icon name="folderOpen" size={16} />
          {t('workspace.open')}
        </button>
        <button type="button" className="button button-primary" onClick={() => void sessionActions.openDemo()}>
          <Icon name="sparkles" size={16} />
          {t('workspace.openDemo')}
        </button>
      </div>
    </section>
  );
}

function LoadFailed({ onRetry }: { onRetry: () => void }): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const { error } = useOverviewState();
  return (
    <section className="card empty-state empty-state-page" role="alert" data-testid="overview-failed">
      <div className="empty-icon is-error">
        <Icon name="alert" size={28} />
      </div>
      <h3 className="empty-title">{t('overview.loadFailed')}</h3>
      {error && <p className="empty-body">{translateError(error)}</p>}
      <button type="button" className="button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </section>
  );
}

export function OverviewPage(): ReactNode {
  const t = useT();
  const { status, overview, error } = useOverviewState();

  useEffect(() => {
    void loadOverview();
    return onNamedEvent('workspace.changed', () => void loadOverview());
  }, []);

  let body: ReactNode;
  if (overview !== null) {
    body = (
      <>
        <Headline overview={overview} />
        <Counts overview={overview} />
        <ChartCard overview={overview} />
        <AnalyticsSummary />
      </>
    );
  } else if (status === 'failed' && error?.code === 'NO_WORKSPACE') {
    body = <NoWorkspace />;
  } else if (status === 'failed') {
    body = <LoadFailed onRetry={() => void loadOverview()} />;
  } else {
    body = <Skeleton />;
  }

  return (
    <div className="page page-overview" data-testid="page-overview">
      <header className="page-header">
        <h1 className="page-title">{t('overview.title')}</h1>
        <p className="page-subtitle">{t('overview.subtitle')}</p>
        <div className="reports-export-action"><ExportButton /></div>
      </header>
      {body}
    </div>
  );
}
