/**
 * Settings → Segment schemes: the shipped 8-class and 11-class schemes and the user's own.
 * Edit names (zh/en), colours, the H/L flags or score ranges of each segment (order = first
 * match wins), add / remove / reorder segments, define a new scheme from a copy, delete user
 * schemes and reset shipped ones. Problems are named by segment and field as you edit; the
 * counts per segment are live (the draft is matched against the current scores, nothing is
 * stored) with a check that every scored customer lands in exactly one segment. Saving
 * re-scores.
 */
import { useEffect, useRef, useState } from 'react';
import { call, onNamedEvent } from '../../api/client.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import { DEFAULT_SCHEMES, validateScheme } from '../../../shared/analytics/index.ts';
import { formatShare, localName } from '../analytics/index.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { ReactNode } from 'react';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { SchemeView } from '../../../shared/analytics/api.ts';
import type { Level, ScoreRange, SchemeIssue, SegmentDef, SegmentScheme } from '../../../shared/analytics/types.ts';
import type { Language } from '../../../shared/api/contract.ts';

const FLAG_DIMS = ['r', 'f', 'm'] as const;
const SCORE_DIMS = ['r', 'f', 'm', 'fm'] as const;
type ScoreDim = (typeof SCORE_DIMS)[number];
const PREVIEW_DEBOUNCE_MS = 250;
const PALETTE = ['#1a7f37', '#2f81f7', '#bf8700', '#cf222e', '#8250df', '#0a7ea4', '#d4a72c', '#57606a'];

const isShipped = (id: string): boolean => DEFAULT_SCHEMES.some((s) => s.id === id);
const clone = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** "R 2–4" style range label; `null` = any score. */
function rangeValue(range: ScoreRange | undefined): string {
  return range === undefined ? 'any' : `${range[0]}-${range[1]}`;
}

function rangeOptions(scale: number, t: ReturnType<typeof useT>): { value: string; label: string }[] {
  const out = [{ value: 'any', label: t('analytics.schemes.any') }];
  for (let a = 1; a <= scale; a++) for (let b = a; b <= scale; b++) out.push({ value: `${a}-${b}`, label: a === b ? String(a) : `${a}–${b}` });
  return out;
}

/** Where an issue is, in words: "Segment 3 “Champions” · R range" or the scheme itself. */
function issuePlace(issue: SchemeIssue, scheme: SegmentScheme, language: Language, t: ReturnType<typeof useT>): string {
  const m = /^segments\[(\d+)\](?:\.(flags|scores)(?:\.(\w+))?|\.(id))?/.exec(issue.path);
  if (m) {
    const index = Number(m[1]);
    const segment = scheme.segments[index];
    const name = segment ? localName(segment, language) : '';
    const field = m[3] ? t('analytics.schemes.fieldRange', { dimension: m[3].toUpperCase() }) : m[4] ? t('analytics.schemes.fieldId') : m[2] ? t(m[2] === 'flags' ? 'analytics.schemes.field.flags' : 'analytics.schemes.field.scores') : t('analytics.schemes.fieldName');
    return `${t('analytics.schemes.segmentN', { n: index + 1, name })} · ${field}`;
  }
  if (issue.path.startsWith('catchAll')) return t('analytics.schemes.catchAll');
  if (issue.path === 'segments') return t('analytics.schemes.segments');
  return t('analytics.schemes.scheme');
}

function issueKey(issue: SchemeIssue): string {
  return `${issue.path}:${issue.code}`;
}

/** Client-side checks that the shared validator leaves to the API's shape check. */
function draftIssues(scheme: SegmentScheme, bins: number): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  if (scheme.nameZh.trim() === '' || scheme.nameEn.trim() === '') {
    issues.push({ severity: 'error', path: 'name', code: 'missing-name', message: 'The scheme needs a Chinese and an English name', messageZh: '方案需要中文和英文名称' });
  }
  if (scheme.catchAll.nameZh.trim() === '' || scheme.catchAll.nameEn.trim() === '') {
    issues.push({ severity: 'error', path: 'catchAll', code: 'missing-name', message: 'The catch-all needs a Chinese and an English name', messageZh: '兜底分群需要中文和英文名称' });
  }
  return [...issues, ...validateScheme(scheme, bins)];
}

