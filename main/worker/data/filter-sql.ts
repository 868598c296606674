/**
 * The shared customer filter (shared/filters) as a parameterised SQL condition. Values only
 * ever travel as `?` parameters; the only text spliced into the SQL is the table name and
 * column names, which are checked identifiers from the options, never user input.
 *
 * Expected shape of the filtered table (a view or table, default name `customer_view`):
 *
 * | column | meaning |
 * |---|---|
 * | id | customers.id (joins customer_tags.customer_id and orders.customer_id) |
 * | code, name | customer code and name (quick search, ASCII case-insensitive, substring) |
 * | sales_region, province, city, account_manager, customer_type | as stored |
 * | segment_8, segment_11 | segment id in the 'rfm8' / 'rfm11' schemes (see `segmentColumns`) |
 * | segments | JSON object { schemeId: segmentId } — only read for schemes without a column |
 * | grade, lifecycle | grade letter, lifecycle stage id |
 *
 * Tags: `customer_tags(customer_id, tag_id)`; product lines: `orders(customer_id,
 * product_line, status)`, cancelled orders excluded. The meaning is that of
 * `matchesFilter` in shared/filters; filter-sql.test.ts checks they agree on random data.
 */
import { normalizeFilter, searchKey, type CustomerFilter, type ListField } from '../../../shared/filters/index.ts';

export interface FilterSql {
  /** A condition for `WHERE`; '1 = 1' for an empty filter. */
  where: string;
  params: (string | number)[];
}

export interface FilterSqlOptions {
  /** The filtered table or view, referenced by this name (or alias) in the condition. */
  table?: string;
  /** Column holding each scheme's segment id; other schemes are read from the `segments` JSON. */
  segmentColumns?: Readonly<Record<string, string>>;
}

export const DEFAULT_SEGMENT_COLUMNS: Readonly<Record<string, string>> = { rfm8: 'segment_8', rfm11: 'segment_11' };

const LIST_COLUMNS: Readonly<Record<ListField, string>> = {
  salesRegions: 'sales_region',
  provinces: 'province',
  cities: 'city',
  accountManagers: 'account_manager',
  productLines: '', // EXISTS on orders, below
  customerTypes: 'customer_type',
  grades: 'grade',
  lifecycles: 'lifecycle',
};

function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not an SQL identifier: ${name}`);
  return name;
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

export function filterToSql(filter: CustomerFilter, options: FilterSqlOptions = {}): FilterSql {
  const f = normalizeFilter(filter);
  const t = identifier(options.table ?? 'customer_view');
  const segmentColumns = options.segmentColumns ?? DEFAULT_SEGMENT_COLUMNS;
  const clauses: string[] = [];
  const params: (string | number)[] = [];

  for (const [field, column] of Object.entries(LIST_COLUMNS) as [ListField, string][]) {
    const values = f[field];
    if (values.length === 0 || column === '') continue;
    clauses.push(`${t}.${identifier(column)} IN (${placeholders(values.length)})`);
    params.push(...values);
  }

  if (f.segment) {
    const column = Object.hasOwn(segmentColumns, f.segment.scheme) ? segmentColumns[f.segment.scheme] : undefined;
    if (column !== undefined) {
      clauses.push(`${t}.${identifier(column)} IN (${placeholders(f.segment.values.length)})`);
    } else {
      clauses.push(`json_extract(${t}.segments, ?) IN (${placeholders(f.segment.values.length)})`);
      params.push(`$."${f.segment.scheme.replace(/["\\]/g, '')}"`);
    }
    params.push(...f.segment.values);
  }

  if (f.productLines.length > 0) {
    clauses.push(
      `EXISTS (SELECT 1 FROM orders AS fo WHERE fo.customer_id = ${t}.id AND fo.product_line IN (${placeholders(f.productLines.length)})` +
        ` AND (fo.status IS NULL OR fo.status <> ?))`,
    );
    params.push(...f.productLines, 'cancelled');
  }

  if (f.tags.ids.length > 0) {
    const list = placeholders(f.tags.ids.length);
    if (f.tags.mode === 'any') {
      clauses.push(`EXISTS (SELECT 1 FROM customer_tags AS ft WHERE ft.customer_id = ${t}.id AND ft.tag_id IN (${list}))`);
      params.push(...f.tags.ids);
    } else {
      clauses.push(
        `(SELECT COUNT(DISTINCT ft.tag_id) FROM customer_tags AS ft WHERE ft.customer_id = ${t}.id AND ft.tag_id IN (${list})) = ?`,
      );
      params.push(...f.tags.ids, f.tags.ids.length);
    }
  }

  if (f.search !== '') {
    const needle = searchKey(f.search);
    clauses.push(`(instr(lower(${t}.name), ?) > 0 OR instr(lower(${t}.code), ?) > 0)`);
    params.push(needle, needle);
  }

  return { where: clauses.length === 0 ? '1 = 1' : clauses.join(' AND '), params };
}
