/**
 * The reader process and the zip directory check, on real bytes: listing a real workbook,
 * refusing truncated and non-zip bytes, and killing a read that outlives its timeout.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { readWorkbook } from './reader-client.ts';
import { readZipDirectory, ZipCheckError } from './zip-directory.ts';

let temp: { dir: string; cleanup: () => void };
let book: Buffer;

beforeAll(() => {
  temp = makeTempDir('reader');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['客户编码', '客户名称'], ['C1', '甲'], ['C2', '乙']]), '客户');
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '空表');
  book = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
});
afterAll(() => temp.cleanup());

describe('zip directory', () => {
  it('lists the entries of a real workbook', () => {
    const names = readZipDirectory(book).map((e) => e.name);
    expect(names).toContain('xl/workbook.xml');
    expect(names).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses bytes that are not a zip, and a truncated zip, with specific problems', () => {
    const problem = (bytes: Uint8Array) => {
      try {
        readZipDirectory(bytes);
        return 'ok';
      } catch (error) {
        return error instanceof ZipCheckError ? error.problem : 'other';
      }
    };
    expect(problem(Buffer.from('hello, world'))).toBe('not_a_zip');
    expect(problem(book.subarray(0, book.length - 30))).toBe('truncated_zip');
    expect(problem(book.subarray(0, 200))).toBe('truncated_zip');
  });
});

describe('reader process', () => {
  it('reads every listed sheet and reports the empty one as empty', async () => {
    const file = path.join(temp.dir, 'two-sheets.xlsx');
    fs.writeFileSync(file, book);
    const read = await readWorkbook({ path: file, previewRows: null, sheet: null });
    expect(read.sheets.map((s) => [s.name, s.rows, s.empty])).toEqual([
      ['客户', 3, false],
      ['空表', 0, true],
    ]);
    expect(read.data[0]!.rows[2]).toEqual(['C2', '乙']);
  });

  it('kills a read that outlives its timeout and says so', async () => {
    const file = path.join(temp.dir, 'slow.xlsx');
    fs.writeFileSync(file, book);
    await expect(readWorkbook({ path: file, previewRows: null, sheet: null }, { heapMb: 256, timeoutMs: 1 })).rejects.toMatchObject({
      problem: 'timeout',
    });
  });
});
