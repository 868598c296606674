/**
 * The worker's operations over the one open workspace. Only the worker holds the database;
 * everything the services know about the workspace comes from these results.
 */
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import { generateDemo } from '../../shared/demo/index.ts';
import type { Db } from './data/db.ts';
import { insertDataset } from './data/insert-dataset.ts';
import { queryOverview } from './data/overview-query.ts';
import { schemaVersion } from './data/schema.ts';
import { createWorkspaceDb, openWorkspaceFile, saveWorkspaceFile } from './data/workspace-file.ts';
import type { JobContext } from './job-context.ts';
import type { CoreWorkerSpec, Handlers, WorkspaceState } from './protocol.ts';

interface Open {
  db: Db;
  path: string;
  isDemo: boolean;
  dirty: boolean;
  migrated: number;
}

/** What feature operations get: the open workspace's database, and a way to say it changed. */
export interface WorkspaceAccess {
  /** The open database; throws NO_WORKSPACE when none is open. */
  db(): Db;
  /** Marks unsaved changes (the services autosave them). */
  markDirty(): void;
  /**
   * Runs after a workspace is opened or created, before it becomes current (e.g. to refresh
   * derived tables); resolves true when it changed the database.
   */
  onOpened(listener: (db: Db, ctx: JobContext) => Promise<boolean>): void;
  /** Registers work to redo when records change (e.g. re-scoring after an import). */
  onDataChanged(listener: (db: Db, ctx: JobContext) => Promise<void>): void;
  /** Called by whoever changed records (import commit, batch removal), inside their job. */
  notifyDataChanged(ctx: JobContext): Promise<void>;
}

export function createWorkspaceOps(createdBy: string): { handlers: Handlers<CoreWorkerSpec>; access: WorkspaceAccess } {
  let current: Open | null = null;

  const state = (open: Open): WorkspaceState => ({
    path: open.path,
    schemaVersion: schemaVersion(open.db),
    isDemo: open.isDemo,
    dirty: open.dirty,
    migrated: open.migrated,
  });

  const requireOpen = (): Open => {
    if (!current) throw new AtlasError('NO_WORKSPACE', 'No workspace is open');
    return current;
  };

  /** Replaces the open workspace only once the new one is complete. */
  const swapIn = (next: Open): WorkspaceState => {
    current?.db.close();
    current = next;
    return state(next);
  };

  const openedListeners: ((db: Db, ctx: JobContext) => Promise<boolean>)[] = [];
  const dataListeners: ((db: Db, ctx: JobContext) => Promise<void>)[] = [];
  const runOpened = async (db: Db, ctx: JobContext): Promise<boolean> => {
    let changed = false;
    for (const listener of openedListeners) changed = (await listener(db, ctx)) || changed;
    return changed;
  };

  const access: WorkspaceAccess = {
    db: () => requireOpen().db,
    markDirty: () => {
      requireOpen().dirty = true;
    },
    onOpened: (listener) => void openedListeners.push(listener),
    onDataChanged: (listener) => void dataListeners.push(listener),
    notifyDataChanged: async (ctx) => {
      const db = requireOpen().db;
      for (const listener of dataListeners) await listener(db, ctx);
    },
  };

  const handlers: Handlers<CoreWorkerSpec> = {
    async create({ path: file, demo, seed }, ctx) {
      const target = path.resolve(file);
      const db = await createWorkspaceDb(createdBy);
      try {
        if (demo) {
          ctx.progress('demo.generate', 0, 1);
          const dataset = generateDemo({
            ...(seed === undefined ? {} : { seed }),
            onProgress: (phase, done, total) => ctx.progress(`demo.${phase}`, done, total),
          });
          await ctx.checkpoint();
          await insertDataset(db, dataset, ctx);
          db.run("INSERT INTO meta (key, value) VALUES ('demo', '1')");
        }
        await runOpened(db, ctx);
        ctx.progress('workspace.save', 0, 1);
        await ctx.checkpoint();
        saveWorkspaceFile(db, target);
        ctx.progress('workspace.save', 1, 1);
      } catch (error) {
        db.close();
        throw error;
      }
      return swapIn({ db, path: target, isDemo: demo, dirty: false, migrated: 0 });
    },

    async open({ path: file }, ctx) {
      const target = path.resolve(file);
      ctx.progress('workspace.open', 0, 1);
      const { db, migrated } = await openWorkspaceFile(target);
      let changed: boolean;
      try {
        changed = await runOpened(db, ctx);
      } catch (error) {
        db.close();
        throw error;
      }
      const isDemo = db.value("SELECT value FROM meta WHERE key = 'demo'") === '1';
      ctx.progress('workspace.open', 1, 1);
      return swapIn({ db, path: target, isDemo, dirty: migrated > 0 || changed, migrated });
    },

    async save({ path: file }) {
      const open = requireOpen();
      const target = file === undefined ? open.path : path.resolve(file);
      saveWorkspaceFile(open.db, target);
      open.path = target;
      open.dirty = false;
      open.migrated = 0;
      return state(open);
    },

    async close() {
      current?.db.close();
      current = null;
      return null;
    },

    async state() {
      return current ? state(current) : null;
    },

    async overview() {
      return queryOverview(requireOpen().db);
    },

    async count({ to, stepMs }, ctx) {
      for (let i = 1; i <= to; i++) {
        await new Promise((resolve) => setTimeout(resolve, stepMs));
        await ctx.checkpoint();
        ctx.progress('count', i, to);
      }
      return to;
    },
  };
  return { handlers, access };
}
