/**
 * A card around one chart: title, subtitle, optional actions, an empty state that says why,
 * and "export PNG" (the chart hands over an exporter; the card downloads the image and keeps
 * a visible download link as a fallback).
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n.ts';
import { downloadDataUrl, pngFileName, type ChartExporter } from './chart-export.ts';
import './components.css';

export interface ChartCardProps {
  title: string;
  subtitle?: string;
  /** When true the chart is replaced by `emptyText` (default: "no customers match these filters"). */
  empty?: boolean;
  emptyText?: string;
  /** PNG export; without it no export button is shown. */
  exporter?: ChartExporter;
  /** Extra controls in the header (metric pickers, toggles). */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

export function ChartCard(props: ChartCardProps): ReactNode {
  const t = useT();
  const testId = props.testId ?? 'chart-card';
  const [download, setDownload] = useState<{ url: string; file: string } | null>(null);

  const exportPng = (): void => {
    const url = props.exporter?.() ?? null;
    if (url === null) return;
    const file = pngFileName(props.title);
    setDownload({ url, file });
    downloadDataUrl(url, file);
  };

  return (
    <section className={`card chartcard${props.className ? ` ${props.className}` : ''}`} data-testid={testId} aria-label={props.title}>
      <header className="chartcard-header">
        <div className="chartcard-titles">
          <h2 className="card-title">{props.title}</h2>
          {props.subtitle !== undefined ? <span className="card-subtitle">{props.subtitle}</span> : null}
        </div>
        <div className="chartcard-actions">
          {props.actions}
          {props.exporter !== undefined && props.empty !== true ? (
            <button type="button" className="button chartcard-export" onClick={exportPng} data-testid={`${testId}-export`}>
              {t('views.chart.exportPng')}
            </button>
          ) : null}
          {download !== null ? (
            <a className="chartcard-download" href={download.url} download={download.file} data-testid={`${testId}-download`}>
              {t('views.chart.download')}
            </a>
          ) : null}
        </div>
      </header>
      <div className="chartcard-body">
        {props.empty === true ? (
          <div className="chartcard-empty" role="status" data-testid={`${testId}-empty`}>
            {props.emptyText ?? t('views.chart.empty')}
          </div>
        ) : (
          props.children
        )}
      </div>
    </section>
  );
}
