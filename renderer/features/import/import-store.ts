/**
 * The Import page's state: the files chosen, their analysis and the user's corrections,
 * the running commit (progress, cancel), its result and the import history.
 */
import { create } from 'zustand';
import { call, onNamedEvent } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import type { AtlasErrorData } from '../../../shared/api/errors.ts';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/import/api.ts';
import type { ImportBatch, ImportCommitResult, ImportFileAnalysis, ImportFileChoice, ImportTemplate } from '../../../shared/import/api.ts';
import type { ColumnMapping } from '../../../shared/import/types.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';

export interface ImportFile {
  path: string;
  analysis: ImportFileAnalysis;
  saveTemplate: boolean;
  /** The user changed the mapping, kind or sheet (the analysis already reflects it). */
  edited: boolean;
  /** Column indexes the user mapped by hand. */
  manual: number[];
  busy: boolean;
}

export interface ImportProgress {
  phase: string | null;
  done: number;
  total: number;
}

interface ImportState {
  files: ImportFile[];
  busy: 'idle' | 'uploading' | 'analyzing' | 'committing';
  uploadingName: string | null;
  progress: ImportProgress | null;
  jobId: string | null;
  result: ImportCommitResult | null;
  history: ImportBatch[];
  templates: ImportTemplate[];
  error: AtlasErrorData | null;
  notice: { key: 'cancelled' | 'removed'; params: Record<string, number> } | null;
}

const useImportStore = create<ImportState>()(() => ({
  files: [],
  busy: 'idle',
  uploadingName: null,
  progress: null,
  jobId: null,
  result: null,
  history: [],
  templates: [],
  error: null,
  notice: null,
}));

export const useImportState = (): ImportState => useImportStore((s) => s);

const set = useImportStore.setState;
const get = useImportStore.getState;

let jobCounter = 0;
const newJobId = () => `import-${Date.now().toString(36)}-${(jobCounter += 1)}`;

onNamedEvent('job.progress', (p) => {
  if (p.jobId === get().jobId) set({ progress: { phase: p.phase, done: p.done, total: p.total } });
});

function choiceOf(file: ImportFile): ImportFileChoice {
  const a = file.analysis;
  if (!file.edited) return { path: file.path };
  return { path: file.path, ...(a.sheet === null ? {} : { sheet: a.sheet }), kind: a.kind, columns: a.columns };
}

