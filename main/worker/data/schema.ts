/**
 * Workspace identity and schema versions. A workspace is an SQLite file whose
 * application_id says it is ours and whose user_version counts the migrations applied.
 */
import { AtlasError } from '../../../shared/api/errors.ts';
import type { Db } from './db.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/index.ts';

/** 'ATLS' as a 32-bit big-endian integer. */
export const APPLICATION_ID = 0x41544c53;

export function applicationId(db: Db): number {
  return Number(db.value('PRAGMA application_id') ?? 0);
}

export function schemaVersion(db: Db): number {
  return Number(db.value('PRAGMA user_version') ?? 0);
}

function appliedMigrations(db: Db): { id: number; name: string }[] {
  const exists = db.value("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (Number(exists) === 0) return [];
  return db.all<{ id: number; name: string }>('SELECT id, name FROM schema_migrations ORDER BY id');
}

/** Stamps a brand-new database as a workspace and applies every migration. */
export function initialiseWorkspace(db: Db, createdBy: string): void {
  db.transaction(() => {
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    applyMigrations(db, MIGRATIONS);
    db.run('INSERT INTO meta (key, value) VALUES (?, ?)', ['created_by', createdBy]);
    db.run('INSERT INTO meta (key, value) VALUES (?, ?)', ['created_at', new Date().toISOString()]);
  });
}

function applyMigrations(db: Db, migrations: readonly Migration[]): void {
  for (const migration of migrations) {
    db.exec(migration.sql);
    db.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [
      migration.id,
      migration.name,
      new Date().toISOString(),
    ]);
    db.exec(`PRAGMA user_version = ${migration.id}`);
  }
}

/**
 * Checks a database that claims to be a workspace and brings its schema up to date.
 * Refuses files from a newer version and files whose history is not a prefix of ours.
 * Returns the number of migrations applied (0 when already current).
 */
export function checkAndMigrate(db: Db, path: string): number {
  if (applicationId(db) !== APPLICATION_ID) {
    throw new AtlasError('WORKSPACE_FOREIGN', `${path} is an SQLite database but not a Customer Atlas workspace`, { path });
  }
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new AtlasError(
      'WORKSPACE_TOO_NEW',
      `${path} has schema version ${version}; this version of Customer Atlas supports up to ${LATEST_SCHEMA_VERSION}`,
      { path, found: version, supported: LATEST_SCHEMA_VERSION },
    );
  }
  const applied = appliedMigrations(db);
  const diverged =
    applied.length !== version ||
    applied.some((m, i) => MIGRATIONS[i]?.id !== m.id || MIGRATIONS[i]?.name !== m.name);
  if (diverged) {
    throw new AtlasError('WORKSPACE_MIGRATIONS_DIVERGED', `${path}: applied migrations do not match the shipped list`, {
      path,
    });
  }
  const pending = MIGRATIONS.slice(applied.length);
  if (pending.length > 0) db.transaction(() => applyMigrations(db, pending));
  return pending.length;
}
