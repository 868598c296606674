/**
 * Tag overlap as a heat-map table: the number of customers two tags share, shaded by their
 * Jaccard similarity (shared ÷ either). Names render as text.
 */
import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { useT, useTranslateError } from '../../app/i18n.ts';
import { useLanguage } from '../../app/session-store.ts';
import { formatCount } from '../../../shared/format/numbers.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import { formatShare, localName } from '../analytics/index.ts';
import type { ReactNode } from 'react';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { TagListResult, TagOverlap } from '../../../shared/analytics/api.ts';

export function OverlapMatrix({ list }: { list: TagListResult }): ReactNode {
  const t = useT();
  const translateError = useTranslateError();
  const language = useLanguage();
  const [overlap, setOverlap] = useState<TagOverlap | null>(null);
  const [error, setError] = useState<AtlasErrorData | null>(null);
  useEffect(() => {
    let alive = true;
    const ids = list.tags.filter((x) => x.rule !== null && x.status === 'active').map((x) => x.id);
    call('analytics.tags.overlap', { ids })
      .then((o) => alive && setOverlap(o))
      .catch((e: unknown) => alive && setError(toErrorData(e)));
    return () => {
      alive = false;
    };
  }, [list]);
  if (error) return <p className="form-error">{translateError(error)}</p>;
  if (!overlap) return <div className="spinner" />;
  const byId = new Map(list.tags.map((x) => [x.id, x]));
  const name = (id: string) => {
    const tag = byId.get(id);
    return tag ? localName(tag, language) : id;
  };
  return (
    <section className="card overlap-card">
      <header className="card-header">
        <h2 className="card-title">{t('analytics.overlap.title')}</h2>
        <p className="card-subtitle">{t('analytics.overlap.subtitle')}</p>
      </header>
      <div className="overlap-scroll">
        <table className="overlap-table" data-testid="overlap-matrix">
          <thead>
            <tr>
              <th scope="col" className="overlap-corner" />
              {overlap.ids.map((id) => (
                <th key={id} scope="col" className="overlap-col">
                  <span>{name(id)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overlap.ids.map((row, i) => (
              <tr key={row}>
                <th scope="row" className="overlap-row">
                  <span className="tag-dot" style={{ background: byId.get(row)?.color ?? '#999' }} aria-hidden="true" />
                  {name(row)}
                </th>
                {overlap.ids.map((col, j) => {
                  const shared = overlap.intersections[i]?.[j] ?? 0;
                  const jac = overlap.jaccard[i]?.[j] ?? null;
                  const alpha = i === j ? 0 : Math.min(1, (jac ?? 0) * 1.6);
                  return (
                    <td
                      key={col}
                      className={i === j ? 'overlap-cell is-diagonal' : 'overlap-cell'}
                      style={i === j ? undefined : { background: `rgba(59, 111, 216, ${alpha.toFixed(3)})`, color: alpha > 0.55 ? '#fff' : undefined }}
                      title={t('analytics.overlap.cell', { a: name(row), b: name(col), n: formatCount(shared, language), j: formatShare(jac, language) })}
                    >
                      {shared === 0 ? '·' : formatCount(shared, language)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
