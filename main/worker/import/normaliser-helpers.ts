/**
 * Helper threads for the UTF-8 normaliser: normalising is most of a large import's work,
 * and one thread cannot keep the writer busy. The reading thread cuts the file into units
 * of rows and takes every (helpers + 1)th unit itself; each helper gets its turn's units
 * with their bytes moved, not copied, and moves the encoded chunk back. Chunks are emitted
 * in file order (see normaliseUtf8File).
 */
import { Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { chunkBuffers } from './text-normaliser.ts';
import type { NormalisedChunk } from './text-normaliser.ts';
import { localPool, UnitNormaliser, unitBuffers } from './utf8-normaliser.ts';
import type { RowUnit, UnitPool, UnitSetup } from './utf8-normaliser.ts';

export interface HelperData {
  role: 'helper';
  stream: number;
}

type ToHelper = { unit: RowUnit; setup: Omit<UnitSetup, 'stream'> };
type FromHelper = { ready: true } | { chunk: NormalisedChunk } | { error: string };

/** The helper's side: normalises each unit it is sent, in order, with its own memos. */
export function serveUnits(port: MessagePort, data: HelperData): void {
  let normaliser: UnitNormaliser | null = null;
  port.on('message', ({ unit, setup }: ToHelper) => {
    let reply: FromHelper;
    try {
      normaliser ??= new UnitNormaliser({ ...setup, stream: data.stream });
      reply = { chunk: normaliser.normalise(unit) };
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply, 'chunk' in reply ? chunkBuffers(reply.chunk) : []);
  });
  port.postMessage({ ready: true } satisfies FromHelper);
}

/**
 * A pool of `helpers` threads running `url` (the normaliser's own bundle) plus this thread.
 * A helper that fails fails the units it holds, and so the import, with its message.
 */
export function threadPool(url: URL, helpers: number, youngGenerationMb: number): UnitPool {
  const local = localPool();
  const threads = Array.from({ length: helpers }, (_, i) => {
    const waiting: { resolve: (chunk: NormalisedChunk) => void; reject: (error: Error) => void }[] = [];
    const worker = new Worker(url, {
      workerData: { role: 'helper', stream: i + 1 } satisfies HelperData,
      resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
    });
    const failAll = (error: Error) => {
      for (const w of waiting.splice(0)) w.reject(error);
    };
    const thread = { worker, waiting, ready: false };
    worker.on('message', (reply: FromHelper) => {
      if ('ready' in reply) {
        thread.ready = true;
        return;
      }
      const next = waiting.shift();
      if (!next) return;
      if ('chunk' in reply) next.resolve(reply.chunk);
      else next.reject(new Error(reply.error));
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`a normaliser helper stopped (exit code ${code})`)));
    return thread;
  });
  let turn = 0;
  return {
    async submit(unit, setup) {
      // Units stay here until a helper has started (a thread takes a fifth of a second to).
      const thread = threads[turn - 1];
      turn = (turn + 1) % (helpers + 1);
      if (!thread?.ready) return local.submit(unit, setup);
      return new Promise<NormalisedChunk>((resolve, reject) => {
        thread.waiting.push({ resolve, reject });
        thread.worker.postMessage({ unit, setup } satisfies ToHelper, unitBuffers(unit));
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
