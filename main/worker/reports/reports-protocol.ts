/** The reports feature's worker operations (merged into WorkerSpec). */
import type { ReportExportParams, ReportExportResult, ReportGridCell, ReportTemplate } from '../../../shared/reports/api.ts';
import type { ReportData } from '../../../shared/reports/report-data.ts';

export interface ReportsWorkerSpec {
  /** Builds the chosen sheets and writes the file (temp + rename); progress in rows. */
  reportsExport: { params: Omit<ReportExportParams, 'jobId'> & { workspaceName: string }; result: ReportExportResult };
  /** The data a report is built from (tests compare the workbook with it). */
  reportsData: { params: { filter: string; workspaceName: string; cell?: ReportGridCell }; result: ReportData };
  reportsTemplatesList: { params: undefined; result: ReportTemplate[] };
  reportsTemplatesSave: { params: { template: Omit<ReportTemplate, 'updatedAt'> }; result: ReportTemplate[] };
  reportsTemplatesDelete: { params: { name: string }; result: ReportTemplate[] };
}
