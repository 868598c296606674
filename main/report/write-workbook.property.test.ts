import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import type { ReportSheet, ReportValue } from '../../shared/report/index.ts';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { writeWorkbook } from './write-workbook.ts';

const { dir, cleanup } = makeTempDir('report-prop');
afterAll(() => cleanup());

/** Text as a spreadsheet can hold it: any characters but lone surrogates (written as U+FFFD). */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('_', 'x', '0', 'D', '=', '+', '-', '@', '\t', '\r', '\n', ' ', '&', '<', '"', "'", '江'), maxLength: 12 }),
);
const value: fc.Arbitrary<ReportValue> = fc.oneof(
  text,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.constant(null),
);

function expected(v: ReportValue): unknown {
  if (v === null || v === '') return undefined;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  return v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replace(/\r\n/g, '\n');
}

describe('writeWorkbook round trip (property)', () => {
  it('reads back every text and number cell as written, none as a formula', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value), { maxLength: 20 }), async (rows) => {
        const sheet: ReportSheet = {
          name: 'P',
          title: 'P',
          columns: [
            { header: 'a', kind: 'text' },
            { header: 'b', kind: 'text' },
          ],
          rows,
        };
        const out = path.join(dir, `p${(n += 1)}.xlsx`);
        await writeWorkbook([sheet], out, { format: 'xlsx' });
        const read = XLSX.read(fs.readFileSync(out)).Sheets['P'] as Record<string, { v: unknown; f?: string } | undefined>;
        rows.forEach((row, i) => {
          row.forEach((v, c) => {
            const cell = read[`${c === 0 ? 'A' : 'B'}${3 + i}`];
            expect(cell?.f).toBeUndefined();
            expect(cell?.v).toEqual(expected(v));
          });
        });
      }),
      { numRuns: 60 },
    );
  });
});
