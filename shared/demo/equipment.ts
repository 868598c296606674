import type { EquipmentRecord } from '../schema/records.ts';
import { dayOf, toIso, yearOf, type Day } from './dates.ts';
import { DEMO_PROVINCES, placePrefix, type DemoPlace } from './places.ts';
import type { ChronicOverdue } from './payments.ts';
import { LINE_CODES, type MachineLine } from './products.ts';
import type { Archetype, DemoCustomer, DemoOrder, DemoWindow } from './profile.ts';
import type { Rng } from './rng.ts';

/** One machine unit in the field, with its order and owner kept for the ticket generator. */
export interface DemoUnit {
  record: EquipmentRecord;
  customer: DemoCustomer;
  order: DemoOrder;
  line: MachineLine;
  purchased: Day;
}

/** Typical hours a month for a busy unit of each line. */
const LINE_HOURS: Readonly<Record<MachineLine, number>> = {
  挖掘机: 180,
  装载机: 170,
  起重机: 120,
  混凝土机械: 140,
};

/** How hard each kind of customer works its fleet; declining and sleeping ones let it stand. */
const USAGE: Readonly<Record<Archetype, { factor: number; idle: number }>> = {
  loyal: { factor: 1.1, idle: 0.04 },
  regular: { factor: 1.0, idle: 0.06 },
  new: { factor: 1.15, idle: 0.02 },
  big_one_off: { factor: 0.9, idle: 0.08 },
  declining: { factor: 0.45, idle: 0.15 },
  sleeping: { factor: 0.15, idle: 0.6 },
  lost: { factor: 0.05, idle: 0.85 },
  prospect: { factor: 0, idle: 1 },
};

/** Telematics boxes became standard in mid-2020; some older units never report. */
const TELEMATICS_STANDARD_FROM = dayOf(2020, 7, 1);

const placesByRegion = new Map<string, DemoPlace[]>();
for (const p of DEMO_PROVINCES) {
  const list = placesByRegion.get(p.province.salesRegion) ?? [];
  list.push(...p.places);
  placesByRegion.set(p.province.salesRegion, list);
}

/** Rental fleets and dealers' demo units move between job sites within their region. */
function location(rng: Rng, customer: DemoCustomer): string {
  const mobile = customer.record.type === 'rental' || customer.record.type === 'dealer';
  if (mobile && rng.chance(0.3)) {
    const nearby = placesByRegion.get(customer.place.province.salesRegion) ?? [customer.place];
    return placePrefix(rng.pick(nearby));
  }
  return placePrefix(customer.place);
}

function telemetry(
  rng: Rng,
  unit: { customer: DemoCustomer; line: MachineLine; purchased: Day },
  chronic: ChronicOverdue | undefined,
  window: DemoWindow,
): { workingHours30d: number | null; lastOnline: string | null } {
  if (unit.purchased < TELEMATICS_STANDARD_FROM && rng.chance(0.25)) return { workingHours30d: null, lastOnline: null };
  const recent = (): string => toIso(Math.max(unit.purchased, window.end - rng.int(0, 3)));
  // Units of customers who stopped paying are locked remotely: online, but not working.
  if (chronic && rng.chance(0.4)) return { workingHours30d: 0, lastOnline: recent() };
  const usage = USAGE[unit.customer.archetype];
  if (rng.chance(usage.idle)) {
    return { workingHours30d: 0, lastOnline: toIso(Math.max(unit.purchased, window.end - rng.int(31, 540))) };
  }
  const ageYears = (window.end - unit.purchased) / 365;
  const ageFactor = ageYears > 6 ? 0.7 : ageYears > 4 ? 0.85 : 1;
  const hours = LINE_HOURS[unit.line] * usage.factor * ageFactor * rng.float(0.6, 1.3);
  return { workingHours30d: Math.min(600, Math.round(hours * 10) / 10), lastOnline: recent() };
}

/**
 * One unit per machine bought (an order of 3 loaders gives 3 units), serials numbered per
 * line and year in purchase order: WJ202300451 is the 451st excavator of 2023.
 */
export function generateEquipment(
  rng: Rng,
  orders: readonly DemoOrder[],
  chronic: ReadonlyMap<string, ChronicOverdue>,
  window: DemoWindow,
): DemoUnit[] {
  const counters = new Map<string, number>();
  const units: DemoUnit[] = [];
  for (const order of orders) {
    if (order.kind !== 'machine' || order.line === null || order.machine === null) continue;
    if (order.record.status === 'cancelled') continue;
    const r = rng.fork(`units:${order.record.sourceId}`);
    for (let i = 0; i < order.record.quantity; i += 1) {
      const year = yearOf(order.day);
      const key = `${order.line}${year}`;
      const next = (counters.get(key) ?? 0) + 1;
      counters.set(key, next);
      const unit = { customer: order.customer, line: order.line, purchased: order.day };
      units.push({
        ...unit,
        order,
        record: {
          serial: `${LINE_CODES[order.line]}${year}${String(next).padStart(5, '0')}`,
          customerCode: order.record.customerCode,
          model: order.machine.model,
          productLine: order.line,
          purchaseDate: order.record.orderDate,
          ...telemetry(r, unit, chronic.get(order.record.customerCode), window),
          location: location(r, order.customer),
        },
      });
    }
  }
  return units;
}
