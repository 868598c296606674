/**
 * The import bookkeeping SQL: batches, templates, history and exact batch removal.
 */
import { AtlasError } from '../../../shared/api/errors.ts';
import type { ImportBatch, ImportRemoveResult, ImportTemplate } from '../../../shared/import/api.ts';
import type { ColumnMapping, RejectedRow } from '../../../shared/import/types.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import type { Db, Param } from '../data/db.ts';
import { DELETE_ORDER, RECORD_TABLES } from './record-tables.ts';

/** Rejected rows kept per batch for the .xlsx download. */
export const MAX_STORED_REJECTED = 50_000;

export interface NewBatch {
  fileName: string;
  fileHash: string;
  kind: RecordKind;
  sheet: string | null;
  mapping: string;
}

export function insertBatch(db: Db, batch: NewBatch): number {
  db.run(
    `INSERT INTO import_batches (created_at, file_name, file_hash, kind, sheet, mapping, rows_read, accepted, rejected,
       duplicates, updated, created_customers, rejected_rows) VALUES (?,?,?,?,?,?,0,0,0,0,0,0,'[]')`,
    [new Date().toISOString(), batch.fileName, batch.fileHash, batch.kind, batch.sheet, batch.mapping],
  );
  return Number(db.value('SELECT last_insert_rowid()'));
}

interface TemplateRow {
  signature: string;
  kind: RecordKind;
  mapping: string;
  name: string;
  created_at: string;
  used_at: string;
}

interface StoredTemplate {
  columns: ColumnMapping[];
  headers: string[];
}

export function findTemplate(db: Db, signature: string): { kind: RecordKind; name: string; columns: ColumnMapping[] } | null {
  const row = db.get<TemplateRow>('SELECT * FROM import_templates WHERE signature = ?', [signature]);
  if (!row) return null;
  const stored = JSON.parse(row.mapping) as StoredTemplate;
  return { kind: row.kind, name: row.name, columns: stored.columns };
}

export function saveTemplate(db: Db, signature: string, kind: RecordKind, columns: ColumnMapping[], headers: string[], name: string): void {
  const now = new Date().toISOString();
  const mapping = JSON.stringify({ columns, headers } satisfies StoredTemplate);
  db.run(
    `INSERT INTO import_templates (signature, kind, mapping, name, created_at, used_at) VALUES (?,?,?,?,?,?)
     ON CONFLICT (signature) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping, used_at = excluded.used_at`,
    [signature, kind, mapping, name, now, now],
  );
}

function requireTemplate(db: Db, signature: string): void {
  if (db.value('SELECT 1 FROM import_templates WHERE signature = ?', [signature]) === undefined) {
    throw new AtlasError('INVALID_INPUT', 'This mapping template does not exist (any more)', { why: 'unknown template' });
  }
}

export function renameTemplate(db: Db, signature: string, name: string): void {
  requireTemplate(db, signature);
  db.run('UPDATE import_templates SET name = ? WHERE signature = ?', [name, signature]);
}

export function deleteTemplate(db: Db, signature: string): void {
  requireTemplate(db, signature);
  db.run('DELETE FROM import_templates WHERE signature = ?', [signature]);
}

export function listTemplates(db: Db): ImportTemplate[] {
  return db.all<TemplateRow>('SELECT * FROM import_templates ORDER BY used_at DESC').map((row) => ({
    signature: row.signature,
    name: row.name,
    kind: row.kind,
    createdAt: row.created_at,
    usedAt: row.used_at,
    headers: (JSON.parse(row.mapping) as StoredTemplate).headers,
  }));
}

interface BatchRow {
  id: number;
  created_at: string;
  file_name: string;
  kind: RecordKind;
  sheet: string | null;
  rows_read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  updated: number;
  created_customers: number;
}

