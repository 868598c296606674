import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITIES, PROVINCES } from './index.ts';
import {
  COUNTRY_FEATURE_NAMES,
  cityFeatureFor,
  countryFeatureFor,
  matchRegionNames,
  provinceOfFeature,
  sumByFeature,
} from './map-names.ts';

const mapsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/maps');

interface Geo {
  features: { id?: string; properties: { name: string } }[];
}
function readGeo(file: string): Geo {
  return JSON.parse(fs.readFileSync(path.join(mapsDir, file), 'utf8')) as Geo;
}
function featureNames(provinceCode: string): string[] {
  return readGeo(`province/${provinceCode}.json`).features.map((f) => f.properties.name);
}

/**
 * Cities of our table that no feature of their province's map stands for. The four
 * municipalities are one "city" each in our table (the whole municipality), while their map
 * files are divided into districts; the map shows them at the country level only.
 */
const KNOWN_CITY_EXCEPTIONS = new Set(['110000', '120000', '310000', '500000']);

describe('bundled map data', () => {
  it('china.json has the 34 provincial regions under the short names ECharts expects', () => {
    const names = readGeo('china.json').features.map((f) => f.properties.name);
    expect(new Set(names)).toEqual(new Set(COUNTRY_FEATURE_NAMES));
    expect(names).toContain('台湾');
    expect(names).toContain('香港');
    expect(names).toContain('澳门');
    expect(names).toContain('海南');
  });

  it('has one province file per provincial code, with the codes of its features inside it', () => {
    for (const p of PROVINCES) {
      const geo = readGeo(`province/${p.code}.json`);
      expect(geo.features.length, p.name).toBeGreaterThan(0);
      for (const f of geo.features) {
        if (f.id) expect(f.id.slice(0, 2), `${p.name} ${f.properties.name}`).toBe(p.code.slice(0, 2));
      }
    }
  });

  it('every city of our division table matches a feature of its province map, or is a known exception', () => {
    const unmatched: string[] = [];
    let matched = 0;
    for (const p of PROVINCES) {
      const names = featureNames(p.code);
      for (const city of CITIES.filter((c) => c.provinceCode === p.code)) {
        const feature = cityFeatureFor(city.name, p.code, names);
        if (KNOWN_CITY_EXCEPTIONS.has(city.code)) {
          expect(feature, city.name).toBeUndefined();
          continue;
        }
        if (feature === undefined) unmatched.push(`${p.name}/${city.name}`);
        else matched += 1;
        // The short form people type matches the same feature.
        expect(cityFeatureFor(city.shortName, p.code, names), city.shortName).toBe(feature);
      }
    }
    expect(unmatched).toEqual([]);
    expect(matched).toBe(CITIES.length - KNOWN_CITY_EXCEPTIONS.size);
  });

  it('matches the features whose names differ from our table (那曲市 → 那曲地区) and 江苏\'s 13 cities', () => {
    expect(cityFeatureFor('那曲市', '540000', featureNames('540000'))).toBe('那曲地区');
    const jiangsu = CITIES.filter((c) => c.provinceCode === '320000');
    const result = matchRegionNames(jiangsu.map((c) => ({ name: c.name, value: 1 })), {
      level: 'province',
      provinceCode: '320000',
      featureNames: featureNames('320000'),
    });
    expect(result.unmatched).toEqual([]);
    expect(new Set(result.matched.map((m) => m.featureName))).toEqual(new Set(featureNames('320000')));
    expect(result.matched).toHaveLength(13);
  });
});

