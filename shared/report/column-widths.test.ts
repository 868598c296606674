import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.ts';
import { fitColumnWidths, formattedWidth, headerWraps, twoLineWidth } from './column-widths.ts';
import type { ReportSheet } from './report-model.ts';

describe('displayWidth', () => {
  it('counts CJK and full-width characters double', () => {
    expect(displayWidth('Jiangsu')).toBe(7);
    expect(displayWidth('江苏省')).toBe(6);
    expect(displayWidth('重要价值客户 A')).toBe(14);
    expect(displayWidth('ＡＢ（）')).toBe(8);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('é')).toBe(1);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('')).toBe(0);
  });
});

describe('fitColumnWidths', () => {
  it('measures numbers as formatted', () => {
    expect(formattedWidth('amount', 1234567.5)).toBe('1,234,567.50'.length);
    expect(formattedWidth('amount', -0.5)).toBe('-0.50'.length);
    expect(formattedWidth('integer', 999999.6)).toBe('1,000,000'.length);
    expect(formattedWidth('percent', 0.1234)).toBe('12.3%'.length);
    expect(formattedWidth('ratio', 1.2)).toBe(4);
    expect(formattedWidth('date', '2024-03-15')).toBe(10);
    expect(formattedWidth('amount', null)).toBe(0);
  });

  it('fits header and content, within the bounds, and keeps set widths', () => {
    const sheet: ReportSheet = {
      name: 'x',
      title: 'x',
      columns: [
        { header: '客户名称', kind: 'text' },
        { header: 'Amount', kind: 'amount' },
        { header: 'n', kind: 'integer' },
        { header: 'Notes', kind: 'text' },
        { header: 'Fixed', kind: 'text', width: 12 },
      ],
      rows: [
        ['江苏华建工程机械有限公司', 1234567.5, 3, 'x'.repeat(200), 'y'.repeat(50)],
        [null, null, null, null, null],
      ],
    };
    const [name, amount, n, notes, fixed] = fitColumnWidths(sheet);
    expect(name).toBe(24 + 2);
    expect(amount).toBe(12 + 2);
    expect(n).toBe(6);
    expect(notes).toBe(60);
    expect(fixed).toBe(12);
    expect(fitColumnWidths(sheet, { shownAs: () => 'ab' })[0]).toBe(Math.ceil(8 * 1.1) + 2 + 2);
  });

  it('lets a long header take two lines at a space, so short figures keep narrow columns', () => {
    expect(twoLineWidth('Share')).toBe(5); // short headers stay on one line
    expect(twoLineWidth('Revenue, last 12 months (CNY)')).toBe(15); // "Revenue, last 12" / "months (CNY)"
    expect(twoLineWidth('Customer_code_without_spaces')).toBe(28);
    // CJK headers stay whole: programs break CJK lines differently (and split "（元）").
    expect(twoLineWidth('近12个月金额（元）')).toBe(18);
    const sheet: ReportSheet = {
      name: 'x',
      title: 'x',
      columns: [
        { header: 'Revenue, last 12 months (CNY)', kind: 'amount' },
        { header: 'Customers', kind: 'integer' },
        { header: 'Overdue (CNY)', kind: 'amount' },
      ],
      rows: [[1234.5, 3, 12345678.5]],
    };
    const [revenue, customers, overdue] = fitColumnWidths(sheet);
    expect(revenue).toBe(Math.ceil(15 * 1.1) + 2 + 2);
    expect(headerWraps('Revenue, last 12 months (CNY)', revenue!)).toBe(true);
    // Within 4 of its figures a header widens the column rather than wrapping.
    expect(customers).toBe(Math.ceil(9 * 1.1) + 2 + 2);
    expect(headerWraps('Customers', customers!)).toBe(false);
    expect(overdue).toBe(Math.ceil(13 * 1.1) + 2 + 2);
    expect(headerWraps('Overdue (CNY)', overdue!)).toBe(false);
  });
});
