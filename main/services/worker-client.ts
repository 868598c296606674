/**
 * The main-process side of the worker boundary: typed calls with sequence numbers, progress
 * routed by job id, cancel, and a clear error for every pending call if the worker dies.
 */
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

  constructor(options: { workerUrl?: URL; createdBy?: string } = {}) {
    this.worker = new Worker(options.workerUrl ?? defaultWorkerUrl(), {
      workerData: { createdBy: options.createdBy ?? 'Customer Atlas' },
    });
    let markReady: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') markReady();
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
