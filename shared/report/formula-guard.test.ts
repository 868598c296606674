import { describe, expect, it } from 'vitest';
import { neutralizeFormula, startsLikeFormula } from './formula-guard.ts';

describe('formula guard', () => {
  const dangerous = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '+86 138 1234 5678'];

  it('recognises every formula trigger', () => {
    for (const value of dangerous) expect(startsLikeFormula(value)).toBe(true);
    for (const value of ['江苏华建', '13812345678', 'a=b', ' =1', '', "'=1"]) expect(startsLikeFormula(value)).toBe(false);
  });

  it('prefixes an apostrophe and keeps the text readable', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    expect(neutralizeFormula('+86 138 1234 5678')).toBe("'+86 138 1234 5678");
    expect(neutralizeFormula('\t=1')).toBe("'\t=1");
    expect(neutralizeFormula('江苏华建')).toBe('江苏华建');
    expect(neutralizeFormula('13812345678')).toBe('13812345678');
    for (const value of dangerous) expect(startsLikeFormula(neutralizeFormula(value))).toBe(false);
  });
});
