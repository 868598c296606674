/**
 * Writes a report as .xlsx (every sheet) or .csv (one sheet). Personal data is masked
 * unless the caller says the user chose to show it. The file appears only when complete:
 * the bytes go to a temp file in the same folder, which is renamed over the target; a
 * cancelled or failed export leaves no file behind (and an existing one untouched).
 */
import type { PersonalDataMode, ReportProgress, ReportSheet } from '../../shared/report/index.ts';
import { writeFileAtomic } from '../node/atomic-write.ts';
import { buildCsv, type CsvEncoding } from './csv-writer.ts';
import { buildXlsx } from './xlsx-writer.ts';

export interface WriteWorkbookOptions {
  format: 'xlsx' | 'csv';
  /** CSV only: UTF-8 with BOM (default) or GBK. */
  csvEncoding?: CsvEncoding;
  /** 'masked' (default) or 'shown' when the user chose to include personal data. */
  personalData?: PersonalDataMode;
  /** .xlsx only: the workbook's font; Calibri by default. */
  fontName?: string;
  onProgress?: (progress: ReportProgress) => void;
  signal?: AbortSignal;
}

export interface WrittenReport {
  path: string;
  bytes: number;
  rows: number;
}

export async function writeWorkbook(
  sheets: readonly ReportSheet[],
  outPath: string,
  options: WriteWorkbookOptions,
): Promise<WrittenReport> {
  const personalData = options.personalData ?? 'masked';
  const progress = {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  let bytes: Buffer;
  if (options.format === 'csv') {
    const [sheet] = sheets;
    if (sheet === undefined || sheets.length !== 1) throw new RangeError('a CSV export holds exactly one sheet');
    bytes = await buildCsv(sheet, { encoding: options.csvEncoding ?? 'utf8-bom', personalData, ...progress });
  } else {
    bytes = await buildXlsx(sheets, { personalData, fontName: options.fontName ?? 'Calibri', ...progress });
  }
  options.signal?.throwIfAborted();
  writeFileAtomic(outPath, bytes, { backup: false });
  return { path: outPath, bytes: bytes.length, rows: sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0) };
}
