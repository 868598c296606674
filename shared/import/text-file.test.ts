// Text exports end to end through the pure steps the pipeline chains: decode, sniff the
// delimiter, parse, locate the table, propose the mapping, normalise the rows.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from './encoding.ts';
import { parseDelimited, sniffDelimiter } from './delimited.ts';
import { locateTable } from './locate-table.ts';
import { proposeMapping } from './mapping.ts';
import { normalizeRows } from './normalize-rows.ts';
import type { RecordKind } from '../schema/records.ts';

function importText<K extends RecordKind>(bytes: Uint8Array, kind: K) {
  const { text, encoding } = decodeText(bytes);
  const delimiter = sniffDelimiter(text);
  const rows = parseDelimited(text, delimiter);
  const table = locateTable(rows);
  const headers = rows[table.headerRow] ?? [];
  const data = rows.slice(table.firstDataRow, table.lastDataRow + 1);
  const proposal = proposeMapping({ headers, sample: data.slice(0, 20) });
  expect(proposal.kind).toBe(kind);
  const result = normalizeRows(kind, proposal.columns, data, { date1904: false, firstRowNumber: table.firstDataRow + 1, fileName: 'x' });
  return { encoding, delimiter, table, proposal, result };
}

const u8 = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

describe('text exports', () => {
  it('a semicolon CSV (UTF-8 with BOM) with a title row, a quoted newline and a totals row', () => {
    const text = [
      '华岳重工 回款明细 2026-10-31;;;;;',
      ';;;;;',
      '回款单号;合同号;客户名称;应收日期;应收金额;实收金额',
      'HK-1;HT-1;"苏州华建工程机械有限公司";2023/3/13;"12,500.00";12500',
      'HK-2;HT-2;"山东恒程建筑安装工程有限公司\n（青岛分公司）";2023/4/1;8000;',
      '合计;;;;20500;12500',
      '',
    ].join('\r\n');
    const { encoding, delimiter, table, proposal, result } = importText(u8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), 'payments');
    expect([encoding, delimiter]).toEqual(['utf-8', ';']);
    expect(table).toMatchObject({ headerRow: 2, firstDataRow: 3, lastDataRow: 4, totalsRows: [5] });
    expect(proposal.kind).toBe('payments');
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((p) => [p.rowNumber, p.sourceId, p.contractId, p.customerName, p.dueDate, p.amountDue, p.amountPaid])).toEqual([
      [4, 'HK-1', 'HT-1', '苏州华建工程机械有限公司', '2023-03-13', 12500, 12500],
      [5, 'HK-2', 'HT-2', '山东恒程建筑安装工程有限公司\n（青岛分公司）', '2023-04-01', 8000, 0],
    ]);
  });

  it('a GBK CSV with a day-first date column', () => {
    const text = ['工单号,客户名称,报修日期,类型', 'GD-1,苏州华建,13.03.2023,维修', 'GD-2,山东恒程,01.04.2023,保养'].join('\r\n');
    const { encoding, result } = importText(u8(iconv.encode(text, 'gbk')), 'tickets');
    expect(encoding).toBe('gb18030');
    expect(result.accepted.map((t) => [t.customerName, t.openedDate, t.type])).toEqual([
      ['苏州华建', '2023-03-13', 'repair'],
      ['山东恒程', '2023-04-01', 'maintenance'],
    ]);
  });

  it("Excel's Unicode text (UTF-16 LE, tab-delimited)", () => {
    const text = ['客户编码\t客户名称\t省份\t城市\t电话', 'C000001\t苏州华建工程机械有限公司\t江苏\t苏州\t138 1234 5678', ''].join('\r\n');
    const { encoding, delimiter, proposal, result } = importText(u8(Buffer.from(`\uFEFF${text}`, 'utf16le')), 'customers');
    expect([encoding, delimiter, proposal.kind]).toEqual(['utf-16le', '\t', 'customers']);
    expect(result.accepted[0]).toMatchObject({ code: 'C000001', province: '江苏省', city: '苏州市', divisionCode: '320500', phone: '13812345678' });
  });

  it('a ragged row (an unquoted comma inside a name) is rejected, not shifted', () => {
    const text = ['合同号,客户名称,签订日期,金额', 'HT-1,苏州华建,2023-03-13,100', 'HT-2,山东恒程,青岛分公司,2023-03-14,200'].join('\n');
    const { result } = importText(u8(Buffer.from(text)), 'orders');
    expect(result.accepted).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ rowNumber: 3, code: 'row.ragged' });
  });
});
