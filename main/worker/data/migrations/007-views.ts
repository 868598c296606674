/**
 * The views feature's workspace tables: saved views (named filter sets), the workspace's own
 * province → sales region (大区) mapping (no rows = the shipped default), and hand fixes of
 * region names the import could not match (raw name → province / city), re-applied after
 * every import.
 */
export const sql = `
CREATE TABLE saved_views (
  name TEXT PRIMARY KEY,
  query TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sales_region_map (
  province TEXT PRIMARY KEY,
  region TEXT NOT NULL
);

CREATE TABLE region_fixes (
  raw TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'city')),
  province TEXT NOT NULL,
  city TEXT,
  customers INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (raw, level)
);
`;
