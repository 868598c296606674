import { describe, expect, it } from 'vitest';
import { isTotalsRow, locateTable } from './locate-table.ts';
import type { Cell } from './types.ts';

const HEADER: Cell[] = ['合同号', '客户编码', '客户名称', '签订日期', '数量', '金额(元)'];
const row = (i: number): Cell[] => [`HT2023-${i}`, `C00000${i}`, `苏州华建${i}有限公司`, 45000 + i, 1, 1000 * i];

describe('locateTable', () => {
  it('an export with a merged title row, a blank row and a header on row 3', () => {
    const rows: Cell[][] = [['华岳重工 销售合同明细 2026-10-31', null, null, null, null, null], [null, null, null, null, null, null], HEADER, row(1), row(2), row(3)];
    expect(locateTable(rows)).toEqual({ headerRow: 2, firstDataRow: 3, lastDataRow: 5, skippedTop: [0, 1], totalsRows: [], blankRows: [] });
  });

  it('two title rows and a subtitle with two cells', () => {
    const rows: Cell[][] = [['华岳重工'], ['销售合同明细', '2026-10-31'], [], HEADER, row(1)];
    expect(locateTable(rows)).toMatchObject({ headerRow: 3, firstDataRow: 4, lastDataRow: 4, skippedTop: [0, 1, 2] });
  });

  it('a header on the first row', () => {
    expect(locateTable([HEADER, row(1), row(2)])).toMatchObject({ headerRow: 0, firstDataRow: 1, lastDataRow: 2, skippedTop: [] });
  });

  it('totals, notes and blank rows at the bottom are not data', () => {
    const rows: Cell[][] = [
      HEADER,
      row(1),
      row(2),
      [],
      row(3),
      [null, null, null, null, null, null],
      ['合计', null, null, null, 3, 6000],
      [null, null, null, null, 3, 6000],
      ['制表人：张三'],
      [],
    ];
    expect(locateTable(rows)).toEqual({ headerRow: 0, firstDataRow: 1, lastDataRow: 4, skippedTop: [], totalsRows: [6, 7, 8], blankRows: [3] });
  });

  it('subtotal rows between groups are marked too', () => {
    const rows: Cell[][] = [HEADER, row(1), [null, '小计', null, null, 1, 1000], row(2), ['总计：', null, null, null, 2, 3000]];
    expect(locateTable(rows)).toMatchObject({ lastDataRow: 3, totalsRows: [2, 4] });
  });

  it('English headers and a Total row', () => {
    const rows: Cell[][] = [['Order export'], ['Order No', 'Customer', 'Date', 'Amount'], ['SO-1', 'Acme', '2023-01-02', 5], ['Total', null, null, 5]];
    expect(locateTable(rows)).toMatchObject({ headerRow: 1, firstDataRow: 2, lastDataRow: 2, totalsRows: [3] });
  });

  it('an empty sheet', () => {
    expect(locateTable([])).toMatchObject({ firstDataRow: 1, lastDataRow: 0 });
    expect(locateTable([[null], []])).toMatchObject({ firstDataRow: 1, lastDataRow: 0 });
  });

  it('a header with no data', () => {
    expect(locateTable([HEADER])).toMatchObject({ headerRow: 0, firstDataRow: 1, lastDataRow: 0 });
  });
});

describe('isTotalsRow', () => {
  it.each([['合计'], ['合 计'], ['總計'], ['小计：'], ['Total'], ['Grand Total'], ['SUM']])('%s', (label) => {
    expect(isTotalsRow([label, null, 100])).toBe(true);
  });
  it('a customer whose name starts like a total is data', () => {
    expect(isTotalsRow(['Total Solutions Ltd', 'C1', 100])).toBe(false);
    expect(isTotalsRow(['HT-1', '合计机械有限公司', 100])).toBe(false);
  });
});

describe('the last data row is never mistaken for a footer', () => {
  it('a customer row holding only its name', () => {
    const rows: Cell[][] = [['客户编码', '客户名称', '省份'], ['C1', '苏州华建', '江苏'], [null, '山东恒程', null]];
    expect(locateTable(rows)).toMatchObject({ lastDataRow: 2, totalsRows: [] });
    const only: Cell[][] = [['客户名称', '省份', '城市'], ['苏州华建', '江苏', '苏州'], ['山东恒程', null, null]];
    expect(locateTable(only)).toMatchObject({ lastDataRow: 2, totalsRows: [] });
  });
  it('a row of numbers with a numeric code in the first column', () => {
    const rows: Cell[][] = [['客户编码', '签订日期', '数量', '金额', '状态', '备注'], [10022, 45000, 1, 100, '已签订', null], [10023, 45001, 2, 200, null, null]];
    expect(locateTable(rows)).toMatchObject({ lastDataRow: 2, totalsRows: [] });
  });
});
