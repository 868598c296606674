/**
 * The Reports page's state: the chosen sheets, customer columns, format and personal-data
 * mode, the target path, the stored templates, and the running export (progress, cancel,
 * result). Views preset the sheets through `reportsActions.preset` (the ExportButton).
 */
import { create } from 'zustand';
import { call, onNamedEvent } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { Language } from '../../../shared/api/contract.ts';
import { CUSTOMER_COLUMN_IDS, REPORT_SHEET_IDS } from '../../../shared/reports/api.ts';
import type { CustomerColumnId, ReportExportResult, ReportSheetId, ReportTemplate } from '../../../shared/reports/api.ts';

export type FormatChoice = 'xlsx' | 'csv-utf8' | 'csv-gbk';

export interface ReportsState {
  sheets: ReportSheetId[];
  columns: CustomerColumnId[];
  format: FormatChoice;
  personalData: 'masked' | 'shown';
  /** The path typed or chosen; null = the suggestion. */
  path: string | null;
  templates: ReportTemplate[];
  templateName: string;
  jobId: string | null;
  progress: { done: number; total: number } | null;
  result: ReportExportResult | null;
  cancelled: boolean;
  error: AtlasErrorData | null;
  notice: string | null;
}

const useReportsStore = create<ReportsState>()(() => ({
  sheets: [...REPORT_SHEET_IDS],
  columns: [...CUSTOMER_COLUMN_IDS],
  format: 'xlsx',
  personalData: 'masked',
  path: null,
  templates: [],
  templateName: '',
  jobId: null,
  progress: null,
  result: null,
  cancelled: false,
  error: null,
  notice: null,
}));

export const useReportsState = (): ReportsState => useReportsStore((s) => s);

const set = useReportsStore.setState;
const get = useReportsStore.getState;

let counter = 0;
const newJobId = (): string => `report-${Date.now().toString(36)}-${(counter += 1)}`;

onNamedEvent('job.progress', (p) => {
  if (p.jobId === get().jobId) set({ progress: p.phase === 'reports.write' ? { done: p.done, total: p.total } : { done: 0, total: 0 } });
});

function toggled<T extends string>(list: readonly T[], value: T, order: readonly T[]): T[] {
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return order.filter((v) => next.includes(v));
}

/** The file extension a format choice writes. */
export function extensionOf(format: FormatChoice): 'xlsx' | 'csv' {
  return format === 'xlsx' ? 'xlsx' : 'csv';
}

/** The path with its extension matching the format. */
export function withExtension(path: string, format: FormatChoice): string {
  const ext = extensionOf(format);
  return /\.(xlsx|csv)$/i.test(path) ? path.replace(/\.(xlsx|csv)$/i, `.${ext}`) : `${path}.${ext}`;
}

export const reportsActions = {
  toggleSheet: (id: ReportSheetId): void => set((s) => ({ sheets: toggled(s.sheets, id, REPORT_SHEET_IDS) })),
  toggleColumn: (id: CustomerColumnId): void => set((s) => ({ columns: toggled(s.columns, id, CUSTOMER_COLUMN_IDS) })),
  setColumns: (columns: CustomerColumnId[]): void => set({ columns }),
  setFormat: (format: FormatChoice): void => set((s) => ({ format, path: s.path === null ? null : withExtension(s.path, format) })),
  setPersonalData: (personalData: 'masked' | 'shown'): void => set({ personalData }),
  setPath: (path: string): void => set({ path }),
  setTemplateName: (templateName: string): void => set({ templateName }),
  /** What a view's "Export to Excel" asks for: these sheets, then the Reports page. */
  preset: (sheets: readonly ReportSheetId[]): void =>
    set({ sheets: REPORT_SHEET_IDS.filter((id) => sheets.includes(id)), result: null, error: null, cancelled: false }),

  async loadTemplates(): Promise<void> {
    try {
      set({ templates: await call('reports.templates.list') });
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  async saveTemplate(): Promise<void> {
    const { templateName, sheets, columns } = get();
    const name = templateName.trim();
    if (name === '' || sheets.length === 0) return;
    try {
      set({ templates: await call('reports.templates.save', { template: { name, sheets, customerColumns: columns } }), notice: name, error: null });
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  applyTemplate(template: ReportTemplate): void {
    set({ sheets: [...template.sheets], columns: [...template.customerColumns], templateName: template.name, notice: null });
  },

  async deleteTemplate(name: string): Promise<void> {
    try {
      set({ templates: await call('reports.templates.delete', { name }) });
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  async choosePath(suggested: string): Promise<void> {
    const { format } = get();
    try {
      const chosen = await call('reports.chooseSavePath', { format: extensionOf(format), suggestedName: suggested });
      if (chosen !== null) set({ path: withExtension(chosen, format) });
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  /** Exports the chosen sheets and columns, or a stored template's (`templateName`: one click per template). */
  async exportReport(params: { filter: string; language: Language; path: string; templateName?: string }): Promise<void> {
    const { sheets, columns, format, personalData } = get();
    if ((sheets.length === 0 && params.templateName === undefined) || get().jobId !== null) return;
    const jobId = newJobId();
    set({ jobId, progress: { done: 0, total: 0 }, result: null, error: null, cancelled: false, notice: null });
    try {
      const result = await call('reports.export', {
        jobId,
        filter: params.filter,
        language: params.language,
        ...(params.templateName === undefined ? { sheets, customerColumns: columns } : { templateName: params.templateName }),
        format: extensionOf(format),
        ...(format === 'xlsx' ? {} : { csvEncoding: format === 'csv-gbk' ? 'gbk' : 'utf8-bom' }),
        personalData,
        path: withExtension(params.path, format),
      } as const);
      set({ result });
    } catch (error) {
      const data = toErrorData(error);
      if (data.code === 'CANCELLED') set({ cancelled: true });
      else set({ error: data });
    } finally {
      set({ jobId: null, progress: null });
    }
  },

  async cancel(): Promise<void> {
    const jobId = get().jobId;
    if (jobId) await call('jobs.cancel', { jobId });
  },
};
