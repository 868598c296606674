/**
 * The thread that normalises a text file for the workspace thread (see text-normaliser.ts),
 * and, started by it with another role, its helpers (normaliser-helpers.ts). At most
 * IN_FLIGHT chunks wait unacknowledged, so a fast reader cannot pile a whole million-row
 * file up in memory ahead of the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { FileProblem } from './table-source.ts';
import { chunkBuffers, normaliseTextFile } from './text-normaliser.ts';
import { localPool, normaliseUtf8File } from './utf8-normaliser.ts';
import { serveUnits, threadPool } from './normaliser-helpers.ts';
import type { HelperData } from './normaliser-helpers.ts';
import type { NormalisedChunk, TextNormaliseJob } from './text-normaliser.ts';

export type NormaliserMessage =
  | { type: 'chunk'; chunk: NormalisedChunk }
  | { type: 'end' }
  | { type: 'error'; code: string | null; message: string };

/** What the workspace thread starts the normaliser with. */
export interface NormaliserData {
  role: 'reader';
  job: TextNormaliseJob;
  /** Helper threads to start for a UTF-8 file (0: normalise here alone). */
  helpers: number;
  youngGenerationMb: number;
}

const IN_FLIGHT = 2;

function read(port: MessagePort, { job, helpers, youngGenerationMb }: NormaliserData): void {
  let credits = IN_FLIGHT;
  let wake: (() => void) | null = null;
  port.on('message', (message: unknown) => {
    if (message !== 'ack') return;
    credits += 1;
    wake?.();
    wake = null;
  });
  const post = (message: NormaliserMessage) => port.postMessage(message);
  const emit = async (chunk: NormalisedChunk) => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    port.postMessage({ type: 'chunk', chunk } satisfies NormaliserMessage, chunkBuffers(chunk));
  };
  const normalised =
    job.encoding === 'utf-8'
      ? normaliseUtf8File(job, emit, helpers > 0 ? threadPool(new URL(import.meta.url), helpers, youngGenerationMb) : localPool())
      : normaliseTextFile(job, emit);
  normalised.then(
    () => post({ type: 'end' }),
    (error: unknown) =>
      post({
        type: 'error',
        code: error instanceof FileProblem ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
}

const port = parentPort;
if (!port) throw new Error('text-normaliser-thread runs as a worker thread');
const data = workerData as NormaliserData | HelperData;
if (data.role === 'helper') serveUnits(port, data);
else read(port, data);
