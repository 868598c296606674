/** PNG export of charts: ECharts renders a data URL; a temporary link downloads it. */

/** Anything with ECharts' getDataURL (an ECharts instance). */
export interface DataUrlSource {
  getDataURL(opts?: { type?: 'png' | 'jpeg' | 'svg'; pixelRatio?: number; backgroundColor?: string; excludeComponents?: string[] }): string;
}

/** Returns a PNG data URL of the chart, or null when there is none to export. */
export type ChartExporter = () => string | null;

export function chartPng(chart: DataUrlSource | null): string | null {
  if (chart === null) return null;
  // White background: exported images go into documents and slides, not onto the app's grey.
  return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff', excludeComponents: ['toolbox'] });
}

/** A file name from a chart title: keeps letters (incl. Chinese) and digits, ends in .png. */
export function pngFileName(title: string, date: Date = new Date()): string {
  const stem = title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'chart';
  const day = date.toISOString().slice(0, 10);
  return `${stem}-${day}.png`;
}

export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}
