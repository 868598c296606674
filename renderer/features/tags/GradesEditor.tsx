/**
 * Grades A/B/C/D: an ordered rule list (first match wins; buying customers matching none get
 * the fallback grade), each rule with its playbook in both languages, plus the complaint
 * playbook. Rules are validated as they are edited; saving re-scores.
 */
import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import { localName } from '../analytics/index.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { RuleEditor, asGroup } from './RuleEditor.tsx';
import { useRulePreview } from './use-rule-preview.ts';
import type { RuleField } from './rule-fields.ts';
import type { ReactNode } from 'react';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { GradesView } from '../../../shared/analytics/api.ts';
import type { Grade, GradeRule, Playbook, RuleIssue } from '../../../shared/analytics/types.ts';

const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

function PlaybookFields({ playbook, onChange, testId }: { playbook: Playbook; onChange: (p: Playbook) => void; testId: string }): ReactNode {
  const t = useT();
  const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '').slice(0, 20);
  return (
    <div className="playbook-fields">
      <label className="field">
        <span className="field-label">{t('analytics.grades.playbookZh')}</span>
        <textarea className="input textarea" rows={3} data-testid={`${testId}-zh`} defaultValue={playbook.zh.join('\n')} onChange={(e) => onChange({ ...playbook, zh: lines(e.target.value) })} />
      </label>
      <label className="field">
        <span className="field-label">{t('analytics.grades.playbookEn')}</span>
        <textarea className="input textarea" rows={3} data-testid={`${testId}-en`} defaultValue={playbook.en.join('\n')} onChange={(e) => onChange({ ...playbook, en: lines(e.target.value) })} />
      </label>
    </div>
  );
}

