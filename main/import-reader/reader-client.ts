/**
 * Runs the reader process for one file (out/main/import-reader.mjs) with a heap cap, a
 * timeout and a kill, started by the current launcher (reader-process.ts): a fork in
 * browser mode and the CLI, an Electron utilityProcess in the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { outDir } from '../node/runtime-paths.ts';
import { readerLauncher } from './reader-process.ts';
import { REPLY_FILE } from './reader-protocol.ts';
import type { ReadProblem, ReadReply, ReadRequest, ReplyWritten, WorkbookRead } from './reader-protocol.ts';

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

export function readWorkbook(request: Omit<ReadRequest, 'type' | 'replyDir'>, limits: ReaderLimits = DEFAULT_READER_LIMITS): Promise<WorkbookRead> {
  const replyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-reader-'));
  const cleanup = () => fs.rmSync(replyDir, { recursive: true, force: true });
  return new Promise<WorkbookRead>((resolve, reject) => {
    const child = readerLauncher()(readerBundle(), limits.heapMb);
    let settled = false;
    let stderr = '';
    child.onStderr((text) => {
      if (stderr.length < 4000) stderr += text;
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill();
      fn();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new WorkbookReadError('timeout', `reading the workbook took longer than ${Math.round(limits.timeoutMs / 1000)} s and was stopped`)));
    }, limits.timeoutMs);
    child.onMessage((message) => {
      if ((message as ReplyWritten | null)?.type !== 'replied') return;
      finish(() => {
        let reply: ReadReply;
        try {
          reply = v8.deserialize(fs.readFileSync(path.join(replyDir, REPLY_FILE))) as ReadReply;
        } catch (error) {
          reject(new WorkbookReadError('unreadable', `the reader's answer could not be read (${(error as Error).message})`));
          return;
        }
        if (reply.ok) {
          readerStats.lastPeakRss = reply.peakRss;
          resolve(reply.value);
        } else {
          reject(new WorkbookReadError(reply.problem, reply.message));
        }
      });
    });
    child.onError((error) => finish(() => reject(new WorkbookReadError('unreadable', `the reader process failed: ${error.message}`))));
    child.onExit((code, signal) => {
      finish(() => {
        const oom = /heap out of memory|Allocation failed|Invalid array length|Array buffer allocation failed/i.test(stderr);
        if (oom || signal === 'SIGABRT' || code === 134) {
          reject(new WorkbookReadError('out_of_memory', `reading the workbook needed more than the ${limits.heapMb} MB allowed and was stopped`));
        } else {
          reject(new WorkbookReadError('unreadable', `the reader process stopped (${signal ?? `exit code ${String(code)}`})`));
        }
      });
    });
    child.send({ type: 'read', ...request, replyDir } satisfies ReadRequest);
  }).finally(cleanup);
}
