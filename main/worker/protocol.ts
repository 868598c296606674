/**
 * Messages across the worker boundary: a discriminated union with sequence numbers.
 * Errors travel as data; progress is tagged with the caller's job id.
 */
import type { ReaderRelayEvent, ReaderRelayRequest } from '../import-reader/reader-process.ts';
import type { AtlasErrorData } from '../../shared/api/errors.ts';
import type { Overview } from '../../shared/overview/overview.ts';
import type { JobContext } from './job-context.ts';
import type { ImportWorkerSpec } from './import/import-protocol.ts';
import type { AnalyticsWorkerSpec } from './analytics/analytics-protocol.ts';
import type { ViewsWorkerSpec } from './views/views-protocol.ts';
import type { ReportsWorkerSpec } from './reports/reports-protocol.ts';
import type { DossierWorkerSpec } from './dossier/dossier-protocol.ts';

export interface WorkspaceState {
  path: string;
  schemaVersion: number;
  isDemo: boolean;
  dirty: boolean;
  /** Migrations applied while opening (the file on disk is older until saved). */
  migrated: number;
}

/** The worker's own operations: workspace files, overview, a test job. */
export interface CoreWorkerSpec {
  /** Creates a new workspace at path (the demo data when demo is true) and saves it. */
  create: { params: { path: string; demo: boolean; seed?: number }; result: WorkspaceState };
  open: { params: { path: string }; result: WorkspaceState };
  /** Saves to path (save as) or to the current file. */
  save: { params: { path?: string }; result: WorkspaceState };
  close: { params: undefined; result: null };
  state: { params: undefined; result: WorkspaceState | null };
  overview: { params: undefined; result: Overview };
  /** Test hook: a cancellable job that only counts, to exercise progress and cancel. */
  count: { params: { to: number; stepMs: number }; result: number };
}

/** Every worker operation: the core ones plus each feature's (declared beside its ops). */
export interface WorkerSpec extends CoreWorkerSpec, ImportWorkerSpec, AnalyticsWorkerSpec, ViewsWorkerSpec, ReportsWorkerSpec, DossierWorkerSpec {}

export type WorkerOp = keyof WorkerSpec;
export type WorkerParams<K extends WorkerOp> = WorkerSpec[K]['params'];
export type WorkerResult<K extends WorkerOp> = WorkerSpec[K]['result'];

export type ToWorker =
  | { type: 'call'; seq: number; op: WorkerOp; params: unknown; jobId: string | null }
  | { type: 'cancel'; jobId: string }
  | ReaderRelayEvent;

export type FromWorker =
  | { type: 'ready' }
  | ReaderRelayRequest
  | { type: 'result'; seq: number; ok: true; value: unknown }
  | { type: 'result'; seq: number; ok: false; error: AtlasErrorData }
  | { type: 'progress'; jobId: string; phase: string; done: number; total: number };

/** Implementations of a spec's operations, each given the job context of its call. */
export type Handlers<S> = {
  [K in keyof S]: (
    params: S[K] extends { params: infer P } ? P : never,
    ctx: JobContext,
  ) => Promise<S[K] extends { result: infer R } ? R : never>;
};
