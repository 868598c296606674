/**
 * Matching our region names to the feature names of the bundled GeoJSON (assets/maps, from
 * echarts 4.9.0). The country map names provinces by their short name (江苏, 广西, 香港);
 * a province file names its prefecture-level divisions in full (苏州市, 延边朝鲜族自治州,
 * 那曲地区 — the data predates 那曲市). Names arrive in many spellings (江苏省, 江蘇, Jiangsu,
 * 苏州, 江苏省苏州市), so matching goes through `findProvince` / `findCity` and, for names not in
 * our division table, through suffix-tolerant comparison with the features themselves.
 *
 * Nothing is dropped silently: every name that matches no feature is returned in `unmatched`,
 * and users can fix those by hand with an override map { rawName → featureName } (as FineBI
 * does), which wins over automatic matching.
 */
import { PROVINCES, type Province } from './provinces.ts';
import { findCity, findProvince, normalizeRegionName } from './lookup.ts';

/** Which map the names are matched against. */
export type MapTarget =
  /** The China map: 34 provincial features named by `Province.shortName`. */
  | { level: 'country' }
  /** One province's map: its features' names as read from the GeoJSON. */
  | { level: 'province'; provinceCode: string; featureNames: readonly string[] };

/** User corrections: raw name as imported → feature name on the map. */
export type NameOverrides = Readonly<Record<string, string>>;

export type MatchVia = 'override' | 'exact' | 'variant';

export interface MatchedRegion<V> {
  rawName: string;
  featureName: string;
  value: V;
  via: MatchVia;
}

export interface UnmatchedRegion<V> {
  rawName: string;
  value: V;
  /** Set when an override named a feature that the map does not have. */
  badOverride?: string;
}

export interface RegionNameMatch<V> {
  matched: MatchedRegion<V>[];
  unmatched: UnmatchedRegion<V>[];
}

/** The ECharts map name under which the country map must be registered (adds 南海诸岛, 钓鱼岛). */
export const CHINA_MAP_NAME = 'china';

/** Registration name of one province's map. */
export function provinceMapName(provinceCode: string): string {
  return `province-${provinceCode}`;
}

/** Paths relative to the renderer's index.html (the build copies assets/maps to maps/). */
export const CHINA_MAP_FILE = 'maps/china.json';
export function provinceMapFile(provinceCode: string): string {
  return `maps/province/${provinceCode}.json`;
}

/** The 34 feature names of the country map, in `PROVINCES` order. */
export const COUNTRY_FEATURE_NAMES: readonly string[] = PROVINCES.map((p) => p.shortName);

/** The province behind a country-map feature name (江苏 → 江苏省), for drill-down. */
export function provinceOfFeature(featureName: string): Province | undefined {
  return PROVINCES.find((p) => p.shortName === featureName) ?? findProvince(featureName);
}

/** Administrative suffixes of prefecture-level features, longest first. */
const FEATURE_SUFFIXES = ['特别行政区', '自治州', '地区', '林区', '新区', '市', '盟', '州', '区', '县'];

/** 苏州市 → 苏州, 那曲地区 → 那曲; names that would shrink below two characters stay whole. */
function stripSuffix(key: string): string {
  for (const suffix of FEATURE_SUFFIXES) {
    if (key.endsWith(suffix) && key.length - suffix.length >= 2) return key.slice(0, -suffix.length);
  }
  return key;
}

/** The country-map feature for a province name in any spelling, or undefined. */
export function countryFeatureFor(rawName: string): string | undefined {
  return findProvince(rawName)?.shortName;
}

/** Index of one province map's feature names for repeated lookups. */
class FeatureIndex {
  private readonly exact = new Set<string>();
  private readonly byKey = new Map<string, string[]>();
  private readonly byShort = new Map<string, string[]>();

