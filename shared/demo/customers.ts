import type { CustomerType } from '../schema/records.ts';
import { clampDay, toIso, type Day } from './dates.ts';
import { managersFor } from './managers.ts';
import {
  CUSTOMER_TYPE_INDUSTRIES,
  companyName,
  composedPersonName,
  governmentName,
  mobilePhone,
  personName,
  streetAddress,
} from './names.ts';
import { DEMO_PROVINCES, placePrefix, type DemoPlace } from './places.ts';
import type { Archetype, DemoCustomer, DemoWindow, PaymentHabit } from './profile.ts';
import { createPicker, type Rng } from './rng.ts';

const YEAR = 365;

const TYPES: readonly CustomerType[] = ['enterprise', 'rental', 'owner_operator', 'government', 'dealer'];
const pickType = createPicker(TYPES, [45, 20, 25, 5, 5]);

const ARCHETYPES: readonly Archetype[] = [
  'prospect',
  'loyal',
  'regular',
  'big_one_off',
  'sleeping',
  'lost',
  'declining',
  'new',
];
const BASE_ARCHETYPE_WEIGHTS: readonly number[] = [9, 12, 27, 6, 15, 5, 11, 15];

/** Dealers keep coming back; public bodies buy big and rarely; individuals drift away. */
const TYPE_ARCHETYPE_FACTORS: Readonly<Record<CustomerType, Partial<Record<Archetype, number>>>> = {
  enterprise: {},
  rental: { loyal: 1.5 },
  owner_operator: { loyal: 0.5, sleeping: 1.3, big_one_off: 0.2 },
  government: { big_one_off: 2.5, loyal: 0.5 },
  dealer: { loyal: 3, big_one_off: 0 },
};

const archetypePickers = new Map(
  TYPES.map((type) => {
    const factors = TYPE_ARCHETYPE_FACTORS[type];
    const weights = ARCHETYPES.map((a, i) => (BASE_ARCHETYPE_WEIGHTS[i] ?? 0) * (factors[a] ?? 1));
    return [type, createPicker(ARCHETYPES, weights)] as const;
  }),
);

const pickProvince = createPicker(
  DEMO_PROVINCES,
  DEMO_PROVINCES.map((p) => p.weight),
);
const placePickers = new Map(
  DEMO_PROVINCES.map((p) => [p.province.code, createPicker(p.places, p.places.map((place) => place.weight))] as const),
);

/** Orders per year by archetype, before the province's intensity. */
const ORDER_RATES: Readonly<Record<Archetype, readonly [number, number]>> = {
  loyal: [1.4, 2.9],
  regular: [0.35, 0.9],
  declining: [1.1, 2.3],
  sleeping: [0.8, 1.7],
  lost: [0.6, 1.5],
  new: [2, 4.5],
  big_one_off: [0.4, 0.8],
  prospect: [0, 0],
};

function activityWindow(rng: Rng, archetype: Archetype, window: DemoWindow): { first: Day; last: Day } {
  const { start, end } = window;
  const between = (from: Day, to: Day): Day => (to <= from ? from : rng.int(from, to));
  switch (archetype) {
    case 'loyal':
      return { first: rng.chance(0.7) ? between(start, start + 120) : between(start, start + 500), last: end };
    case 'regular':
      // Skewed towards later starts: the customer base grows over the years.
      return { first: start + Math.floor((end - 2 * YEAR - start) * Math.pow(rng.next(), 0.4)), last: end };
    case 'declining':
      return { first: between(start, end - 3 * YEAR), last: end };
    case 'sleeping': {
      const last = end - rng.int(YEAR + 20, 3 * YEAR - 10);
      return { first: between(start, last - 200), last };
    }
    case 'lost': {
      const last = between(start + 150, end - 3 * YEAR - 20);
      return { first: between(start, last - 100), last };
    }
    case 'new':
      return { first: end - rng.int(20, 340), last: end };
    case 'big_one_off':
      return { first: between(start + 60, end - 60), last: end };
    case 'prospect':
      return { first: between(start, end - 15), last: end };
  }
}

/**
 * Records created in the CRM's first months are the migrated legacy customers; later ones are
 * created shortly before their first order or first contact.
 */
