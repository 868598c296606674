/**
 * A WorkspaceAccess over a database the caller holds, for tests and benchmarks: the features
 * register their hooks as they do in the worker, and the caller runs them when the real
 * workspace would (on open, after records change).
 */
import type { Db } from './data/db.ts';
import type { JobContext } from './job-context.ts';
import type { WorkspaceAccess } from './workspace-ops.ts';

export interface MemoryWorkspace {
  access: WorkspaceAccess;
  /** Runs every onOpened hook, in registration order, as opening a workspace does; true when one changed the database. */
  open(ctx: JobContext): Promise<boolean>;
  /** How many times a feature marked the workspace as having unsaved changes. */
  readonly dirty: number;
}

export function memoryWorkspace(db: Db): MemoryWorkspace {
  const opened: ((db: Db, ctx: JobContext) => Promise<boolean>)[] = [];
  const changed: ((db: Db, ctx: JobContext) => Promise<void>)[] = [];
  let dirty = 0;
  const access: WorkspaceAccess = {
    db: () => db,
    markDirty: () => void (dirty += 1),
    onOpened: (listener) => void opened.push(listener),
    onDataChanged: (listener) => void changed.push(listener),
    notifyDataChanged: async (ctx) => {
      for (const listener of changed) await listener(db, ctx);
    },
  };
  return {
    access,
    open: async (ctx) => {
      let changedDb = false;
      for (const listener of opened) if (await listener(db, ctx)) changedDb = true;
      return changedDb;
    },
    get dirty() {
      return dirty;
    },
  };
}
