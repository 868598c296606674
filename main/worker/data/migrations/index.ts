/**
 * Shipped migrations, in order. A workspace records the ones applied (schema_migrations)
 * and its schema version (PRAGMA user_version = number applied). Never edit or reorder a
 * shipped migration: add a new file instead.
 */
import { sql as initial } from './001-initial.ts';
import { sql as importTables } from './002-import.ts';
import { sql as analyticsTables } from './003-analytics.ts';
import { sql as reportTables } from './004-reports.ts';
import { sql as tagChangeLog } from './005-tag-change-log.ts';
import { sql as dossierTables } from './006-dossier.ts';
import { sql as viewsTables } from './007-views.ts';
import { sql as orderIndexes } from './008-order-indexes.ts';
import { sql as scoresGradeIndex } from './009-scores-grade-index.ts';
import { sql as tagChangeSets } from './010-tag-change-sets.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: '001-initial', sql: initial },
  { id: 2, name: '002-import', sql: importTables },
  { id: 3, name: '003-analytics', sql: analyticsTables },
  { id: 4, name: '004-reports', sql: reportTables },
  { id: 5, name: '005-tag-change-log', sql: tagChangeLog },
  { id: 6, name: '006-dossier', sql: dossierTables },
  { id: 7, name: '007-views', sql: viewsTables },
  { id: 8, name: '008-order-indexes', sql: orderIndexes },
  { id: 9, name: '009-scores-grade-index', sql: scoresGradeIndex },
  { id: 10, name: '010-tag-change-sets', sql: tagChangeSets },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
