/**
 * Kind-specific assembly of a record from its validated field values, with the rules a
 * column-by-column check cannot express: defaults (quantity 1, amount paid 0), the
 * opportunity result read from the stage when there is no result column, value ranges
 * (satisfaction 1–5, survey score 0–100) and dates in the wrong order.
 */
import type { CustomerType, OpportunityResult, OrderStatus, RecordKind, TicketType } from '../schema/records.ts';
import { matchEnum } from './enums.ts';
import { OPPORTUNITY_RESULTS } from './enum-values.ts';
import { normalizeRegion } from './regions.ts';
import type { FieldValue } from './column-readers.ts';
import type { ImportRecord, NormalizedRegion } from './types.ts';

export interface Values {
  str(field: string): string | null;
  num(field: string): number | null;
  has(field: string): boolean;
}

/** What a builder reports besides the record: a rejection or warnings. */
export interface BuildIssue {
  field: string | null;
  code: string;
  reason: string;
  severity: 'error' | 'warning';
  value: string;
}

type Omit2<T> = Omit<T, 'rowNumber' | 'sourceKey'>;
export type Draft<K extends RecordKind> = Omit2<ImportRecord<K>>;

/**
 * A view of one row's values: `slots[i]` holds the value of field `fields[i]`. The slots
 * array is refilled for every row, so a million rows allocate no per-row maps.
 */
export function makeValues(fields: readonly string[], slots: readonly FieldValue[]): Values {
  const index = new Map(fields.map((f, i) => [f, i]));
  return {
    str: (f) => {
      const i = index.get(f);
      const v = i === undefined ? null : slots[i];
      return v === undefined || v === null ? null : typeof v === 'string' ? v : String(v);
    },
    num: (f) => {
      const i = index.get(f);
      const v = i === undefined ? null : slots[i];
      return typeof v === 'number' ? v : null;
    },
    has: (f) => index.has(f),
  };
}

function regionIssues(region: NormalizedRegion): BuildIssue[] {
  return region.unmatched.map((name) => ({
    field: null,
    code: 'region.unmatched',
    reason: `unknown region '${name}'`,
    severity: 'warning' as const,
    value: name,
  }));
}

function outOfRange(field: string, what: string, value: number, range: string): BuildIssue {
  return { field, code: `${field}.range`, reason: `${what} out of range (${range})`, severity: 'error', value: String(value) };
}

export const BUILDERS: { [K in RecordKind]: (v: Values, issues: BuildIssue[]) => Draft<K> } = {
  customers(v, issues) {
    const region = normalizeRegion({ province: v.str('province'), city: v.str('city'), county: v.str('county'), address: v.str('address') });
    issues.push(...regionIssues(region));
    const code = v.str('code');
    const name = v.str('name') ?? '';
    return {
      code,
      name,
      customerCode: code,
      customerName: name,
      type: v.str('type') as CustomerType | null,
      industry: v.str('industry'),
      // Unmatched names stay as written, so they show up (and can be fixed) rather than vanish.
      province: region.province ?? v.str('province'),
      city: region.city ?? v.str('city'),
      county: region.county,
      divisionCode: region.divisionCode,
      address: v.str('address'),
      contact: v.str('contact'),
      phone: v.str('phone'),
      accountManager: v.str('accountManager'),
      salesRegion: v.str('salesRegion'),
      createdDate: v.str('createdDate'),
    };
  },
  orders(v) {
    return {
      sourceId: v.str('sourceId') ?? '',
      customerCode: v.str('customerCode'),
      customerName: v.str('customerName'),
      orderDate: v.str('orderDate') ?? '',
      productLine: v.str('productLine') ?? '',
      model: v.str('model'),
      quantity: v.num('quantity') ?? 1,
      amount: v.num('amount') ?? 0,
      paymentTerms: v.str('paymentTerms'),
      status: v.str('status') as OrderStatus | null,
    };
  },
  payments(v) {
    return {
      sourceId: v.str('sourceId') ?? '',
      contractId: v.str('contractId'),
      customerCode: v.str('customerCode'),
      customerName: v.str('customerName'),
      dueDate: v.str('dueDate') ?? '',
      amountDue: v.num('amountDue') ?? 0,
      paidDate: v.str('paidDate'),
      amountPaid: v.num('amountPaid') ?? 0,
    };
  },
  opportunities(v) {
    const stage = v.str('stage');
    // Without a result column, a stage named 赢单/输单 still says how it ended.
    const fromStage = stage === null ? undefined : matchEnum(OPPORTUNITY_RESULTS, 'opportunities.result', stage);
    const result = (v.str('result') ?? fromStage ?? 'open') as OpportunityResult;
    return {
      sourceId: v.str('sourceId') ?? '',
      customerCode: v.str('customerCode'),
      customerName: v.str('customerName'),
      createdDate: v.str('createdDate') ?? '',
      stage: stage ?? '',
      expectedAmount: v.num('expectedAmount'),
      result,
      closeDate: v.str('closeDate'),
      channel: v.str('channel'),
      accountManager: v.str('accountManager'),
      productLine: v.str('productLine'),
    };
  },
  tickets(v, issues) {
    const satisfaction = v.num('satisfaction');
    if (satisfaction !== null && (satisfaction < 1 || satisfaction > 5)) issues.push(outOfRange('satisfaction', 'satisfaction', satisfaction, '1–5'));
    const opened = v.str('openedDate') ?? '';
    const closed = v.str('closedDate');
    if (closed !== null && closed < opened) {
      issues.push({ field: 'closedDate', code: 'date.order', reason: `closed ${closed} before opened ${opened}`, severity: 'warning', value: closed });
    }
    return {
      sourceId: v.str('sourceId') ?? '',
      customerCode: v.str('customerCode'),
      customerName: v.str('customerName'),
      serial: v.str('serial'),
      openedDate: opened,
      closedDate: closed,
      type: v.str('type') as TicketType,
      satisfaction,
      description: v.str('description'),
    };
  },
  surveys(v, issues) {
    const score = v.num('score') ?? 0;
    if (score < 0 || score > 100) issues.push(outOfRange('score', 'score', score, '0–100'));
    return {
      sourceId: v.str('sourceId') ?? '',
      customerCode: v.str('customerCode'),
      customerName: v.str('customerName'),
      surveyDate: v.str('surveyDate') ?? '',
      score,
      comments: v.str('comments'),
    };
  },
  equipment(v) {
    return {
      serial: v.str('serial') ?? '',
      customerCode: v.str('customerCode'),
      customerName: v.str('customerName'),
      model: v.str('model') ?? '',
      productLine: v.str('productLine') ?? '',
      purchaseDate: v.str('purchaseDate') ?? '',
      workingHours30d: v.num('workingHours30d'),
      lastOnline: v.str('lastOnline'),
      location: v.str('location'),
    };
  },
};
