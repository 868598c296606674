import type { SalesRegion } from './sales-regions.ts';

export type ProvinceKind = 'province' | 'municipality' | 'autonomous_region' | 'special_administrative_region';

export interface Province {
  /** GB/T 2260 code, six digits ending in 0000. */
  code: string;
  /** Official full name: 江苏省, 北京市, 内蒙古自治区, 香港特别行政区. */
  name: string;
  /** The name ECharts' china.json uses for the region; the map only matches these. */
  shortName: string;
  /** Traditional Chinese full and short names (equal to the simplified ones where nothing differs). */
  nameHant: string;
  shortNameHant: string;
  /** Customary English name; pinyin with the conventional spellings (Shaanxi, Inner Mongolia, Macau). */
  nameEn: string;
  kind: ProvinceKind;
  salesRegion: SalesRegion;
  /** Further spellings seen in exports (romanisations, variant characters). */
  aliases: readonly string[];
}

type Row = readonly [
  code: string,
  name: string,
  shortName: string,
  nameHant: string,
  shortNameHant: string,
  nameEn: string,
  kind: ProvinceKind,
  salesRegion: SalesRegion,
  aliases?: readonly string[],
];

const P = 'province';
const M = 'municipality';
const A = 'autonomous_region';
const S = 'special_administrative_region';

const ROWS: readonly Row[] = [
  ['110000', '北京市', '北京', '北京市', '北京', 'Beijing', M, '华北', ['Peking']],
  ['120000', '天津市', '天津', '天津市', '天津', 'Tianjin', M, '华北'],
  ['130000', '河北省', '河北', '河北省', '河北', 'Hebei', P, '华北'],
  ['140000', '山西省', '山西', '山西省', '山西', 'Shanxi', P, '华北'],
  ['150000', '内蒙古自治区', '内蒙古', '內蒙古自治區', '內蒙古', 'Inner Mongolia', A, '华北', ['Nei Mongol', 'Neimenggu', 'Nei Menggu']],
  ['210000', '辽宁省', '辽宁', '遼寧省', '遼寧', 'Liaoning', P, '东北'],
  ['220000', '吉林省', '吉林', '吉林省', '吉林', 'Jilin', P, '东北'],
  ['230000', '黑龙江省', '黑龙江', '黑龍江省', '黑龍江', 'Heilongjiang', P, '东北'],
  ['310000', '上海市', '上海', '上海市', '上海', 'Shanghai', M, '华东'],
  ['320000', '江苏省', '江苏', '江蘇省', '江蘇', 'Jiangsu', P, '华东'],
  ['330000', '浙江省', '浙江', '浙江省', '浙江', 'Zhejiang', P, '华东'],
  ['340000', '安徽省', '安徽', '安徽省', '安徽', 'Anhui', P, '华东'],
  ['350000', '福建省', '福建', '福建省', '福建', 'Fujian', P, '华东'],
  ['360000', '江西省', '江西', '江西省', '江西', 'Jiangxi', P, '华东'],
  ['370000', '山东省', '山东', '山東省', '山東', 'Shandong', P, '华东'],
  ['410000', '河南省', '河南', '河南省', '河南', 'Henan', P, '华中'],
  ['420000', '湖北省', '湖北', '湖北省', '湖北', 'Hubei', P, '华中'],
  ['430000', '湖南省', '湖南', '湖南省', '湖南', 'Hunan', P, '华中'],
  ['440000', '广东省', '广东', '廣東省', '廣東', 'Guangdong', P, '华南', ['Canton']],
  ['450000', '广西壮族自治区', '广西', '廣西壯族自治區', '廣西', 'Guangxi', A, '华南', ['Guangxi Zhuang']],
  ['460000', '海南省', '海南', '海南省', '海南', 'Hainan', P, '华南'],
  ['500000', '重庆市', '重庆', '重慶市', '重慶', 'Chongqing', M, '西南'],
  ['510000', '四川省', '四川', '四川省', '四川', 'Sichuan', P, '西南'],
  ['520000', '贵州省', '贵州', '貴州省', '貴州', 'Guizhou', P, '西南'],
  ['530000', '云南省', '云南', '雲南省', '雲南', 'Yunnan', P, '西南'],
  ['540000', '西藏自治区', '西藏', '西藏自治區', '西藏', 'Tibet', A, '西南', ['Xizang']],
  ['610000', '陕西省', '陕西', '陝西省', '陝西', 'Shaanxi', P, '西北', ['Shaan Xi']],
  ['620000', '甘肃省', '甘肃', '甘肅省', '甘肅', 'Gansu', P, '西北'],
  ['630000', '青海省', '青海', '青海省', '青海', 'Qinghai', P, '西北'],
  ['640000', '宁夏回族自治区', '宁夏', '寧夏回族自治區', '寧夏', 'Ningxia', A, '西北', ['Ningxia Hui']],
  ['650000', '新疆维吾尔自治区', '新疆', '新疆維吾爾自治區', '新疆', 'Xinjiang', A, '西北', ['Xinjiang Uygur', 'Xinjiang Uyghur']],
  ['710000', '台湾省', '台湾', '臺灣省', '臺灣', 'Taiwan', P, '华南', ['台灣', '台灣省']],
  ['810000', '香港特别行政区', '香港', '香港特別行政區', '香港', 'Hong Kong', S, '华南', ['Hongkong', 'Hong Kong SAR']],
  ['820000', '澳门特别行政区', '澳门', '澳門特別行政區', '澳門', 'Macau', S, '华南', ['Macao', 'Macau SAR', 'Macao SAR']],
];

/** All 34 provincial-level divisions, in GB/T 2260 code order. */
export const PROVINCES: readonly Province[] = ROWS.map(
  ([code, name, shortName, nameHant, shortNameHant, nameEn, kind, salesRegion, aliases]) => ({
    code,
    name,
    shortName,
    nameHant,
    shortNameHant,
    nameEn,
    kind,
    salesRegion,
    aliases: aliases ?? [],
  }),
);

/** The two-digit prefix every lower-level code inside the province shares. */
export function provincePrefix(code: string): string {
  return code.slice(0, 2);
}

/** Mainland provinces (everything but Hong Kong, Macau and Taiwan), e.g. for demo data. */
export function isMainland(province: Province): boolean {
  return province.kind !== 'special_administrative_region' && province.code !== '710000';
}
