/**
 * One report sheet as CSV for older tools: the header row and the data rows (no title),
 * CRLF line ends, RFC 4180 quoting. Text is guarded against formula injection with a
 * leading apostrophe (CSV has no cell types); numbers are plain, percentages are written as
 * "12.3%" (Excel and WPS read them back as numbers), dates stay ISO (read as dates).
 *
 * Encodings: UTF-8 with a byte order mark, so Excel opens Chinese correctly; or "GBK" for
 * older tools, encoded as GB18030 — identical bytes for every character GBK has, and
 * characters GBK lacks (rare names, emoji) survive instead of turning into "?".
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import iconv from 'iconv-lite';
import { cellKindOf, maskReportValue, neutralizeFormula } from '../../shared/report/index.ts';
import type { PersonalDataMode, ReportColumnKind, ReportProgress, ReportSheet, ReportValue } from '../../shared/report/index.ts';

export type CsvEncoding = 'utf8-bom' | 'gbk';

const ROWS_PER_CHUNK = 5000;

export interface CsvOptions {
  encoding: CsvEncoding;
  personalData: PersonalDataMode;
  onProgress?: (progress: ReportProgress) => void;
  signal?: AbortSignal;
}

/** A field quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function percentText(fraction: number): string {
  return `${Number((fraction * 100).toFixed(4))}%`;
}

/** The text of one CSV field, before quoting. */
export function csvCellText(kind: ReportColumnKind, value: ReportValue): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return kind === 'percent' ? percentText(value) : String(value);
  }
  return neutralizeFormula(value);
}

function encode(text: string, encoding: CsvEncoding): Buffer {
  return encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
}

export async function buildCsv(sheet: ReportSheet, options: CsvOptions): Promise<Buffer> {
  const { signal, onProgress, encoding, personalData } = options;
  signal?.throwIfAborted();
  const rowsTotal = sheet.rows.length;
  onProgress?.({ rowsWritten: 0, rowsTotal });
  const header = sheet.columns.map((column) => csvField(neutralizeFormula(column.header))).join(',');
  const pieces: Buffer[] = [encode(`${encoding === 'utf8-bom' ? '\ufeff' : ''}${header}\r\n`, encoding)];
  for (let from = 0; from < rowsTotal; from += ROWS_PER_CHUNK) {
    const to = Math.min(rowsTotal, from + ROWS_PER_CHUNK);
    let text = '';
    for (let i = from; i < to; i += 1) {
      const row = sheet.rows[i] ?? [];
      const rowKind = sheet.rowKinds?.[i];
      text +=
        sheet.columns
          .map((column, c) =>
            csvField(csvCellText(cellKindOf(column.kind, rowKind), maskReportValue(column, row[c] ?? null, personalData))),
          )
          .join(',') + '\r\n';
    }
    pieces.push(encode(text, encoding));
    onProgress?.({ rowsWritten: to, rowsTotal });
    await nextTurn();
    signal?.throwIfAborted();
  }
  return Buffer.concat(pieces);
}
