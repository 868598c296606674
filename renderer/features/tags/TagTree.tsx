/** The tag library as a tree: topic → dimension → tag (→ sub-tag), with each tag's coverage. */
import { useT } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { localName } from '../analytics/index.ts';
import type { ReactNode } from 'react';
import type { TagDefinition, TagStat } from '../../../shared/analytics/types.ts';

interface TreeProps {
  tags: readonly TagDefinition[];
  stats: ReadonlyMap<string, TagStat>;
  selected: string | null;
  onSelect: (id: string) => void;
  onAdd: (parentId: string) => void;
}

function Node({ tag, depth, props }: { tag: TagDefinition; depth: number; props: TreeProps }): ReactNode {
  const t = useT();
  const language = useLanguage();
  const children = props.tags.filter((c) => c.parentId === tag.id);
  const stat = props.stats.get(tag.id);
  const isGroup = tag.level === 'topic' || tag.level === 'dimension';
  return (
    <li className={`tree-item level-${tag.level}`}>
      <div className={props.selected === tag.id ? 'tree-row is-selected' : 'tree-row'} style={{ paddingLeft: 8 + depth * 16 }}>
        <button type="button" className="tree-button" data-testid={`tag-node-${tag.id}`} aria-current={props.selected === tag.id ? 'true' : undefined} onClick={() => props.onSelect(tag.id)}>
          {isGroup ? <span className="tree-caret" aria-hidden="true">▾</span> : <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />}
          <span className="tree-label">{localName(tag, language)}</span>
          {tag.status !== 'active' && <span className={`badge badge-status status-${tag.status}`}>{t(`analytics.tag.status.${tag.status}`)}</span>}
          {stat && (
            <span className="tree-count" data-testid={`tag-count-${tag.id}`} data-value={stat.count}>
              {formatCount(stat.count, language)}
            </span>
          )}
        </button>
        {tag.level === 'dimension' && (
          <button type="button" className="icon-button tree-add" title={t('analytics.tags.newTag')} aria-label={t('analytics.tags.newTag')} data-testid={`tag-add-${tag.id}`} onClick={() => props.onAdd(tag.id)}>
            +
          </button>
        )}
      </div>
      {children.length > 0 && (
        <ul className="tree-list">
          {children.map((c) => (
            <Node key={c.id} tag={c} depth={depth + 1} props={props} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function TagTree(props: TreeProps): ReactNode {
  const t = useT();
  const ids = new Set(props.tags.map((x) => x.id));
  const roots = props.tags.filter((x) => x.parentId === null || !ids.has(x.parentId));
  return (
    <nav className="tag-tree" aria-label={t('analytics.tags.library')} data-testid="tag-tree">
      <ul className="tree-list">
        {roots.map((r) => (
          <Node key={r.id} tag={r} depth={0} props={props} />
        ))}
      </ul>
    </nav>
  );
}
