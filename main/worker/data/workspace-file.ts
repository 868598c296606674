/**
 * Opening and saving workspace files. Opening never writes to the file: it checks that the
 * bytes are a complete SQLite database of ours before sql.js sees them, runs an integrity
 * check, and migrates in memory; the upgraded schema reaches disk with the next save, and
 * the old file stays behind as the backup.
 */
import fs from 'node:fs';
import { AtlasError } from '../../../shared/api/errors.ts';
import { backupPathFor, writeFileAtomic } from '../../node/atomic-write.ts';
import { Db } from './db.ts';
import { checkAndMigrate, initialiseWorkspace } from './schema.ts';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

function readHeaderFacts(bytes: Uint8Array, path: string): void {
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (bytes.byteLength < 100 || magic !== SQLITE_MAGIC) {
    throw new AtlasError('WORKSPACE_NOT_SQLITE', `${path} is not an SQLite database`, { path });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = view.getUint32(28);
  const changeCounter = view.getUint32(24);
  const versionValidFor = view.getUint32(92);
  const validPageSize = pageSize >= 512 && (pageSize & (pageSize - 1)) === 0;
  if (!validPageSize) {
    throw corrupt(path, `invalid page size ${rawPageSize}`);
  }
  // The in-header page count is trustworthy only when written by a current SQLite.
  if (pageCount > 0 && versionValidFor === changeCounter && bytes.byteLength < pageCount * pageSize) {
    throw corrupt(path, `file is truncated: ${bytes.byteLength} of ${pageCount * pageSize} bytes`);
  }
  if (bytes.byteLength % pageSize !== 0) {
    throw corrupt(path, `file size ${bytes.byteLength} is not a whole number of ${pageSize}-byte pages`);
  }
}

function corrupt(path: string, why: string): AtlasError {
  return new AtlasError('WORKSPACE_CORRUPT', `${path} is damaged: ${why}`, {
    path,
    why,
    backup: backupPathFor(path),
  });
}

export interface OpenedWorkspace {
  db: Db;
  /** Migrations applied while opening; the file on disk is older until the next save. */
  migrated: number;
}

export function readWorkspaceBytes(path: string): Uint8Array {
  try {
    return fs.readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AtlasError('FILE_NOT_FOUND', `${path} does not exist`, { path });
    if (code === 'EISDIR') throw new AtlasError('WORKSPACE_NOT_SQLITE', `${path} is a folder`, { path });
    throw new AtlasError('IO_ERROR', `Cannot read ${path}: ${(error as Error).message}`, {
      path,
      why: (error as Error).message,
    });
  }
}

export async function openWorkspaceBytes(bytes: Uint8Array, path: string): Promise<OpenedWorkspace> {
  readHeaderFacts(bytes, path);
  let db: Db;
  try {
    db = await Db.open(bytes);
  } catch (error) {
    throw corrupt(path, (error as Error).message);
  }
  try {
    let integrity: string;
    try {
      integrity = String(db.value('PRAGMA integrity_check(1)'));
    } catch (error) {
      throw corrupt(path, (error as Error).message);
    }
    if (integrity !== 'ok') throw corrupt(path, integrity);
    const migrated = checkAndMigrate(db, path);
    return { db, migrated };
  } catch (error) {
    db.close();
    throw error;
  }
}

export async function openWorkspaceFile(path: string): Promise<OpenedWorkspace> {
  return openWorkspaceBytes(readWorkspaceBytes(path), path);
}

export async function createWorkspaceDb(createdBy: string): Promise<Db> {
  const db = await Db.open();
  initialiseWorkspace(db, createdBy);
  return db;
}

export function saveWorkspaceFile(db: Db, path: string): void {
  const bytes = db.export();
  try {
    writeFileAtomic(path, bytes);
  } catch (error) {
    throw new AtlasError('IO_ERROR', `Cannot save ${path}: ${(error as Error).message}`, {
      path,
      why: (error as Error).message,
    });
  }
}