describe('matchRegionNames at country level', () => {
  it('maps full, short, traditional, English and code spellings to the short feature name', () => {
    const cases: [string, string][] = [
      ['江苏省', '江苏'],
      ['江苏', '江苏'],
      ['江蘇省', '江苏'],
      ['Jiangsu', '江苏'],
      ['JIANGSU PROVINCE', '江苏'],
      ['广西壮族自治区', '广西'],
      ['北京市', '北京'],
      ['香港特别行政区', '香港'],
      ['Macao', '澳门'],
      ['台灣', '台湾'],
      ['内蒙古自治区', '内蒙古'],
      ['陕西省', '陕西'],
      ['Shaanxi', '陕西'],
      ['Shanxi', '山西'],
      ['320000', '江苏'],
      [' 江苏省 ', '江苏'],
    ];
    for (const [raw, feature] of cases) expect(countryFeatureFor(raw), raw).toBe(feature);
  });

  it('lists names it cannot match instead of dropping them, in input order', () => {
    const result = matchRegionNames(
      [
        { name: '江苏省', value: 5 },
        { name: '火星', value: 2 },
        { name: '', value: 1 },
        { name: '江苏', value: 3 },
      ],
      { level: 'country' },
    );
    expect(result.matched.map((m) => [m.rawName, m.featureName, m.via])).toEqual([
      ['江苏省', '江苏', 'variant'],
      ['江苏', '江苏', 'exact'],
    ]);
    expect(result.unmatched).toEqual([
      { rawName: '火星', value: 2 },
      { rawName: '', value: 1 },
    ]);
    expect(sumByFeature(result.matched)).toEqual([{ name: '江苏', value: 8 }]);
  });

  it('applies user overrides first, and reports an override naming a missing feature', () => {
    const result = matchRegionNames(
      [
        { name: '苏省', value: 1 },
        { name: '浙江', value: 2 },
        { name: '火星', value: 3 },
      ],
      { level: 'country' },
      { 苏省: '江苏', 浙江: '上海', 火星: '火星省' },
    );
    expect(result.matched).toEqual([
      { rawName: '苏省', featureName: '江苏', value: 1, via: 'override' },
      { rawName: '浙江', featureName: '上海', value: 2, via: 'override' },
    ]);
    expect(result.unmatched).toEqual([{ rawName: '火星', value: 3, badOverride: '火星省' }]);
  });

  it('finds the province behind a feature for drill-down', () => {
    for (const p of PROVINCES) expect(provinceOfFeature(p.shortName)?.code).toBe(p.code);
    expect(provinceOfFeature('南海诸岛')).toBeUndefined();
  });
});

describe('matchRegionNames at province level', () => {
  const target = (code: string) => ({ level: 'province' as const, provinceCode: code, featureNames: featureNames(code) });

  it('tolerates suffix, prefix and width variants', () => {
    const rows = ['苏州', '苏州市', '江苏省苏州市', '江苏苏州', 'Ｓ', '无锡 市'].map((name) => ({ name, value: 1 }));
    const result = matchRegionNames(rows, target('320000'));
    expect(result.matched.map((m) => m.featureName)).toEqual(['苏州市', '苏州市', '苏州市', '苏州市', '无锡市']);
    expect(result.unmatched.map((u) => u.rawName)).toEqual(['Ｓ']);
  });

  it('matches autonomous prefectures, leagues and regions by their short names', () => {
    expect(cityFeatureFor('延边', '220000', featureNames('220000'))).toBe('延边朝鲜族自治州');
    expect(cityFeatureFor('延边州', '220000', featureNames('220000'))).toBe('延边朝鲜族自治州');
    expect(cityFeatureFor('兴安', '150000', featureNames('150000'))).toBe('兴安盟');
    expect(cityFeatureFor('阿里', '540000', featureNames('540000'))).toBe('阿里地区');
    expect(cityFeatureFor('海南', '630000', featureNames('630000'))).toBe('海南藏族自治州');
    expect(cityFeatureFor('黔东南州', '520000', featureNames('520000'))).toBe('黔东南苗族侗族自治州');
  });

  it('matches features our table lacks (county-level cities, districts) by their own names', () => {
    expect(cityFeatureFor('仙桃', '420000', featureNames('420000'))).toBe('仙桃市');
    expect(cityFeatureFor('浦东新区', '310000', featureNames('310000'))).toBe('浦东新区');
    expect(cityFeatureFor('浦东', '310000', featureNames('310000'))).toBe('浦东新区');
    expect(cityFeatureFor('莱芜市', '370000', featureNames('370000'))).toBe('莱芜市');
  });

  it('does not match a city of another province, nor guess between two features', () => {
    expect(cityFeatureFor('苏州市', '330000', featureNames('330000'))).toBeUndefined();
    expect(cityFeatureFor('吉林', '320000', featureNames('320000'))).toBeUndefined();
    // 山南市 appears twice in the Tibet file (two polygons): still one feature name.
    expect(cityFeatureFor('山南', '540000', featureNames('540000'))).toBe('山南市');
  });
});
