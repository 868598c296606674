/**
 * What a long worker job sees: progress reporting and cooperative cancellation. Calls run
 * one at a time, but cancel messages are handled as they arrive, so a job that awaits
 * `checkpoint()` now and then can be stopped mid-way.
 */
import { AtlasError } from '../../shared/api/errors.ts';

export interface JobContext {
  readonly jobId: string | null;
  progress(phase: string, done: number, total: number): void;
  /** Yields to the event loop (so a cancel can arrive) and throws CANCELLED if it did. */
  checkpoint(): Promise<void>;
  readonly cancelled: boolean;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createJobContext(
  jobId: string | null,
  isCancelled: () => boolean,
  report: (phase: string, done: number, total: number) => void,
): JobContext {
  let lastReport = 0;
  return {
    jobId,
    get cancelled() {
      return isCancelled();
    },
    progress(phase, done, total) {
      // Throttled: thousands of messages a second would flood the UI for no gain.
      const now = Date.now();
      if (done === total || done === 0 || now - lastReport >= 50) {
        lastReport = now;
        report(phase, done, total);
      }
    },
    async checkpoint() {
      await yieldToEventLoop();
      if (isCancelled()) throw new AtlasError('CANCELLED', 'The job was cancelled', { jobId: jobId ?? '' });
    },
  };
}
