// The sample exports the app ships (assets/sample): each must be recognised as its kind with
// every column mapped and nothing to ask, and its rows must normalise without rejections.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import fs from 'node:fs';
import path from 'node:path';
import type { RecordKind } from '../schema/records.ts';
import { decodeText } from './encoding.ts';
import { parseDelimited, sniffDelimiter } from './delimited.ts';
import { locateTable } from './locate-table.ts';
import { headerSignature, proposeMapping } from './mapping.ts';
import { normalizeRows } from './normalize-rows.ts';
import type { Cell, SheetData } from './types.ts';

const SAMPLES = path.resolve(import.meta.dirname, '../../assets/sample');

/**
 * Raw cell values and number formats, read from the cells themselves: sheet_to_json turns
 * date-formatted numbers into JS Dates in local time, which is exactly what the importer avoids.
 */
function readSheet(file: string): SheetData {
  const wb = XLSX.read(fs.readFileSync(path.join(SAMPLES, file)), { cellDates: false, cellNF: true, dense: true });
  const name = wb.SheetNames[0] ?? '';
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet in ${file}`);
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const width = XLSX.utils.decode_range(ws['!ref'] ?? 'A1').e.c + 1;
  const rows: Cell[][] = [];
  const formats: (string | null)[][] = [];
  for (const source of data) {
    const row: Cell[] = [];
    const fmt: (string | null)[] = [];
    for (let c = 0; c < width; c += 1) {
      const cell = source?.[c];
      const v = cell?.v;
      row.push(typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null);
      fmt.push(typeof cell?.z === 'string' ? cell.z : null);
    }
    rows.push(row);
    formats.push(fmt);
  }
  return { name, rows, formats, date1904: Boolean(wb.Workbook?.WBProps?.date1904) };
}

function readCsv(file: string): SheetData {
  const { text, encoding } = decodeText(new Uint8Array(fs.readFileSync(path.join(SAMPLES, file))));
  expect(encoding).toBe('gb18030');
  return { name: file, rows: parseDelimited(text, sniffDelimiter(text)), date1904: false };
}

const CASES: [string, RecordKind][] = [
  ['01-客户档案.xlsx', 'customers'],
  ['02-销售合同.xlsx', 'orders'],
  ['03-回款记录.xlsx', 'payments'],
  ['04-商机.xlsx', 'opportunities'],
  ['05-服务工单.xlsx', 'tickets'],
  ['06-满意度调研.xlsx', 'surveys'],
  ['07-设备物联.xlsx', 'equipment'],
  ['08-客户档案-GBK.csv', 'customers'],
];

describe('sample exports', () => {
  it.each(CASES)('%s maps to %s with no questions and imports every row', (file, kind) => {
    const sheet = file.endsWith('.csv') ? readCsv(file) : readSheet(file);
    const table = locateTable(sheet.rows);
    const headers = sheet.rows[table.headerRow] ?? [];
    expect(String(headers[0])).toMatch(/编|编号|号|序列号/);
    const data = sheet.rows.slice(table.firstDataRow, table.lastDataRow + 1);
    const proposal = proposeMapping({ headers, sample: data.slice(0, 50) });
    expect(proposal.kind).toBe(kind);
    expect(proposal.kindConfidence).toBeGreaterThanOrEqual(0.8);
    expect(proposal.missingRequired).toEqual([]);
    for (const column of proposal.columns) {
      expect(column.field, `${file}: ${column.header}`).not.toBeNull();
      expect(column.reason).toBe('synonym');
    }
    expect(headerSignature(headers)).not.toBe('');
    const formats = sheet.formats?.slice(table.firstDataRow, table.lastDataRow + 1);
    const result = normalizeRows(kind, proposal.columns, data, {
      date1904: sheet.date1904,
      firstRowNumber: table.firstDataRow + 1,
      fileName: file,
      ...(formats ? { formats } : {}),
    });
    expect(result.rejected.slice(0, 3)).toEqual([]);
    expect(result.accepted.length + result.skipped.length).toBe(data.length);
    expect(result.warnings.filter((w) => w.code !== 'region.unmatched').slice(0, 3)).toEqual([]);
    const first = result.accepted[0];
    expect(first?.rowNumber).toBe(table.firstDataRow + 1);
    // Dates come out as ISO calendar dates whatever the time zone.
    const dates = Object.entries(first ?? {}).filter(([k]) => /Date$|lastOnline/.test(k));
    for (const [, v] of dates) if (v !== null) expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the xlsx and the GBK csv of the customer master give the same records', () => {
    const load = (sheet: SheetData) => {
      const table = locateTable(sheet.rows);
      const headers = sheet.rows[table.headerRow] ?? [];
      const data = sheet.rows.slice(table.firstDataRow, table.lastDataRow + 1);
      const { columns } = proposeMapping({ headers, sample: data.slice(0, 20) });
      return normalizeRows('customers', columns, data, { date1904: false, firstRowNumber: 1, fileName: '' }).accepted.map(
        ({ rowNumber: _r, ...rest }) => rest,
      );
    };
    const xlsx = load(readSheet('01-客户档案.xlsx'));
    const csv = load(readCsv('08-客户档案-GBK.csv'));
    expect(csv.length).toBe(xlsx.length);
    expect(csv.slice(0, 200)).toEqual(xlsx.slice(0, 200));
  });
});
