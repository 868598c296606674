/**
 * The desktop app's spreadsheet reader launcher: an Electron utilityProcess (a sandboxable
 * Node child without the RunAsNode fuse), started on the main thread for the workspace
 * thread through the reader relay. Messages sent before the process is up wait for it.
 */
import { utilityProcess } from 'electron';
import type { ReaderLauncher } from '../import-reader/reader-process.ts';

export const utilityReader: ReaderLauncher = (bundle, heapMb) => {
  const child = utilityProcess.fork(bundle, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    stdio: ['ignore', 'ignore', 'pipe'],
    serviceName: 'Customer Atlas spreadsheet reader',
  });
  let spawned = false;
  const waiting: unknown[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const message of waiting.splice(0)) child.postMessage(message);
  });
  return {
    send: (message) => (spawned ? child.postMessage(message) : void waiting.push(message)),
    kill: () => void child.kill(),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code, null)),
    onError: (listener) => void child.on('error', (type, location) => listener(new Error(`${type} at ${location}`))),
    onStderr: (listener) => void child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString())),
  };
};
