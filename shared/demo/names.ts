import type { CustomerType } from '../schema/records.ts';
import { createPicker, type Rng } from './rng.ts';

/**
 * Chinese names for the demo. Word lists are combined rather than listed whole, so a few
 * hundred characters give thousands of distinct, plausible company and person names.
 */

// Roughly by frequency, so 王/李/张 dominate as they do in real customer lists.
const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高',
  '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁',
  '潘', '于', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔',
  '钟', '谭', '陆', '汪', '范', '金', '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦',
  '邱', '江', '尹', '薛', '闫', '段', '雷', '侯', '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵',
];
const pickSurname = createPicker(
  SURNAMES,
  SURNAMES.map((_, i) => 1 / (1 + i * 0.08)),
);

const GIVEN_NAMES = [
  '建国', '建军', '建华', '建平', '志强', '志刚', '志明', '国庆', '国强', '国华', '国平', '海涛', '海波',
  '海军', '红军', '卫东', '卫国', '德明', '德华', '金龙', '春生', '立新', '振华', '学军', '文斌', '文军',
  '永刚', '永强', '永明', '明亮', '小龙', '晓东', '晓明', '宏伟', '伟', '军', '勇', '磊', '强', '涛', '斌',
  '杰', '鹏', '刚', '波', '辉', '亮', '超', '鑫', '浩', '俊杰', '子豪', '家豪', '宇航', '成', '林', '峰',
  '平', '华', '明', '东', '新民', '长江', '保国', '福生', '顺利', '兴旺', '大伟', '大勇', '铁柱', '继红',
  '秀英', '丽娟', '桂芳', '秀兰', '玉兰', '丽华', '红梅', '晓燕', '静', '敏', '丽', '芳', '婷', '雪梅',
];

export function personName(rng: Rng): string {
  return `${pickSurname(rng)}${rng.pick(GIVEN_NAMES)}`;
}

const GIVEN_FIRST = '建国志海永德金春立振学文明晓宏俊子家宇新长保福兴大继秀丽桂玉红雪卫小光庆世天正和'.split('');
const GIVEN_SECOND = '国军华平强刚明涛波东龙生新斌伟亮杰辉峰林成民江英兰芳梅燕娟霞勇磊鹏超鑫浩航'.split('');

/** A three-character name from combined characters: some 150,000 possibilities, for uniqueness. */
export function composedPersonName(rng: Rng): string {
  return `${pickSurname(rng)}${rng.pick(GIVEN_FIRST)}${rng.pick(GIVEN_SECOND)}`;
}

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156',
  '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189',
  '191', '198', '199',
];

