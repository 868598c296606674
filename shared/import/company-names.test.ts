import { describe, expect, it } from 'vitest';
import { normalizeCompanyName as key } from './company-names.ts';

describe('normalizeCompanyName', () => {
  it('merges legal-form and width variants of one company', () => {
    const variants = [
      '苏州华建工程机械有限公司',
      '苏州华建工程机械有限责任公司',
      '苏州华建工程机械股份有限公司',
      '苏州华建工程机械(集团)有限公司',
      '苏州华建工程机械（集团）有限公司',
      '苏州华建工程机械集团有限公司',
      ' 苏州华建工程机械 有限公司 ',
      '苏州华建工程机械有限公司\u3000',
      '苏州华建工程机械（股份）有限公司',
    ];
    const keys = new Set(variants.map(key));
    expect([...keys]).toEqual(['苏州华建工程机械']);
  });

  it('folds full-width letters and case', () => {
    expect(key('ＳＡＮＹ重工有限公司')).toBe(key('Sany重工有限公司'));
    expect(key('Sany Heavy Industry Co., Ltd.')).toBe(key('SANY HEAVY INDUSTRY CO LTD'));
    expect(key('Sany Heavy Industry Co., Ltd.')).toBe('sanyheavyindustry');
  });

  it('keeps the core name: different companies stay different', () => {
    expect(key('苏州华建有限公司')).not.toBe(key('苏州华建工程有限公司'));
    expect(key('苏州华建工程(吴江)有限公司')).not.toBe(key('苏州华建工程(昆山)有限公司'));
    expect(key('华建有限公司苏州分公司')).not.toBe(key('华建有限公司'));
    expect(key('华建集团')).not.toBe(key('华建'));
  });

  it('a name that is only a legal form is not emptied', () => {
    expect(key('有限公司')).toBe('有限公司');
    expect(key('林家豪')).toBe('林家豪');
  });
});
