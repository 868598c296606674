/**
 * Cheaper tag writes on every re-score.
 *
 * customer_tags becomes a WITHOUT ROWID table without its by-customer index: its primary key
 * (tag_id, customer_id) was a separate index beside the rowid table, so every tag a customer
 * entered or left touched three b-trees; now it touches one. The filters' lookups
 * (tag_id IN (…) AND customer_id = ?) are primary-key searches; everything else reads the
 * whole table.
 *
 * The change log of the latest run (migration 005) was kept by triggers, one log row per
 * customer and tag, each found again and deleted by the next run — about half of writing the
 * tag changes back. The scoring code knows the changes already, so it now records them itself,
 * one row per tag and direction holding the customer ids as a JSON array. Existing log rows
 * are carried over in that form; tag_change_runs keeps its meaning.
 */
export const sql = `
DROP TRIGGER tag_change_log_entered;
DROP TRIGGER tag_change_log_left;
DROP TRIGGER tag_change_log_run;

CREATE TABLE customer_tags_010 (
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  tag_id TEXT NOT NULL,
  PRIMARY KEY (tag_id, customer_id)
) WITHOUT ROWID;
INSERT INTO customer_tags_010 (customer_id, tag_id) SELECT customer_id, tag_id FROM customer_tags ORDER BY tag_id, customer_id;
DROP TABLE customer_tags;
ALTER TABLE customer_tags_010 RENAME TO customer_tags;

CREATE TABLE tag_change_sets (
  run_id INTEGER NOT NULL,
  tag_id TEXT NOT NULL,
  change INTEGER NOT NULL CHECK (change IN (1, -1)),
  customer_ids TEXT NOT NULL,
  PRIMARY KEY (run_id, tag_id, change)
);
INSERT INTO tag_change_sets (run_id, tag_id, change, customer_ids)
  SELECT run_id, tag_id, change, json_group_array(customer_id) FROM (SELECT * FROM tag_change_log ORDER BY customer_id)
  GROUP BY run_id, tag_id, change;
DROP TABLE tag_change_log;
`;