function createdDay(rng: Rng, archetype: Archetype, first: Day, window: DemoWindow): Day {
  if (archetype === 'prospect') return first;
  if (first - window.start < 90) return rng.int(window.start, first);
  return clampDay(first - rng.int(0, 60), window.start, first);
}

interface Draft {
  index: number;
  rng: Rng;
  type: CustomerType;
  industry: string;
  archetype: Archetype;
  place: DemoPlace;
  intensity: number;
  first: Day;
  last: Day;
  created: Day;
}

function draftCustomer(index: number, rng: Rng, window: DemoWindow): Draft {
  const type = pickType(rng);
  const industries = CUSTOMER_TYPE_INDUSTRIES[type];
  const industry = rng.weighted(
    industries.map(([name]) => name),
    industries.map(([, weight]) => weight),
  );
  const archetype = archetypePickers.get(type)?.(rng) ?? 'regular';
  const province = pickProvince(rng);
  const place = placePickers.get(province.province.code)?.(rng) ?? province.places[0];
  if (!place) throw new Error(`no demo places in ${province.province.code}`);
  const { first, last } = activityWindow(rng, archetype, window);
  return {
    index,
    rng,
    type,
    industry,
    archetype,
    place,
    intensity: province.intensity * rng.logNormal(1, 0.35),
    first,
    last,
    created: createdDay(rng, archetype, first, window),
  };
}

/** Tries `make` a few times, then `fallback`, which draws from a much larger space. */
function uniqueName(used: Set<string>, make: () => string, fallback: () => string): string {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const name = attempt < 20 ? make() : fallback();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error('could not find an unused demo customer name');
}

function customerName(draft: Draft, district: string, used: Set<string>): string {
  const { rng, place, type, industry } = draft;
  const company = (): string => {
    const roll = rng.next();
    const location = roll < 0.5 ? place.province.shortName : roll < 0.9 ? place.city.shortName : '';
    return companyName(rng, location, industry);
  };
  switch (type) {
    // Two customers of the same name would merge on import, so names stay unique.
    case 'owner_operator':
      return uniqueName(used, () => personName(rng), () => composedPersonName(rng));
    case 'government':
      return uniqueName(used, () => governmentName(rng, place.city.name, district), company);
    default:
      return uniqueName(used, company, company);
  }
}

function paymentHabit(rng: Rng, type: CustomerType): PaymentHabit {
  const slowShare = type === 'owner_operator' ? 0.35 : type === 'government' ? 0.3 : 0.22;
  return rng.chance(slowShare) ? 'slow' : 'punctual';
}

/**
 * Draws the customers, orders them by creation date and numbers them C000001, C000002, …
 * so codes grow with the record's age as they do in a real CRM.
 */
export function generateCustomers(rng: Rng, count: number, window: DemoWindow): DemoCustomer[] {
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i += 1) drafts.push(draftCustomer(i, rng.fork(`customer:${i}`), window));
  drafts.sort((a, b) => a.created - b.created || a.index - b.index);

  const usedNames = new Set<string>();
  return drafts.map((draft, position) => {
    const { rng: r, place, type, archetype } = draft;
    const code = `C${String(position + 1).padStart(6, '0')}`;
    const district = r.pick(place.districts);
    const name = customerName(draft, district, usedNames);
    const individual = type === 'owner_operator';
    const managers = managersFor(place.province.code);
    const [rateMin, rateMax] = ORDER_RATES[archetype];
    return {
      record: {
        code,
        name,
        type,
        industry: draft.industry,
        province: place.province.name,
        city: place.city.name,
        county: r.chance(0.04) ? null : district,
        divisionCode: place.city.code,
        address: r.chance(0.02) ? null : `${placePrefix(place)}${district}${streetAddress(r, individual && r.chance(0.6))}`,
        contact: individual ? name : r.chance(0.03) ? null : personName(r),
        phone: r.chance(0.04) ? null : mobilePhone(r),
        accountManager: managers.length === 0 || r.chance(0.02) ? null : r.pick(managers),
        salesRegion: place.province.salesRegion,
        createdDate: toIso(draft.created),
      },
      archetype,
      place,
      orderRate: r.float(rateMin, rateMax) * draft.intensity,
      firstActive: draft.first,
      lastActive: draft.last,
      paymentHabit: paymentHabit(r, type),
      complainer: r.chance(0.06),
    };
  });
}
