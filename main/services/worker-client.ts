/**
 * The main-process side of the worker boundary: typed calls with sequence numbers, progress
 * routed by job id, cancel, and a clear error for every pending call if the worker dies.
 */
import { serveReaderRelay } from '../import-reader/reader-process.ts';
import type { ReaderLauncher } from '../import-reader/reader-process.ts';
import { Worker } from 'node:worker_threads';
import { AtlasError } from '../../shared/api/errors.ts';
import type { FromWorker, ToWorker, WorkerOp, WorkerParams, WorkerResult } from '../worker/protocol.ts';
import { workerUrl as defaultWorkerUrl } from '../node/runtime-paths.ts';

export interface ProgressMessage {
  jobId: string;
  phase: string;
  done: number;
  total: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: AtlasError): void;
}

export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly progressListeners = new Set<(p: ProgressMessage) => void>();
  private readonly ready: Promise<void>;
  private nextSeq = 1;
  private exited: AtlasError | null = null;

  /**
   * `readerLauncher`: start the workspace thread's spreadsheet reader processes here, on this
   * thread, with that launcher (the desktop app's utilityProcess); by default the workspace
   * thread forks them itself.
   */
  constructor(options: { workerUrl?: URL; createdBy?: string; readerLauncher?: ReaderLauncher } = {}) {
    const { readerLauncher } = options;
    this.worker = new Worker(options.workerUrl ?? defaultWorkerUrl(), {
      workerData: { createdBy: options.createdBy ?? 'Customer Atlas', readerViaHost: readerLauncher !== undefined },
      // Imports and scoring allocate millions of short-lived rows: a larger young generation
      // lets most of them die there instead of being copied into the old generation.
      resourceLimits: { maxYoungGenerationSizeMb: Number(process.env['ATLAS_WORKER_YOUNG_MB'] ?? 64) },
    });
    let markReady: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    const relay = readerLauncher ? serveReaderRelay(readerLauncher, (event) => this.worker.postMessage(event)) : null;
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') markReady();
      else if (message.type === 'reader') relay?.(message);
      else if (message.type === 'progress') for (const listener of this.progressListeners) listener(message);
      else {
        const pending = this.pending.get(message.seq);
        if (!pending) return;
        this.pending.delete(message.seq);
        if (message.ok) pending.resolve(message.value);
        else pending.reject(AtlasError.fromData(message.error));
      }
    });
    const fail = (why: string) => {
      this.exited = new AtlasError('INTERNAL', `The data worker stopped: ${why}`, { why });
      markReady();
      for (const pending of this.pending.values()) pending.reject(this.exited);
      this.pending.clear();
    };
    this.worker.on('error', (error) => fail(error.message));
    this.worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  async call<K extends WorkerOp>(op: K, params: WorkerParams<K>, jobId: string | null = null): Promise<WorkerResult<K>> {
    await this.ready;
    if (this.exited) throw this.exited;
    const seq = this.nextSeq++;
    return new Promise<WorkerResult<K>>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: 'call', seq, op, params, jobId });
    });
  }

  cancel(jobId: string): void {
    if (!this.exited) this.post({ type: 'cancel', jobId });
  }

  onProgress(listener: (progress: ProgressMessage) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  async terminate(): Promise<void> {
    if (this.exited) return;
    await this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }
}
