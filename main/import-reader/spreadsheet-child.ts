/**
 * Entry of the reader process (out/main/import-reader.mjs). Untrusted workbooks are parsed
 * here, not in the worker: a zip bomb or a runaway parse can only kill this process, which
 * runs with a heap cap and is killed by its parent on timeout.
 */
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { REPLY_FILE } from './reader-protocol.ts';
import type { ReadReply, ReadRequest, ReplyWritten } from './reader-protocol.ts';
import { readWorkbookBytes, ReadError } from './read-workbook.ts';

/** Larger workbooks are refused before reading (the largest real exports are ~100 MB). */
export const MAX_WORKBOOK_BYTES = 300 * 1024 * 1024;

function answer(request: ReadRequest): ReadReply {
  try {
    const size = fs.statSync(request.path).size;
    if (size > MAX_WORKBOOK_BYTES) {
      throw new ReadError('too_large', `the workbook is ${Math.round(size / 1024 / 1024)} MB; at most ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB can be read`);
    }
    const bytes = fs.readFileSync(request.path);
    const value = readWorkbookBytes(bytes, path.basename(request.path), { previewRows: request.previewRows, sheet: request.sheet });
    return { type: 'result', ok: true, value, peakRss: process.resourceUsage().maxRSS * 1024 };
  } catch (error) {
    if (error instanceof ReadError) return { type: 'result', ok: false, problem: error.problem, message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'result', ok: false, problem: 'unreadable', message: `the file could not be read (${message})` };
  }
}

/** Writes the reply where the parent looks for it; the message itself stays tiny. */
function reply(request: ReadRequest): ReplyWritten {
  fs.writeFileSync(path.join(request.replyDir, REPLY_FILE), v8.serialize(answer(request)));
  return { type: 'replied' };
}

// An Electron utility process talks through process.parentPort; a forked Node process
// through process.send.
const utilityPort = (process as unknown as { parentPort?: { on(e: 'message', l: (event: { data: unknown }) => void): void; postMessage(m: unknown): void } }).parentPort;
if (utilityPort) {
  utilityPort.on('message', (event) => {
    const message = event.data as ReadRequest;
    if (message.type !== 'read') return;
    utilityPort.postMessage(reply(message));
    // The parent stops this process when it has the reply; this is only a backstop.
    setTimeout(() => process.exit(0), 5000);
  });
} else {
  process.on('message', (message: ReadRequest) => {
    if (message.type !== 'read') return;
    process.send?.(reply(message), () => process.exit(0));
  });
}
