import type { Handlers } from '../protocol.ts';
import type { WorkspaceAccess } from '../workspace-ops.ts';
import type { ImportWorkerSpec } from './import-protocol.ts';

export function createImportOps(_workspace: WorkspaceAccess): Handlers<ImportWorkerSpec> {
  return {};
}