/** An 11-digit mainland mobile number, 1[3-9]x followed by eight digits. */
export function mobilePhone(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

const TRADE_FIRST = [
  '华', '宏', '鑫', '恒', '鼎', '瑞', '永', '金', '天', '远', '兴', '博', '昌', '盛', '通', '建', '达', '泰',
  '隆', '嘉', '广', '海', '新', '安', '顺', '聚', '润', '德', '铭', '汇', '振', '路', '巨', '力', '众', '合',
  '山', '川', '凯', '晟', '中', '宇', '誉', '正', '同', '信', '祥', '锦',
];
const TRADE_SECOND = [
  '建', '通', '达', '源', '信', '丰', '利', '成', '盛', '昌', '泰', '华', '宇', '力', '恒', '远', '安', '发',
  '鑫', '鼎', '诚', '兴', '隆', '辉', '越', '峰', '阳', '翔', '坤', '晟', '邦', '基', '业', '路',
  '桥', '工', '程', '顺', '和', '川',
];

/** A two-character trade name (字号) such as 华建, 路通, 鑫源; never two equal characters. */
export function tradeName(rng: Rng): string {
  for (;;) {
    const first = rng.pick(TRADE_FIRST);
    const second = rng.pick(TRADE_SECOND);
    if (first !== second) return `${first}${second}`;
  }
}

/** What a company in each industry calls itself between trade name and legal form. */
export const INDUSTRY_WORDS: Readonly<Record<string, readonly string[]>> = {
  建筑施工: ['建设工程', '建筑工程', '建工', '建筑安装工程', '建设'],
  设备租赁: ['工程机械租赁', '机械设备租赁', '起重吊装', '设备租赁', '租赁'],
  市政工程: ['市政工程', '市政建设', '城建工程'],
  矿山开采: ['矿业', '矿产开发', '砂石', '石材'],
  港口物流: ['港务', '物流', '港口装卸', '仓储物流'],
  电力能源: ['电力工程', '新能源', '电力建设', '能源'],
  水利工程: ['水利水电工程', '水利工程', '水电建设'],
  道路桥梁: ['路桥工程', '路桥建设', '交通建设', '公路工程'],
  土石方工程: ['土石方工程', '土方工程'],
  工程机械经销: ['工程机械', '机械设备', '工程机械销售', '重工机械'],
};

const LEGAL_FORMS = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司'] as const;
const pickLegalForm = createPicker(LEGAL_FORMS, [70, 16, 7, 7]);

/** 江苏华建工程机械有限公司: location, trade name, industry word, legal form. */
export function companyName(rng: Rng, location: string, industry: string): string {
  const words = INDUSTRY_WORDS[industry] ?? ['工程'];
  return `${location}${tradeName(rng)}${rng.pick(words)}${pickLegalForm(rng)}`;
}

const GOVERNMENT_UNITS = [
  '市政工程管理处',
  '公路管理局',
  '水务局',
  '城市管理局',
  '交通运输局',
  '园林绿化管理处',
  '公路养护中心',
  '水利工程管理处',
];

/** 苏州市吴中区水务局: a public works office of a city or one of its districts. */
export function governmentName(rng: Rng, cityName: string, district: string): string {
  const unit = rng.pick(GOVERNMENT_UNITS);
  return rng.chance(0.4) ? `${cityName}${unit}` : `${cityName}${district}${unit}`;
}

export const CUSTOMER_TYPE_INDUSTRIES: Readonly<Record<CustomerType, readonly [string, number][]>> = {
  enterprise: [
    ['建筑施工', 30],
    ['市政工程', 12],
    ['道路桥梁', 14],
    ['水利工程', 8],
    ['电力能源', 8],
    ['矿山开采', 12],
    ['港口物流', 8],
    ['土石方工程', 8],
  ],
  rental: [
    ['设备租赁', 85],
    ['土石方工程', 15],
  ],
  owner_operator: [
    ['土石方工程', 55],
    ['设备租赁', 30],
    ['建筑施工', 15],
  ],
  government: [
    ['市政工程', 50],
    ['水利工程', 25],
    ['道路桥梁', 25],
  ],
  dealer: [['工程机械经销', 1]],
};

const STREETS = [
  '人民路', '建设路', '解放路', '中山路', '工业大道', '长江路', '黄河路', '滨江路', '开发大道', '科技路',
  '创业路', '新华路', '和平路', '胜利路', '友谊路', '光明路', '学府路', '世纪大道', '经开大道', '环城东路',
  '环城西路', '机场路', '站前路', '迎宾大道', '朝阳路', '文化路', '振兴路', '发展大道', '物流大道', '港口路',
  '高新大道', '园区路', '金山路', '银河路', '北京路', '上海路',
];
const PARKS = ['工业园', '物流园', '经济开发区', '高新技术产业园', '装备制造产业园'];
const TOWNS = ['城关', '新华', '马桥', '石桥', '双河', '龙泉', '白沙', '青龙', '大河', '黄土', '红星', '金山', '太平', '永安'];
const VILLAGES = ['王庄', '李家', '张湾', '新村', '东岗', '西坪', '柳树', '杨林', '河口', '石门', '桥头', '前进'];

/** Street part of an address, after province, city and district. */
export function streetAddress(rng: Rng, rural: boolean): string {
  if (rural) return `${rng.pick(TOWNS)}镇${rng.pick(VILLAGES)}村${rng.int(1, 12)}组`;
  if (rng.chance(0.25)) return `${rng.pick(PARKS)}${rng.pick(STREETS)}${rng.int(1, 399)}号`;
  return `${rng.pick(STREETS)}${rng.int(1, 999)}号`;
}
