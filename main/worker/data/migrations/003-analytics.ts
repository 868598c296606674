/**
 * Analytics: the user's analysis settings, the editable tag library, grade rules and segment
 * schemes, and what scoring derived from the records — per-customer metrics (stored columnar,
 * recomputed only when the records or the metric windows change), scores, tags and
 * the history of scoring runs (per-tag counts and members, for "entered / left since the
 * previous run").
 */
export const sql = `
CREATE TABLE analysis_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE tag_definitions (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE grade_rules (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rules TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE segment_schemes (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  scheme TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The metric table, columnar: one row per metric column (Float64 / Int32 bytes, or JSON for
-- text and lists) plus a 'meta' row (analysis date, settings, record fingerprint).
CREATE TABLE customer_metrics (
  key TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('f64', 'i32', 'json')),
  data BLOB NOT NULL
);

CREATE TABLE customer_scores (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  recency_days REAL,
  frequency REAL,
  monetary REAL,
  r_score INTEGER,
  f_score INTEGER,
  m_score INTEGER,
  -- Segment ids of the two shipped schemes as columns (filters use them); every scheme in JSON.
  segment_8 TEXT,
  segment_11 TEXT,
  segments TEXT NOT NULL,
  grade TEXT,
  grade_rule TEXT,
  lifecycle TEXT NOT NULL,
  churn_risk REAL NOT NULL,
  churn_reasons TEXT NOT NULL
);
CREATE INDEX customer_scores_grade ON customer_scores (grade);

CREATE TABLE customer_tags (
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  tag_id TEXT NOT NULL,
  PRIMARY KEY (tag_id, customer_id)
);
CREATE INDEX customer_tags_customer ON customer_tags (customer_id);

CREATE TABLE scoring_runs (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  reason TEXT NOT NULL,
  settings TEXT NOT NULL,
  customers INTEGER NOT NULL,
  scored INTEGER NOT NULL,
  tag_counts TEXT NOT NULL,
  tag_changes TEXT NOT NULL,
  duration_ms REAL NOT NULL
);
`;
