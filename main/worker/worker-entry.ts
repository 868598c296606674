import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyticsOps } from './analytics/analytics-ops.ts';
import { createImportOps } from './import/import-ops.ts';
import { createReportsOps } from './reports/reports-ops.ts';
import { createViewsOps } from './views/views-ops.ts';
import type { Handlers, WorkerSpec } from './protocol.ts';
import { serveWorker } from './worker-host.ts';
import type { Port } from './worker-host.ts';
import { createWorkspaceOps } from './workspace-ops.ts';

if (!parentPort) throw new Error('worker-entry must run in a worker thread');
const createdBy =
  typeof workerData === 'object' && workerData && 'createdBy' in workerData ? String(workerData.createdBy) : 'Customer Atlas';
const { handlers: core, access } = createWorkspaceOps(createdBy);
const analytics = createAnalyticsOps(access);
const handlers: Handlers<WorkerSpec> = { ...core, ...createImportOps(access), ...analytics,
  ...createViewsOps(access),
  ...createReportsOps(access, analytics),
};
serveWorker(parentPort as unknown as Port, handlers);
