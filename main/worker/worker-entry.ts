import { parentPort, workerData } from 'node:worker_threads';
import { serveWorker } from './worker-host.ts';
import type { Port } from './worker-host.ts';
import { createWorkspaceOps } from './workspace-ops.ts';

if (!parentPort) throw new Error('worker-entry must run in a worker thread');
const createdBy = typeof workerData === 'object' && workerData && 'createdBy' in workerData ? String(workerData.createdBy) : 'Customer Atlas';
serveWorker(parentPort as unknown as Port, createWorkspaceOps(createdBy));
