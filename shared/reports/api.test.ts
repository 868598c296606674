import { describe, expect, it } from 'vitest';
import { CUSTOMER_COLUMN_IDS, reportsValidators, suggestedReportName } from './api.ts';
import { reportsEn, reportsZhCN } from '../i18n/reports.ts';

describe('reports API validators', () => {
  it('accepts an export and keeps sheets and columns in workbook order', () => {
    const params = reportsValidators['reports.export']({
      filter: 'grade=A',
      language: 'zh-CN',
      sheets: ['customers', 'summary', 'customers'],
      customerColumns: ['grade', 'code'],
      format: 'csv',
      csvEncoding: 'gbk',
      path: '/tmp/r.csv',
      jobId: 'job-1',
    });
    expect(params).toEqual({
      filter: 'grade=A',
      language: 'zh-CN',
      sheets: ['summary', 'customers'],
      customerColumns: ['code', 'grade'],
      format: 'csv',
      csvEncoding: 'gbk',
      path: '/tmp/r.csv',
      jobId: 'job-1',
    });
  });

  it('refuses unknown sheets, columns, formats, fields and an empty sheet list', () => {
    const base = { filter: '', language: 'en', format: 'xlsx', path: '/tmp/r.xlsx' };
    expect(() => reportsValidators['reports.export']({ ...base, sheets: ['pivot'] })).toThrow(/unknown id/);
    expect(() => reportsValidators['reports.export']({ ...base, sheets: [] })).toThrow(/at least one/);
    expect(() => reportsValidators['reports.export']({ ...base, customerColumns: ['salary'] })).toThrow(/unknown id/);
    expect(() => reportsValidators['reports.export']({ ...base, format: 'pdf' })).toThrow(/format/);
    expect(() => reportsValidators['reports.export']({ ...base, personalData: 'raw' })).toThrow(/personalData/);
    expect(() => reportsValidators['reports.export']({ ...base, extra: 1 })).toThrow(/unexpected field/);
    expect(() => reportsValidators['reports.export']({ ...base, filter: 42 })).toThrow(/filter/);
    expect(reportsValidators['reports.export']({ ...base, cell: { r: 5, y: 8, yAxis: 'fm' } })).toMatchObject({ cell: { r: 5, y: 8, yAxis: 'fm' } });
    expect(() => reportsValidators['reports.export']({ ...base, cell: { r: 0, y: 1, yAxis: 'f' } })).toThrow(/"r"/);
    expect(() => reportsValidators['reports.export']({ ...base, cell: { r: 1, y: 1, yAxis: 'm' } })).toThrow(/yAxis/);
    expect(() => reportsValidators['reports.export']({ ...base, cell: { r: 1, y: 1, yAxis: 'f', x: 2 } })).toThrow(/unexpected field/);
  });

  it('validates templates: a name, at least one sheet, known columns', () => {
    expect(reportsValidators['reports.templates.save']({ template: { name: ' 月报 ', sheets: ['summary'], customerColumns: [...CUSTOMER_COLUMN_IDS] } })).toEqual({
      template: { name: '月报', sheets: ['summary'], customerColumns: [...CUSTOMER_COLUMN_IDS] },
    });
    expect(() => reportsValidators['reports.templates.save']({ template: { name: '', sheets: ['summary'], customerColumns: [] } })).toThrow();
    expect(() => reportsValidators['reports.templates.save']({ template: { name: 'x', sheets: [], customerColumns: [] } })).toThrow(/at least one/);
    expect(() => reportsValidators['reports.templates.delete']({ name: 'a\u0001b' })).toThrow(/control/);
  });

  it('suggests a file name safe on every system', () => {
    expect(suggestedReportName('客户分析报表', '2026-11-26', 'xlsx')).toBe('客户分析报表-2026-11-26.xlsx');
    expect(suggestedReportName('a/b:c*', '2026-11-26', 'csv')).toBe('a_b_c_-2026-11-26.csv');
  });

  it('has every message in both languages with the same placeholders', () => {
    for (const [key, zh] of Object.entries(reportsZhCN)) {
      const en = reportsEn[key as keyof typeof reportsZhCN];
      expect(en, key).toBeTruthy();
      expect([...en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort(), key).toEqual([...zh.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort());
    }
  });
});
