/**
 * A messy orders export for the import tests: title rows, a BOM, quoted and doubled quotes,
 * spaces of every kind, blank and totals rows, ragged rows, unparseable values, repeated
 * contracts, rows without ids, an invalid UTF-8 byte. Deterministic for a seed.
 */

/** A deterministic stream of choices, so a failure names the row that differs. */
export function chooser(seed: number): <T>(options: readonly T[]) => T {
  let state = seed;
  return (options) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return options[(state >>> 8) % options.length]!;
  };
}

export const ORDER_HEADER = ['合同号', '客户编码', '客户名称', '签订日期', '产品线', '机型', '数量', '金额(元)', '付款方式', '状态'];

/** An orders export with what real ones have: every cell variant below turns up somewhere. */
export function messyOrders(rows: number, seed: number): Buffer {
  const pick = chooser(seed);
  const lines: string[] = ['\uFEFF销售合同导出,,,,,,,,,', '导出时间：2023-06-30,,,,,,,,,', '', ORDER_HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    const customer = pick([i % 300, i % 7, 5000 + i]);
    const id = pick([`HT${String(i).padStart(7, '0')}`, `HT${String(i % 50).padStart(7, '0')}`, '', ` ht-${i} `, `"HT${i}"`]);
    const code = pick([`C${String(customer).padStart(5, '0')}`, '', `c${customer}`, `Ｃ${customer}`]);
    const name = pick([`客户${customer}工程机械有限公司`, `"客户${customer}, 工程"`, '', `  客户${customer}（集团）  `, `"说""好""的${customer}"`]);
    const date = pick(['2023-03-13', '2023/3/13', '2023年3月13日', '20230313', '2023-13-45', `2022-0${1 + (i % 9)}-1${i % 10}`, '45000', '']);
    const line = pick(['起重机', '挖掘机', '　装载机', 'Crane', '']);
    const quantity = pick(['1', '2', '-1', '3台', 'x', '']);
    const amount = pick(['12345.67', '-8', '0.125', '"1,234.50"', '¥1,234', '12.5万', '(123)', 'abc', '', '99999999999999999', `${i}.${i % 100}`]);
    const status = pick(['已签订', '已完成', '已取消', '作废', '']);
    let row = [id, code, name, date, line, `XZ${i % 97}`, quantity, amount, '分期', status].join(',');
    row = pick([row, row, row, row, `${row},多余`, `${row},\u3000`, `${row},\u00a0 `, row.replace(/,/g, '，'), `${row}\r`]);
    lines.push(row);
    const extra = pick(['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ',,,,,,,,,', '合计,,,,,,,,,', ' \t ', '\u3000,\u3000,,\u2002', '"多行\n备注",,,,,,,,,', '小计：,,,,,,12,99.5,,']);
    if (extra) lines.push(extra);
  }
  lines.push('', '合计,,,,,,,,,', '', '总计,,,,,,,1234,,', '');
  const text = Buffer.from(lines.join('\n'));
  // An invalid byte inside one row, as a truncated export has.
  const at = text.indexOf('XZ5,');
  return at < 0 ? text : Buffer.concat([text.subarray(0, at + 2), Buffer.from([0xe5, 0x9c]), text.subarray(at + 2)]);
}

