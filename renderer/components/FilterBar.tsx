/**
 * The filter bar every view shares, bound to the filter store (renderer/app/filter-store.ts):
 * a search box, one picker per field (choices come from the page: the values present in the
 * workspace), segment scheme + segment, tags with any/all, the chosen values as removable
 * chips, and "save this view" — named filter sets stored through the callbacks (the page
 * persists them per workspace).
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n.ts';
import { filterActions, useFilter, type SavedView } from '../app/filter-store.ts';
import { filterChips, type FilterChip, type FilterField, type ListField } from '../../shared/filters/index.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import './components.css';

export interface FilterOption {
  value: string;
  label: string;
}

export interface SegmentSchemeOption {
  id: string;
  label: string;
  segments: readonly FilterOption[];
}

export interface FilterBarProps {
  /** Choices per list field; a field without choices is not shown. Order = display order. */
  options: Partial<Record<ListField, readonly FilterOption[]>>;
  segmentSchemes?: readonly SegmentSchemeOption[];
  tagOptions?: readonly FilterOption[];
  savedViews?: readonly SavedView[];
  /** Without it, "save this view" is hidden. */
  onSaveView?: (view: SavedView) => void;
  onDeleteView?: (name: string) => void;
  /** Without it, saved views cannot be renamed. */
  onRenameView?: (from: string, to: string) => void;
  /** Why the last save / rename / delete failed (shown beside the saved views). */
  viewError?: string | null;
  /** Something the bar changed on its own and the user should know (shown beside the chips). */
  notice?: string | null;
  testId?: string;
}

const FIELD_ORDER: readonly ListField[] = [
  'salesRegions',
  'provinces',
  'cities',
  'accountManagers',
  'productLines',
  'customerTypes',
  'grades',
  'lifecycles',
];

export function fieldLabelKey(field: FilterField): MessageKey {
  return `views.filter.field.${field}`;
}

/** Display text of a chip's value: the option's label, else the raw value. */
export function chipValueLabel(chip: FilterChip, props: Pick<FilterBarProps, 'options' | 'segmentSchemes' | 'tagOptions'>): string {
  const find = (list: readonly FilterOption[] | undefined): string | undefined => list?.find((o) => o.value === chip.value)?.label;
  switch (chip.field) {
    case 'search':
      return `“${chip.value}”`;
    case 'segment': {
      const scheme = props.segmentSchemes?.find((s) => s.id === chip.labelParams['scheme']);
      return find(scheme?.segments) ?? chip.value;
    }
    case 'tags':
      return find(props.tagOptions) ?? chip.value;
    default:
      return find(props.options[chip.field]) ?? chip.value;
  }
}

