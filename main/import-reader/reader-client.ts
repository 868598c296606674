/**
 * Runs the reader process for one file: a fork of out/main/import-reader.mjs with a heap
 * cap, a timeout and a kill. Under Electron the same bundle runs through
 * ELECTRON_RUN_AS_NODE (a utilityProcess wrapper can replace the fork there).
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { outDir } from '../node/runtime-paths.ts';
import type { ReadProblem, ReadReply, ReadRequest, WorkbookRead } from './reader-protocol.ts';

export interface ReaderLimits {
  /** V8 old-space cap of the reader process, in MB. */
  heapMb: number;
  timeoutMs: number;
}

export const DEFAULT_READER_LIMITS: ReaderLimits = { heapMb: 1536, timeoutMs: 180_000 };

export class WorkbookReadError extends Error {
  constructor(
    readonly problem: ReadProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

export function readerBundle(): string {
  return process.env['ATLAS_IMPORT_READER'] ?? path.join(outDir, 'main', 'import-reader.mjs');
}

/** Peak RSS of the last reader process, in bytes (benchmarks). */
export const readerStats = { lastPeakRss: 0 };

export function readWorkbook(request: Omit<ReadRequest, 'type'>, limits: ReaderLimits = DEFAULT_READER_LIMITS): Promise<WorkbookRead> {
  return new Promise<WorkbookRead>((resolve, reject) => {
    const child = fork(readerBundle(), [], {
      execArgv: [`--max-old-space-size=${limits.heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    let settled = false;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new WorkbookReadError('timeout', `reading the workbook took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped`)));
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.on('message', (reply: ReadReply) => {
      if (reply.type !== 'result') return;
      finish(() => {
        if (reply.ok) {
          readerStats.lastPeakRss = reply.peakRss;
          resolve(reply.value);
        } else {
          reject(new WorkbookReadError(reply.problem, reply.message));
        }
      });
    });
    child.on('error', (error) => finish(() => reject(new WorkbookReadError('unreadable', `the reader process failed: ${error.message}`))));
    child.on('exit', (code, signal) => {
      finish(() => {
        const oom = /heap out of memory|Allocation failed|Invalid array length|Array buffer allocation failed/i.test(stderr);
        if (oom || signal === 'SIGABRT' || code === 134) {
          reject(new WorkbookReadError('out_of_memory', `reading the workbook needed more than the ${limits.heapMb} MB allowed and was stopped`));
        } else {
          reject(new WorkbookReadError('unreadable', `the reader process stopped (${signal ?? `exit code ${String(code)}`})`));
        }
      });
    });
    child.send({ type: 'read', ...request } satisfies ReadRequest);
  });
}
