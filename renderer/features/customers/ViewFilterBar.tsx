/** The shared filter bar as every view shows it: the workspace's choices and saved views. */
import type { ReactNode } from 'react';
import { FilterBar } from '../../components/index.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { useFilterBarChoices, useFilterOptions, useSavedViews } from './view-options.ts';

export function ViewFilterBar(): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const options = useFilterOptions();
  const choices = useFilterBarChoices(options, t, language);
  const saved = useSavedViews();
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
    />
  );
}
