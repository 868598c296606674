import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CITIES,
  PROVINCES,
  SALES_REGIONS,
  cityByCode,
  citiesOfProvince,
  findCity,
  findProvince,
  isMainland,
  provinceByCode,
  provinceOfCity,
} from './index.ts';

/** Region names of ECharts' china.json (echarts 4.9 map/json/china.json). */
const ECHARTS_CHINA_NAMES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽',
  '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州',
  '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '台湾', '香港', '澳门',
];

describe('provinces', () => {
  it('lists the 34 provincial-level divisions with unique six-digit codes and names', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(34);
    for (const p of PROVINCES) expect(p.code).toMatch(/^[1-8]\d0000$/);
  });

  it("uses exactly ECharts' china.json region names as short names", () => {
    expect(PROVINCES.map((p) => p.shortName).sort()).toEqual([...ECHARTS_CHINA_NAMES].sort());
  });

  it('assigns every province to one of the seven sales regions', () => {
    for (const p of PROVINCES) expect(SALES_REGIONS).toContain(p.salesRegion);
    const byRegion = (r: string) => PROVINCES.filter((p) => p.salesRegion === r).map((p) => p.shortName);
    expect(byRegion('东北').sort()).toEqual(['吉林', '辽宁', '黑龙江'].sort());
    expect(byRegion('西北').sort()).toEqual(['宁夏', '新疆', '甘肃', '陕西', '青海'].sort());
    expect(provinceByCode('810000')?.salesRegion).toBe('华南');
  });

  it('keeps Shaanxi and Shanxi apart', () => {
    expect(findProvince('Shaanxi')?.code).toBe('610000');
    expect(findProvince('Shanxi')?.code).toBe('140000');
    expect(findProvince('陕西')?.nameEn).toBe('Shaanxi');
  });

  it('has 31 mainland provinces', () => {
    expect(PROVINCES.filter(isMainland)).toHaveLength(31);
  });
});

