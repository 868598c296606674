/**
 * Loads the bundled GeoJSON (assets/maps, copied into the build as maps/) from the app's own
 * origin and registers it with ECharts once per map. The country map is registered as 'china',
 * which makes ECharts add the 南海诸岛 inset and the Diaoyu Islands.
 */
import { registerMap } from 'echarts/core';
import {
  CHINA_MAP_FILE,
  CHINA_MAP_NAME,
  provinceMapFile,
  provinceMapName,
} from '../../shared/regions/map-names.ts';

export interface LoadedMap {
  mapName: string;
  featureNames: string[];
}

type GeoJsonInput = Parameters<typeof registerMap>[1];

const cache = new Map<string, Promise<LoadedMap>>();

function featureNamesOf(json: unknown): string[] {
  const features = typeof json === 'object' && json !== null ? (json as { features?: unknown }).features : undefined;
  if (!Array.isArray(features)) throw new Error('not a GeoJSON FeatureCollection');
  const names = new Set<string>();
  for (const feature of features as unknown[]) {
    const name = (feature as { properties?: { name?: unknown } } | null)?.properties?.name;
    if (typeof name === 'string') names.add(name);
  }
  return [...names];
}

async function load(file: string, mapName: string): Promise<LoadedMap> {
  const response = await fetch(new URL(file, document.baseURI));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  const json: unknown = await response.json();
  const featureNames = featureNamesOf(json);
  registerMap(mapName, json as GeoJsonInput);
  return { mapName, featureNames };
}

function cached(file: string, mapName: string): Promise<LoadedMap> {
  let promise = cache.get(mapName);
  if (promise === undefined) {
    promise = load(file, mapName);
    // A failed load may be retried (e.g. after a transient error in browser mode).
    void promise.catch(() => cache.delete(mapName));
    cache.set(mapName, promise);
  }
  return promise;
}

export function loadChinaMap(): Promise<LoadedMap> {
  return cached(CHINA_MAP_FILE, CHINA_MAP_NAME);
}

export function loadProvinceMap(provinceCode: string): Promise<LoadedMap> {
  return cached(provinceMapFile(provinceCode), provinceMapName(provinceCode));
}
