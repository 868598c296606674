/**
 * The implementation of the API contract, written once for every host. It owns the worker
 * client, the settings file and autosave; the Electron layer and the browser-mode server
 * only carry calls and events to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AtlasApi, AtlasEvent, CoreApiSpec, JobParams, WorkspaceInfo } from '../../shared/api/contract.ts';
import { AtlasError, toErrorData } from '../../shared/api/errors.ts';
import type { WorkspaceState } from '../worker/protocol.ts';
import { SettingsStore } from './settings-store.ts';
import type { AtlasServices, ServiceContext, ServicesOptions } from './types.ts';
import { createImportHandlers } from './import-handlers.ts';
import { createAnalyticsHandlers } from './analytics-handlers.ts';
import { createViewsHandlers } from './views-handlers.ts';
import { createReportsHandlers } from './reports-handlers.ts';
import { createDossierHandlers } from './dossier-handlers.ts';
import { cancelMainJob } from '../dossier/print-job.ts';
import { WorkerClient } from './worker-client.ts';

export const WORKSPACE_EXTENSION = '.atlas';
const DEMO_FILE = `demo${WORKSPACE_EXTENSION}`;

export async function createAtlasServices(options: ServicesOptions): Promise<AtlasServices> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const settings = new SettingsStore(options.dataDir);
  const worker = new WorkerClient({
    ...(options.workerUrl ? { workerUrl: options.workerUrl } : {}),
    ...(options.readerLauncher ? { readerLauncher: options.readerLauncher } : {}),
    createdBy: `Customer Atlas ${options.version}`,
  });
  const listeners = new Set<(event: AtlasEvent) => void>();
  const autosaveDelay = options.autosaveDelayMs ?? 2000;
  let current: WorkspaceInfo | null = null;
  let lastSavedAt: string | null = null;
  let autosaveTimer: NodeJS.Timeout | null = null;

  const emit = (event: AtlasEvent) => {
    for (const listener of listeners) listener(event);
  };
  worker.onProgress((p) => emit({ name: 'job.progress', payload: p }));

  const toInfo = (state: WorkspaceState | null): WorkspaceInfo | null =>
    state && {
      path: state.path,
      name: path.basename(state.path),
      schemaVersion: state.schemaVersion,
      isDemo: state.isDemo,
      dirty: state.dirty,
      lastSavedAt,
    };

  const publish = (state: WorkspaceState | null, saved: boolean): WorkspaceInfo | null => {
    if (saved) lastSavedAt = new Date().toISOString();
    current = toInfo(state);
    emit({ name: 'workspace.changed', payload: { workspace: current } });
    if (current?.dirty) scheduleAutosave();
    return current;
  };

  function scheduleAutosave(): void {
    if (autosaveTimer) clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(() => {
      autosaveTimer = null;
      void worker
        .call('save', {})
        .then((state) => publish(state, true))
        .catch((error: unknown) => emit({ name: 'job.finished', payload: { jobId: 'autosave', ok: false, error: toErrorData(error) } }));
    }, autosaveDelay);
  }

  /** Runs a worker job and reports its end as an event, so any window can follow it. */
  async function job<T>(params: JobParams, run: (jobId: string | null) => Promise<T>): Promise<T> {
    const jobId = params.jobId ?? null;
    try {
      const result = await run(jobId);
      if (jobId) emit({ name: 'job.finished', payload: { jobId, ok: true, error: null } });
      return result;
    } catch (error) {
      if (jobId) emit({ name: 'job.finished', payload: { jobId, ok: false, error: toErrorData(error) } });
      throw error;
    }
  }

  const requireWorkspace = (): WorkspaceInfo => {
    if (!current) throw new AtlasError('NO_WORKSPACE', 'No workspace is open');
    return current;
  };

  const withExtension = (file: string) =>
    path.extname(file) === '' ? `${file}${WORKSPACE_EXTENSION}` : file;

  async function flushAutosave(): Promise<void> {
    if (autosaveTimer) {
      clearTimeout(autosaveTimer);
      autosaveTimer = null;
    }
    if (current?.dirty) publish(await worker.call('save', {}), true);
  }

  async function openWorkspace(file: string, jobId: string | null): Promise<WorkspaceInfo> {
    await flushAutosave();
    const info = publish(await worker.call('open', { path: file }, jobId), false)!;
    settings.rememberWorkspace(info.path);
    return info;
  }

  async function createWorkspace(file: string, demo: boolean, jobId: string | null): Promise<WorkspaceInfo> {
    await flushAutosave();
    const info = publish(await worker.call('create', { path: file, demo }, jobId), true)!;
    settings.rememberWorkspace(info.path);
    return info;
  }

  const demoPath = path.join(options.dataDir, DEMO_FILE);

  async function openDemo(jobId: string | null): Promise<WorkspaceInfo> {
    if (fs.existsSync(demoPath)) {
      try {
        return await openWorkspace(demoPath, jobId);
      } catch (error) {
        // A damaged demo is regenerated; the old file survives as the .bak of the new save.
        if (!(error instanceof AtlasError) || error.code === 'CANCELLED') throw error;
      }
    }
    return createWorkspace(demoPath, true, jobId);
  }

  const coreApi: { [M in keyof CoreApiSpec]: AtlasApi[M] } = {
    async 'app.info'() {
      return {
        name: 'Customer Atlas',
        version: options.version,
        mode: options.host.mode,
        nativeDialogs: options.host.nativeDialogs,
        systemLocale: options.systemLocale,
        dataDir: options.dataDir,
      };
    },
    async 'settings.get'() {
      return { language: settings.get().language };
    },
    async 'settings.setLanguage'({ language }) {
      return { language: settings.update((draft) => void (draft.language = language)).language };
    },
    async 'workspace.current'() {
      return current;
    },
    async 'workspace.recent'() {
      return settings.get().recent.map((r) => ({
        path: r.path,
        name: path.basename(r.path),
        openedAt: r.openedAt,
        exists: fs.existsSync(r.path),
      }));
    },
    async 'workspace.new'(params) {
      const file = withExtension(path.resolve(params.path));
      if (fs.existsSync(file)) throw new AtlasError('FILE_EXISTS', `${file} already exists`, { path: file });
      return job(params, (jobId) => createWorkspace(file, false, jobId));
    },
    async 'workspace.open'(params) {
      return job(params, (jobId) => openWorkspace(path.resolve(params.path), jobId));
    },
    async 'workspace.openDemo'(params) {
      return job(params, (jobId) => openDemo(jobId));
    },
    async 'workspace.save'() {
      requireWorkspace();
      if (autosaveTimer) clearTimeout(autosaveTimer);
      autosaveTimer = null;
      return publish(await worker.call('save', {}), true)!;
    },
    async 'workspace.saveAs'({ path: file }) {
      requireWorkspace();
      const target = withExtension(path.resolve(file));
      if (autosaveTimer) clearTimeout(autosaveTimer);
      autosaveTimer = null;
      const info = publish(await worker.call('save', { path: target }), true)!;
      settings.rememberWorkspace(info.path);
      return info;
    },
    async 'workspace.chooseFile'({ purpose }) {
      if (!options.host.nativeDialogs) {
        throw new AtlasError('UNSUPPORTED', 'This host has no native file dialogs', { method: 'workspace.chooseFile' });
      }
      const dir = current ? path.dirname(current.path) : options.dataDir;
      return options.host.chooseFile(purpose, dir);
    },
    async 'overview.get'() {
      requireWorkspace();
      return worker.call('overview', undefined);
    },
    async 'jobs.cancel'({ jobId }) {
      worker.cancel(jobId);
      cancelMainJob(jobId);
      return { cancelled: true };
    },
  };

  const context: ServiceContext = {
    worker,
    options,
    emit,
    job,
    requireWorkspace,
    async workspaceChanged() {
      publish(await worker.call('state', undefined), false);
    },
  };
  const api: AtlasApi = { ...coreApi, ...createImportHandlers(context), ...createAnalyticsHandlers(context),
    ...createViewsHandlers(context),
    ...createReportsHandlers(context),
    ...createDossierHandlers(context),
  };

  return {
    api,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      // An explicitly named workspace must open or fail loudly; the remembered one may fall
      // back to the demo (it may have been moved or damaged since the last session).
      if (options.initialWorkspace !== undefined) {
        await openWorkspace(path.resolve(options.initialWorkspace), null);
        return;
      }
      const last = settings.get().lastWorkspace;
      if (last && fs.existsSync(last)) {
        try {
          await openWorkspace(last, null);
          return;
        } catch {
          // The demo is always available.
        }
      }
      await openDemo(null);
    },
    async dispose() {
      try {
        await flushAutosave();
      } finally {
        await worker.terminate();
      }
    },
  };
}
