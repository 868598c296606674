/**
 * The cover page of a printed visit list: what the list is, a summary, where the customers
 * are (China map by province, with the cities listed), the grade mix, and the list itself in
 * visit order. Presentational; the map data is the bundled GeoJSON.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Language } from '../../../shared/api/contract.ts';
import { citiesOf } from '../../../shared/dossier/visit-list.ts';
import type { VisitList } from '../../../shared/dossier/visit-list.ts';
import { countryFeatureFor } from '../../../shared/regions/map-names.ts';
import { loadChinaMap } from '../../components/map-loader.ts';
import { DossierChart } from './DossierChart.tsx';
import { gradeBarOption, provinceMapOption } from './dossier-charts.ts';
import { count, date, translator, yuan } from './dossier-format.ts';

export interface VisitCoverProps {
  list: VisitList;
  language: Language;
  onRendered?: () => void;
}

export function VisitCover({ list, language, onRendered }: VisitCoverProps): ReactNode {
  const t = useMemo(() => translator(language), [language]);
  const [mapReady, setMapReady] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    loadChinaMap().then(
      () => live && setMapReady(true),
      () => live && setMapReady(false),
    );
    return () => {
      live = false;
    };
  }, []);

  const cities = useMemo(() => citiesOf(list.members), [list.members]);
  const provinceData = useMemo(() => {
    const sums = new Map<string, number>();
    for (const m of list.members) {
      const feature = m.province ? countryFeatureFor(m.province) : undefined;
      if (feature) sums.set(feature, (sums.get(feature) ?? 0) + 1);
    }
    return [...sums].map(([name, value]) => ({ name, value }));
  }, [list.members]);
  const grades = useMemo(
    () =>
      (['A', 'B', 'C', 'D'] as const)
        .map((grade) => ({ grade, count: list.members.filter((m) => m.grade === grade).length }))
        .filter((g) => g.count > 0),
    [list.members],
  );
  const mapOption = useMemo(() => provinceMapOption(provinceData), [provinceData]);
  const gradeOption = useMemo(() => gradeBarOption(grades), [grades]);

  const charts = (mapReady === true ? 1 : 0) + (grades.length > 0 ? 1 : 0);
  const [drawn, setDrawn] = useState<ReadonlySet<string>>(new Set());
  const mark = (id: string) => () => setDrawn((prev) => (prev.has(id) ? prev : new Set([...prev, id])));
  useEffect(() => {
    if (mapReady !== null && drawn.size >= charts) onRendered?.();
  }, [mapReady, drawn, charts, onRendered]);

  const amount = list.members.reduce((s, m) => s + m.amount12m, 0);
  const overdue = list.members.reduce((s, m) => s + m.overdue, 0);

  return (
    <article className="dossier dossier-print visit-cover" lang={language} data-testid="visit-cover">
      <header className="cover-header">
        <div className="dossier-kicker">
          {t('dossier.print.preparedFor')} · {date(list.analysisDate, language)}
        </div>
        <h1 className="cover-title">{list.name}</h1>
        <p className="cover-summary" data-testid="visit-cover-summary">
          {t('visits.cover.summary', {
            count: count(list.members.length, language),
            cities: count(cities.length, language),
            amount: yuan(amount, language),
            overdue: yuan(overdue, language),
          })}
        </p>
      </header>
      <div className="cover-overview">
        <figure className="cover-map">
          {mapReady ? <DossierChart option={mapOption} ariaLabel={t('visits.cover.cities')} height={300} testId="visit-cover-map" onRendered={mark('map')} /> : null}
        </figure>
        <div className="cover-side">
          <h2 className="dossier-h2">{t('visits.cover.grades')}</h2>
          {grades.length > 0 ? <DossierChart option={gradeOption} ariaLabel={t('visits.cover.grades')} height={110} onRendered={mark('grades')} /> : <p className="dossier-empty">–</p>}
          <h2 className="dossier-h2">{t('visits.cover.cities')}</h2>
          <ul className="cover-cities">
            {cities.slice(0, 10).map((c) => (
              <li key={`${c.province}/${c.city}`}>
                <span>{[c.province, c.city].filter(Boolean).join(' ') || '–'}</span>
                <span className="num">{c.count}</span>
              </li>
            ))}
            {cities.length > 10 ? <li className="muted">… {cities.length - 10}</li> : null}
          </ul>
        </div>
      </div>
      <section className="dossier-section">
        <h2 className="dossier-h2">{t('visits.cover.list')}</h2>
        <table className="dossier-table cover-table" data-testid="visit-cover-table">
          <thead>
            <tr>
              <th className="num">{t('visits.col.position')}</th>
              <th>{t('visits.col.customer')}</th>
              <th>{t('visits.col.city')}</th>
              <th>{t('visits.col.manager')}</th>
              <th>{t('visits.col.phone')}</th>
              <th>{t('visits.col.grade')}</th>
              <th className="num">{t('visits.col.churn')}</th>
              <th className="num">{t('visits.col.amount12m')}</th>
              <th className="num">{t('visits.col.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {list.members.map((m, i) => (
              <tr key={m.id}>
                <td className="num">{i + 1}</td>
                <td>
                  <div className="cover-name">{m.name}</div>
                  <div className="cover-code">{m.code}</div>
                </td>
                <td>{m.city ?? m.province ?? '–'}</td>
                <td>{m.accountManager ?? '–'}</td>
                <td>{m.phone ?? '–'}</td>
                <td>
                  <span className={`visit-grade chip-${m.grade ?? 'none'}`}>{m.grade ?? '–'}</span>
                </td>
                <td className="num">{m.churnRisk}</td>
                <td className="num">{yuan(m.amount12m, language)}</td>
                <td className="num">{m.overdue > 0 ? yuan(m.overdue, language) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
