/** Named report templates: which sheets and which customer-list columns a report holds. */
export const sql = `
CREATE TABLE report_templates (
  name TEXT PRIMARY KEY,
  spec TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;
