/**
 * Tags: the library tree with each tag's detail and rule editor, the overlap matrix, and the
 * grades editor with playbooks.
 */
import { ExportButton } from '../reports/index.ts';
import { useEffect, useMemo, useState } from 'react';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { followAnalytics, useCatalog, useSummary, useTagList, useTagsError } from '../analytics/index.ts';
import { GradesEditor } from './GradesEditor.tsx';
import { OverlapMatrix } from './OverlapMatrix.tsx';
import { ruleFields } from './rule-fields.ts';
import { TagDetail } from './TagDetail.tsx';
import { TagTree } from './TagTree.tsx';
import type { FieldLabels } from './rule-fields.ts';
import type { ReactNode } from 'react';
import type { TagDefinition } from '../../../shared/analytics/types.ts';
import './tags.css';

type Tab = 'library' | 'overlap' | 'grades';
const TABS: readonly Tab[] = ['library', 'overlap', 'grades'];

function useFieldLabels(): FieldLabels {
  const t = useT();
  return useMemo(
    () => ({
      groups: {
        purchase: t('analytics.group.purchase'),
        payment: t('analytics.group.payment'),
        opportunity: t('analytics.group.opportunity'),
        service: t('analytics.group.service'),
        equipment: t('analytics.group.equipment'),
        profile: t('analytics.group.profile'),
        scores: t('analytics.group.scores'),
        segments: t('analytics.group.segments'),
        tags: t('analytics.group.tags'),
        model: t('analytics.group.model'),
      },
      scores: { r: t('analytics.field.scoreR'), f: t('analytics.field.scoreF'), m: t('analytics.field.scoreM'), fm: t('analytics.field.scoreFm') },
      grade: t('analytics.field.grade'),
      lifecycle: t('analytics.field.lifecycle'),
      churnRisk: t('analytics.field.churnRisk'),
      lifecycleStages: {
        prospect: t('analytics.lifecycle.prospect'),
        new: t('analytics.lifecycle.new'),
        active: t('analytics.lifecycle.active'),
        sleeping: t('analytics.lifecycle.sleeping'),
        lost: t('analytics.lifecycle.lost'),
      },
      gradeNames: { A: 'A', B: 'B', C: 'C', D: 'D' },
    }),
    [t],
  );
}

function newTag(parent: TagDefinition, existing: readonly TagDefinition[]): TagDefinition {
  let n = existing.length + 1;
  while (existing.some((x) => x.id === `custom-${n}`)) n += 1;
  return {
    id: `custom-${n}`,
    parentId: parent.id,
    level: parent.level === 'dimension' ? 'tag' : 'subtag',
    nameZh: translate('zh-CN', 'analytics.tags.newTagName'),
    nameEn: translate('en', 'analytics.tags.newTagName'),
    descriptionZh: '',
    descriptionEn: '',
    polarity: 'neutral',
    color: '#3b6fd8',
    kind: 'statistical',
    status: 'draft',
    rule: { all: [{ metric: 'monetary', op: 'topPercent', value: 10 }] },
  };
}

export function TagsPage(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const list = useTagList();
  const error = useTagsError();
  const catalog = useCatalog();
  const summary = useSummary();
  const labels = useFieldLabels();
  const [tab, setTab] = useState<Tab>('library');
  const [selected, setSelected] = useState<string | null>(null);
  const [draftNew, setDraftNew] = useState<TagDefinition | null>(null);

  useEffect(() => followAnalytics({ summary: true, tags: true, catalog: true }), []);

  const fields = useMemo(
    () => (catalog && list ? ruleFields(catalog, summary?.schemes ?? [], list.tags, labels, language) : []),
    [catalog, list, summary?.schemes, labels, language],
  );
  const stats = useMemo(() => new Map((list?.stats ?? []).map((s) => [s.tagId, s])), [list]);
  const firstTag = list?.tags.find((x) => x.rule !== null)?.id ?? null;
  const current = draftNew ?? list?.tags.find((x) => x.id === (selected ?? firstTag)) ?? null;

  let body: ReactNode;
  if (error) body = <p className="form-error card">{translateError(error)}</p>;
  else if (!list || !catalog) body = <div className="card tags-loading"><div className="spinner" /></div>;
  else if (tab === 'library')
    body = (
      <div className="tags-layout">
        <section className="card tags-tree-card">
          <header className="card-header">
            <h2 className="card-title">{t('analytics.tags.library')}</h2>
            <p className="card-subtitle">{t('analytics.tags.librarySubtitle', { n: list.tags.filter((x) => x.rule !== null).length })}</p>
          </header>
          <TagTree
            tags={draftNew ? [...list.tags, draftNew] : list.tags}
            stats={stats}
            selected={current?.id ?? null}
            onSelect={(id) => {
              setDraftNew(null);
              setSelected(id);
            }}
            onAdd={(parentId) => {
              const parent = list.tags.find((x) => x.id === parentId);
              if (parent) setDraftNew(newTag(parent, list.tags));
            }}
          />
        </section>
        {current && (
          <TagDetail
            key={current.id}
            tag={current}
            list={list}
            fields={fields}
            isNew={draftNew !== null}
            onSaved={(id) => {
              setDraftNew(null);
              setSelected(id);
            }}
          />
        )}
      </div>
    );
  else if (tab === 'overlap') body = <OverlapMatrix list={list} />;
  else body = <GradesEditor fields={fields} />;

  return (
    <div className="page page-tags" data-testid="page-tags">
      <header className="page-header">
        <h1 className="page-title">{t('nav.tags')}</h1>
        <p className="page-subtitle">{t('analytics.tags.subtitle')}</p>
        <div className="reports-export-action"><ExportButton sheets={['summary', 'tags']} /></div>
      </header>
      <nav className="tabs" role="tablist" aria-label={t('nav.tags')}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tab is-active' : 'tab'} data-testid={`tags-tab-${id}`} onClick={() => setTab(id)}>
            {t(`analytics.tags.tab.${id}`)}
          </button>
        ))}
      </nav>
      {body}
    </div>
  );
}