describe('findProvince', () => {
  it.each([
    ['江苏省', '320000'],
    ['江苏', '320000'],
    ['江蘇', '320000'],
    ['江蘇省', '320000'],
    ['Jiangsu', '320000'],
    ['JIANGSU PROVINCE', '320000'],
    ['Ｊｉａｎｇｓｕ', '320000'],
    [' 江苏 ', '320000'],
    ['320000', '320000'],
    ['32', '320000'],
    ['内蒙古', '150000'],
    ['內蒙古自治區', '150000'],
    ['Inner Mongolia', '150000'],
    ['Nei Mongol', '150000'],
    ['广西壮族自治区', '450000'],
    ['广西自治区', '450000'],
    ['Guangxi Zhuang Autonomous Region', '450000'],
    ['新疆维吾尔自治区', '650000'],
    ['Xizang', '540000'],
    ['Tibet', '540000'],
    ['北京市', '110000'],
    ['Beijing Shi', '110000'],
    ['Hong Kong', '810000'],
    ['Hong Kong SAR', '810000'],
    ['香港特別行政區', '810000'],
    ['Macao', '820000'],
    ['澳門', '820000'],
    ['台灣', '710000'],
    ['臺灣省', '710000'],
  ])('%s → %s', (input, code) => {
    expect(findProvince(input)?.code).toBe(code);
  });

  it('answers undefined for names it does not know instead of guessing', () => {
    for (const input of ['', '   ', '江', '苏州', 'Atlantis', '990000', '省']) {
      expect(findProvince(input)).toBeUndefined();
    }
  });

  it('finds every province by each of its names, whatever the spacing and width', () => {
    const names = PROVINCES.flatMap((p) =>
      [p.name, p.shortName, p.nameHant, p.shortNameHant, p.nameEn, ...p.aliases].map((n) => [n, p.code] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom('', ' ', '  ', '\t'),
        fc.boolean(),
        ([name, code], pad, fullWidth) => {
          const widened = fullWidth
            ? name.replace(/[A-Za-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
            : name;
          expect(findProvince(`${pad}${widened}${pad}`)?.code).toBe(code);
        },
      ),
    );
  });
});

describe('cities', () => {
  it('lists all 333 prefecture-level divisions plus the four municipalities', () => {
    expect(CITIES).toHaveLength(337);
    expect(CITIES.filter((c) => c.municipality).map((c) => c.name)).toEqual(['北京市', '天津市', '上海市', '重庆市']);
  });

  it('has unique codes and names, and every code sits inside its province', () => {
    expect(new Set(CITIES.map((c) => c.code)).size).toBe(CITIES.length);
    expect(new Set(CITIES.map((c) => c.name)).size).toBe(CITIES.length);
    for (const c of CITIES) {
      expect(c.code).toMatch(/^\d{4}00$/);
      expect(provinceByCode(c.provinceCode)?.code).toBe(c.provinceCode);
      expect(c.code.slice(0, 2)).toBe(c.provinceCode.slice(0, 2));
      if (c.municipality) expect(c.code).toBe(c.provinceCode);
      else expect(c.code.slice(2, 4)).not.toBe('00');
      expect(c.name).toMatch(/(市|州|地区|盟)$/);
      expect(c.shortName.length).toBeGreaterThanOrEqual(2);
      expect(c.name.startsWith(c.shortName)).toBe(true);
    }
  });

  it('covers every mainland province and no other', () => {
    for (const p of PROVINCES) {
      expect(citiesOfProvince(p.code).length > 0).toBe(isMainland(p));
    }
    expect(citiesOfProvince('320000')).toHaveLength(13);
    expect(citiesOfProvince('440000')).toHaveLength(21);
    expect(citiesOfProvince('370000').map((c) => c.name)).not.toContain('莱芜市');
  });

  it.each([
    ['320500', '苏州市'],
    ['510100', '成都市'],
    ['610100', '西安市'],
    ['440300', '深圳市'],
    ['441900', '东莞市'],
    ['370200', '青岛市'],
    ['420600', '襄阳市'],
    ['222400', '延边朝鲜族自治州'],
    ['652900', '阿克苏地区'],
    ['152500', '锡林郭勒盟'],
    ['460400', '儋州市'],
    ['110000', '北京市'],
  ])('code %s is %s', (code, name) => {
    expect(cityByCode(code)?.name).toBe(name);
  });
});

describe('findCity', () => {
  it.each([
    ['苏州', '320500'],
    ['苏州市', '320500'],
    ['江苏省苏州市', '320500'],
    ['江苏苏州', '320500'],
    ['江蘇省蘇州市', undefined],
    ['320500', '320500'],
    ['延边', '222400'],
    ['延边朝鲜族自治州', '222400'],
    ['吉林市', '220200'],
    ['吉林吉林', '220200'],
    ['北京市', '110000'],
    ['北京', '110000'],
    ['内蒙古自治区鄂尔多斯市', '150600'],
    ['阿里', '542500'],
    ['无锡县', undefined],
  ])('%s → %s', (input, code) => {
    expect(findCity(input)?.code).toBe(code);
  });

  it('uses the province to narrow and to check', () => {
    expect(findCity('海南', '630000')?.name).toBe('海南藏族自治州');
    expect(findCity('海南', '460000')).toBeUndefined();
    expect(findCity('苏州', '330000')).toBeUndefined();
    expect(findCity('320500', '330000')).toBeUndefined();
    expect(findCity('浙江省苏州市')).toBeUndefined();
  });

  it('finds every city by name, short name within its province, and province + name', () => {
    for (const c of CITIES) {
      const province = provinceOfCity(c);
      expect(findCity(c.name)?.code).toBe(c.code);
      expect(findCity(c.shortName, c.provinceCode)?.code).toBe(c.code);
      if (!c.municipality) expect(findCity(`${province.name}${c.name}`)?.code).toBe(c.code);
    }
  });
});
