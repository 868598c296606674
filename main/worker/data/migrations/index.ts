/**
 * Shipped migrations, in order. A workspace records the ones applied (schema_migrations)
 * and its schema version (PRAGMA user_version = number applied). Never edit or reorder a
 * shipped migration: add a new file instead.
 */
import { sql as initial } from './001-initial.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [{ id: 1, name: '001-initial', sql: initial }];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
