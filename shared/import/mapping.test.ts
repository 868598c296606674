import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../schema/records.ts';
import { FIELDS } from './fields.ts';
import { normalizeHeader, headerUnitMultiplier } from './headers.ts';
import { headerSignature, proposeMapping } from './mapping.ts';
import type { Cell } from './types.ts';

function fieldsOf(headers: Cell[], sample: Cell[][] = []): Record<string, string | null> {
  const p = proposeMapping({ headers, sample });
  return Object.fromEntries(p.columns.map((c) => [c.header, c.field]));
}

describe('headers', () => {
  it.each([
    ['金额(元)', '金额', 1],
    ['金额（万元）', '金额', 10_000],
    ['合同金额/万元', '合同金额', 10_000],
    ['预计金额(单位：万元)', '预计金额', 10_000],
    ['金额（亿元）', '金额', 100_000_000],
    [' *客户名称 ', '客户名称', 1],
    ['Customer Name', 'customername', 1],
    ['ＣＵＳＴＯＭＥＲ　ＮＡＭＥ', 'customername', 1],
    ['金额万元', '金额万元', 10_000],
  ])('%j → %j ×%d', (header, key, multiplier) => {
    expect(normalizeHeader(header)).toBe(key);
    expect(headerUnitMultiplier(header)).toBe(multiplier);
  });

  it('every synonym is unique within its kind', () => {
    for (const kind of RECORD_KINDS) {
      const seen = new Map<string, string>();
      for (const spec of FIELDS[kind]) {
        for (const s of spec.synonyms) {
          const key = normalizeHeader(s);
          const other = seen.get(key);
          expect(other === undefined || other === spec.field, `${kind}: ${s} in ${other} and ${spec.field}`).toBe(true);
          seen.set(key, spec.field);
        }
      }
    }
  });
});

describe('proposeMapping', () => {
  it('Traditional Chinese headers', () => {
    const p = proposeMapping({ headers: ['客戶編碼', '客戶名稱', '客戶類型', '省份', '城市', '聯繫電話'], sample: [] });
    expect(p.kind).toBe('customers');
    expect(p.columns.map((c) => c.field)).toEqual(['code', 'name', 'type', 'province', 'city', 'phone']);
    expect(p.missingRequired).toEqual([]);
  });

  it('English headers', () => {
    const p = proposeMapping({ headers: ['Order No', 'Account', 'Order Date', 'Product Line', 'Qty', 'Amount', 'Status'], sample: [] });
    expect(p.kind).toBe('orders');
    expect(p.columns.map((c) => c.field)).toEqual(['sourceId', 'customerName', 'orderDate', 'productLine', 'quantity', 'amount', 'status']);
  });

  it('an order export with only the customer name and a 万元 amount', () => {
    const p = proposeMapping({ headers: ['订单编号', '单位名称', '合同日期', '合同金额（万元）'], sample: [] });
    expect(p.kind).toBe('orders');
    expect(p.missingRequired).toEqual([]);
    expect(p.columns[1]?.field).toBe('customerName');
    expect(p.columns[3]).toMatchObject({ field: 'amount', unitMultiplier: 10_000, reason: 'synonym' });
  });

  it('fuzzy: a header containing a synonym', () => {
    const p = proposeMapping({ headers: ['工单号', '客户名称', '报修日期(系统)', '服务工单类型', '设备故障描述'], sample: [] });
    expect(p.kind).toBe('tickets');
    expect(p.columns.map((c) => [c.field, c.reason])).toEqual([
      ['sourceId', 'synonym'],
      ['customerName', 'synonym'],
      ['openedDate', 'synonym'],
      ['type', 'fuzzy'],
      ['description', 'fuzzy'],
    ]);
  });

  it('客户经理 is a manager, never the customer', () => {
    expect(fieldsOf(['合同号', '客户经理', '签订日期', '金额'])['客户经理']).toBeNull();
    expect(fieldsOf(['商机编号', '客户', '客户经理', '创建日期'])['客户经理']).toBe('accountManager');
  });

  it('value shapes explain columns whose headers say nothing', () => {
    const sample: Cell[][] = [
      ['C000001', '苏州华建工程有限公司', '江苏省', '苏州市', '13812345678', '2023/3/13'],
      ['C000002', '山东恒程建筑安装工程有限公司', '山东省', '青岛市', '0532-88776655', '2023/4/1'],
      ['C000003', '四川昌顺城建工程有限公司', '四川省', '广元市', '18905857782', '2023/5/20'],
    ];
    const p = proposeMapping({ headers: ['字段1', '字段2', '字段3', '字段4', '字段5', '字段6'], sample }, 'customers');
    expect(p.columns.map((c) => [c.field, c.reason])).toEqual([
      ['code', 'shape'],
      ['name', 'shape'],
      ['province', 'shape'],
      ['city', 'shape'],
      ['phone', 'shape'],
      ['createdDate', 'shape'],
    ]);
    for (const c of p.columns) expect(c.confidence).toBeLessThan(0.8);
  });

  it('each column maps to at most one field and each field to at most one column', () => {
    const p = proposeMapping({ headers: ['客户名称', '客户', '公司名称', '金额', '合同金额', '签订日期', '日期'], sample: [] });
    const fields = p.columns.flatMap((c) => (c.field ? [c.field] : []));
    expect(new Set(fields).size).toBe(fields.length);
    expect(p.columns[0]?.field).toBe('customerName');
    expect(p.columns[5]?.field).toBe('orderDate');
  });

  it('reports missing required fields, with the customer reference as one', () => {
    const p = proposeMapping({ headers: ['合同号', '签订日期', '产品线'], sample: [] }, 'orders');
    expect(p.missingRequired).toEqual(['customerCode|customerName', 'amount']);
  });

  it('a kind hint wins over the scores', () => {
    const p = proposeMapping({ headers: ['客户编码', '客户名称', '日期', '得分'], sample: [] }, 'surveys');
    expect(p.kind).toBe('surveys');
    expect(p.kindScores.surveys).toBeGreaterThan(0);
  });

  it('unrelated headers give low confidence', () => {
    const p = proposeMapping({ headers: ['foo', 'bar', 'baz'], sample: [[1, 2, 3]] });
    expect(p.kindConfidence).toBeLessThan(0.3);
    expect(p.columns.every((c) => c.field === null && c.reason === 'none')).toBe(true);
  });
});

describe('headerSignature', () => {
  it('ignores width, case, spaces and bracket style but not units or order', () => {
    const a = headerSignature(['客户编码', '客户名称', '金额(元)', null, null]);
    expect(headerSignature([' 客户编码', '客户名称 ', '金额（元）'])).toBe(a);
    expect(headerSignature(['客户编码', '客户名称', '金额（万元）'])).not.toBe(a);
    expect(headerSignature(['客户名称', '客户编码', '金额(元)'])).not.toBe(a);
    expect(headerSignature(['Customer Code', 'CUSTOMER NAME'])).toBe(headerSignature(['customer code', 'Customer Name']));
  });
});
