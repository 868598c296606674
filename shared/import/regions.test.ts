import { describe, expect, it } from 'vitest';
import { PROVINCES } from '../regions/index.ts';
import { normalizeRegion } from './regions.ts';

describe('normalizeRegion: all 34 provincial-level divisions', () => {
  it('there are 34', () => expect(PROVINCES).toHaveLength(34));
  for (const p of PROVINCES) {
    const variants = [...new Set([p.name, p.shortName, p.nameHant, p.shortNameHant, p.nameEn, p.nameEn.toUpperCase(), `${p.nameEn} `, p.code])];
    it.each(variants)(`${p.name}: %j`, (variant) => {
      const r = normalizeRegion({ province: variant });
      expect(r.province).toBe(p.name);
      expect(r.unmatched).toEqual([]);
      if (p.kind === 'municipality') {
        // 北京 is the province and the city 北京市, coded as the province.
        expect(r.city).toBe(p.name);
        expect(r.divisionCode).toBe(p.code);
      } else {
        expect(r.city).toBeNull();
        expect(r.divisionCode).toBe(p.code);
      }
    });
  }
});

describe('normalizeRegion: cities', () => {
  it.each([
    [{ province: '江苏', city: '苏州' }, '江苏省', '苏州市', '320500'],
    [{ province: '江蘇省', city: '苏州市' }, '江苏省', '苏州市', '320500'],
    [{ province: 'Jiangsu', city: '苏州' }, '江苏省', '苏州市', '320500'],
    [{ city: '苏州市' }, '江苏省', '苏州市', '320500'],
    [{ province: '吉林', city: '吉林' }, '吉林省', '吉林市', '220200'],
    [{ province: '北京', city: '北京' }, '北京市', '北京市', '110000'],
    [{ province: '内蒙古', city: '呼和浩特' }, '内蒙古自治区', '呼和浩特市', '150100'],
    [{ province: '新疆', city: '乌鲁木齐市' }, '新疆维吾尔自治区', '乌鲁木齐市', '650100'],
    [{ province: '吉林省', city: '延边' }, '吉林省', '延边朝鲜族自治州', '222400'],
    [{ province: '广西', city: '南宁' }, '广西壮族自治区', '南宁市', '450100'],
  ])('%j', (input, province, city, code) => {
    expect(normalizeRegion(input)).toMatchObject({ province, city, divisionCode: code, unmatched: [] });
  });

  it('the city column of a municipality holding a district becomes the county', () => {
    expect(normalizeRegion({ province: '上海市', city: '浦东新区' })).toMatchObject({
      province: '上海市',
      city: '上海市',
      county: '浦东新区',
      divisionCode: '310000',
      unmatched: [],
    });
  });

  it('keeps the county as given', () => {
    expect(normalizeRegion({ province: '江苏省', city: '苏州市', county: '昆山市' }).county).toBe('昆山市');
  });
});

describe('normalizeRegion: from the address when columns are missing', () => {
  it.each([
    ['江苏省苏州市工业园区星湖街328号', '江苏省', '苏州市', '320500'],
    ['苏州市吴中区木渎镇金山路1号', '江苏省', '苏州市', '320500'],
    ['北京市朝阳区建国路88号', '北京市', '北京市', '110000'],
    ['上海浦东新区张江路100号', '上海市', '上海市', '310000'],
    ['内蒙古自治区鄂尔多斯市东胜区', '内蒙古自治区', '鄂尔多斯市', '150600'],
    ['广西壮族自治区南宁市青秀区民族大道', '广西壮族自治区', '南宁市', '450100'],
    ['山东青岛李沧区发展大道197号', '山东省', '青岛市', '370200'],
    ['湖北省恩施土家族苗族自治州恩施市', '湖北省', '恩施土家族苗族自治州', '422800'],
  ])('%s', (address, province, city, code) => {
    expect(normalizeRegion({ address })).toMatchObject({ province, city, divisionCode: code, unmatched: [] });
  });

  it('a district named like a city elsewhere is not taken for it (朝阳区 ≠ 朝阳市)', () => {
    expect(normalizeRegion({ address: '朝阳区建国路88号' })).toMatchObject({ province: null, city: null });
  });

  it('a province column with an address fills the city', () => {
    expect(normalizeRegion({ province: '江苏', address: '江苏省苏州市工业园区星湖街328号' })).toMatchObject({
      province: '江苏省',
      city: '苏州市',
    });
    expect(normalizeRegion({ province: '江苏', address: '苏州市工业园区星湖街328号' })).toMatchObject({ city: '苏州市' });
  });
});

describe('normalizeRegion: unmatched names are reported, never dropped', () => {
  it('unknown province', () => {
    expect(normalizeRegion({ province: '火星省', city: '苏州' })).toMatchObject({ province: '江苏省', city: '苏州市', unmatched: ['火星省'] });
  });
  it('unknown city', () => {
    expect(normalizeRegion({ province: '江苏', city: '姑苏城' })).toMatchObject({ province: '江苏省', city: null, divisionCode: '320000', unmatched: ['姑苏城'] });
  });
  it('a city in another province than the row says', () => {
    const r = normalizeRegion({ province: '浙江', city: '苏州' });
    expect(r.province).toBe('浙江省');
    expect(r.city).toBeNull();
    expect(r.unmatched).toEqual(['苏州 (not in 浙江省)']);
  });
  it('nothing given', () => {
    expect(normalizeRegion({})).toEqual({ province: null, city: null, county: null, divisionCode: null, unmatched: [] });
  });
});
