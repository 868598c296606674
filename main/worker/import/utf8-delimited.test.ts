import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDelimited } from '../../../shared/import/delimited.ts';
import type { Delimiter } from '../../../shared/import/types.ts';
import { FIELD_QUOTED, rowTexts, scanDelimitedBytes, SpanRows } from './utf8-delimited.ts';

const encoder = new TextEncoder();

/** All rows of `bytes`, fed in pieces ending at `cuts` the way the file reader feeds them. */
function scanInPieces(bytes: Uint8Array, delimiter: Delimiter, cuts: number[]): string[][] {
  const rows: string[][] = [];
  const spans = new SpanRows();
  let start = 0;
  const ends = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  for (const to of [...ends, bytes.length]) {
    if (to < start) continue;
    spans.reset();
    const final = to === bytes.length;
    // Past `to` the reader's buffer holds stale bytes: quotes and newlines that must not be read.
    const buffer = new Uint8Array(to + 4).fill(34);
    buffer.set(bytes.subarray(0, to));
    buffer[to + 1] = 10;
    start = scanDelimitedBytes(buffer, start, to, delimiter.charCodeAt(0), final, spans);
    for (let r = 0; r < spans.rows; r++) rows.push(rowTexts(buffer, spans, r, delimiter));
  }
  return rows;
}

/** Text built from pieces a messy export has: quotes, doubled quotes, CR/LF/CRLF, CJK, blanks. */
const piece = fc.constantFrom('a', 'HT0001', '客户', '江蘇', '"', '""', ',', ';', '\t', '|', '\n', '\r\n', '\r', ' ', '', '１２', '😀', '"x,y"', '"多\n行"', '12.5万');

describe('scanDelimitedBytes', () => {
  it('cuts rows and fields exactly as parseDelimited, however the bytes are split', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
        fc.array(fc.integer({ min: 0, max: 999 }), { maxLength: 12 }),
        (pieces, delimiter, cuts) => {
          const text = pieces.join('');
          const bytes = encoder.encode(text);
          // A cut inside a multi-byte character is fine: the reader cuts rows, not characters.
          expect(scanInPieces(bytes, delimiter, cuts.map((c) => Math.floor((c / 1000) * bytes.length)))).toEqual(parseDelimited(text, delimiter));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps plain quoted fields as spans and marks only the ones that need unquoting', () => {
    const text = '"HT01","客户, 甲","say ""hi""","a"b\n';
    const bytes = encoder.encode(text);
    const spans = new SpanRows();
    expect(scanDelimitedBytes(bytes, 0, bytes.length, 44, false, spans)).toBe(bytes.length);
    expect(spans.rows).toBe(1);
    expect(Array.from(spans.flags.subarray(0, 4))).toEqual([0, 0, FIELD_QUOTED, FIELD_QUOTED]);
    expect(rowTexts(bytes, spans, 0, ',')).toEqual(['HT01', '客户, 甲', 'say "hi"', 'ab']);
  });

  it('leaves a row open at the end of a piece unscanned, and finishes it at the end of the file', () => {
    const bytes = encoder.encode('a,b\nc,"open\nquote');
    const spans = new SpanRows();
    const consumed = scanDelimitedBytes(bytes, 0, bytes.length, 44, false, spans);
    expect(spans.rows).toBe(1);
    expect(consumed).toBe(4);
    spans.reset();
    expect(scanDelimitedBytes(bytes, consumed, bytes.length, 44, true, spans)).toBe(bytes.length);
    expect(rowTexts(bytes, spans, 0, ',')).toEqual(['c', 'open\nquote']);
  });
});
