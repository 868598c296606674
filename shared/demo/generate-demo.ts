import type { Dataset } from '../schema/records.ts';
import { toDay } from './dates.ts';
import { generateCustomers } from './customers.ts';
import { generateEquipment } from './equipment.ts';
import { generateOpportunities } from './opportunities.ts';
import { generateOrders } from './orders.ts';
import { generatePayments } from './payments.ts';
import type { DemoWindow } from './profile.ts';
import { createRng } from './rng.ts';
import { generateSurveys } from './surveys.ts';
import { generateTickets } from './tickets.ts';

export interface DemoOptions {
  seed?: number;
  /** Last day of the demo's history, YYYY-MM-DD; the analysis date a user would pick. */
  endDate?: string;
  customerCount?: number;
  /** Called as each phase starts, and once more with `done` when everything is generated. */
  onProgress?: (phase: DemoPhase, done: number, total: number) => void;
}

/**
 * Fixed defaults, so the demo workspace and the sample files are the same for everyone:
 * tests, screenshots and documentation can quote its numbers.
 */
export const DEMO_DEFAULTS = {
  seed: 20261031,
  endDate: '2026-10-31',
  customerCount: 3000,
} as const;

/** History starts when the (imaginary) CRM went live; no generated date is earlier. */
export const DEMO_START_DATE = '2019-01-01';

export const DEMO_PHASES = [
  'customers',
  'orders',
  'payments',
  'opportunities',
  'equipment',
  'tickets',
  'surveys',
  'done',
] as const;
export type DemoPhase = (typeof DEMO_PHASES)[number];

/**
 * A realistic, fully deterministic dataset for a heavy-machinery maker: the same options give
 * a deep-equal Dataset on every run and machine. Each phase draws from its own named random
 * stream, so the phases can change independently without reshuffling each other.
 */
export function generateDemo(options: DemoOptions = {}): Dataset {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const endDate = options.endDate ?? DEMO_DEFAULTS.endDate;
  const customerCount = options.customerCount ?? DEMO_DEFAULTS.customerCount;
  if (!Number.isInteger(customerCount) || customerCount < 1) {
    throw new RangeError(`customerCount must be a positive integer, got ${customerCount}`);
  }
  const window: DemoWindow = { start: toDay(DEMO_START_DATE), end: toDay(endDate) };
  // The archetypes need room: customers asleep for three years must have been awake before.
  if (window.end - window.start < 4 * 365) {
    throw new RangeError(`endDate must be at least four years after ${DEMO_START_DATE}, got ${endDate}`);
  }

  const total = DEMO_PHASES.length - 1;
  const progress = (phase: DemoPhase): void => options.onProgress?.(phase, DEMO_PHASES.indexOf(phase), total);
  const root = createRng(seed);

  progress('customers');
  const customers = generateCustomers(root.fork('customers'), customerCount, window);
  progress('orders');
  const orders = generateOrders(root.fork('orders'), customers, window);
  progress('payments');
  const { payments, chronic } = generatePayments(root.fork('payments'), orders, customers, window);
  progress('opportunities');
  const opportunities = generateOpportunities(root.fork('opportunities'), customers, orders, window);
  progress('equipment');
  const units = generateEquipment(root.fork('equipment'), orders, chronic, window);
  progress('tickets');
  const tickets = generateTickets(root.fork('tickets'), units, window);
  progress('surveys');
  const surveys = generateSurveys(root.fork('surveys'), customers, tickets, chronic, window);
  progress('done');

  return {
    customers: customers.map((c) => c.record),
    orders: orders.map((o) => o.record),
    payments,
    opportunities,
    tickets,
    surveys,
    equipment: units.map((u) => u.record),
  };
}
