/**
 * The thread that normalises a text file for the workspace thread (see text-normaliser.ts).
 * At most IN_FLIGHT chunks wait unacknowledged, so a fast reader cannot pile a whole
 * million-row file up in memory ahead of the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileProblem } from './table-source.ts';
import { normaliseTextFile } from './text-normaliser.ts';
import { normaliseUtf8File } from './utf8-normaliser.ts';
import { cellBuffers } from '../data/encoded-cells.ts';
import type { NormalisedChunk, TextNormaliseJob } from './text-normaliser.ts';

export type NormaliserMessage =
  | { type: 'chunk'; chunk: NormalisedChunk }
  | { type: 'end' }
  | { type: 'error'; code: string | null; message: string };

const IN_FLIGHT = 2;

const port = parentPort;
if (!port) throw new Error('text-normaliser-thread runs as a worker thread');
let credits = IN_FLIGHT;
let wake: (() => void) | null = null;
port.on('message', (message: unknown) => {
  if (message !== 'ack') return;
  credits += 1;
  wake?.();
  wake = null;
});
const post = (message: NormaliserMessage) => port.postMessage(message);

const job = workerData as TextNormaliseJob;
(job.encoding === 'utf-8' ? normaliseUtf8File : normaliseTextFile)(job, async (chunk) => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  port.postMessage({ type: 'chunk', chunk } satisfies NormaliserMessage, chunk.encoded ? cellBuffers(chunk.encoded.cells) : []);
}).then(
  () => post({ type: 'end' }),
  (error: unknown) =>
    post({
      type: 'error',
      code: error instanceof FileProblem ? error.code : null,
      message: error instanceof Error ? error.message : String(error),
    }),
);
