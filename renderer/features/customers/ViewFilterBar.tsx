/**
 * The shared filter bar as every view shows it: the workspace's choices and saved views. A
 * segment condition on a scheme the workspace no longer has (deleted while a page, a saved
 * view or a link still used it) is dropped here, with a note saying so, before the views
 * ask the worker about it.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { FilterBar } from '../../components/index.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { filterActions, useFilter } from '../../app/filter-store.ts';
import { useLanguage } from '../../app/session-store.ts';
import { filterForSchemes } from '../../../shared/views/scheme-choice.ts';
import { seenSchemeName, useFilterBarChoices, useFilterOptions, useSavedViews } from './view-options.ts';

export function ViewFilterBar(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const options = useFilterOptions();
  const choices = useFilterBarChoices(options, t, language);
  const saved = useSavedViews();
  const filter = useFilter();
  const [goneScheme, setGoneScheme] = useState<string | null>(null);

  useEffect(() => {
    if (options === null) return;
    const next = filterForSchemes(filter, options.schemes.map((s) => s.id));
    if (next === filter) return;
    setGoneScheme(seenSchemeName(filter.segment?.scheme ?? '', language));
    // Replaces the history entry: Back must not lead to the filter that cannot be shown.
    filterActions.set(next, 'replace');
  }, [options, filter]);

  return (
    <FilterBar
      options={choices.options}
      segmentSchemes={choices.segmentSchemes}
      tagOptions={choices.tagOptions}
      savedViews={saved.views}
      onSaveView={saved.save}
      onDeleteView={saved.remove}
      onRenameView={saved.rename}
      viewError={saved.error ? t('views.filter.viewFailed', { why: translateError(saved.error) }) : null}
      notice={goneScheme === null ? null : t('views.filter.schemeGone', { name: goneScheme })}
    />
  );
}
