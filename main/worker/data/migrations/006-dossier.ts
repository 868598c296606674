/**
 * The dossier feature: visit notes per customer (with the visit date) and named visit lists
 * with their ordered members. Members refer to customers by id; a member whose customer was
 * removed with an import batch is skipped when the list is read.
 */
export const sql = `
CREATE TABLE dossier_notes (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL,
  note_date TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX dossier_notes_customer ON dossier_notes (customer_id, note_date);

CREATE TABLE visit_lists (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  ordering TEXT NOT NULL CHECK (ordering IN ('priority', 'city', 'manual')),
  source_filter TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE visit_list_members (
  list_id INTEGER NOT NULL REFERENCES visit_lists (id) ON DELETE CASCADE,
  customer_id INTEGER NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (list_id, customer_id)
);
CREATE INDEX visit_list_members_order ON visit_list_members (list_id, position);
`;
