/**
 * Serves worker messages over any message port: runs calls one at a time (the database is
 * single-threaded and jobs must not interleave), while cancel messages act immediately.
 */
import { AtlasError, toErrorData } from '../../shared/api/errors.ts';
import { createJobContext } from './job-context.ts';
import type { FromWorker, ToWorker, WorkerOp } from './protocol.ts';
import type { Handlers, WorkerSpec } from './protocol.ts';
import type { ReaderRelayEvent } from '../import-reader/reader-process.ts';

export interface Port {
  postMessage(message: FromWorker): void;
  on(event: 'message', listener: (message: ToWorker) => void): void;
}

/** `onReaderEvent` receives what the main thread relays about reader processes it started for us. */
export function serveWorker(port: Port, handlers: Handlers<WorkerSpec>, onReaderEvent?: (event: ReaderRelayEvent) => void): void {
  const cancelled = new Set<string>();
  let queue: Promise<void> = Promise.resolve();

  const run = async (message: Extract<ToWorker, { type: 'call' }>): Promise<void> => {
    const { seq, op, params, jobId } = message;
    const ctx = createJobContext(
      jobId,
      () => jobId !== null && cancelled.has(jobId),
      (phase, done, total) => {
        if (jobId !== null) port.postMessage({ type: 'progress', jobId, phase, done, total });
      },
    );
    try {
      if (!Object.hasOwn(handlers, op)) throw new AtlasError('UNKNOWN_METHOD', `Unknown worker op ${op}`, { method: op });
      if (ctx.cancelled) throw new AtlasError('CANCELLED', 'The job was cancelled', { jobId: jobId ?? '' });
      const handler = handlers[op] as (p: unknown, c: typeof ctx) => Promise<unknown>;
      const value = await handler(params, ctx);
      port.postMessage({ type: 'result', seq, ok: true, value });
    } catch (error) {
      port.postMessage({ type: 'result', seq, ok: false, error: toErrorData(error) });
    } finally {
      if (jobId !== null) cancelled.delete(jobId);
    }
  };

  port.on('message', (message) => {
    if (message.type === 'reader') {
      onReaderEvent?.(message);
      return;
    }
    if (message.type === 'cancel') {
      cancelled.add(message.jobId);
      return;
    }
    queue = queue.then(() => run(message));
  });
  port.postMessage({ type: 'ready' });
}

export type { WorkerOp };
