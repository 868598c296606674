import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyticsOps } from './analytics/analytics-ops.ts';
import { createImportOps } from './import/import-ops.ts';
import { createReportsOps } from './reports/reports-ops.ts';
import { createDossierOps } from './dossier/dossier-ops.ts';
import { createViewsOps } from './views/views-ops.ts';
import type { Handlers, WorkerSpec } from './protocol.ts';
import { serveWorker } from './worker-host.ts';
import type { Port } from './worker-host.ts';
import { createWorkspaceOps } from './workspace-ops.ts';
import { createRelayLauncher, useReaderLauncher } from '../import-reader/reader-process.ts';

if (!parentPort) throw new Error('worker-entry must run in a worker thread');
const createdBy =
  typeof workerData === 'object' && workerData && 'createdBy' in workerData ? String(workerData.createdBy) : 'Customer Atlas';
const { handlers: core, access } = createWorkspaceOps(createdBy);
// Views first: its region fixes and sales regions rewrite imported customers before re-scoring.
const views = createViewsOps(access);
const analytics = createAnalyticsOps(access);
const handlers: Handlers<WorkerSpec> = { ...core, ...createImportOps(access), ...analytics,
  ...views,
  ...createReportsOps(access, analytics),
  ...createDossierOps(access, analytics),
};
const port = parentPort as unknown as Port;
// In the desktop app only the main thread can start the spreadsheet reader (a utilityProcess).
const readerViaHost = typeof workerData === 'object' && workerData !== null && (workerData as { readerViaHost?: unknown }).readerViaHost === true;
if (readerViaHost) {
  const relay = createRelayLauncher((request) => port.postMessage(request));
  useReaderLauncher(relay.launcher);
  serveWorker(port, handlers, relay.deliver);
} else {
  serveWorker(port, handlers);
}
