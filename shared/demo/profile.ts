import type { CustomerRecord, OrderRecord } from '../schema/records.ts';
import type { Day } from './dates.ts';
import type { DemoPlace } from './places.ts';
import type { MachineLine, MachineModel } from './products.ts';

/**
 * How a demo customer behaves over time. Each archetype produces one of the patterns the
 * analytics must find: RFM segments, lifecycle stages, churn warnings.
 */
export type Archetype =
  /** buys often over the whole period */
  | 'loyal'
  /** buys now and then, still active */
  | 'regular'
  /** one big machine deal, little afterwards */
  | 'big_one_off'
  /** was active, last order 1–3 years ago */
  | 'sleeping'
  /** last order more than 3 years ago */
  | 'lost'
  /** still buying, but the last 12 months are well below the 12 before */
  | 'declining'
  /** first order within the last year */
  | 'new'
  /** leads and opportunities only, never ordered */
  | 'prospect';

export type PaymentHabit = 'punctual' | 'slow';

/** A customer record plus the hidden traits the later generators read. */
export interface DemoCustomer {
  record: CustomerRecord;
  archetype: Archetype;
  place: DemoPlace;
  /** Orders per year before seasonality and growth. */
  orderRate: number;
  /** First order (first contact for prospects). */
  firstActive: Day;
  /** Last day the customer places orders; the end date for customers still active. */
  lastActive: Day;
  paymentHabit: PaymentHabit;
  /** Prone to complaints, with some left unresolved. */
  complainer: boolean;
}

export type OrderKind = 'machine' | 'parts' | 'service';

/** An order with what later generators need to know about it. */
export interface DemoOrder {
  record: OrderRecord;
  customer: DemoCustomer;
  day: Day;
  kind: OrderKind;
  line: MachineLine | null;
  machine: MachineModel | null;
}

/** The bounds every generated date stays within. */
export interface DemoWindow {
  start: Day;
  end: Day;
}
