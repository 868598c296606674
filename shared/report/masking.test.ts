import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskPhone, maskReportValue } from './masking.ts';

describe('masking', () => {
  it('masks phones, keeping prefix and last four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138-1234-5678')).toBe('138-****-5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('+86 138 **** 5678');
    expect(maskPhone('010-12345678')).toBe('010-****5678');
    expect(maskPhone('12345678')).toBe('12****78');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('n/a')).toBe('n/a');
  });

  it('masks ID numbers, hiding the birth date', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110***********1234');
    expect(maskIdNumber('11010119900307123X')).toBe('110***********123X');
    expect(maskIdNumber('1234')).toBe('1**4');
  });

  it('keeps province and city of an address', () => {
    expect(maskAddress('江苏省苏州市工业园区星湖街328号')).toBe('江苏省苏州市****');
    expect(maskAddress('江苏苏州工业园区星湖街328号')).toBe('江苏苏州****');
    expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市****');
    expect(maskAddress('内蒙古自治区鄂尔多斯市东胜区')).toBe('内蒙古自治区鄂尔多斯市****');
    expect(maskAddress('苏州市吴中区木渎镇')).toBe('苏州市****');
    expect(maskAddress('江苏省')).toBe('江苏省');
    expect(maskAddress('88 Jianguo Road')).toBe('****');
  });

  it('masks report values by default only where the column holds personal data', () => {
    const phone = { header: '电话', kind: 'phone' } as const;
    const id = { header: '身份证', kind: 'code', personal: 'idNumber' } as const;
    const name = { header: '名称', kind: 'text' } as const;
    expect(maskReportValue(phone, '13812345678', 'masked')).toBe('138****5678');
    expect(maskReportValue(phone, 13812345678, 'masked')).toBe('138****5678');
    expect(maskReportValue(phone, '13812345678', 'shown')).toBe('13812345678');
    expect(maskReportValue(id, '110101199003071234', 'masked')).toBe('110***********1234');
    expect(maskReportValue(name, '13812345678', 'masked')).toBe('13812345678');
    expect(maskReportValue(phone, null, 'masked')).toBeNull();
  });
});
