import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { deflateZip } from './deflate-zip.ts';

function storedWorkbook(rows: number): Uint8Array {
  const body = Array.from({ length: rows }, (_, i) => [`C${i}`, '江苏华建工程机械有限公司', i * 1.5]);
  const sheet = XLSX.utils.aoa_to_sheet([['编号', '名称', '金额'], ...body]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, '数据');
  const bytes: unknown = XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: false });
  if (!(bytes instanceof Uint8Array)) throw new Error('no buffer');
  return bytes;
}

describe('deflateZip', () => {
  it('keeps every file readable and makes the archive much smaller', () => {
    const stored = storedWorkbook(2000);
    const deflated = deflateZip(stored);
    expect(deflated.length).toBeLessThan(stored.length / 4);
    const workbook = XLSX.read(deflated);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['数据'] ?? {}, { header: 1 });
    expect(rows).toHaveLength(2001);
    expect(rows[2000]).toEqual(['C1999', '江苏华建工程机械有限公司', 1999 * 1.5]);
  });

  it('accepts already deflated archives and is deterministic', () => {
    const once = deflateZip(storedWorkbook(10));
    const twice = deflateZip(once);
    expect(twice.equals(once)).toBe(true);
  });

  it('rejects data that is not a zip archive', () => {
    expect(() => deflateZip(new TextEncoder().encode('not a zip at all, just some text'))).toThrow(/not a zip/);
  });
});