async function analyze(choices: ImportFileChoice[]): Promise<ImportFileAnalysis[]> {
  return call('import.analyze', { files: choices });
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const importActions = {
  /** The import history and the saved mapping templates. */
  async loadHistory(): Promise<void> {
    try {
      const [history, templates] = await Promise.all([call('import.history'), call('import.templates')]);
      set({ history, templates });
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  async renameTemplate(signature: string, name: string): Promise<void> {
    try {
      set({ templates: await call('import.renameTemplate', { signature, name }) });
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  async deleteTemplate(signature: string): Promise<void> {
    try {
      set({ templates: await call('import.deleteTemplate', { signature }) });
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  async addPaths(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    set({ busy: 'analyzing', error: null, result: null, notice: null });
    try {
      const analyses = await analyze(paths.map((path) => ({ path })));
      const known = new Set(get().files.map((f) => f.path));
      const added = analyses
        .filter((a) => !known.has(a.path))
        .map((analysis) => ({ path: analysis.path, analysis, saveTemplate: analysis.template === null, edited: false, manual: [], busy: false }));
      set({ files: [...get().files, ...added] });
    } catch (error) {
      set({ error: toErrorData(error) });
    } finally {
      set({ busy: 'idle' });
    }
  },

  async chooseNative(): Promise<void> {
    try {
      const paths = await call('import.chooseFiles');
      if (paths) await importActions.addPaths(paths);
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  /** Browser mode: send the files' bytes in chunks, then analyse the stored copies. */
  async uploadFiles(files: readonly File[]): Promise<void> {
    const paths: string[] = [];
    set({ busy: 'uploading', error: null, result: null, notice: null });
    try {
      for (const file of files) {
        set({ uploadingName: file.name });
        const bytes = new Uint8Array(await file.arrayBuffer());
        let uploadId: string | undefined;
        let path = '';
        for (let offset = 0; offset < bytes.length || offset === 0; offset += UPLOAD_CHUNK_BYTES) {
          const base64 = bytesToBase64(bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES));
          const res = await call('import.upload', uploadId === undefined ? { name: file.name, base64 } : { name: file.name, base64, uploadId });
          uploadId = res.uploadId;
          path = res.path;
          if (bytes.length === 0) break;
        }
        paths.push(path);
      }
    } catch (error) {
      set({ error: toErrorData(error), busy: 'idle', uploadingName: null });
      return;
    }
    set({ uploadingName: null });
    await importActions.addPaths(paths);
  },

  removeFile(path: string): void {
    set({ files: get().files.filter((f) => f.path !== path) });
  },

  clear(): void {
    set({ files: [], result: null, error: null, notice: null });
  },

  setSaveTemplate(path: string, saveTemplate: boolean): void {
    set({ files: get().files.map((f) => (f.path === path ? { ...f, saveTemplate } : f)) });
  },

  /** Re-analyses one file with the user's choice (sheet, kind or columns) for a live preview. */
  async revise(path: string, change: { sheet?: string; kind?: RecordKind; columns?: ColumnMapping[]; manualIndex?: number }): Promise<void> {
    const file = get().files.find((f) => f.path === path);
    if (!file) return;
    const a = file.analysis;
    const choice: ImportFileChoice = { path };
    if (change.sheet !== undefined) choice.sheet = change.sheet;
    else if (a.sheet !== null) choice.sheet = a.sheet;
    if (change.kind !== undefined) choice.kind = change.kind;
    else if (change.columns !== undefined || file.edited) choice.kind = a.kind;
    if (change.columns !== undefined) choice.columns = change.columns;
    else if (change.kind === undefined && change.sheet === undefined && file.edited) choice.columns = a.columns;
    const mark = (busy: boolean) => set({ files: get().files.map((f) => (f.path === path ? { ...f, busy } : f)) });
    mark(true);
    try {
      const [analysis] = await analyze([choice]);
      const manual = change.manualIndex !== undefined ? [...file.manual, change.manualIndex] : change.columns !== undefined ? file.manual : [];
      if (analysis) set({ files: get().files.map((f) => (f.path === path ? { ...f, analysis, edited: true, manual, busy: false } : f)) });
    } catch (error) {
      set({ error: toErrorData(error) });
      mark(false);
    }
  },

  async commit(): Promise<void> {
    const files = get().files.filter((f) => f.analysis.problem === null);
    if (files.length === 0) return;
    const jobId = newJobId();
    set({ busy: 'committing', jobId, progress: { phase: null, done: 0, total: 0 }, error: null, notice: null });
    try {
      const result = await call('import.commit', {
        jobId,
        files: files.map((f) => ({ ...choiceOf(f), saveTemplate: f.saveTemplate })),
      });
      set({ result, files: [] });
      await importActions.loadHistory();
    } catch (error) {
      const data = toErrorData(error);
      if (data.code === 'CANCELLED') set({ notice: { key: 'cancelled', params: {} } });
      else set({ error: data });
    } finally {
      set({ busy: 'idle', jobId: null, progress: null });
    }
  },

  async cancel(): Promise<void> {
    const jobId = get().jobId;
    if (jobId) await call('jobs.cancel', { jobId });
  },

  async removeBatch(batchId: number): Promise<void> {
    try {
      const removed = await call('import.removeBatch', { batchId });
      set({ notice: { key: 'removed', params: { id: removed.batchId, deleted: removed.deleted, restored: removed.restored } } });
      await importActions.loadHistory();
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },

  async downloadRejected(batchId: number): Promise<void> {
    try {
      const file = await call('import.exportRejected', { batchId });
      if (file.base64 === null) return;
      const binary = atob(file.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = file.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      set({ error: toErrorData(error) });
    }
  },
};
