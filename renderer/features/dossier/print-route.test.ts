import { describe, expect, it } from 'vitest';
import { counterContent, cssString, isPrintHash, parsePrintRoute } from './print-route.ts';

describe('print routes', () => {
  it('reads the dossier and visit-list routes the PDF printer loads', () => {
    expect(parsePrintRoute('#/print/dossier/42?lang=en&pd=shown')).toEqual({ kind: 'dossier', customerId: 42, language: 'en', personalData: 'shown', raw: '/print/dossier/42?lang=en&pd=shown' });
    const name = '苏州 A/B 类';
    const raw = `/print/visits/${encodeURIComponent(name)}?lang=zh-CN&pd=masked`;
    expect(parsePrintRoute(`#${raw}`)).toEqual({ kind: 'visits', listName: name, language: 'zh-CN', personalData: 'masked', raw });
  });

  it('masks unless the route says shown, and refuses what is not a print route', () => {
    expect(parsePrintRoute('#/print/dossier/7')).toMatchObject({ language: 'zh-CN', personalData: 'masked' });
    expect(parsePrintRoute('#/print/dossier/7?pd=SHOWN')).toMatchObject({ personalData: 'masked' });
    expect(parsePrintRoute('#/print/dossier/abc')).toBeNull();
    expect(parsePrintRoute('#/print/dossier/0')).toBeNull();
    expect(parsePrintRoute('#/print/visits/%E0%A4%A')).toBeNull();
    expect(parsePrintRoute('#/dossier/7')).toBeNull();
    expect(isPrintHash('#/print/visits/x')).toBe(true);
    expect(isPrintHash('#/customers')).toBe(false);
  });

  it('writes page-box text as CSS strings, so a customer name cannot break out of content:', () => {
    expect(cssString('A "quoted" \\ name\nnext')).toBe('"A \\"quoted\\" \\\\ name next"');
    expect(counterContent('第 {page} 页 / 共 {pages} 页')).toBe('"第 " counter(page) " 页 / 共 " counter(pages) " 页"');
    expect(counterContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
  });
});
