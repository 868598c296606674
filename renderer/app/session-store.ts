/**
 * The app session: what the host told us (app info, settings), the open workspace, the recent
 * list, the job the UI is running and the error to show. Components read it through the small
 * hooks below and change it only through `sessionActions`.
 */
import { create } from 'zustand';
import { call, onEvent } from '../api/client.ts';
import { toErrorData } from '../../shared/api/errors.ts';
import { resolveLanguage } from './language.ts';
import type { AppInfo, AtlasEvent, FilePurpose, Language, RecentWorkspace, UserSettings, WorkspaceInfo } from '../../shared/api/contract.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';

export type JobKind = 'new' | 'open' | 'openDemo' | 'save';

export interface RunningJob {
  /** null for short calls that take no job id: they show progress but cannot be cancelled. */
  jobId: string | null;
  kind: JobKind;
  phase: string | null;
  done: number;
  total: number;
  cancelling: boolean;
}

export interface Notice {
  id: number;
  error: AtlasErrorData;
}

interface SessionState {
  status: 'starting' | 'ready' | 'failed';
  startError: AtlasErrorData | null;
  appInfo: AppInfo | null;
  settings: UserSettings | null;
  workspace: WorkspaceInfo | null;
  recent: RecentWorkspace[];
  job: RunningJob | null;
  notice: Notice | null;
  /** Browser mode: the purpose the in-app path dialog is asking a path for. */
  pathRequest: FilePurpose | null;
}

const useSessionStore = create<SessionState>()(() => ({
  status: 'starting',
  startError: null,
  appInfo: null,
  settings: null,
  workspace: null,
  recent: [],
  job: null,
  notice: null,
  pathRequest: null,
}));

const set = useSessionStore.setState;
const get = useSessionStore.getState;

export const useSessionStatus = (): SessionState['status'] => useSessionStore((s) => s.status);
export const useStartError = (): AtlasErrorData | null => useSessionStore((s) => s.startError);
export const useAppInfo = (): AppInfo | null => useSessionStore((s) => s.appInfo);
export const useWorkspace = (): WorkspaceInfo | null => useSessionStore((s) => s.workspace);
export const useRecent = (): RecentWorkspace[] => useSessionStore((s) => s.recent);
export const useJob = (): RunningJob | null => useSessionStore((s) => s.job);
export const useNotice = (): Notice | null => useSessionStore((s) => s.notice);
export const usePathRequest = (): FilePurpose | null => useSessionStore((s) => s.pathRequest);
export const useLanguage = (): Language =>
  useSessionStore((s) => resolveLanguage(s.settings, s.appInfo?.systemLocale ?? null, navigator.language));

let noticeSeq = 0;
let noticeTimer: ReturnType<typeof setTimeout> | null = null;

function showError(error: unknown): void {
  const data = toErrorData(error);
  noticeSeq += 1;
  set({ notice: { id: noticeSeq, error: data } });
  if (noticeTimer !== null) clearTimeout(noticeTimer);
  noticeTimer = null;
  // A cancellation is the user's own doing: say so briefly, then get out of the way.
  if (data.code === 'CANCELLED') {
    const id = noticeSeq;
    noticeTimer = setTimeout(() => {
      if (get().notice?.id === id) set({ notice: null });
    }, 5000);
  }
}

function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function refreshRecent(): Promise<void> {
  try {
    set({ recent: await call('workspace.recent') });
  } catch {
    // The recent list is a convenience; a failure to read it is not worth a banner.
  }
}

function handleEvent(event: AtlasEvent): void {
  switch (event.name) {
    case 'job.progress': {
      const job = get().job;
      const p = event.payload;
      if (job?.jobId === p.jobId) set({ job: { ...job, phase: p.phase, done: p.done, total: p.total } });
      break;
    }
    case 'workspace.changed': {
      const before = get().workspace;
      set({ workspace: event.payload.workspace });
      if (before?.path !== event.payload.workspace?.path) void refreshRecent();
      break;
    }
    case 'job.finished':
      // The call that started the job resolves or rejects with the same outcome.
      break;
  }
}

