/**
 * Import bookkeeping: batches (one per imported file), templates keyed by header signature,
 * the source keys that unify customers across systems, and enough history to undo a batch
 * exactly — every record row carries the batch that inserted it, and every row a batch
 * changed keeps its previous values in import_changes.
 */
const RECORD_TABLES = ['customers', 'orders', 'payments', 'opportunities', 'tickets', 'surveys', 'equipment'] as const;

export const sql = `
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  sheet TEXT,
  mapping TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  accepted INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  duplicates INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  created_customers INTEGER NOT NULL,
  rejected_rows TEXT NOT NULL
);

CREATE TABLE import_templates (
  signature TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  mapping TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT NOT NULL
);

CREATE TABLE customer_source_keys (
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  source TEXT NOT NULL,
  key_kind TEXT NOT NULL CHECK (key_kind IN ('code', 'name_key')),
  value TEXT NOT NULL,
  batch_id INTEGER,
  UNIQUE (source, key_kind, value)
);
CREATE INDEX customer_source_keys_value ON customer_source_keys (key_kind, value);

CREATE TABLE import_changes (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  before TEXT NOT NULL
);
CREATE INDEX import_changes_batch ON import_changes (batch_id);

${RECORD_TABLES.map((t) => `ALTER TABLE ${t} ADD COLUMN batch_id INTEGER;\nCREATE INDEX ${t}_batch ON ${t} (batch_id);`).join('\n')}
`;
