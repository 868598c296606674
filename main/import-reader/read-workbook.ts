/**
 * Parses workbook bytes with SheetJS (inside the reader process): refuses damaged zips and
 * zip bombs before inflating, reads serial dates (never JS Dates, which shift under
 * historical time-zone offsets), walks only the cells that exist (a declared range of
 * 50,000,000 rows costs nothing), and accounts for every listed sheet.
 */
import * as XLSX from '@e965/xlsx';
import type { Cell, SheetData } from '../../shared/import/types.ts';
import type { ReadProblem, SheetSummary, WorkbookFormat, WorkbookRead } from './reader-protocol.ts';
import { looksLikeCfb, looksLikeZip, readZipDirectory, ZipCheckError } from './zip-directory.ts';

export class ReadError extends Error {
  constructor(
    readonly problem: ReadProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

export interface ReadOptions {
  previewRows: number | null;
  sheet: string | null;
}

function detectFormat(bytes: Uint8Array, fileName: string): WorkbookFormat {
  const lower = fileName.toLowerCase();
  if (looksLikeCfb(bytes)) {
    if (lower.endsWith('.xlsx')) throw new ReadError('encrypted', 'the workbook is password-protected (encrypted); save it without a password first');
    return 'xls';
  }
  if (lower.endsWith('.ods')) return 'ods';
  if (lower.endsWith('.xls') && !looksLikeZip(bytes)) {
    throw new ReadError('not_a_workbook', 'the file is not an Excel workbook (no .xls signature)');
  }
  try {
    readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipCheckError) throw new ReadError(error.problem, error.message);
    throw error;
  }
  return 'xlsx';
}

function cellValue(cell: XLSX.CellObject | undefined): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.v === undefined ? null : String(cell.v);
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'e':
      return cell.w ?? '#ERROR';
    case 'd':
      // Only when a writer stored ISO dates (cellDates is off); keep the calendar date.
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return null;
  }
}

function sheetData(name: string, ws: XLSX.WorkSheet, date1904: boolean, limit: number | null): { data: SheetData; summary: SheetSummary } {
  const dense = (ws as { '!data'?: (XLSX.CellObject[] | undefined)[] })['!data'] ?? [];
  const declared = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).e.r + 1 : 0;
  const full = (ws as { '!fullref'?: string })['!fullref'];
  const rows: Cell[][] = [];
  const formats: (string | null)[][] = [];
  let cols = 0;
  let lastReal = -1;
  const end = limit === null ? dense.length : Math.min(dense.length, limit);
  for (let r = 0; r < end; r++) {
    const source = dense[r];
    const row: Cell[] = [];
    const fmt: (string | null)[] = [];
    let hasFormat = false;
    if (source) {
      for (let c = 0; c < source.length; c++) {
        const cell = source[c];
        const value = cellValue(cell);
        row[c] = value;
        const z = cell && cell.t === 'n' && typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : null;
        fmt[c] = z;
        if (z) hasFormat = true;
      }
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    }
    if (row.some((v) => v !== null && v !== '')) lastReal = r;
    if (row.length > cols) cols = row.length;
    rows.push(row);
    formats.push(hasFormat ? fmt : []);
  }
  rows.length = lastReal + 1;
  formats.length = lastReal + 1;
  const partial = limit !== null && (dense.length > limit || full !== undefined);
  return {
    data: { name, rows, formats, date1904 },
    summary: { name, rows: rows.length, cols, empty: rows.length === 0, declaredRows: full ? XLSX.utils.decode_range(full).e.r + 1 : declared, partial },
  };
}

export function readWorkbookBytes(bytes: Uint8Array, fileName: string, options: ReadOptions): WorkbookRead {
  const format = detectFormat(bytes, fileName);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellDates: false,
      cellNF: true,
      cellHTML: false,
      cellFormula: false,
      raw: true,
      ...(options.previewRows === null ? {} : { sheetRows: options.previewRows + 1 }),
      ...(options.sheet === null ? {} : { sheets: options.sheet }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) throw new ReadError('encrypted', 'the workbook is password-protected (encrypted)');
    throw new ReadError('unreadable', `the workbook could not be read (${message})`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const names = wb.SheetNames;
  if (names.length === 0) throw new ReadError('no_sheets', 'the workbook has no sheets');
  const sheets: SheetSummary[] = [];
  const data: SheetData[] = [];
  for (const name of names) {
    if (options.sheet !== null && name !== options.sheet) continue;
    const ws = wb.Sheets[name];
    if (!ws) {
      // SheetJS lists a sheet it could not load: say so instead of dropping it silently.
      throw new ReadError('sheet_missing', `the sheet "${name}" is listed in the workbook but could not be read`);
    }
    const read = sheetData(name, ws, date1904, options.previewRows);
    sheets.push(read.summary);
    data.push(read.data);
  }
  if (options.sheet !== null && sheets.length === 0) {
    throw new ReadError('sheet_missing', `the workbook has no sheet named "${options.sheet}"`);
  }
  return { format, date1904, sheets, data };
}