/** Runs a workspace call as a job the UI follows, showing progress and any error. */
async function runJob(kind: JobKind, cancellable: boolean, run: (jobId: string | undefined) => Promise<WorkspaceInfo>): Promise<void> {
  if (get().job !== null) return;
  const jobId = cancellable ? newJobId() : null;
  set({ job: { jobId, kind, phase: null, done: 0, total: 0, cancelling: false }, notice: null });
  try {
    const workspace = await run(jobId ?? undefined);
    set({ workspace });
    await refreshRecent();
  } catch (error) {
    showError(error);
  } finally {
    if (get().job?.jobId === jobId) set({ job: null });
  }
}

function runWithPath(purpose: FilePurpose, path: string): Promise<void> {
  switch (purpose) {
    case 'new':
      return runJob('new', true, (jobId) => call('workspace.new', jobId ? { path, jobId } : { path }));
    case 'open':
      return runJob('open', true, (jobId) => call('workspace.open', jobId ? { path, jobId } : { path }));
    case 'saveAs':
      return runJob('save', false, () => call('workspace.saveAs', { path }));
  }
}

let started = false;

export const sessionActions = {
  /** Connects to the host once: subscribes to events, then loads the session. */
  async start(): Promise<void> {
    if (started && get().status !== 'failed') return;
    if (!started) {
      try {
        onEvent(handleEvent);
      } catch (error) {
        set({ status: 'failed', startError: toErrorData(error) });
        return;
      }
    }
    started = true;
    set({ status: 'starting', startError: null });
    try {
      const [appInfo, settings, workspace, recent] = await Promise.all([
        call('app.info'),
        call('settings.get'),
        call('workspace.current'),
        call('workspace.recent'),
      ]);
      set({ status: 'ready', appInfo, settings, workspace, recent });
    } catch (error) {
      set({ status: 'failed', startError: toErrorData(error) });
    }
  },

  async setLanguage(language: Language): Promise<void> {
    const before = get().settings;
    // Switch at once; the host confirms (or we switch back and say why).
    set({ settings: { ...(before ?? { language: null }), language } });
    try {
      set({ settings: await call('settings.setLanguage', { language }) });
    } catch (error) {
      set({ settings: before });
      showError(error);
    }
  },

  /** New / Open / Save as: a native dialog when the host has one, else the in-app path dialog. */
  async chooseFile(purpose: FilePurpose): Promise<void> {
    if (get().job !== null) return;
    if (!get().appInfo?.nativeDialogs) {
      set({ pathRequest: purpose });
      return;
    }
    try {
      const path = await call('workspace.chooseFile', { purpose });
      if (path !== null) await runWithPath(purpose, path);
    } catch (error) {
      showError(error);
    }
  },

  submitPath(path: string): Promise<void> {
    const purpose = get().pathRequest;
    set({ pathRequest: null });
    if (purpose === null) return Promise.resolve();
    return runWithPath(purpose, path);
  },

  cancelPathRequest(): void {
    set({ pathRequest: null });
  },

  openRecent(path: string): Promise<void> {
    return runWithPath('open', path);
  },

  openDemo(): Promise<void> {
    return runJob('openDemo', true, (jobId) => call('workspace.openDemo', jobId ? { jobId } : {}));
  },

  save(): Promise<void> {
    return runJob('save', false, () => call('workspace.save'));
  },

  async cancelJob(): Promise<void> {
    const job = get().job;
    if (job?.jobId == null || job.cancelling) return;
    set({ job: { ...job, cancelling: true } });
    try {
      await call('jobs.cancel', { jobId: job.jobId });
    } catch (error) {
      const current = get().job;
      if (current?.jobId === job.jobId) set({ job: { ...current, cancelling: false } });
      showError(error);
    }
  },

  dismissNotice(): void {
    set({ notice: null });
  },

  /** Shows any error the way every other error is shown. */
  showError,
};
