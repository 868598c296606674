/**
 * One tag: what it is, how many customers it covers, how that changed since the previous
 * run, its customers' win rate against everyone's (lift), and its rule in the editor with a
 * live matching count. Saves only a rule the engine accepts.
 */
import { useEffect, useMemo, useState } from 'react';
import { call } from '../../api/client.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import { formatLift, formatShare, localName, setTags } from '../analytics/index.ts';
import { RuleEditor, asGroup } from './RuleEditor.tsx';
import { useRulePreview } from './use-rule-preview.ts';
import { TagTrend } from './TagTrend.tsx';
import type { RuleField } from './rule-fields.ts';
import type { ReactNode } from 'react';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { TagListResult } from '../../../shared/analytics/api.ts';
import type { Polarity, TagDefinition, TagStatus } from '../../../shared/analytics/types.ts';

const STATUSES: readonly TagStatus[] = ['draft', 'active', 'retired'];
const POLARITIES: readonly Polarity[] = ['positive', 'neutral', 'negative'];

function Stat({ label, value, hint, testId, dataValue }: { label: string; value: string; hint?: string; testId: string; dataValue?: string | number }): ReactNode {
  return (
    <div className="tag-stat">
      <div className="tag-stat-label">{label}</div>
      <div className="tag-stat-value" data-testid={testId} data-value={dataValue}>
        {value}
      </div>
      {hint !== undefined && <div className="tag-stat-hint">{hint}</div>}
    </div>
  );
}

