import type { ReaderLauncher } from '../import-reader/reader-process.ts';
import type { AtlasApi, AtlasEvent, FilePurpose, JobParams, WorkspaceInfo } from '../../shared/api/contract.ts';
import type { WorkerClient } from './worker-client.ts';
import type { PdfPrinterFactory } from '../dossier/pdf-printer.ts';

/** What differs between the desktop app and the browser-mode server. */
export interface HostCapabilities {
  mode: 'electron' | 'browser';
  nativeDialogs: boolean;
  /** Native file dialog; resolve null when the user cancels. Browser mode never calls it. */
  chooseFile(purpose: FilePurpose, suggestedDir: string): Promise<string | null>;
  /** Native multi-file dialog for import files; resolve null when the user cancels. */
  chooseImportFiles?(suggestedDir: string): Promise<string[] | null>;
  /** Native save dialog for a report file; resolve null when the user cancels. */
  chooseReportPath?(suggestedPath: string, format: 'xlsx' | 'csv'): Promise<string | null>;
  /** Native save dialog for a dossier PDF or a visit list workbook; resolve null when cancelled. */
  chooseDossierPath?(suggestedPath: string, format: 'pdf' | 'xlsx'): Promise<string | null>;
  /** Prints renderer print routes to PDF (headless Chromium, or Electron's printToPDF). */
  createPdfPrinter?: PdfPrinterFactory;
}

export interface ServicesOptions {
  /** Folder for settings.json, the demo workspace and default new workspaces. */
  dataDir: string;
  host: HostCapabilities;
  systemLocale: string;
  version: string;
  /** Open this workspace at start instead of the last one (CLI flag, tests). */
  initialWorkspace?: string;
  /** Override the worker bundle (tests); defaults to out/main/worker.mjs. */
  workerUrl?: URL;
  /** Starts spreadsheet reader processes from the main thread (the app's utilityProcess). */
  readerLauncher?: ReaderLauncher;
  /** Milliseconds of quiet after a change before autosave writes the file. */
  autosaveDelayMs?: number;
}

/** The single implementation of the API contract, shared by every transport. */
export interface AtlasServices {
  api: AtlasApi;
  /** Pushed events (progress, job finished, workspace changed); returns unsubscribe. */
  onEvent(listener: (event: AtlasEvent) => void): () => void;
  /** Opens the initial workspace (last used, or the demo on first start). */
  start(): Promise<void>;
  /** Writes pending changes and stops the worker. */
  dispose(): Promise<void>;
}

/** What a feature's API handlers get from the services (main/services/<feature>-handlers.ts). */
export interface ServiceContext {
  worker: WorkerClient;
  options: ServicesOptions;
  emit(event: AtlasEvent): void;
  /** Runs a job started with params.jobId and reports its end as a job.finished event. */
  job<T>(params: JobParams, run: (jobId: string | null) => Promise<T>): Promise<T>;
  /** The open workspace, or NO_WORKSPACE. */
  requireWorkspace(): WorkspaceInfo;
  /** Call after a worker op changed the workspace: publishes workspace.changed and autosaves. */
  workspaceChanged(): Promise<void>;
}

/** The handlers a feature adds to the API, typed from its part of the contract. */
export type FeatureHandlers<S> = {
  [M in keyof S]: (
    params: S[M] extends { params: infer P } ? P : never,
  ) => Promise<S[M] extends { result: infer R } ? R : never>;
};