function GradeRuleCard(props: {
  rule: GradeRule;
  index: number;
  count: number;
  total: number;
  fields: readonly RuleField[];
  refresh: number;
  onChange: (rule: GradeRule) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onIssues: (issues: RuleIssue[] | null) => void;
}): ReactNode {
  const t = useT();
  const language = useLanguage();
  const { rule, index, count, total, fields, refresh, onChange, onMove, onRemove, onIssues } = props;
  const [open, setOpen] = useState(false);
  const preview = useRulePreview(rule.rule, undefined, refresh);
  const issuesKey = JSON.stringify(preview.issues);
  useEffect(() => onIssues(preview.pending ? null : preview.issues), [issuesKey, preview.pending]);
  return (
    <li className="card grade-card" data-testid={`grade-rule-${index}`}>
      <div className="grade-head">
        <span className="grade-order">{index + 1}</span>
        <select className={`input select grade-select grade-${rule.grade}`} aria-label={t('analytics.grades.grade')} value={rule.grade} onChange={(e) => onChange({ ...rule, grade: e.target.value as Grade })}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
        <span className="grade-name">{localName(rule, language)}</span>
        <span className="grade-count" data-testid={`grade-rule-count-${index}`}>
          {t('analytics.grades.assigned', { n: formatCount(count, language) })}
        </span>
        <span className={preview.issues.length > 0 ? 'grade-matches has-issue' : 'grade-matches'}>
          {preview.pending ? t('analytics.tags.counting') : preview.count === null ? t('analytics.tags.fixIssues', { n: preview.issues.length }) : t('analytics.grades.matches', { n: formatCount(preview.count, language) })}
        </span>
        <button type="button" className="icon-button" aria-label={t('analytics.grades.up')} title={t('analytics.grades.up')} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="icon-button" aria-label={t('analytics.grades.down')} title={t('analytics.grades.down')} disabled={index === total - 1} onClick={() => onMove(1)}>
          ↓
        </button>
        <button type="button" className="button button-small" data-testid={`grade-edit-${index}`} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('analytics.grades.collapse') : t('analytics.grades.edit')}
        </button>
      </div>
      {open && (
        <div className="grade-body">
          <div className="tag-form">
            <label className="field">
              <span className="field-label">{t('analytics.tags.nameZh')}</span>
              <input className="input input-text" value={rule.nameZh} maxLength={100} onChange={(e) => onChange({ ...rule, nameZh: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('analytics.tags.nameEn')}</span>
              <input className="input input-text" value={rule.nameEn} maxLength={100} onChange={(e) => onChange({ ...rule, nameEn: e.target.value })} />
            </label>
          </div>
          <RuleEditor rule={rule.rule} fields={fields} issues={preview.issues} onChange={(r) => onChange({ ...rule, rule: r })} />
          <h3 className="section-title">{t('analytics.grades.playbook')}</h3>
          <PlaybookFields playbook={rule.playbook} testId={`grade-playbook-${index}`} onChange={(playbook) => onChange({ ...rule, playbook })} />
          <div className="grade-body-actions">
            <button type="button" className="button button-small button-danger" disabled={total <= 1} onClick={onRemove}>
              {t('analytics.grades.remove')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

export function GradesEditor({ fields }: { fields: readonly RuleField[] }): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [view, setView] = useState<GradesView | null>(null);
  const [rules, setRules] = useState<GradeRule[]>([]);
  const [complaint, setComplaint] = useState<Playbook | null>(null);
  const [issues, setIssues] = useState<Record<number, RuleIssue[] | null>>({});
  const [error, setError] = useState<AtlasErrorData | null>(null);
  const [saving, setSaving] = useState(false);
  const [refresh, setRefresh] = useState(0);

  const adopt = (v: GradesView) => {
    setView(v);
    setRules(v.rules.map((r) => ({ ...r, rule: asGroup(r.rule) })));
    setComplaint(v.complaintPlaybook);
    setRefresh((n) => n + 1);
  };
  useEffect(() => {
    call('analytics.grades.get')
      .then(adopt)
      .catch((e: unknown) => setError(toErrorData(e)));
  }, []);

  if (!view || !complaint) return error ? <p className="form-error">{translateError(error)}</p> : <div className="spinner" />;
  const dirty = JSON.stringify(rules) !== JSON.stringify(view.rules.map((r) => ({ ...r, rule: asGroup(r.rule) }))) || JSON.stringify(complaint) !== JSON.stringify(view.complaintPlaybook);
  const valid = rules.every((_, i) => issues[i] !== null && (issues[i]?.length ?? 1) === 0);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      adopt(await call('analytics.grades.save', { rules, complaintPlaybook: complaint }));
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setSaving(false);
    }
  };
  const fallback = view.ruleCounts[view.ruleCounts.length - 1] ?? 0;
  return (
    <div className="grades" data-testid="grades-editor">
      <section className="card grades-summary">
        <header className="card-header">
          <h2 className="card-title">{t('analytics.grades.title')}</h2>
          <p className="card-subtitle">{t('analytics.grades.subtitle')}</p>
        </header>
        <div className="grade-chips">
          {(['A', 'B', 'C', 'D', 'unrated'] as const).map((g) => (
            <span key={g} className={`grade-chip grade-${g}`} data-testid={`grades-count-${g}`} data-value={view.counts[g]}>
              <strong>{g === 'unrated' ? t('analytics.grades.unrated') : g}</strong> {formatCount(view.counts[g], language)}
            </span>
          ))}
          <span className="grade-fallback">{t('analytics.grades.fallback', { n: formatCount(fallback, language) })}</span>
        </div>
      </section>
      <ol className="grade-list">
        {rules.map((rule, i) => (
          <GradeRuleCard
            key={i}
            rule={rule}
            index={i}
            total={rules.length}
            count={view.ruleCounts[i] ?? 0}
            fields={fields}
            refresh={refresh}
            onChange={(next) => setRules(rules.map((r, k) => (k === i ? next : r)))}
            onMove={(delta) => {
              const next = [...rules];
              const [moved] = next.splice(i, 1);
              if (moved) next.splice(i + delta, 0, moved);
              setRules(next);
              setIssues({});
            }}
            onRemove={() => {
              setRules(rules.filter((_, k) => k !== i));
              setIssues({});
            }}
            onIssues={(list) => setIssues((prev) => ({ ...prev, [i]: list }))}
          />
        ))}
      </ol>
      <div className="grades-actions">
        <button
          type="button"
          className="button"
          onClick={() => setRules([...rules, { grade: 'C', nameZh: translate('zh-CN', 'analytics.grades.newRule'), nameEn: translate('en', 'analytics.grades.newRule'), rule: { all: [{ metric: 'frequency', op: 'ge', value: 1 }] }, playbook: { zh: [], en: [] } }])}
        >
          {t('analytics.grades.add')}
        </button>
      </div>
      <section className="card complaint-card">
        <header className="card-header">
          <h2 className="card-title">{t('analytics.grades.complaintTitle')}</h2>
          <p className="card-subtitle">{t('analytics.grades.complaintSubtitle')}</p>
        </header>
        <PlaybookFields playbook={complaint} testId="complaint-playbook" onChange={setComplaint} />
      </section>
      <footer className="tag-actions sticky-actions">
        {error && (
          <p className="form-error" role="alert">
            {translateError(error)}
          </p>
        )}
        <span className="rule-group-spacer" />
        <button type="button" className="button" disabled={!dirty || saving} onClick={() => adopt(view)}>
          {t('analytics.tags.reset')}
        </button>
        <button type="button" className="button button-primary" data-testid="grades-save" disabled={!dirty || !valid || saving} onClick={() => void save()}>
          {saving ? t('analytics.tags.saving') : t('analytics.grades.save')}
        </button>
      </footer>
    </div>
  );
}
