import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml } from './escape-html.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;',
    );
  });

  it('leaves other text alone', () => {
    expect(escapeHtml('挖掘机 Excavators 100%')).toBe('挖掘机 Excavators 100%');
  });

  it('never leaves a tag-opening or attribute-closing character', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(escapeHtml(text)).not.toMatch(/[<>"']/);
      }),
    );
  });
});