export function FilterBar(props: FilterBarProps): ReactNode {
  const t = useT();
  const filter = useFilter();
  const testId = props.testId ?? 'filter-bar';
  const chips = filterChips(filter);
  const [saving, setSaving] = useState(false);
  const [viewName, setViewName] = useState('');
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const finishRename = (): void => {
    if (renaming === null) return;
    const to = renaming.to.trim();
    if (to !== '' && to !== renaming.from) props.onRenameView?.(renaming.from, to);
    setRenaming(null);
  };
  const schemes = props.segmentSchemes ?? [];
  const [pendingScheme, setPendingScheme] = useState<string | null>(null);
  // A picked scheme that has since been deleted falls back to the first one.
  const scheme = schemes.find((s) => s.id === (filter.segment?.scheme ?? pendingScheme)) ?? schemes[0];
  const schemeId = scheme?.id ?? '';

  const saveView = (): void => {
    const name = viewName.trim();
    if (name === '' || props.onSaveView === undefined) return;
    props.onSaveView(filterActions.viewOf(name));
    setSaving(false);
    setViewName('');
  };

  return (
    <div className="fbar" role="search" aria-label={t('views.filter.label')} data-testid={testId}>
      <div className="fbar-controls">
        <input
          type="search"
          className="fbar-search"
          value={filter.search}
          placeholder={t('views.filter.searchPlaceholder')}
          aria-label={t('views.filter.field.search')}
          onChange={(e) => filterActions.setSearch(e.currentTarget.value)}
          data-testid={`${testId}-search`}
        />
        {FIELD_ORDER.map((field) => {
          const options = props.options[field];
          if (options === undefined || options.length === 0) return null;
          const chosen = filter[field];
          return (
            <select
              key={field}
              className={`fbar-select${chosen.length > 0 ? ' is-active' : ''}`}
              value=""
              aria-label={t(fieldLabelKey(field))}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (value !== '') filterActions.toggle(field, value);
              }}
              data-testid={`${testId}-${field}`}
            >
              <option value="">
                {t(fieldLabelKey(field))}
                {chosen.length > 0 ? ` (${chosen.length})` : ''}
              </option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {chosen.includes(o.value) ? `✓ ${o.label}` : o.label}
                </option>
              ))}
            </select>
          );
        })}
        {schemes.length > 0 ? (
          <span className="fbar-group">
            {schemes.length > 1 ? (
              <select
                className="fbar-select"
                value={schemeId}
                aria-label={t('views.filter.scheme')}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  // Segment ids belong to one scheme: switching schemes clears the choice.
                  if (id !== filter.segment?.scheme) filterActions.setSegment(null);
                  setPendingScheme(id);
                }}
                data-testid={`${testId}-scheme`}
              >
                {schemes.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            ) : null}
            <SegmentPicker
              label={t('views.filter.field.segment')}
              scheme={scheme}
              chosen={filter.segment?.values ?? []}
              testId={`${testId}-segment`}
            />
          </span>
        ) : null}
        {props.tagOptions !== undefined && props.tagOptions.length > 0 ? (
          <span className="fbar-group">
            <select
              className={`fbar-select${filter.tags.ids.length > 0 ? ' is-active' : ''}`}
              value=""
              aria-label={t('views.filter.field.tags')}
              onChange={(e) => {
                const id = e.currentTarget.value;
                if (id === '') return;
                const ids = filter.tags.ids.includes(id) ? filter.tags.ids.filter((x) => x !== id) : [...filter.tags.ids, id];
                filterActions.setTags(ids);
              }}
              data-testid={`${testId}-tags`}
            >
              <option value="">
                {t('views.filter.field.tags')}
                {filter.tags.ids.length > 0 ? ` (${filter.tags.ids.length})` : ''}
              </option>
              {props.tagOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {filter.tags.ids.includes(o.value) ? `✓ ${o.label}` : o.label}
                </option>
              ))}
            </select>
            <span className="fbar-toggle" role="radiogroup" aria-label={t('views.filter.field.tags')}>
              {(['any', 'all'] as const).map((mode) => (
                <button
                  key={mode}
                  type="button"
                  role="radio"
                  aria-checked={filter.tags.mode === mode}
                  className={`fbar-toggle-item${filter.tags.mode === mode ? ' is-on' : ''}`}
                  onClick={() => filterActions.setTagMode(mode)}
                  data-testid={`${testId}-tagmode-${mode}`}
                >
                  {t(mode === 'any' ? 'views.filter.tagMode.any' : 'views.filter.tagMode.all')}
                </button>
              ))}
            </span>
          </span>
        ) : null}
        {props.onSaveView !== undefined ? (
          saving ? (
            <span className="fbar-group">
              <input
                className="fbar-name"
                value={viewName}
                autoFocus
                placeholder={t('views.filter.saveViewName')}
                aria-label={t('views.filter.saveViewName')}
                onChange={(e) => setViewName(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') saveView();
                  if (e.key === 'Escape') setSaving(false);
                }}
                data-testid={`${testId}-view-name`}
              />
              <button type="button" className="button button-primary" disabled={viewName.trim() === ''} onClick={saveView} data-testid={`${testId}-view-save`}>
                {t('views.filter.saveViewConfirm')}
              </button>
              <button type="button" className="button" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button type="button" className="button" onClick={() => setSaving(true)} data-testid={`${testId}-save-view`}>
              {t('views.filter.saveView')}
            </button>
          )
        ) : null}
      </div>
      <div className="fbar-chips" aria-live="polite" data-testid={`${testId}-chips`}>
        {chips.length === 0 ? <span className="fbar-none">{t('views.filter.none')}</span> : null}
        {chips.map((chip) => {
          const field = t(fieldLabelKey(chip.field));
          const value = chipValueLabel(chip, props);
          return (
            <span key={chip.key} className={`fchip fchip-${chip.field}`} data-testid={`${testId}-chip`} data-chip={chip.key}>
              <span className="fchip-text">{t('views.filter.chip', { field, value })}</span>
              <button
                type="button"
                className="fchip-remove"
                aria-label={t('views.filter.removeChip', { field, value })}
                onClick={() => filterActions.removeChip(chip)}
              >
                ×
              </button>
            </span>
          );
        })}
        {chips.length > 1 ? (
          <button type="button" className="fbar-clear" onClick={() => filterActions.clear()} data-testid={`${testId}-clear`}>
            {t('views.filter.clearAll')}
          </button>
        ) : null}
        {filter.tags.ids.length > 1 ? (
          <span className="fbar-mode-note">{t(filter.tags.mode === 'any' ? 'views.filter.tagMode.any' : 'views.filter.tagMode.all')}</span>
        ) : null}
        {props.savedViews !== undefined
          ? props.savedViews.map((v) =>
              renaming?.from === v.name ? (
                <span key={`view:${v.name}`} className="fchip fchip-view" data-testid={`${testId}-saved`}>
                  <input
                    className="fbar-name fbar-rename"
                    value={renaming.to}
                    autoFocus
                    aria-label={t('views.filter.renameView', { name: v.name })}
                    onChange={(e) => setRenaming({ from: v.name, to: e.currentTarget.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') finishRename();
                      if (e.key === 'Escape') setRenaming(null);
                    }}
                    onBlur={finishRename}
                    data-testid={`${testId}-view-rename-input`}
                  />
                </span>
              ) : (
                <span key={`view:${v.name}`} className="fchip fchip-view" data-testid={`${testId}-saved`} data-name={v.name} title={t('views.filter.savedViews')}>
                  <button type="button" className="fchip-text fchip-apply" onClick={() => filterActions.applyView(v)} title={t('views.filter.applyView')}>
                    ★ {v.name}
                  </button>
                  {props.onRenameView !== undefined ? (
                    <button
                      type="button"
                      className="fchip-remove"
                      aria-label={t('views.filter.renameView', { name: v.name })}
                      title={t('views.filter.renameView', { name: v.name })}
                      onClick={() => setRenaming({ from: v.name, to: v.name })}
                      data-testid={`${testId}-view-rename`}
                    >
                      ✎
                    </button>
                  ) : null}
                  {props.onDeleteView !== undefined ? (
                    <button
                      type="button"
                      className="fchip-remove"
                      aria-label={t('views.filter.deleteView', { name: v.name })}
                      title={t('views.filter.deleteView', { name: v.name })}
                      onClick={() => props.onDeleteView?.(v.name)}
                      data-testid={`${testId}-view-delete`}
                    >
                      ×
                    </button>
                  ) : null}
                </span>
              ),
            )
          : null}
        {props.notice ? (
          <span className="fbar-notice" role="status" data-testid={`${testId}-notice`}>
            {props.notice}
          </span>
        ) : null}
        {props.viewError ? (
          <span className="fbar-view-error" role="alert" data-testid={`${testId}-view-error`}>
            {props.viewError}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function SegmentPicker(props: { label: string; scheme: SegmentSchemeOption | undefined; chosen: readonly string[]; testId: string }): ReactNode {
  const { scheme, chosen } = props;
  if (scheme === undefined) return null;
  return (
    <select
      className={`fbar-select${chosen.length > 0 ? ' is-active' : ''}`}
      value=""
      aria-label={props.label}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (value === '') return;
        const values = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
        filterActions.setSegment({ scheme: scheme.id, values });
      }}
      data-testid={props.testId}
    >
      <option value="">
        {props.label}
        {chosen.length > 0 ? ` (${chosen.length})` : ''}
      </option>
      {scheme.segments.map((o) => (
        <option key={o.value} value={o.value}>
          {chosen.includes(o.value) ? `✓ ${o.label}` : o.label}
        </option>
      ))}
    </select>
  );
}
