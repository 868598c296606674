/**
 * The one contract between the renderer and the application services. Every call the
 * renderer can make is named here with its parameter and result types; main implements it
 * once (main/services), and both transports (Electron IPC via preload, browser mode via
 * HTTP) expose that same implementation.
 */
import type { Overview } from '../overview/overview.ts';
import type { AtlasErrorData, Envelope } from './errors.ts';
import { IMPORT_METHODS } from '../import/api.ts';
import type { ImportApiSpec } from '../import/api.ts';
import { ANALYTICS_METHODS } from '../analytics/api.ts';
import { VIEWS_METHODS } from '../views/api.ts';
import type { ViewsApiSpec } from '../views/api.ts';
import { REPORTS_METHODS } from '../reports/api.ts';
import type { ReportsApiSpec } from '../reports/api.ts';
import type { AnalyticsApiSpec } from '../analytics/api.ts';
import { DOSSIER_METHODS } from '../dossier/api.ts';
import type { DossierApiSpec } from '../dossier/api.ts';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES = ['zh-CN', 'en'] as const satisfies readonly Language[];

export interface AppInfo {
  name: string;
  version: string;
  /** Which host runs the services: the desktop app or the local browser-mode server. */
  mode: 'electron' | 'browser';
  /** Whether the host can show native file dialogs (otherwise the UI asks for a path). */
  nativeDialogs: boolean;
  /** The operating system's locale, used when the user has not picked a language. */
  systemLocale: string;
  /** Folder where settings, the demo workspace and new workspaces live by default. */
  dataDir: string;
}

export interface UserSettings {
  /** null = follow the system locale. */
  language: Language | null;
}

export interface WorkspaceInfo {
  path: string;
  /** File name without the folder, for titles and menus. */
  name: string;
  schemaVersion: number;
  isDemo: boolean;
  /** Changes not yet written to the file (autosave writes them shortly). */
  dirty: boolean;
  lastSavedAt: string | null;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export type FilePurpose = 'open' | 'new' | 'saveAs';

/** Long calls accept a job id chosen by the caller so it can follow progress and cancel. */
export interface JobParams {
  jobId?: string;
}

/** Calls of the shell: app, settings, workspace files, overview, jobs. */
export interface CoreApiSpec {
  'app.info': { params: undefined; result: AppInfo };
  'settings.get': { params: undefined; result: UserSettings };
  'settings.setLanguage': { params: { language: Language | null }; result: UserSettings };
  'workspace.current': { params: undefined; result: WorkspaceInfo | null };
  'workspace.recent': { params: undefined; result: RecentWorkspace[] };
  'workspace.new': { params: { path: string } & JobParams; result: WorkspaceInfo };
  'workspace.open': { params: { path: string } & JobParams; result: WorkspaceInfo };
  'workspace.openDemo': { params: JobParams; result: WorkspaceInfo };
  'workspace.save': { params: undefined; result: WorkspaceInfo };
  'workspace.saveAs': { params: { path: string }; result: WorkspaceInfo };
  /** Shows the host's native file dialog; null when the user cancelled it. */
  'workspace.chooseFile': { params: { purpose: FilePurpose }; result: string | null };
  'overview.get': { params: undefined; result: Overview };
  'jobs.cancel': { params: { jobId: string }; result: { cancelled: boolean } };
}

/** Every call: the shell's plus each feature's (features declare theirs in their own api.ts). */
export interface ApiSpec extends CoreApiSpec, ImportApiSpec, AnalyticsApiSpec, ViewsApiSpec, ReportsApiSpec, DossierApiSpec {}

export type ApiMethod = keyof ApiSpec;
export type ApiParams<M extends ApiMethod> = ApiSpec[M]['params'];
export type ApiResult<M extends ApiMethod> = ApiSpec[M]['result'];

/** The API as named async functions: what preload exposes and what main implements. */
export type AtlasApi = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResult<M>> };

/** The shell's method names, checked complete against CoreApiSpec at compile time. */
const CORE_METHODS = {
  'app.info': true,
  'settings.get': true,
  'settings.setLanguage': true,
  'workspace.current': true,
  'workspace.recent': true,
  'workspace.new': true,
  'workspace.open': true,
  'workspace.openDemo': true,
  'workspace.save': true,
  'workspace.saveAs': true,
  'workspace.chooseFile': true,
  'overview.get': true,
  'jobs.cancel': true,
} as const satisfies Record<keyof CoreApiSpec, true>;

const METHOD_SET: Readonly<Record<ApiMethod, true>> = { ...CORE_METHODS, ...IMPORT_METHODS, ...ANALYTICS_METHODS, ...VIEWS_METHODS, ...REPORTS_METHODS, ...DOSSIER_METHODS };
export const API_METHODS = Object.keys(METHOD_SET) as ApiMethod[];

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && Object.hasOwn(METHOD_SET, value);
}

export interface JobProgress {
  jobId: string;
  /** A stable phase key (translated by the UI), e.g. 'demo.customers'. */
  phase: string;
  done: number;
  total: number;
}

export interface EventSpec {
  'job.progress': JobProgress;
  'job.finished': { jobId: string; ok: boolean; error: AtlasErrorData | null };
  'workspace.changed': { workspace: WorkspaceInfo | null };
}
export type EventName = keyof EventSpec;
export type AtlasEvent = { [E in EventName]: { name: E; payload: EventSpec[E] } }[EventName];

/**
 * The API as a transport carries it: results and errors both arrive as data, because class
 * instances do not survive contextBridge or JSON.
 */
export type EnvelopeApi = {
  [M in ApiMethod]: (params: ApiParams<M>) => Promise<Envelope<ApiResult<M>>>;
};

/** What a transport offers the renderer: the API plus a subscription to pushed events. */
export interface AtlasBridge {
  api: EnvelopeApi;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: AtlasEvent) => void): () => void;
}

/** The single IPC channel names; payloads are validated against the contract in main. */
export const IPC_CALL_CHANNEL = 'atlas:call';
export const IPC_EVENT_CHANNEL = 'atlas:event';
