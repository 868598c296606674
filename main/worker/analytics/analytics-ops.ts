import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { AnalyticsWorkerSpec } from './analytics-protocol.ts';

export function createAnalyticsOps(_workspace: WorkspaceAccess): Handlers<AnalyticsWorkerSpec> {
  return {};
}
