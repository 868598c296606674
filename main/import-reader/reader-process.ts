/**
 * How the reader process is started. Browser mode and the CLI fork it with Node's
 * child_process; the desktop app starts it as an Electron utilityProcess (which only the
 * main thread can create, so the workspace thread asks the main thread through the host
 * relay below). Whatever starts it, the reader answers through a file it writes in a private
 * temporary folder, so a large sheet never travels through the main thread's message loop.
 */
import { fork } from 'node:child_process';

/** A running reader process, whoever launched it. */
export interface ReaderProcess {
  /** The one request the reader answers. */
  send(message: unknown): void;
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  onError(listener: (error: Error) => void): void;
  /** Error output (for telling an out-of-memory death from other exits); may never fire. */
  onStderr(listener: (text: string) => void): void;
}

/** Starts `bundle` as a reader process with a V8 heap cap of `heapMb`. */
export type ReaderLauncher = (bundle: string, heapMb: number) => ReaderProcess;

export const forkReader: ReaderLauncher = (bundle, heapMb) => {
  const child = fork(bundle, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  return {
    send: (message) => void child.send(message as object),
    kill: () => void child.kill('SIGKILL'),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code, signal) => listener(code, signal)),
    onError: (listener) => void child.on('error', listener),
    onStderr: (listener) => void child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString())),
  };
};

let launcher: ReaderLauncher = forkReader;

/** The launcher readWorkbook uses (the workspace thread switches to the host relay in the app). */
export function readerLauncher(): ReaderLauncher {
  return launcher;
}

export function useReaderLauncher(next: ReaderLauncher): void {
  launcher = next;
}

/** Messages of the relay between the workspace thread and the main thread that owns the process. */
export type ReaderRelayRequest =
  | { type: 'reader'; id: number; op: 'spawn'; bundle: string; heapMb: number }
  | { type: 'reader'; id: number; op: 'send'; message: unknown }
  | { type: 'reader'; id: number; op: 'kill' };

export type ReaderRelayEvent =
  | { type: 'reader'; id: number; event: 'message'; message: unknown }
  | { type: 'reader'; id: number; event: 'exit'; code: number | null; signal: string | null }
  | { type: 'reader'; id: number; event: 'error'; message: string }
  | { type: 'reader'; id: number; event: 'stderr'; text: string };

/**
 * The workspace thread's launcher when the main thread must start the process: requests go
 * out through `post`, and the events the main thread relays come back through `deliver`.
 */
export function createRelayLauncher(post: (request: ReaderRelayRequest) => void): {
  launcher: ReaderLauncher;
  deliver: (event: ReaderRelayEvent) => void;
} {
  let nextId = 1;
  const listeners = new Map<number, { message: ((m: unknown) => void)[]; exit: ((c: number | null, s: string | null) => void)[]; error: ((e: Error) => void)[]; stderr: ((t: string) => void)[] }>();
  const launcher: ReaderLauncher = (bundle, heapMb) => {
    const id = nextId++;
    const own = { message: [] as ((m: unknown) => void)[], exit: [] as ((c: number | null, s: string | null) => void)[], error: [] as ((e: Error) => void)[], stderr: [] as ((t: string) => void)[] };
    listeners.set(id, own);
    post({ type: 'reader', id, op: 'spawn', bundle, heapMb });
    return {
      send: (message) => post({ type: 'reader', id, op: 'send', message }),
      kill: () => post({ type: 'reader', id, op: 'kill' }),
      onMessage: (listener) => void own.message.push(listener),
      onExit: (listener) => void own.exit.push(listener),
      onError: (listener) => void own.error.push(listener),
      onStderr: (listener) => void own.stderr.push(listener),
    };
  };
  const deliver = (event: ReaderRelayEvent) => {
    const own = listeners.get(event.id);
    if (!own) return;
    if (event.event === 'message') for (const l of own.message) l(event.message);
    else if (event.event === 'stderr') for (const l of own.stderr) l(event.text);
    else if (event.event === 'error') for (const l of own.error) l(new Error(event.message));
    else {
      listeners.delete(event.id);
      for (const l of own.exit) l(event.code, event.signal);
    }
  };
  return { launcher, deliver };
}

/**
 * The main thread's side of the relay: starts processes with `launch` (utilityProcess in the
 * app) for the workspace thread's requests and reports their events back through `send`.
 */
export function serveReaderRelay(launch: ReaderLauncher, send: (event: ReaderRelayEvent) => void): (request: ReaderRelayRequest) => void {
  const running = new Map<number, ReaderProcess>();
  return (request) => {
    const { id } = request;
    if (request.op === 'spawn') {
      let child: ReaderProcess;
      try {
        child = launch(request.bundle, request.heapMb);
      } catch (error) {
        send({ type: 'reader', id, event: 'error', message: error instanceof Error ? error.message : String(error) });
        send({ type: 'reader', id, event: 'exit', code: null, signal: null });
        return;
      }
      running.set(id, child);
      child.onMessage((message) => send({ type: 'reader', id, event: 'message', message }));
      child.onStderr((text) => send({ type: 'reader', id, event: 'stderr', text }));
      child.onError((error) => send({ type: 'reader', id, event: 'error', message: error.message }));
      child.onExit((code, signal) => {
        running.delete(id);
        send({ type: 'reader', id, event: 'exit', code, signal });
      });
    } else if (request.op === 'send') {
      running.get(id)?.send(request.message);
    } else {
      running.get(id)?.kill();
    }
  };
}
