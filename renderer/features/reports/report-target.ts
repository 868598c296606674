/** Where a report is written by default: the workspace's folder (else the data folder), "客户分析报表-2026-11-26.xlsx". */
import { useT } from '../../app/i18n.ts';
import { dirName, joinPath } from '../../app/paths.ts';
import { useAppInfo, useWorkspace } from '../../app/session-store.ts';
import { suggestedReportName } from '../../../shared/reports/api.ts';
import type { ReportFormat } from '../../../shared/reports/api.ts';

export function localDate(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function useSuggestedReportPath(format: ReportFormat): string {
  const t = useT();
  const appInfo = useAppInfo();
  const workspace = useWorkspace();
  const folder = workspace ? dirName(workspace.path) : (appInfo?.dataDir ?? '');
  return joinPath(folder, suggestedReportName(t('report.reportName'), localDate(), format));
}
