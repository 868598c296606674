/**
 * Bulk insert of a Dataset (demo data now, imports later). Customers first, so every other
 * record can resolve its customer code to a row id; a record naming an unknown customer is
 * a programming error here (the importer validates before it gets this far).
 */
import { AtlasError } from '../../../shared/api/errors.ts';
import type { Dataset, RecordKind } from '../../../shared/schema/records.ts';
import type { JobContext } from '../job-context.ts';
import type { Db, Param } from './db.ts';

const CHUNK = 2000;

interface TableSpec<T> {
  table: RecordKind;
  columns: readonly string[];
  values(record: T, customerId: (code: string) => number): Param[];
}

type Specs = { [K in RecordKind]: TableSpec<Dataset[K][number]> };

const specs: Specs = {
  customers: {
    table: 'customers',
    columns: ['code', 'name', 'type', 'industry', 'province', 'city', 'county', 'division_code', 'address', 'contact', 'phone', 'account_manager', 'sales_region', 'created_date'],
    values: (c) => [
      c.code, c.name, c.type, c.industry, c.province, c.city, c.county, c.divisionCode, c.address,
      c.contact, c.phone, c.accountManager, c.salesRegion, c.createdDate,
    ],
  },
  orders: {
    table: 'orders',
    columns: ['source_id', 'customer_id', 'order_date', 'product_line', 'model', 'quantity', 'amount', 'payment_terms', 'status'],
    values: (o, id) => [
      o.sourceId, id(o.customerCode), o.orderDate, o.productLine, o.model, o.quantity, o.amount,
      o.paymentTerms, o.status,
    ],
  },
  payments: {
    table: 'payments',
    columns: ['source_id', 'contract_id', 'customer_id', 'due_date', 'amount_due', 'paid_date', 'amount_paid'],
    values: (p, id) => [p.sourceId, p.contractId, id(p.customerCode), p.dueDate, p.amountDue, p.paidDate, p.amountPaid],
  },
  opportunities: {
    table: 'opportunities',
    columns: ['source_id', 'customer_id', 'created_date', 'stage', 'expected_amount', 'result', 'close_date', 'channel', 'account_manager', 'product_line'],
    values: (o, id) => [
      o.sourceId, id(o.customerCode), o.createdDate, o.stage, o.expectedAmount, o.result, o.closeDate,
      o.channel, o.accountManager, o.productLine,
    ],
  },
  tickets: {
    table: 'tickets',
    columns: ['source_id', 'customer_id', 'serial', 'opened_date', 'closed_date', 'type', 'satisfaction', 'description'],
    values: (t, id) => [
      t.sourceId, id(t.customerCode), t.serial, t.openedDate, t.closedDate, t.type, t.satisfaction, t.description,
    ],
  },
  surveys: {
    table: 'surveys',
    columns: ['source_id', 'customer_id', 'survey_date', 'score', 'comments'],
    values: (s, id) => [s.sourceId, id(s.customerCode), s.surveyDate, s.score, s.comments],
  },
  equipment: {
    table: 'equipment',
    columns: ['serial', 'customer_id', 'model', 'product_line', 'purchase_date', 'working_hours_30d', 'last_online', 'location'],
    values: (e, id) => [
      e.serial, id(e.customerCode), e.model, e.productLine, e.purchaseDate, e.workingHours30d, e.lastOnline,
      e.location,
    ],
  },
};

const ORDER: readonly RecordKind[] = ['customers', 'orders', 'payments', 'opportunities', 'tickets', 'surveys', 'equipment'];

async function insertKind<K extends RecordKind>(
  db: Db,
  kind: K,
  records: Dataset[K],
  customerId: (code: string) => number,
  ctx: JobContext,
): Promise<void> {
  const spec = specs[kind] as TableSpec<Dataset[K][number]>;
  const total = records.length;
  ctx.progress(`insert.${kind}`, 0, total);
  for (let start = 0; start < total; start += CHUNK) {
    const end = Math.min(total, start + CHUNK);
    const rows: Param[][] = [];
    for (let i = start; i < end; i++) rows.push(spec.values(records[i]!, customerId));
    db.insertRows(spec.table, spec.columns, rows);
    ctx.progress(`insert.${kind}`, Math.min(total, start + CHUNK), total);
    await ctx.checkpoint();
  }
}

/** Inserts everything in one transaction: all records or, on error or cancel, none. */
export async function insertDataset(db: Db, dataset: Dataset, ctx: JobContext): Promise<void> {
  await db.transactionAsync(async () => {
    let ids: Map<string, number> | null = null;
    const customerId = (code: string): number => {
      ids ??= new Map(db.all<{ id: number; code: string }>('SELECT id, code FROM customers').map((r) => [r.code, r.id]));
      const id = ids.get(code);
      if (id === undefined) throw new AtlasError('INTERNAL', `Record refers to unknown customer ${code}`, { code });
      return id;
    };
    for (const kind of ORDER) await insertKind(db, kind, dataset[kind], customerId, ctx);
  });
}
