/**
 * Province / city / county columns (or an address when those are missing) to standard names
 * and GB/T 2260 codes: 江苏 = 江苏省 = 江蘇 = Jiangsu; 苏州 = 苏州市; 北京 is both the province
 * and the city 北京市. Names that match nothing are returned in `unmatched` so the user
 * sees them; nothing is silently dropped or guessed.
 */
import { findCity, findProvince, provinceOfCity, type City, type Province } from '../regions/index.ts';
import { toHalfWidth } from './text.ts';
import type { NormalizedRegion, RegionInput } from './types.ts';

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const t = toHalfWidth(value).trim();
  return t === '' || /^[-—/]+$/.test(t) ? null : t;
}

/** The longest leading province name of an address: 江苏省苏州市… → 江苏省. */
function leadingProvince(address: string): { province: Province; rest: string } | undefined {
  for (let length = Math.min(address.length, 12); length >= 2; length -= 1) {
    const province = findProvince(address.slice(0, length));
    if (province) return { province, rest: address.slice(length) };
  }
  return undefined;
}

// After a short city name (苏州) these characters mean the name was part of a district or a
// street (朝阳区, 朝阳路), not the city 朝阳市.
const NOT_AFTER_SHORT_NAME = /^[区區县縣镇鎮乡鄉路街村旗道巷门門]/;

/** The longest leading city name of `text` (inside `provinceCode` when given). */
function leadingCity(text: string, provinceCode: string | undefined): { city: City; rest: string } | undefined {
  for (let length = Math.min(text.length, 12); length >= 2; length -= 1) {
    const head = text.slice(0, length);
    const city = findCity(head, provinceCode);
    if (!city) continue;
    const rest = text.slice(length);
    if (head === city.shortName && head !== city.name && NOT_AFTER_SHORT_NAME.test(rest)) continue;
    return { city, rest };
  }
  return undefined;
}

function municipalityCity(province: Province): City | undefined {
  return province.kind === 'municipality' ? findCity(province.code) : undefined;
}

export function normalizeRegion(input: RegionInput): NormalizedRegion {
  const unmatched: string[] = [];
  const provinceText = clean(input.province);
  const cityText = clean(input.city);
  let county = clean(input.county);
  let province: Province | undefined;
  let city: City | undefined;

  if (provinceText !== null) {
    province = findProvince(provinceText);
    if (!province) unmatched.push(provinceText);
  }
  if (cityText !== null) {
    city = findCity(cityText, province?.code);
    if (!city && province?.kind === 'municipality') {
      // 北京 / 朝阳区: the "city" column of a municipality often holds the district.
      if (county === null) county = cityText;
    } else if (!city) {
      const anywhere = findCity(cityText);
      // A city that exists, but in another province than the row says: report, do not move.
      unmatched.push(anywhere && province ? `${cityText} (not in ${province.name})` : cityText);
    }
  }
  if (city && !province) province = provinceOfCity(city);

  const address = clean(input.address);
  if (address !== null && (!province || !city)) {
    const lead = province ? undefined : leadingProvince(address);
    const foundProvince = province ?? lead?.province;
    // The address goes on after the province, or starts with the city when there is none.
    let rest = lead ? lead.rest : address;
    if (province && !lead) {
      const again = leadingProvince(address);
      if (again && again.province.code === province.code) rest = again.rest;
    }
    if (!city && !(foundProvince && foundProvince.kind === 'municipality')) {
      const found = leadingCity(rest, foundProvince?.code);
      if (found) city = found.city;
    }
    if (!province) province = foundProvince ?? (city ? provinceOfCity(city) : undefined);
  }
  if (province && !city) city = municipalityCity(province);

  return {
    province: province?.name ?? null,
    city: city?.name ?? null,
    county,
    divisionCode: city?.code ?? province?.code ?? null,
    unmatched,
  };
}
