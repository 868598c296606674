/**
 * The demo sales team: 36 account managers, each covering one to three provinces. Strong
 * provinces have several managers, weak neighbours share one, so rankings by manager differ
 * from rankings by province.
 */
const TEAM: readonly (readonly [name: string, provinces: readonly string[]])[] = [
  ['周志远', ['320000']],
  ['陈浩然', ['320000']],
  ['吴晓峰', ['320000', '310000']],
  ['孙立伟', ['370000']],
  ['李明辉', ['370000']],
  ['王海滨', ['370000']],
  ['沈家豪', ['330000', '310000']],
  ['钱文涛', ['330000']],
  ['许振宇', ['340000']],
  ['林志杰', ['350000']],
  ['刘国栋', ['360000']],
  ['赵东升', ['110000', '120000']],
  ['马晓东', ['130000', '120000']],
  ['高振华', ['130000']],
  ['郭建军', ['140000']],
  ['杨宝山', ['150000']],
  ['张俊杰', ['410000']],
  ['范永强', ['410000']],
  ['胡志刚', ['420000']],
  ['程晓明', ['420000']],
  ['谭国华', ['430000']],
  ['曾立新', ['430000']],
  ['黄伟明', ['440000']],
  ['梁家辉', ['440000', '460000']],
  ['何振邦', ['440000']],
  ['韦海涛', ['450000']],
  ['邓宇航', ['510000']],
  ['罗斌', ['510000', '540000']],
  ['唐小龙', ['500000']],
  ['袁德明', ['520000']],
  ['杜建平', ['530000']],
  ['党卫国', ['610000', '640000']],
  ['苏文斌', ['620000', '630000']],
  ['马永福', ['650000']],
  ['于海洋', ['210000']],
  ['金成浩', ['220000', '230000']],
];

export const ACCOUNT_MANAGERS: readonly string[] = TEAM.map(([name]) => name);

const byProvince = new Map<string, string[]>();
for (const [name, provinces] of TEAM) {
  for (const code of provinces) byProvince.set(code, [...(byProvince.get(code) ?? []), name]);
}

/** The managers who cover a province; every demo province has at least one. */
export function managersFor(provinceCode: string): readonly string[] {
  return byProvince.get(provinceCode) ?? [];
}