  constructor(readonly names: readonly string[]) {
    for (const name of names) {
      this.exact.add(name);
      const key = normalizeRegionName(name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), name]);
      const short = stripSuffix(key);
      this.byShort.set(short, [...(this.byShort.get(short) ?? []), name]);
    }
  }

  has(name: string): boolean {
    return this.exact.has(name);
  }

  /** The one feature a normalised key names, by full or suffix-less name; never a guess between two. */
  lookup(key: string): string | undefined {
    const unique = (list: readonly string[] | undefined): string | undefined =>
      list && new Set(list).size === 1 ? list[0] : undefined;
    const full = unique(this.byKey.get(key));
    if (full !== undefined) return full;
    const short = unique(this.byShort.get(stripSuffix(key)));
    if (short !== undefined) return short;
    // 延边 → 延边朝鲜族自治州, 黔东南 → 黔东南苗族侗族自治州: a unique feature starting with the key.
    const stem = stripSuffix(key);
    if (stem.length < 2) return undefined;
    const starting = [...new Set(this.names.filter((n) => normalizeRegionName(n).startsWith(stem)))];
    return starting.length === 1 ? starting[0] : undefined;
  }
}

function cityFeature(rawName: string, provinceCode: string, index: FeatureIndex): string | undefined {
  if (index.has(rawName)) return rawName;
  const city = findCity(rawName, provinceCode);
  if (city) {
    const byCity = index.lookup(normalizeRegionName(city.name)) ?? index.lookup(normalizeRegionName(city.shortName));
    if (byCity !== undefined) return byCity;
  }
  const key = normalizeRegionName(rawName);
  if (key === '') return undefined;
  const direct = index.lookup(key);
  if (direct !== undefined) return direct;
  // 江苏省苏州市 / 江苏苏州 for a name our table lacks: drop a leading province name.
  const province = PROVINCES.find((p) => p.code === provinceCode);
  if (province) {
    for (const prefix of [province.name, province.shortName, province.nameHant, province.shortNameHant]) {
      const p = normalizeRegionName(prefix);
      if (key.startsWith(p) && key.length > p.length) {
        const rest = index.lookup(key.slice(p.length));
        if (rest !== undefined) return rest;
      }
    }
  }
  return undefined;
}

/** The feature of one province map for a city name in any spelling, or undefined. */
export function cityFeatureFor(rawName: string, provinceCode: string, featureNames: readonly string[]): string | undefined {
  return cityFeature(rawName, provinceCode, new FeatureIndex(featureNames));
}

/**
 * Matches each row's raw name to a feature of the target map. Overrides win (and an override
 * naming a feature the map lacks leaves the row unmatched, with `badOverride` set); rows whose
 * name matches nothing are returned in `unmatched`, in input order. Several raw spellings may
 * land on one feature; combining their values is the caller's business (sum counts, recompute
 * rates).
 */
export function matchRegionNames<V>(
  rows: readonly { name: string; value: V }[],
  target: MapTarget,
  overrides: NameOverrides = {},
): RegionNameMatch<V> {
  const index = new FeatureIndex(target.level === 'country' ? COUNTRY_FEATURE_NAMES : target.featureNames);
  const auto = (raw: string): string | undefined =>
    target.level === 'country'
      ? index.has(raw)
        ? raw
        : countryFeatureFor(raw)
      : cityFeature(raw, target.provinceCode, index);
  const result: RegionNameMatch<V> = { matched: [], unmatched: [] };
  for (const { name, value } of rows) {
    const override = Object.hasOwn(overrides, name) ? overrides[name] : undefined;
    if (override !== undefined) {
      if (index.has(override)) result.matched.push({ rawName: name, featureName: override, value, via: 'override' });
      else result.unmatched.push({ rawName: name, value, badOverride: override });
      continue;
    }
    const feature = auto(name);
    if (feature === undefined) result.unmatched.push({ rawName: name, value });
    else result.matched.push({ rawName: name, featureName: feature, value, via: feature === name ? 'exact' : 'variant' });
  }
  return result;
}

/** Sums numeric values per feature: the usual way to merge counts and amounts after matching. */
export function sumByFeature(matched: readonly MatchedRegion<number>[]): { name: string; value: number }[] {
  const sums = new Map<string, number>();
  for (const m of matched) sums.set(m.featureName, (sums.get(m.featureName) ?? 0) + m.value);
  return [...sums].map(([name, value]) => ({ name, value }));
}
