import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmount, parseInteger, parseNumber, parseQuantity, plainAmountFromBytes } from './amounts.ts';
import type { Cell } from './types.ts';

function amount(value: Cell, multiplier = 1): number | null {
  const r = parseAmount(value, multiplier);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('parseAmount', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['¥1,234', 1234],
    ['￥1,234.00', 1234],
    ['1234元', 1234],
    ['RMB 1,234', 1234],
    ['12.5万', 125000],
    ['12.5万元', 125000],
    ['1.2亿', 120000000],
    ['１２３', 123],
    ['１,２３４.５', 1234.5],
    ['(123)', -123],
    ['（123）', -123],
    ['(¥1,234.56)', -1234.56],
    ['-123', -123],
    ['-¥1,234', -1234],
    ['123-', -123],
    ['1.005', 1.01],
    ['0.125', 0.13],
    ['.5', 0.5],
    [' 88 000 ', 88000],
    [20135.26, 20135.26],
    [0.1 + 0.2, 0.3],
    [-0, 0],
  ])('%j → %d', (input, expected) => {
    expect(amount(input)).toBe(expected);
  });

  it('blanks and lone dashes are null, not 0', () => {
    for (const v of [null, '', '  ', '-', '—', '--', '－']) expect(amount(v)).toBeNull();
  });

  it('a 万元 column multiplies by 10,000', () => {
    expect(amount(12.5, 10_000)).toBe(125000);
    expect(amount('12.5', 10_000)).toBe(125000);
    expect(amount('0.00015', 10_000)).toBe(1.5);
    expect(amount(1.23456, 10_000)).toBe(12345.6);
  });

  it.each(['12abc', 'abc', '1,23,4', '1.2.3', '¥', '12万万', true])('rejects %j', (input) => {
    expect(parseAmount(input)).toMatchObject({ ok: false, code: 'amount.unparseable' });
  });

  it('rejects absurd magnitudes', () => {
    expect(parseAmount(1e20)).toMatchObject({ ok: false, code: 'amount.too-large' });
  });

  it('formatted numbers round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom('plain', 'grouped', 'yuan', 'paren', 'fullwidth'), (cents, style) => {
        const value = cents / 100;
        const abs = Math.abs(value);
        const grouped = abs.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
        const plain = abs.toFixed(2);
        const text =
          style === 'plain'
            ? (value < 0 ? '-' : '') + plain
            : style === 'grouped'
              ? (value < 0 ? '-' : '') + grouped
              : style === 'yuan'
                ? `${value < 0 ? '-' : ''}¥${grouped}元`
                : style === 'paren'
                  ? value < 0
                    ? `(${grouped})`
                    : grouped
                  : ((value < 0 ? '-' : '') + plain).replace(/[0-9.\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(amount(text)).toBe(value === 0 ? 0 : value);
        expect(amount(value)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});

describe('quantities and numbers', () => {
  it('reads units after the number', () => {
    expect(parseQuantity('3台')).toEqual({ ok: true, value: 3 });
    expect(parseNumber('106.2小时')).toEqual({ ok: true, value: 106.2 });
    expect(parseNumber('２')).toEqual({ ok: true, value: 2 });
    expect(parseNumber(null)).toEqual({ ok: true, value: null });
  });
  it('rejects negative quantities and fractions where whole numbers are needed', () => {
    expect(parseQuantity(-2)).toMatchObject({ ok: false, code: 'quantity.negative' });
    expect(parseQuantity('-2')).toMatchObject({ ok: false, code: 'quantity.negative' });
    expect(parseInteger('2.5')).toMatchObject({ ok: false, code: 'integer.fraction' });
    expect(parseNumber('many')).toMatchObject({ ok: false, code: 'number.unparseable' });
  });
});

describe('plainAmountFromBytes', () => {
  const bytesOf = (text: string) => new TextEncoder().encode(`x${text}y`);

  it('reads a plain decimal exactly as parseAmount does, and leaves everything else to it', () => {
    const digits = (max: number) => fc.array(fc.constantFrom(...'0123456789'), { maxLength: max }).map((d) => d.join(''));
    const text = fc.tuple(fc.constantFrom('', '-', '+', ' '), digits(16), fc.constantFrom('', '.', ',', '万'), digits(5)).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 8 })), (t) => {
        const bytes = bytesOf(t);
        const fast = plainAmountFromBytes(bytes, 1, bytes.length - 1);
        const slow = parseAmount(t);
        if (fast !== undefined) expect(slow).toEqual({ ok: true, value: fast });
        // Every plain amount a CRM writes takes the fast way.
        if (/^-?\d{1,13}(\.\d+)?$/.test(t)) expect(fast).toBeDefined();
      }),
      { numRuns: 20_000 },
    );
  });

  it('rounds the third decimal half away from zero, as toCents does', () => {
    const read = (t: string) => plainAmountFromBytes(bytesOf(t), 1, t.length + 1);
    expect(read('1.005')).toBe(1.01);
    expect(read('-1.005')).toBe(-1.01);
    expect(read('0.1249')).toBe(0.12);
    expect(read('-0.004')).toBe(0);
    expect(Object.is(read('-0'), 0)).toBe(true);
    expect(read('9999999999999.99')).toBe(9999999999999.99);
    expect(read('99999999999999')).toBeUndefined();
  });
});
