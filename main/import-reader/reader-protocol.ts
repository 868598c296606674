/**
 * Messages between the import worker and the spreadsheet reader process. The reader
 * answers one request and exits; every failure is data with a stable problem code.
 */
import type { SheetData } from '../../shared/import/types.ts';

export type WorkbookFormat = 'xlsx' | 'xls' | 'ods';

export interface ReadRequest {
  type: 'read';
  path: string;
  /** Only this many rows per sheet (analysis); null reads everything. */
  previewRows: number | null;
  /** Return rows of this sheet only (commit); null returns every sheet. */
  sheet: string | null;
  /** A private folder the reader writes its reply into (REPLY_FILE, v8-serialised ReadReply). */
  replyDir: string;
}

export const REPLY_FILE = 'reply.bin';

/** The reader's only message: its reply is in the reply file. */
export interface ReplyWritten {
  type: 'replied';
}

export interface SheetSummary {
  name: string;
  /** Rows actually holding cells (up to previewRows when previewing). */
  rows: number;
  cols: number;
  empty: boolean;
  /** The last row of the range the file declares (it may be far past the real cells). */
  declaredRows: number;
  /** true when only a preview was read and the sheet has more rows. */
  partial: boolean;
}

export interface WorkbookRead {
  format: WorkbookFormat;
  date1904: boolean;
  sheets: SheetSummary[];
  data: SheetData[];
}

export type ReadProblem =
  | 'not_a_zip'
  | 'truncated_zip'
  | 'zip_bomb'
  | 'not_a_workbook'
  | 'encrypted'
  | 'sheet_missing'
  | 'no_sheets'
  | 'too_large'
  | 'out_of_memory'
  | 'timeout'
  | 'unreadable';

export type ReadReply =
  | { type: 'result'; ok: true; value: WorkbookRead; peakRss: number }
  | { type: 'result'; ok: false; problem: ReadProblem; message: string };
