/**
 * Opens an import file for the pipeline. Workbooks (.xlsx/.xls/.ods) are parsed by the
 * reader process; delimited text is decoded and parsed here, streaming, because text
 * cannot bomb the parser and a 90 MB CSV should not be copied between processes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { ImportFormat, ImportSheetInfo } from '../../../shared/import/api.ts';
import { createDelimitedParser, sniffDelimiter, sniffEncoding } from '../../../shared/import/index.ts';
import type { Cell, Delimiter, TextEncoding } from '../../../shared/import/types.ts';
import { readWorkbook, WorkbookReadError } from '../../import-reader/reader-client.ts';
import { looksLikeCfb, looksLikeZip } from '../../import-reader/zip-directory.ts';

/** A problem with one file, reported per file (other files of the same import go on). */
export class FileProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FileProblem';
  }
}

export const PREVIEW_ROWS = 200;
const TEXT_HEAD_BYTES = 1024 * 1024;
const TEXT_CHUNK_BYTES = 4 * 1024 * 1024;
const MAX_TEXT_BYTES = 2 * 1024 * 1024 * 1024;
const WORKBOOK_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods', '.xlsb'];

export interface SourceHead {
  fileName: string;
  format: ImportFormat;
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheets: ImportSheetInfo[];
  sheet: string;
  date1904: boolean;
  rows: Cell[][];
  formats: (string | null)[][];
  /** rows holds the whole sheet. */
  complete: boolean;
}

export interface SheetChoiceHead extends SourceHead {
  /** The other sheets' heads (workbooks), to choose a default sheet. */
  allSheets: { name: string; rows: Cell[][]; formats: (string | null)[][] }[];
}

export function statFile(file: string): fs.Stats {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new FileProblem('not_a_file', `${path.basename(file)} is not a file`);
    return stat;
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem('not_found', `${file} was not found or cannot be read`);
  }
}

function readHead(file: string, bytes: number): Uint8Array {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

export function isWorkbookFile(file: string, head: Uint8Array): boolean {
  return looksLikeZip(head) || looksLikeCfb(head) || WORKBOOK_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function fileHash(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_CHUNK_BYTES);
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function decoderFor(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding, { fatal: false });
}

function workbookProblem(error: unknown): never {
  if (error instanceof WorkbookReadError) throw new FileProblem(error.problem, error.message);
  throw error;
}

/** Reads enough of a file to analyse it: all sheet heads of a workbook, the head of a text file. */
export async function readSourceHead(file: string, whole: { sheet: string | null } | null = null): Promise<SheetChoiceHead> {
  const stat = statFile(file);
  const fileName = path.basename(file);
  if (stat.size === 0) throw new FileProblem('empty_file', `${fileName} is empty`);
  const head = readHead(file, Math.min(stat.size, TEXT_HEAD_BYTES));
  if (isWorkbookFile(file, head)) {
    // A commit reads the whole workbook once (analysis and rows from the same read).
    const book = await readWorkbook({ path: file, previewRows: whole ? null : PREVIEW_ROWS, sheet: whole?.sheet ?? null }).catch(workbookProblem);
    const sheets = book.sheets.map((s) => ({ name: s.name, rows: s.rows, empty: s.empty, partial: s.partial }));
    const first = book.data.find((d, i) => !book.sheets[i]?.empty) ?? book.data[0];
    if (!first) throw new FileProblem('no_sheets', `${fileName} has no sheets`);
    const firstSummary = book.sheets.find((s) => s.name === first.name);
    return {
      fileName,
      format: book.format,
      encoding: null,
      delimiter: null,
      sheets,
      sheet: first.name,
      date1904: book.date1904,
      rows: first.rows,
      formats: first.formats ?? [],
      complete: !(firstSummary?.partial ?? false),
      allSheets: book.data.map((d) => ({ name: d.name, rows: d.rows, formats: d.formats ?? [] })),
    };
  }
  if (stat.size > MAX_TEXT_BYTES) throw new FileProblem('too_large', `${fileName} is larger than 2 GB`);
  const guess = sniffEncoding(head);
  const complete = stat.size <= TEXT_HEAD_BYTES;
  let text = decoderFor(guess.encoding).decode(head, { stream: !complete });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\0') && guess.encoding !== 'utf-16le' && guess.encoding !== 'utf-16be') {
    throw new FileProblem('binary', `${fileName} is not a text file or a workbook`);
  }
  const delimiter = sniffDelimiter(text);
  const parser = createDelimitedParser(delimiter);
  const rows: Cell[][] = parser.push(text);
  if (complete) rows.push(...parser.end());
  const name = path.basename(file, path.extname(file));
  return {
    fileName,
    format: 'csv',
    encoding: guess.encoding,
    delimiter,
    sheets: [{ name, rows: rows.length, empty: rows.length === 0, partial: !complete }],
    sheet: name,
    date1904: false,
    rows: complete ? rows : rows.slice(0, Math.max(0, rows.length - 1)),
    formats: [],
    complete,
    allSheets: [],
  };
}

/** Every row of the chosen sheet of a workbook (read by the reader process). */
export async function readWholeSheet(file: string, sheet: string): Promise<{ rows: Cell[][]; formats: (string | null)[][]; date1904: boolean }> {
  const book = await readWorkbook({ path: file, previewRows: null, sheet }).catch(workbookProblem);
  const data = book.data[0];
  if (!data) throw new FileProblem('sheet_missing', `${path.basename(file)} has no sheet named "${sheet}"`);
  return { rows: data.rows, formats: data.formats ?? [], date1904: book.date1904 };
}

/**
 * Streams the rows of a text file in chunks: decode with the sniffed encoding, parse with
 * the RFC 4180 parser; `onRows` may be async (it yields for progress and cancel).
 */
export async function streamTextRows(
  file: string,
  encoding: TextEncoding,
  delimiter: Delimiter,
  onRows: (rows: string[][], bytesRead: number, totalBytes: number) => Promise<void>,
): Promise<void> {
  const total = statFile(file).size;
  const decoder = decoderFor(encoding);
  const parser = createDelimitedParser(delimiter);
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(TEXT_CHUNK_BYTES);
    let read = 0;
    let first = true;
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      read += n;
      let text = decoder.decode(buffer.subarray(0, n), { stream: true });
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      await onRows(parser.push(text), read, total);
    }
    const tail = decoder.decode();
    const rows = tail ? parser.push(tail) : [];
    rows.push(...parser.end());
    await onRows(rows, read, total);
  } finally {
    fs.closeSync(fd);
  }
}

export function missingFile(file: string): AtlasError {
  return new AtlasError('FILE_NOT_FOUND', `File not found: ${file}`, { path: file });
}
