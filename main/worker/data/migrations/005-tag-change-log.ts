/**
 * Which customers entered or left each tag in the latest scoring run, so a report can count
 * tag changes within any filter (scoring_runs only keeps workspace-wide counts).
 *
 * Triggers keep it without involving the scoring code: scoring applies its customer_tags
 * inserts and deletes and then inserts its scoring_runs row, in one transaction. Changes are
 * logged under the run about to be inserted (max(id) + 1) when a run exists already (the first
 * run has nothing to compare with); inserting a run drops older entries and records that the
 * log is complete for that run (`tag_change_runs`), so a workspace scored before this
 * migration reports "unknown" instead of "no change".
 */
export const sql = `
CREATE TABLE tag_change_log (
  run_id INTEGER NOT NULL,
  customer_id INTEGER NOT NULL,
  tag_id TEXT NOT NULL,
  change INTEGER NOT NULL CHECK (change IN (1, -1))
);
CREATE INDEX tag_change_log_run ON tag_change_log (run_id);

CREATE TABLE tag_change_runs (
  run_id INTEGER PRIMARY KEY
);

CREATE TRIGGER tag_change_log_entered AFTER INSERT ON customer_tags
WHEN EXISTS (SELECT 1 FROM scoring_runs)
BEGIN
  INSERT INTO tag_change_log (run_id, customer_id, tag_id, change)
  VALUES ((SELECT max(id) + 1 FROM scoring_runs), NEW.customer_id, NEW.tag_id, 1);
END;

CREATE TRIGGER tag_change_log_left AFTER DELETE ON customer_tags
WHEN EXISTS (SELECT 1 FROM scoring_runs)
BEGIN
  INSERT INTO tag_change_log (run_id, customer_id, tag_id, change)
  VALUES ((SELECT max(id) + 1 FROM scoring_runs), OLD.customer_id, OLD.tag_id, -1);
END;

CREATE TRIGGER tag_change_log_run AFTER INSERT ON scoring_runs
BEGIN
  DELETE FROM tag_change_log WHERE run_id < NEW.id;
  DELETE FROM tag_change_runs WHERE run_id < NEW.id;
  INSERT OR REPLACE INTO tag_change_runs (run_id) VALUES (NEW.id);
END;
`;