/** Later batches whose records or changes depend on rows of this batch. */
export function dependentBatches(db: Db, batchId: number): number[] {
  const found = new Set<number>();
  // Records of other batches that refer to customers this batch created.
  for (const kind of DELETE_ORDER) {
    if (kind === 'customers') continue;
    for (const row of db.all<{ b: number | null }>(
      `SELECT DISTINCT t.batch_id AS b FROM ${kind} t JOIN customers c ON c.id = t.customer_id WHERE c.batch_id = ? AND (t.batch_id IS NULL OR t.batch_id <> ?)`,
      [batchId, batchId],
    )) {
      if (row.b !== null) found.add(row.b);
    }
  }
  // Later changes to rows this batch inserted or changed.
  for (const kind of DELETE_ORDER) {
    for (const row of db.all<{ b: number }>(
      `SELECT DISTINCT ch.batch_id AS b FROM import_changes ch JOIN ${kind} t ON t.id = ch.row_id
       WHERE ch.table_name = ? AND ch.batch_id > ? AND (t.batch_id = ? OR ch.row_id IN
         (SELECT row_id FROM import_changes WHERE batch_id = ? AND table_name = ?))`,
      [kind, batchId, batchId, batchId, kind],
    )) {
      found.add(row.b);
    }
  }
  // Source keys of later batches pointing at customers this batch created.
  for (const row of db.all<{ b: number }>(
    'SELECT DISTINCT k.batch_id AS b FROM customer_source_keys k JOIN customers c ON c.id = k.customer_id WHERE c.batch_id = ? AND k.batch_id <> ?',
    [batchId, batchId],
  )) {
    found.add(row.b);
  }
  found.delete(batchId);
  return [...found].sort((a, b) => a - b);
}

export function listBatches(db: Db): ImportBatch[] {
  return db.all<BatchRow>('SELECT * FROM import_batches ORDER BY id DESC').map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    fileName: row.file_name,
    kind: row.kind,
    sheet: row.sheet,
    rowsRead: row.rows_read,
    accepted: row.accepted,
    rejected: row.rejected,
    duplicates: row.duplicates,
    updated: row.updated,
    createdCustomers: row.created_customers,
    blockedBy: dependentBatches(db, row.id),
  }));
}

/** Deletes what the batch inserted and restores what it changed, in one transaction. */
export function removeBatch(db: Db, batchId: number): ImportRemoveResult {
  const exists = db.value('SELECT count(*) FROM import_batches WHERE id = ?', [batchId]);
  if (Number(exists) === 0) throw new AtlasError('INVALID_INPUT', `There is no import batch ${batchId}`, { batchId, reason: 'no_batch' });
  const blockers = dependentBatches(db, batchId);
  if (blockers.length > 0) {
    throw new AtlasError('INVALID_INPUT', `Batch ${batchId} cannot be removed before batches ${blockers.join(', ')} that depend on it`, {
      batchId,
      reason: 'batch_blocked',
      blockers: blockers.join(', '),
    });
  }
  return db.transaction(() => {
    let deleted = 0;
    for (const kind of DELETE_ORDER) {
      deleted += Number(db.value(`SELECT count(*) FROM ${kind} WHERE batch_id = ?`, [batchId]));
      db.run(`DELETE FROM ${kind} WHERE batch_id = ?`, [batchId]);
    }
    db.run('DELETE FROM customer_source_keys WHERE batch_id = ?', [batchId]);
    const changes = db.all<{ table_name: RecordKind; row_id: number; before: string }>(
      'SELECT table_name, row_id, before FROM import_changes WHERE batch_id = ? ORDER BY id DESC',
      [batchId],
    );
    for (const change of changes) {
      const table = RECORD_TABLES[change.table_name];
      const before = JSON.parse(change.before) as Record<string, Param>;
      const cols = [...table.columns, 'batch_id'];
      db.run(`UPDATE ${table.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [
        ...cols.map((c) => before[c] ?? null),
        change.row_id,
      ]);
    }
    db.run('DELETE FROM import_changes WHERE batch_id = ?', [batchId]);
    db.run('DELETE FROM import_batches WHERE id = ?', [batchId]);
    return { batchId, deleted, restored: changes.length };
  });
}

export function batchRejected(db: Db, batchId: number): { fileName: string; rows: RejectedRow[]; headers: string[] } {
  const row = db.get<{ file_name: string; rejected_rows: string; mapping: string }>(
    'SELECT file_name, rejected_rows, mapping FROM import_batches WHERE id = ?',
    [batchId],
  );
  if (!row) throw new AtlasError('INVALID_INPUT', `There is no import batch ${batchId}`, { batchId, reason: 'no_batch' });
  const mapping = JSON.parse(row.mapping) as { columns?: ColumnMapping[] };
  return {
    fileName: row.file_name,
    rows: JSON.parse(row.rejected_rows) as RejectedRow[],
    headers: (mapping.columns ?? []).map((c) => c.header),
  };
}