interface Preview {
  pending: boolean;
  view: SchemeView | null;
  error: AtlasErrorData | null;
}

function usePreview(scheme: SegmentScheme | null, valid: boolean, refresh: number): Preview {
  // `of` names the scheme (and refresh) the state belongs to: in the render after the draft
  // changes, before the effect below marks it pending, the old counts must not look settled.
  const [state, setState] = useState<Preview & { of: string }>({ pending: true, view: null, error: null, of: '' });
  const seq = useRef(0);
  const key = scheme === null ? '' : JSON.stringify(scheme);
  const of = `${key}#${valid}#${refresh}`;
  useEffect(() => {
    const mine = ++seq.current;
    if (scheme === null || !valid) {
      setState({ pending: false, view: null, error: null, of });
      return;
    }
    setState((s) => ({ ...s, pending: true, of }));
    const timer = setTimeout(() => {
      call('analytics.schemes.preview', { scheme })
        .then((view) => mine === seq.current && setState({ pending: false, view, error: null, of }))
        .catch((e: unknown) => mine === seq.current && setState({ pending: false, view: null, error: toErrorData(e), of }));
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, valid, refresh]);
  return { pending: state.pending || state.of !== of, view: state.view, error: state.error };
}

function SegmentRow(props: {
  scheme: SegmentScheme;
  segment: SegmentDef;
  index: number;
  count: number | null;
  scored: number;
  hasIssue: boolean;
  onChange: (next: SegmentDef) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}): ReactNode {
  const t = useT();
  const language = useLanguage();
  const { scheme, segment, index, count, scored, hasIssue, onChange, onMove, onRemove } = props;
  const scale = scheme.scale ?? 5;
  const options = rangeOptions(scale, t);
  const testId = `scheme-seg-${index}`;
  return (
    <tr className={hasIssue ? 'has-issue' : undefined} data-testid={testId}>
      <td className="scheme-order">
        <span className="scheme-order-n">{index + 1}</span>
        <button type="button" className="icon-button" aria-label={t('analytics.schemes.up')} title={t('analytics.schemes.up')} disabled={index === 0} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('analytics.schemes.down')}
          title={t('analytics.schemes.down')}
          disabled={index === scheme.segments.length - 1}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
      </td>
      <td>
        <input
          className="scheme-color"
          type="color"
          value={segment.color ?? '#8c959f'}
          aria-label={t('analytics.schemes.color')}
          data-testid={`${testId}-color`}
          onChange={(e) => onChange({ ...segment, color: e.target.value })}
        />
      </td>
      <td>
        <input
          className="input input-text scheme-name scheme-name-zh"
          value={segment.nameZh}
          maxLength={100}
          aria-label={t('analytics.schemes.nameZh')}
          data-testid={`${testId}-zh`}
          onChange={(e) => onChange({ ...segment, nameZh: e.target.value })}
        />
      </td>
      <td>
        <input
          className="input input-text scheme-name scheme-name-en"
          value={segment.nameEn}
          maxLength={100}
          aria-label={t('analytics.schemes.nameEn')}
          data-testid={`${testId}-en`}
          onChange={(e) => onChange({ ...segment, nameEn: e.target.value })}
        />
      </td>
      {scheme.kind === 'flags'
        ? FLAG_DIMS.map((d) => (
            <td key={d}>
              <select
                className="input select scheme-range"
                aria-label={t('analytics.schemes.flagFor', { dimension: d.toUpperCase() })}
                data-testid={`${testId}-${d}`}
                value={segment.flags?.[d] ?? 'any'}
                onChange={(e) => {
                  const flags = { ...(segment.flags ?? {}) };
                  if (e.target.value === 'any') delete flags[d];
                  else flags[d] = e.target.value as Level;
                  onChange({ ...segment, flags });
                }}
              >
                <option value="any">{t('analytics.schemes.any')}</option>
                <option value="H">{t('analytics.schemes.high')}</option>
                <option value="L">{t('analytics.schemes.low')}</option>
              </select>
            </td>
          ))
        : SCORE_DIMS.map((d: ScoreDim) => {
            const value = rangeValue(segment.scores?.[d]);
            const known = options.some((o) => o.value === value);
            return (
              <td key={d}>
                <select
                  className="input select scheme-range"
                  aria-label={t('analytics.schemes.rangeFor', { dimension: d.toUpperCase() })}
                  data-testid={`${testId}-${d}`}
                  value={value}
                  onChange={(e) => {
                    const scores = { ...(segment.scores ?? {}) };
                    if (e.target.value === 'any') delete scores[d];
                    else {
                      const [a, b] = e.target.value.split('-').map(Number) as [number, number];
                      scores[d] = [a, b];
                    }
                    onChange({ ...segment, scores });
                  }}
                >
                  {options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                  {!known && <option value={value}>{value.replace('-', '–')}</option>}
                </select>
              </td>
            );
          })}
      <td className="num" data-testid={`${testId}-count`} data-value={count ?? ''}>
        {count === null ? '–' : formatCount(count, language)}
      </td>
      <td className="num scheme-share">{count === null || scored === 0 ? '–' : formatShare(count / scored, language)}</td>
      <td>
        <button
          type="button"
          className="icon-button"
          aria-label={t('analytics.schemes.removeSegment')}
          title={t('analytics.schemes.removeSegment')}
          data-testid={`${testId}-remove`}
          disabled={scheme.segments.length <= 1}
          onClick={onRemove}
        >
          ×
        </button>
      </td>
    </tr>
  );
}

function newSegment(scheme: SegmentScheme): SegmentDef {
  const used = new Set([scheme.catchAll.id, ...scheme.segments.map((s) => s.id)]);
  let n = scheme.segments.length + 1;
  while (used.has(`segment-${n}`)) n += 1;
  const base = { id: `segment-${n}`, nameZh: `分群 ${n}`, nameEn: `Segment ${n}`, color: PALETTE[n % PALETTE.length]! };
  return scheme.kind === 'flags' ? { ...base, flags: { r: 'H' } } : { ...base, scores: { r: [1, scheme.scale ?? 5] } };
}

export function SegmentSchemesSection(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [views, setViews] = useState<SchemeView[] | null>(null);
  const [selected, setSelected] = useState<string>('rfm11');
  const [draft, setDraft] = useState<SegmentScheme | null>(null);
  const [isNew, setIsNew] = useState(false);
  const [error, setError] = useState<AtlasErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [bins, setBins] = useState(5);

  const adopt = (list: SchemeView[], id: string) => {
    setViews(list);
    const found = list.find((v) => v.scheme.id === id) ?? list[0] ?? null;
    setSelected(found?.scheme.id ?? id);
    setDraft(found ? clone(found.scheme) : null);
    setIsNew(false);
    setConfirmDelete(false);
    setRefresh((n) => n + 1);
  };

  useEffect(() => {
    let alive = true;
    const load = () => {
      call('analytics.settings.get')
        .then((s) => alive && setBins(s.settings.bins.r))
        .catch(() => undefined);
      call('analytics.schemes.get')
        .then((list) => {
          if (!alive) return;
          setViews(list);
          setRefresh((n) => n + 1);
          setDraft((d) => d ?? clone((list.find((v) => v.scheme.id === 'rfm11') ?? list[0])!.scheme));
        })
        .catch((e: unknown) => alive && setError(toErrorData(e)));
    };
    load();
    const off = onNamedEvent('workspace.changed', load);
    return () => {
      alive = false;
      off();
    };
  }, []);

  const issues = draft === null ? [] : draftIssues(draft, bins);
  const errors = issues.filter((i) => i.severity === 'error');
  const preview = usePreview(draft, errors.length === 0, refresh);

  if (views === null || draft === null) {
    return (
      <section className="card settings-card" aria-busy="true">
        {error ? <p className="form-error">{translateError(error)}</p> : <div className="spinner" />}
      </section>
    );
  }

  const saved = views.find((v) => v.scheme.id === draft.id) ?? null;
  const dirty = isNew || saved === null || JSON.stringify(saved.scheme) !== JSON.stringify(draft);
  const counts = preview.view?.counts ?? null;
  const scored = preview.view?.scored ?? saved?.scored ?? 0;
  const total = counts === null ? null : Object.values(counts).reduce((a, b) => a + b, 0);
  const exact = counts !== null && total === scored;
  const issuePaths = new Set(errors.map((i) => /^segments\[(\d+)\]/.exec(i.path)?.[1]).filter((x): x is string => x !== undefined));

  const select = (id: string) => {
    const v = views.find((x) => x.scheme.id === id);
    if (!v) return;
    setSelected(id);
    setDraft(clone(v.scheme));
    setIsNew(false);
    setConfirmDelete(false);
    setError(null);
  };
  const run = async (work: () => Promise<SchemeView[]>, keep: string) => {
    setBusy(true);
    setError(null);
    try {
      adopt(await work(), keep);
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };
  const defineNew = () => {
    let n = 1;
    while (views.some((v) => v.scheme.id === `custom-${n}`)) n += 1;
    const copy = clone(draft);
    setDraft({
      ...copy,
      id: `custom-${n}`,
      nameZh: translate('zh-CN', 'analytics.schemes.copyName', { name: copy.nameZh }),
      nameEn: translate('en', 'analytics.schemes.copyName', { name: copy.nameEn }),
    });
    setSelected(`custom-${n}`);
    setIsNew(true);
    setConfirmDelete(false);
    setError(null);
  };
  const setSegments = (segments: SegmentDef[]) => setDraft({ ...draft, segments });

  return (
    <section className="card settings-card schemes-card" data-testid="settings-schemes">
      <header className="card-header">
        <div>
          <h2 className="card-title">{t('analytics.schemes.title')}</h2>
          <p className="card-subtitle">{t('analytics.schemes.subtitle')}</p>
        </div>
      </header>
      <div className="schemes-layout">
        <nav className="schemes-list" aria-label={t('analytics.schemes.title')}>
          {views.map((v) => (
            <button
              key={v.scheme.id}
              type="button"
              className={v.scheme.id === selected && !isNew ? 'schemes-item is-active' : 'schemes-item'}
              aria-current={v.scheme.id === selected && !isNew ? 'true' : undefined}
              data-testid={`scheme-item-${v.scheme.id}`}
              onClick={() => select(v.scheme.id)}
            >
              <span className="schemes-item-name">{localName(v.scheme, language)}</span>
              <span className="schemes-item-meta">
                {isShipped(v.scheme.id) ? t('analytics.schemes.shipped') : t('analytics.schemes.user')} · {t('analytics.schemes.segmentsN', { n: v.scheme.segments.length + 1 })}
              </span>
            </button>
          ))}
          {isNew && (
            <span className="schemes-item is-active is-new" data-testid="scheme-item-new">
              <span className="schemes-item-name">{localName(draft, language)}</span>
              <span className="schemes-item-meta">{t('analytics.schemes.unsaved')}</span>
            </span>
          )}
          <button type="button" className="button button-small" data-testid="scheme-new" onClick={defineNew}>
            {t('analytics.schemes.new')}
          </button>
          <p className="field-hint">{t('analytics.schemes.newHint')}</p>
        </nav>
        <div className="schemes-editor" data-testid="scheme-editor" data-scheme={draft.id}>
          <div className="schemes-names">
            <label className="field">
              <span className="field-label">{t('analytics.schemes.schemeNameZh')}</span>
              <input className="input input-text" value={draft.nameZh} maxLength={100} data-testid="scheme-name-zh" onChange={(e) => setDraft({ ...draft, nameZh: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('analytics.schemes.schemeNameEn')}</span>
              <input className="input input-text" value={draft.nameEn} maxLength={100} data-testid="scheme-name-en" onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('analytics.schemes.kind')}</span>
              <select
                className="input select"
                value={draft.kind}
                disabled={!isNew}
                data-testid="scheme-kind"
                onChange={(e) => {
                  const kind = e.target.value as SegmentScheme['kind'];
                  const base = DEFAULT_SCHEMES.find((s) => s.kind === kind)!;
                  setDraft({ ...draft, kind, scale: kind === 'scores' ? 5 : undefined, segments: clone(base.segments) } as SegmentScheme);
                }}
              >
                <option value="flags">{t('analytics.schemes.kindFlags')}</option>
                <option value="scores">{t('analytics.schemes.kindScores')}</option>
              </select>
            </label>
          </div>
          <p className="field-hint">{t(draft.kind === 'flags' ? 'analytics.schemes.flagsHint' : 'analytics.schemes.scoresHint', { scale: draft.scale ?? 5 })}</p>
          <div className="schemes-table-scroll">
            <table className="schemes-table">
              <thead>
                <tr>
                  <th scope="col">{t('analytics.schemes.order')}</th>
                  <th scope="col" aria-label={t('analytics.schemes.color')} />
                  <th scope="col">{t('analytics.schemes.nameZh')}</th>
                  <th scope="col">{t('analytics.schemes.nameEn')}</th>
                  {(draft.kind === 'flags' ? FLAG_DIMS : SCORE_DIMS).map((d) => (
                    <th key={d} scope="col">
                      {d.toUpperCase()}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    {t('analytics.schemes.customers')}
                  </th>
                  <th scope="col" className="num">
                    {t('analytics.schemes.share')}
                  </th>
                  <th scope="col" aria-label={t('analytics.schemes.removeSegment')} />
                </tr>
              </thead>
              <tbody>
                {draft.segments.map((segment, i) => (
                  <SegmentRow
                    key={i}
                    scheme={draft}
                    segment={segment}
                    index={i}
                    count={counts === null ? null : (counts[segment.id] ?? 0)}
                    scored={scored}
                    hasIssue={issuePaths.has(String(i))}
                    onChange={(next) => setSegments(draft.segments.map((s, k) => (k === i ? next : s)))}
                    onMove={(delta) => {
                      const next = [...draft.segments];
                      const [moved] = next.splice(i, 1);
                      if (moved) next.splice(i + delta, 0, moved);
                      setSegments(next);
                    }}
                    onRemove={() => setSegments(draft.segments.filter((_, k) => k !== i))}
                  />
                ))}
                <tr className="scheme-catch-all" data-testid="scheme-catch-all">
                  <td className="scheme-order">
                    <span className="scheme-order-n">∗</span>
                  </td>
                  <td>
                    <input
                      className="scheme-color"
                      type="color"
                      value={draft.catchAll.color ?? '#d0d7de'}
                      aria-label={t('analytics.schemes.color')}
                      onChange={(e) => setDraft({ ...draft, catchAll: { ...draft.catchAll, color: e.target.value } })}
                    />
                  </td>
                  <td>
                    <input
                      className="input input-text scheme-name scheme-name-zh"
                      value={draft.catchAll.nameZh}
                      maxLength={100}
                      aria-label={t('analytics.schemes.nameZh')}
                      onChange={(e) => setDraft({ ...draft, catchAll: { ...draft.catchAll, nameZh: e.target.value } })}
                    />
                  </td>
                  <td>
                    <input
                      className="input input-text scheme-name scheme-name-en"
                      value={draft.catchAll.nameEn}
                      maxLength={100}
                      aria-label={t('analytics.schemes.nameEn')}
                      onChange={(e) => setDraft({ ...draft, catchAll: { ...draft.catchAll, nameEn: e.target.value } })}
                    />
                  </td>
                  <td colSpan={draft.kind === 'flags' ? 3 : 4} className="scheme-catch-all-text">
                    {t('analytics.schemes.catchAllHint')}
                  </td>
                  <td className="num" data-testid="scheme-catch-all-count" data-value={counts === null ? '' : (counts[draft.catchAll.id] ?? 0)}>
                    {counts === null ? '–' : formatCount(counts[draft.catchAll.id] ?? 0, language)}
                  </td>
                  <td className="num scheme-share">{counts === null || scored === 0 ? '–' : formatShare((counts[draft.catchAll.id] ?? 0) / scored, language)}</td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
          <div className="schemes-row">
            <button type="button" className="button button-small" data-testid="scheme-add-segment" disabled={draft.segments.length >= 60} onClick={() => setSegments([...draft.segments, newSegment(draft)])}>
              {t('analytics.schemes.addSegment')}
            </button>
            <span
              className={`schemes-coverage ${counts === null ? '' : exact ? 'is-ok' : 'is-bad'}`}
              data-testid="scheme-coverage"
              data-pending={preview.pending ? 'true' : 'false'}
              data-exact={counts === null ? '' : exact ? 'true' : 'false'}
              role="status"
            >
              {preview.pending
                ? t('analytics.schemes.counting')
                : counts === null
                  ? t('analytics.schemes.fixToCount')
                  : exact
                    ? t('analytics.schemes.exact', { n: formatCount(scored, language), other: formatCount(counts[draft.catchAll.id] ?? 0, language) })
                    : t('analytics.schemes.notExact', { n: formatCount(scored, language), sum: formatCount(total ?? 0, language) })}
            </span>
          </div>
          {issues.length > 0 && (
            <ul className="scheme-issues" data-testid="scheme-issues">
              {issues.map((issue) => (
                <li key={issueKey(issue)} className={`scheme-issue is-${issue.severity}`} data-testid={`scheme-issue-${issue.severity}`}>
                  <strong>{issuePlace(issue, draft, language, t)}</strong>
                  <span>{language === 'zh-CN' ? issue.messageZh : issue.message}</span>
                </li>
              ))}
            </ul>
          )}
          <footer className="tag-actions schemes-actions">
            {error && (
              <p className="form-error" role="alert" data-testid="scheme-error">
                {translateError(error)}
              </p>
            )}
            {!isNew && isShipped(draft.id) && (
              <button type="button" className="button" data-testid="scheme-reset-defaults" disabled={busy} onClick={() => void run(() => call('analytics.schemes.reset', { id: draft.id }), draft.id)}>
                {t('analytics.schemes.resetDefaults')}
              </button>
            )}
            {!isNew && !isShipped(draft.id) && (
              <button
                type="button"
                className="button button-danger"
                data-testid="scheme-delete"
                disabled={busy}
                onClick={() => (confirmDelete ? void run(() => call('analytics.schemes.delete', { id: draft.id }), 'rfm11') : setConfirmDelete(true))}
              >
                {confirmDelete ? t('analytics.schemes.confirmDelete') : t('analytics.schemes.delete')}
              </button>
            )}
            <span className="rule-group-spacer" />
            <button type="button" className="button" data-testid="scheme-discard" disabled={!dirty || busy} onClick={() => (isNew ? select(views[0]!.scheme.id) : select(draft.id))}>
              {t('analytics.schemes.discard')}
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="scheme-save"
              disabled={!dirty || errors.length > 0 || busy}
              onClick={() => void run(() => call('analytics.schemes.save', { scheme: draft }), draft.id)}
            >
              {busy ? t('analytics.schemes.saving') : t('analytics.schemes.save')}
            </button>
          </footer>
        </div>
      </div>
    </section>
  );
}