export function TagDetail({ tag, list, fields, isNew, onSaved }: { tag: TagDefinition; list: TagListResult; fields: readonly RuleField[]; isNew: boolean; onSaved: (id: string) => void }): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [draft, setDraft] = useState<TagDefinition>(() => ({ ...tag, rule: tag.rule === null ? null : asGroup(tag.rule) }));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AtlasErrorData | null>(null);
  const [refresh, setRefresh] = useState(0);
  const original = useMemo(() => JSON.stringify({ ...tag, rule: tag.rule === null ? null : asGroup(tag.rule) }), [tag]);
  // Start over only when the stored definition changes: a re-score elsewhere reloads the
  // list with an equal tag, and must not throw away what the user is typing.
  useEffect(() => {
    setDraft(JSON.parse(original) as TagDefinition);
    setSaveError(null);
  }, [original]);
  useEffect(() => setRefresh((n) => n + 1), [list]);

  const preview = useRulePreview(draft.rule, draft.id, refresh);
  const stat = list.stats.find((s) => s.tagId === tag.id);
  const dirty = isNew || JSON.stringify(draft) !== original;
  const valid = draft.rule === null || (!preview.pending && preview.error === null && preview.issues.length === 0);
  const parent = list.tags.find((x) => x.id === tag.parentId);
  const isGroup = tag.level === 'topic' || tag.level === 'dimension';

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    try {
      const result = await call('analytics.tags.save', { tag: draft });
      setTags(result);
      onSaved(draft.id);
    } catch (error) {
      setSaveError(toErrorData(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card tag-detail" data-testid="tag-detail" aria-labelledby="tag-detail-title">
      <header className="tag-detail-head">
        <span className="tag-dot tag-dot-large" style={{ background: draft.color }} aria-hidden="true" />
        <div className="tag-detail-titles">
          <h2 className="card-title" id="tag-detail-title" data-testid="tag-detail-name">
            {localName(draft, language)}
          </h2>
          <p className="card-subtitle">
            {parent ? `${localName(parent, language)} · ` : ''}
            {t(`analytics.tag.level.${tag.level}`)}
            {!isGroup && ` · ${t(`analytics.tag.kind.${tag.kind}`)}`}
          </p>
        </div>
        {!isGroup && <span className={`badge badge-polarity polarity-${draft.polarity}`}>{t(`analytics.tag.polarity.${draft.polarity}`)}</span>}
      </header>
      <p className="tag-description">{language === 'zh-CN' ? draft.descriptionZh : draft.descriptionEn}</p>

      {stat && (
        <div className="tag-stats" data-testid="tag-stats">
          <Stat label={t('analytics.tags.covered')} value={formatCount(stat.count, language)} testId="tag-stat-count" dataValue={stat.count} hint={t('analytics.tags.ofCustomers', { n: formatCount(list.customers, language) })} />
          <Stat label={t('analytics.tags.share')} value={formatShare(stat.share, language)} testId="tag-stat-share" />
          <Stat
            label={t('analytics.tags.change')}
            value={stat.entered === null || stat.left === null ? '–' : `+${formatCount(stat.entered, language)} / −${formatCount(stat.left, language)}`}
            hint={list.previousRunAt === null ? t('analytics.tags.noPreviousRun') : t('analytics.tags.sincePrevious')}
            testId="tag-stat-change"
          />
          <Stat
            label={t('analytics.tags.winRate')}
            value={formatShare(stat.winRate, language)}
            hint={t('analytics.tags.overall', { rate: formatShare(list.overall.winRate, language) })}
            testId="tag-stat-winrate"
          />
          <Stat label={t('analytics.tags.lift')} value={formatLift(stat.lift, language)} hint={t('analytics.tags.liftHint')} testId="tag-stat-lift" />
        </div>
      )}
      {stat && !isGroup && <TagTrend tagId={tag.id} color={draft.color} />}

      {!isGroup && (
        <>
          <div className="tag-form">
            <label className="field">
              <span className="field-label">{t('analytics.tags.nameZh')}</span>
              <input className="input input-text" value={draft.nameZh} data-testid="tag-name-zh" maxLength={100} onChange={(e) => setDraft({ ...draft, nameZh: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('analytics.tags.nameEn')}</span>
              <input className="input input-text" value={draft.nameEn} data-testid="tag-name-en" maxLength={100} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('analytics.tags.status')}</span>
              <select className="input select" value={draft.status} data-testid="tag-status" onChange={(e) => setDraft({ ...draft, status: e.target.value as TagStatus })}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`analytics.tag.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('analytics.tags.polarity')}</span>
              <select className="input select" value={draft.polarity} onChange={(e) => setDraft({ ...draft, polarity: e.target.value as Polarity })}>
                {POLARITIES.map((p) => (
                  <option key={p} value={p}>
                    {t(`analytics.tag.polarity.${p}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>

          <div className="rule-section">
            <div className="rule-section-head">
              <h3 className="section-title">{t('analytics.tags.rule')}</h3>
              <span className="rule-preview" role="status" data-testid="rule-preview" data-pending={preview.pending ? 'true' : 'false'} data-count={preview.count ?? ''}>
                {preview.pending
                  ? t('analytics.tags.counting')
                  : preview.error
                    ? translateError(preview.error)
                    : preview.count === null
                      ? t('analytics.tags.fixIssues', { n: preview.issues.length })
                      : t('analytics.tags.matches', { n: formatCount(preview.count, language), total: formatCount(preview.customers ?? 0, language) })}
              </span>
            </div>
            {draft.rule !== null && <RuleEditor rule={draft.rule} fields={fields} issues={preview.issues} onChange={(rule) => setDraft({ ...draft, rule })} />}
            <details className="rule-json">
              <summary>{t('analytics.tags.json')}</summary>
              <pre>{JSON.stringify(draft.rule, null, 2)}</pre>
            </details>
          </div>
        </>
      )}

      {!isGroup && (
        <footer className="tag-actions">
          {saveError && (
            <p className="form-error" role="alert" data-testid="tag-save-error">
              {translateError(saveError)}
            </p>
          )}
          <span className="rule-group-spacer" />
          <button type="button" className="button" disabled={!dirty || saving} onClick={() => setDraft({ ...tag, rule: tag.rule === null ? null : asGroup(tag.rule) })}>
            {t('analytics.tags.reset')}
          </button>
          <button type="button" className="button button-primary" data-testid="tag-save" disabled={!dirty || !valid || saving} onClick={() => void save()}>
            {saving ? t('analytics.tags.saving') : t('analytics.tags.save')}
          </button>
        </footer>
      )}
    </section>
  );
}
