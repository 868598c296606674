import { CITIES, type City } from './cities.ts';
import { PROVINCES, provincePrefix, type Province } from './provinces.ts';

/**
 * Folds the ways one name arrives from exports into one key: full-width letters and digits
 * (NFKC), case, spaces and separators. Chinese characters are kept as they are.
 */
export function normalizeRegionName(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•・.,'’_\-()（）]/g, '');
}

const PROVINCE_SUFFIXES = [
  '壮族自治区',
  '回族自治区',
  '维吾尔自治区',
  '壯族自治區',
  '回族自治區',
  '維吾爾自治區',
  '特别行政区',
  '特別行政區',
  '自治区',
  '自治區',
  '省',
  '市',
  'autonomousregion',
  'specialadministrativeregion',
  'municipality',
  'province',
  'sar',
  'sheng',
  'shi',
];

const provincesByCode = new Map<string, Province>(PROVINCES.map((p) => [p.code, p]));
const provincesByPrefix = new Map<string, Province>(PROVINCES.map((p) => [provincePrefix(p.code), p]));
const provincesByName = new Map<string, Province>();
for (const p of PROVINCES) {
  for (const name of [p.name, p.shortName, p.nameHant, p.shortNameHant, p.nameEn, ...p.aliases]) {
    provincesByName.set(normalizeRegionName(name), p);
  }
}

const citiesByCode = new Map<string, City>(CITIES.map((c) => [c.code, c]));
const citiesByName = new Map<string, City[]>();
for (const c of CITIES) {
  for (const name of new Set([c.name, c.shortName])) {
    const key = normalizeRegionName(name);
    citiesByName.set(key, [...(citiesByName.get(key) ?? []), c]);
  }
}

/** A province by its six-digit code, or by the two-digit prefix of any code inside it. */
export function provinceByCode(code: string): Province | undefined {
  const trimmed = code.trim();
  if (/^\d{6}$/.test(trimmed)) return provincesByCode.get(trimmed) ?? provincesByPrefix.get(provincePrefix(trimmed));
  if (/^\d{2}$/.test(trimmed)) return provincesByPrefix.get(trimmed);
  return undefined;
}

/**
 * A province by any of its names: 江苏省, 江苏, 江蘇, Jiangsu, "JIANGSU PROVINCE", 320000.
 * Unknown names give undefined rather than a guess; the importer lists them for the user.
 */
export function findProvince(input: string): Province | undefined {
  const byCode = provinceByCode(input);
  if (byCode) return byCode;
  const key = normalizeRegionName(input);
  if (key === '') return undefined;
  const direct = provincesByName.get(key);
  if (direct) return direct;
  for (const suffix of PROVINCE_SUFFIXES) {
    if (key.endsWith(suffix) && key.length > suffix.length) {
      const stripped = provincesByName.get(key.slice(0, -suffix.length));
      if (stripped) return stripped;
    }
  }
  return undefined;
}

export function cityByCode(code: string): City | undefined {
  return citiesByCode.get(code.trim());
}

/** The leading province name of "江苏省苏州市" or "江苏苏州", with what follows it. */
function splitLeadingProvince(key: string): { province: Province; rest: string } | undefined {
  // Longest first, so 内蒙古自治区 wins over 内蒙古 and the rest starts at the city.
  for (let length = Math.min(key.length - 1, 8); length >= 2; length -= 1) {
    const province = provincesByName.get(key.slice(0, length));
    if (province) return { province, rest: key.slice(length) };
  }
  return undefined;
}

function pick(candidates: readonly City[] | undefined, provinceCode: string | undefined): City | undefined {
  if (!candidates || candidates.length === 0) return undefined;
  if (provinceCode === undefined) return candidates.length === 1 ? candidates[0] : undefined;
  return candidates.find((c) => c.provinceCode === provinceCode);
}

/**
 * A prefecture-level city by name (苏州市, 苏州, 延边), code, or province-prefixed name
 * (江苏省苏州市). `provinceCode` narrows the search and must agree when given; a name shared
 * by cities of different provinces resolves only with it.
 */
export function findCity(input: string, provinceCode?: string): City | undefined {
  const trimmed = input.trim();
  if (/^\d{6}$/.test(trimmed)) {
    const city = cityByCode(trimmed);
    return city && (provinceCode === undefined || city.provinceCode === provinceCode) ? city : undefined;
  }
  const key = normalizeRegionName(trimmed);
  if (key === '') return undefined;
  const direct = pick(citiesByName.get(key), provinceCode);
  if (direct) return direct;
  const split = splitLeadingProvince(key);
  if (split && (provinceCode === undefined || split.province.code === provinceCode)) {
    return pick(citiesByName.get(split.rest), split.province.code);
  }
  return undefined;
}

export function citiesOfProvince(provinceCode: string): City[] {
  return CITIES.filter((c) => c.provinceCode === provinceCode);
}

export function provinceOfCity(city: City): Province {
  const province = provincesByCode.get(city.provinceCode);
  if (!province) throw new Error(`city ${city.code} names unknown province ${city.provinceCode}`);
  return province;
}
