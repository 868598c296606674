/**
 * The Overview's portrait in numbers: customers per RFM segment (8-class scheme), per grade
 * and per lifecycle stage, and how many customers each active tag covers. Reloads whenever
 * the workspace changes (imports and edits re-score).
 */
import { useEffect } from 'react';
import { useT } from '../../app/i18n.ts';
import { navigate } from '../../app/nav-store.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { followAnalytics, formatShare, localName, useSummary, useTagList } from '../analytics/index.ts';
import type { ReactNode } from 'react';
import type { LifecycleStage } from '../../../shared/analytics/types.ts';
import './analytics-summary.css';

const GRADES = ['A', 'B', 'C', 'D', 'unrated'] as const;
const STAGES: readonly LifecycleStage[] = ['new', 'active', 'sleeping', 'lost', 'prospect'];

export function AnalyticsSummary(): ReactNode {
  const t = useT();
  const language = useLanguage();
  const summary = useSummary();
  const tags = useTagList();
  useEffect(() => followAnalytics({ summary: true, tags: true }), []);
  if (!summary) return null;
  const scheme = summary.schemes[0];
  const maxSegment = Math.max(1, ...(scheme?.segments.map((s) => s.count) ?? [1]));
  const activeTags = (tags?.stats ?? [])
    .map((s) => ({ stat: s, tag: tags?.tags.find((x) => x.id === s.tagId) }))
    .filter((x) => x.tag !== undefined && x.tag.status === 'active');
  return (
    <section className="overview-analytics" data-testid="overview-analytics">
      <div className="card analytics-card">
        <header className="card-header">
          <h2 className="card-title">{scheme ? localName(scheme, language) : t('analytics.overview.segments')}</h2>
          <p className="card-subtitle" data-testid="overview-m-statement">
            {t('analytics.overview.scoredAt', { date: summary.analysisDate, scored: formatCount(summary.scored, language) })} · {t(`analytics.monetary.short.${summary.rfm.monetary}`)}
          </p>
        </header>
        <ul className="segment-bars">
          {scheme?.segments.filter((s) => s.count > 0 || s.id !== 'other').map((s) => (
            <li key={s.id} className="segment-bar" data-testid={`overview-segment-${s.id}`} data-value={s.count}>
              <span className="segment-name">{localName(s, language)}</span>
              <span className="segment-track">
                <span className="segment-fill" style={{ width: `${(s.count / maxSegment) * 100}%`, background: s.color ?? 'var(--primary)' }} />
              </span>
              <span className="segment-count">{formatCount(s.count, language)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="analytics-side">
        <div className="card analytics-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.overview.grades')}</h2>
          </header>
          <div className="grade-tiles">
            {GRADES.map((g) => (
              <div key={g} className={`grade-tile grade-${g}`} data-testid={`overview-grade-${g}`} data-value={summary.gradeCounts[g]}>
                <span className="grade-tile-label">{g === 'unrated' ? t('analytics.grades.unrated') : g}</span>
                <span className="grade-tile-value">{formatCount(summary.gradeCounts[g], language)}</span>
              </div>
            ))}
          </div>
          <div className="lifecycle-row">
            {STAGES.map((s) => (
              <span key={s} className={`lifecycle-chip stage-${s}`} data-testid={`overview-lifecycle-${s}`} data-value={summary.lifecycleCounts[s]}>
                {t(`analytics.lifecycle.${s}`)} <strong>{formatCount(summary.lifecycleCounts[s], language)}</strong>
              </span>
            ))}
          </div>
        </div>
        <div className="card analytics-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.overview.tags')}</h2>
            <button type="button" className="link-button" onClick={() => navigate('tags')}>
              {t('analytics.overview.openTags')}
            </button>
          </header>
          <ul className="tag-chips">
            {activeTags.map(({ stat, tag }) => (
              <li key={stat.tagId} className="tag-chip" data-testid={`overview-tag-${stat.tagId}`} data-value={stat.count} title={formatShare(stat.share, language)}>
                <span className="tag-dot" style={{ background: tag!.color }} aria-hidden="true" />
                <span className="tag-chip-name">{localName(tag!, language)}</span>
                <span className="tag-chip-count">{formatCount(stat.count, language)}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
