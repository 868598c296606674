import { describe, expect, it } from 'vitest';
import { customersSheet, reportSubtitle, summarySheet, type ReportContext } from './sheets.ts';

const context: ReportContext = {
  language: 'zh-CN',
  reportName: '客户画像月报 — 华东大区',
  workspace: '演示数据',
  analysisDate: '2026-11-26',
  filters: ['等级 = A', '省份 = 江苏省'],
  masked: true,
};

describe('report sheet builders', () => {
  it('says what the report shows in the subtitle, in the UI language', () => {
    expect(reportSubtitle(context)).toBe('工作区：演示数据 · 分析日期 2026-11-26 · 筛选：等级 = A；省份 = 江苏省 · 个人信息已脱敏');
    expect(reportSubtitle({ ...context, language: 'en', filters: [], masked: false })).toBe(
      'Workspace: 演示数据 · Analysis date 2026-11-26 · Filters: all customers',
    );
  });

  it('lays out the summary: key figures with their own formats, then count sections', () => {
    const sheet = summarySheet(context, {
      keyFigures: [
        { label: '客户数', value: 3012, previous: 2950, kind: 'integer' },
        { label: '赢单率', value: 0.315, previous: null, kind: 'percent' },
      ],
      segments: [{ name: '重要价值客户', customers: 412, share: 0.1368, revenue: 285431220.5 }],
      grades: [{ name: 'A', customers: 402, share: 0.1335 }],
      provinces: [],
    });
    expect(sheet.name).toBe('汇总');
    expect(sheet.columns.map((c) => c.header)).toEqual(['指标', '数值', '上期']);
    expect(sheet.rows).toEqual([
      ['客户数', 3012, 2950],
      ['赢单率', 0.315, null],
    ]);
    expect(sheet.rowKinds).toEqual(['integer', 'percent']);
    expect(sheet.sections?.map((s) => s.heading)).toEqual(['客户细分', '客户等级', '省份排名']);
    expect(sheet.sections?.[1]?.rows).toEqual([['A', 402, 0.1335, null]]);
  });

  it('lists customers with tags joined and a phone column masked when written', () => {
    const sheet = customersSheet({ ...context, language: 'en' }, [
      {
        code: '000123',
        name: '江苏华建工程机械有限公司',
        province: '江苏省',
        city: '苏州市',
        accountManager: '张伟',
        phone: '13812345678',
        segment: '重要价值客户',
        grade: 'A',
        tags: ['购买力强', '回款及时'],
        rfm: '5-3-4',
        orders: 12,
        revenue: 1234567.5,
        revenue12m: 200000,
        overdue: 0,
        onTimeRate: 0.95,
        winRate: null,
        lastOrder: '2026-11-20',
      },
    ]);
    expect(sheet.name).toBe('Customers');
    expect(sheet.columns.find((c) => c.header === 'Phone')?.kind).toBe('phone');
    expect(sheet.rows[0]?.[8]).toBe('购买力强, 回款及时');
    expect(sheet.rows[0]).toHaveLength(sheet.columns.length);
  });
});
