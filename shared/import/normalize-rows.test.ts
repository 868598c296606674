import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { proposeMapping } from './mapping.ts';
import { normalizeRows } from './normalize-rows.ts';
import { contentKey, fnv1a64 } from './content-key.ts';
import type { Cell } from './types.ts';

const OPTIONS = { date1904: false, firstRowNumber: 4, fileName: '销售合同.csv' };

function orders(rows: Cell[][], headers: Cell[] = ['合同号', '客户编码', '客户名称', '签订日期', '产品线', '数量', '金额（万元）', '状态']) {
  const { columns } = proposeMapping({ headers, sample: rows.slice(0, 20) });
  return normalizeRows('orders', columns, rows, OPTIONS);
}

describe('normalizeRows: orders', () => {
  it('normalises every value and numbers rows as Excel shows them', () => {
    const r = orders([
      ['HT2023-001', 'c000001', '苏州华建工程有限公司', '2023/3/13', '挖掘机', '2台', '12.5', '已签订'],
      ['HT2023-002', null, '山东恒程建筑安装工程有限公司', 45000, '起重机', 1, '1,080', '已完成'],
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toEqual([
      {
        sourceId: 'HT2023-001',
        customerCode: 'C000001',
        customerName: '苏州华建工程有限公司',
        orderDate: '2023-03-13',
        productLine: '挖掘机',
        model: null,
        quantity: 2,
        amount: 125000,
        paymentTerms: null,
        status: 'signed',
        rowNumber: 4,
        sourceKey: 'HT2023-001',
      },
      expect.objectContaining({ customerCode: null, orderDate: '2023-03-15', amount: 10_800_000, status: 'completed', rowNumber: 5 }),
    ]);
  });

  it('rejects rows with reasons that name the column and the value', () => {
    const r = orders([
      ['HT-1', null, null, '2023-03-13', '挖掘机', 1, 1, null],
      ['HT-2', 'C1', null, '2023-13-45', '挖掘机', 1, 1, null],
      ['HT-3', 'C1', null, '2023-03-13', '挖掘机', -2, 1, null],
      ['HT-4', 'C1', null, '2023-03-13', '挖掘机', 1, '12abc', null],
      ['HT-5', 'C1', null, null, '挖掘机', 1, 1, null],
      ['HT-6', 'C1', null, '2023-03-13', '挖掘机', 1, 1, null, '多出来的一格'],
    ]);
    expect(r.accepted).toEqual([]);
    expect(r.rejected.map(({ rowNumber, column, code, reason }) => ({ rowNumber, column, code, reason }))).toEqual([
      { rowNumber: 4, column: null, code: 'customer.missing', reason: 'missing customer (neither 客户编码 nor 客户名称 given)' },
      { rowNumber: 5, column: '签订日期', code: 'date.impossible', reason: "unparseable date in column 签订日期: '2023-13-45'" },
      { rowNumber: 6, column: '数量', code: 'quantity.negative', reason: "negative quantity in column 数量: '-2'" },
      { rowNumber: 7, column: '金额（万元）', code: 'amount.unparseable', reason: "unparseable amount in column 金额（万元）: '12abc'" },
      { rowNumber: 8, column: '签订日期', code: 'field.missing', reason: 'missing value in column 签订日期' },
      { rowNumber: 9, column: null, code: 'row.ragged', reason: expect.stringContaining('row has 9 cells but the header has 8 columns') as string },
    ]);
    expect(r.rejected[0]?.values).toEqual(['HT-1', null, null, '2023-03-13', '挖掘机', 1, 1, null]);
  });

  it('skips blank and totals rows instead of importing them', () => {
    const r = orders([
      ['HT-1', 'C1', null, '2023-03-13', '挖掘机', 1, 1, null],
      [null, null, null, null, null, null, null, null],
      ['合计', null, null, null, null, 1, 1, null],
    ]);
    expect(r.accepted).toHaveLength(1);
    expect(r.skipped).toEqual([
      { rowNumber: 5, code: 'row.blank', reason: 'blank row' },
      { rowNumber: 6, code: 'row.totals', reason: 'totals row' },
    ]);
  });

  it('rows without an id get a content key that ignores their position', () => {
    const headers: Cell[] = ['客户名称', '签订日期', '金额'];
    const a = orders([['苏州华建', '2023-03-13', 100], ['山东恒程', '2023-03-14', 200]], headers);
    const b = orders([['山东恒程', '2023-03-14', 200], ['苏州华建', '2023-03-13', 100]], headers);
    const keys = (r: typeof a) => r.accepted.map((x) => x.sourceKey).sort();
    expect(keys(a)).toEqual(keys(b));
    expect(a.accepted[0]?.sourceKey).toMatch(/^#[0-9a-f]{16}$/);
    expect(a.accepted[0]?.sourceId).toBe(a.accepted[0]?.sourceKey);
    expect(new Set(keys(a)).size).toBe(2);
  });

  it('honours date orders computed over the whole file (batches read alike)', () => {
    const headers: Cell[] = ['合同号', '客户名称', '签订日期', '金额'];
    const { columns } = proposeMapping({ headers, sample: [] });
    const r = normalizeRows('orders', columns, [['HT-1', '华建', '03/04/2023', 1]], { ...OPTIONS, dateOrders: { 2: 'dmy' } });
    expect(r.accepted[0]?.orderDate).toBe('2023-04-03');
  });
});

describe('normalizeRows: other kinds', () => {
  it('customers: regions from columns or the address, warnings for unknown names, name-only rows', () => {
    const headers: Cell[] = ['客户名称', '客户类型', '省份', '城市', '地址', '电话'];
    const { columns } = proposeMapping({ headers, sample: [] });
    const r = normalizeRows(
      'customers',
      columns,
      [
        ['苏州华建工程有限公司', '企业', '江苏', '苏州', null, '138 1234 5678'],
        ['北京城建', '政府单位', null, null, '北京市朝阳区建国路88号', '010-88886666'],
        ['火星建设', '外星客户', '火星省', null, null, '找张经理'],
      ],
      OPTIONS,
    );
    expect(r.rejected).toEqual([]);
    expect(r.accepted.map((c) => [c.code, c.type, c.province, c.city, c.divisionCode, c.phone, c.sourceKey])).toEqual([
      [null, 'enterprise', '江苏省', '苏州市', '320500', '13812345678', 'name:苏州华建工程'],
      [null, 'government', '北京市', '北京市', '110000', '01088886666', 'name:北京城建'],
      [null, null, '火星省', null, null, '找张经理', 'name:火星建设'],
    ]);
    expect(r.warnings.map((w) => [w.rowNumber, w.column, w.code, w.value])).toEqual([
      [6, '客户类型', 'enum.unknown', '外星客户'],
      [6, '电话', 'phone.invalid', '找张经理'],
      [6, '省份', 'region.unmatched', '火星省'],
    ]);
  });

  it('tickets: type is required and satisfaction must be 1–5', () => {
    const headers: Cell[] = ['工单号', '客户名称', '报修日期', '完成日期', '类型', '满意度'];
    const { columns } = proposeMapping({ headers, sample: [] });
    const r = normalizeRows(
      'tickets',
      columns,
      [
        ['GD-1', '华建', '2023-03-13', '2023-03-15', '报修', 5],
        ['GD-2', '华建', '2023-03-13', null, '其他', null],
        ['GD-3', '华建', '2023-03-13', null, '投诉', 7],
        ['GD-4', '华建', '2023-03-13', '2023-03-01', '保养', null],
      ],
      OPTIONS,
    );
    expect(r.accepted.map((t) => [t.sourceId, t.type])).toEqual([
      ['GD-1', 'repair'],
      ['GD-4', 'maintenance'],
    ]);
    expect(r.rejected.map((x) => [x.rowNumber, x.code, x.column])).toEqual([
      [5, 'enum.unknown', '类型'],
      [6, 'satisfaction.range', '满意度'],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['date.order']);
  });

  it('opportunities: the result falls back to the stage, then to open', () => {
    const headers: Cell[] = ['商机编号', '客户', '创建日期', '阶段'];
    const { columns } = proposeMapping({ headers, sample: [] });
    const r = normalizeRows(
      'opportunities',
      columns,
      [
        ['SJ-1', '华建', '2023-03-13', '赢单'],
        ['SJ-2', '华建', '2023-03-13', '输单'],
        ['SJ-3', '华建', '2023-03-13', '方案报价'],
      ],
      OPTIONS,
    );
    expect(r.accepted.map((o) => o.result)).toEqual(['won', 'lost', 'open']);
  });

  it('an unmapped required field rejects every row with a clear reason', () => {
    const { columns } = proposeMapping({ headers: ['合同号', '客户名称', '金额'], sample: [] }, 'orders');
    const r = normalizeRows('orders', columns, [['HT-1', '华建', 1]], OPTIONS);
    expect(r.rejected[0]).toMatchObject({ code: 'field.unmapped', reason: 'no column is mapped to the required field orderDate' });
  });

  it('HTML in names is kept as plain text (rendering escapes it)', () => {
    const { columns } = proposeMapping({ headers: ['客户名称'], sample: [] }, 'customers');
    const r = normalizeRows('customers', columns, [['<img src=x onerror=alert(1)>']], OPTIONS);
    expect(r.accepted[0]?.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('invariants', () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constantFrom('', '合计', 'C000001', '苏州华建有限公司', '2023-03-13', '2023-02-30', '12.5万', '-3', 'abc', '已签订', '维修'),
    fc.integer({ min: -5, max: 50000 }),
    fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  );
  const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 40 });

  it('every input row is accounted for exactly once: accepted, rejected or skipped', () => {
    const { columns } = proposeMapping({ headers: ['合同号', '客户编码', '客户名称', '签订日期', '产品线', '数量', '金额', '状态'], sample: [] });
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 1000 }), (input, first) => {
        const r = normalizeRows('orders', columns, input, { ...OPTIONS, firstRowNumber: first });
        const numbers = [...r.accepted.map((x) => x.rowNumber), ...r.rejected.map((x) => x.rowNumber), ...r.skipped.map((x) => x.rowNumber)].sort((a, b) => a - b);
        expect(numbers).toEqual(input.map((_, i) => first + i));
      }),
    );
  });
});

describe('content keys', () => {
  it('FNV-1a 64 reference vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('independent of key order and row metadata, sensitive to content', () => {
    const a = contentKey('payments', { amountDue: 1, dueDate: '2023-03-13', rowNumber: 4 });
    expect(contentKey('payments', { dueDate: '2023-03-13', amountDue: 1, rowNumber: 9, sourceKey: 'x' })).toBe(a);
    expect(contentKey('payments', { dueDate: '2023-03-13', amountDue: 2 })).not.toBe(a);
    expect(contentKey('orders', { dueDate: '2023-03-13', amountDue: 1 })).not.toBe(a);
    expect(contentKey('orders', { customerName: '苏州华建' })).not.toBe(contentKey('orders', { customerName: '苏州华健' }));
  });
});
