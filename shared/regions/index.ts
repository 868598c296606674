export { SALES_REGIONS, SALES_REGION_EN, isSalesRegion, type SalesRegion } from './sales-regions.ts';
export { PROVINCES, provincePrefix, isMainland, type Province, type ProvinceKind } from './provinces.ts';
export { CITIES, type City } from './cities.ts';
export {
  normalizeRegionName,
  provinceByCode,
  findProvince,
  cityByCode,
  findCity,
  citiesOfProvince,
  provinceOfCity,
} from './lookup.ts';
