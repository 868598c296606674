/** The core record tables, one per record kind of the product brief. */
export const sql = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT,
  industry TEXT,
  province TEXT,
  city TEXT,
  county TEXT,
  division_code TEXT,
  address TEXT,
  contact TEXT,
  phone TEXT,
  account_manager TEXT,
  sales_region TEXT,
  created_date TEXT
);
CREATE INDEX customers_province ON customers (province, city);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  order_date TEXT NOT NULL,
  product_line TEXT NOT NULL,
  model TEXT,
  quantity REAL NOT NULL,
  amount REAL NOT NULL,
  payment_terms TEXT,
  status TEXT
);
CREATE INDEX orders_customer ON orders (customer_id, order_date);
CREATE INDEX orders_date ON orders (order_date);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL UNIQUE,
  contract_id TEXT,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  due_date TEXT NOT NULL,
  amount_due REAL NOT NULL,
  paid_date TEXT,
  amount_paid REAL NOT NULL
);
CREATE INDEX payments_customer ON payments (customer_id, due_date);

CREATE TABLE opportunities (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  created_date TEXT NOT NULL,
  stage TEXT NOT NULL,
  expected_amount REAL,
  result TEXT NOT NULL CHECK (result IN ('open', 'won', 'lost')),
  close_date TEXT,
  channel TEXT,
  account_manager TEXT,
  product_line TEXT
);
CREATE INDEX opportunities_customer ON opportunities (customer_id);

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  serial TEXT,
  opened_date TEXT NOT NULL,
  closed_date TEXT,
  type TEXT NOT NULL CHECK (type IN ('repair', 'maintenance', 'complaint', 'consultation')),
  satisfaction REAL,
  description TEXT
);
CREATE INDEX tickets_customer ON tickets (customer_id, opened_date);

CREATE TABLE surveys (
  id INTEGER PRIMARY KEY,
  source_id TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  survey_date TEXT NOT NULL,
  score REAL NOT NULL,
  comments TEXT
);
CREATE INDEX surveys_customer ON surveys (customer_id);

CREATE TABLE equipment (
  id INTEGER PRIMARY KEY,
  serial TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  model TEXT NOT NULL,
  product_line TEXT NOT NULL,
  purchase_date TEXT NOT NULL,
  working_hours_30d REAL,
  last_online TEXT,
  location TEXT
);
CREATE INDEX equipment_customer ON equipment (customer_id);
`;
