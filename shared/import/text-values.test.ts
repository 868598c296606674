import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phones.ts';
import { normalizeCode, normalizeText, toHalfWidth } from './text.ts';
import { normalizeEnum } from './enums.ts';

describe('normalizePhone', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['(0512) 6888 1234', '051268881234'],
    ['0512-68881234', '051268881234'],
    ['010-88886666', '01088886666'],
    ['0512-68881234转8001', '051268881234-8001'],
    ['４００-８８８-６６６６', '4008886666'],
    ['13812345678/13987654321', '13812345678/13987654321'],
    ['13812345678，0512-68881234', '13812345678/051268881234'],
  ])('%j → %s', (input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, value: expected });
  });
  it('numbers from Excel stay text', () => {
    expect(normalizePhone(18166183882)).toEqual({ ok: true, value: '18166183882' });
  });
  it('blanks are null; junk is reported', () => {
    expect(normalizePhone(null)).toEqual({ ok: true, value: null });
    expect(normalizePhone('  ')).toEqual({ ok: true, value: null });
    expect(normalizePhone('找张经理')).toMatchObject({ ok: false, code: 'phone.invalid' });
    expect(normalizePhone('123')).toMatchObject({ ok: false, code: 'phone.invalid' });
  });
});

describe('codes and text', () => {
  it('normalizeCode', () => {
    expect(normalizeCode(' c000123 ')).toBe('C000123');
    expect(normalizeCode('ｃ０００１２３')).toBe('C000123');
    expect(normalizeCode('10023.0')).toBe('10023');
    expect(normalizeCode(10023)).toBe('10023');
    expect(normalizeCode('HT2019-000001')).toBe('HT2019-000001');
    expect(normalizeCode('HT 2019-01')).toBe('HT2019-01');
    expect(normalizeCode('')).toBeNull();
    expect(normalizeCode(null)).toBeNull();
  });
  it('normalizeText keeps Chinese and trims every kind of space', () => {
    expect(normalizeText('\u3000苏州华建（集团）\uFEFF ')).toBe('苏州华建（集团）');
    expect(normalizeText('   ')).toBeNull();
    expect(normalizeText(12)).toBe('12');
    expect(toHalfWidth('ＡＢＣ１２３　（）')).toBe('ABC123 ()');
  });
});

describe('enumerated values', () => {
  it.each([
    ['customers', 'type', '企业', 'enterprise'],
    ['customers', 'type', '租赁公司', 'rental'],
    ['customers', 'type', '个体机主', 'owner_operator'],
    ['customers', 'type', '政府单位', 'government'],
    ['customers', 'type', '經銷商', 'dealer'],
    ['orders', 'status', '已签订', 'signed'],
    ['orders', 'status', '已发货', 'delivered'],
    ['orders', 'status', '已完成', 'completed'],
    ['orders', 'status', '已取消', 'cancelled'],
    ['opportunities', 'result', '赢单', 'won'],
    ['opportunities', 'result', 'Closed Lost', 'lost'],
    ['opportunities', 'result', '进行中', 'open'],
    ['tickets', 'type', '报修', 'repair'],
    ['tickets', 'type', '定期保养', 'maintenance'],
    ['tickets', 'type', '投訴', 'complaint'],
    ['tickets', 'type', 'Consultation', 'consultation'],
    ['tickets', 'type', '设备故障维修', 'repair'],
  ] as const)('%s.%s %j → %s', (kind, field, label, expected) => {
    expect(normalizeEnum(kind, field, label)).toEqual({ ok: true, value: expected });
  });
  it('unknown labels are reported with the expected ones', () => {
    const r = normalizeEnum('tickets', 'type', '其他');
    expect(r).toMatchObject({ ok: false, code: 'enum.unknown' });
    if (!r.ok) expect(r.reason).toContain('维修');
  });
});
