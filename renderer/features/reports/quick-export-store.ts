/**
 * The one-click "Export to Excel" of a view: the report of that view's sheets and the shared
 * filter, written where the user says (native save dialog in Electron, a path dialog in browser
 * mode), with progress and Cancel, then a notice naming the file. Separate from the Reports
 * page's store, so a quick export leaves the page's choices alone.
 */
import { create } from 'zustand';
import { call, onNamedEvent } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import type { Language } from '../../../shared/api/contract.ts';
import type { ReportExportResult, ReportGridCell, ReportSheetId } from '../../../shared/reports/api.ts';

export interface QuickExportRequest {
  sheets: readonly ReportSheetId[];
  /** The filter as a query string (shared/filters), as the view has it. */
  filter: string;
  /** The RFM grid cell the Customers list is narrowed to (after a click on the Segments grid). */
  cell?: ReportGridCell;
  language: Language;
  suggestedPath: string;
}

export type QuickExportStage = 'idle' | 'path' | 'running' | 'done' | 'cancelled' | 'error';

export interface QuickExportState {
  stage: QuickExportStage;
  request: QuickExportRequest | null;
  jobId: string | null;
  progress: { done: number; total: number } | null;
  result: ReportExportResult | null;
  error: AtlasErrorData | null;
}

const initial: QuickExportState = { stage: 'idle', request: null, jobId: null, progress: null, result: null, error: null };
const useQuickExportStore = create<QuickExportState>()(() => initial);
export const useQuickExport = (): QuickExportState => useQuickExportStore((s) => s);

const set = useQuickExportStore.setState;
const get = useQuickExportStore.getState;

let counter = 0;
onNamedEvent('job.progress', (p) => {
  if (p.jobId !== null && p.jobId === get().jobId) set({ progress: p.phase === 'reports.write' ? { done: p.done, total: p.total } : { done: 0, total: 0 } });
});

export const quickExportActions = {
  /** The click: the native save dialog where there is one, else the path dialog. */
  async start(request: QuickExportRequest, nativeDialogs: boolean): Promise<void> {
    if (get().stage === 'running') return;
    set({ ...initial, request });
    if (!nativeDialogs) {
      set({ stage: 'path' });
      return;
    }
    try {
      const name = request.suggestedPath.split(/[\\/]/).pop() ?? request.suggestedPath;
      const chosen = await call('reports.chooseSavePath', { format: 'xlsx', suggestedName: name });
      if (chosen === null) set(initial);
      else await quickExportActions.run(chosen);
    } catch (error) {
      set({ stage: 'error', error: toErrorData(error) });
    }
  },

  async run(path: string): Promise<void> {
    const request = get().request;
    if (request === null || get().stage === 'running') return;
    const target = /\.xlsx$/i.test(path) ? path : `${path}.xlsx`;
    const jobId = `quick-report-${Date.now().toString(36)}-${(counter += 1)}`;
    set({ stage: 'running', jobId, progress: { done: 0, total: 0 }, result: null, error: null });
    try {
      const result = await call('reports.export', {
        jobId,
        filter: request.filter,
        ...(request.cell === undefined ? {} : { cell: request.cell }),
        language: request.language,
        sheets: [...request.sheets],
        format: 'xlsx',
        personalData: 'masked',
        path: target,
      });
      set({ stage: 'done', result });
    } catch (error) {
      const data = toErrorData(error);
      set(data.code === 'CANCELLED' ? { stage: 'cancelled' } : { stage: 'error', error: data });
    } finally {
      set({ jobId: null, progress: null });
    }
  },

  async cancel(): Promise<void> {
    const jobId = get().jobId;
    if (jobId !== null) await call('jobs.cancel', { jobId });
  },

  close(): void {
    if (get().stage !== 'running') set(initial);
  },
};
