/**
 * Reads, decodes, parses and normalises a delimited text file in chunks of rows. For a
 * large export this is half of an import's work, so the workspace thread runs it in a
 * thread of its own (text-normaliser-thread.ts) and writes one chunk while the next is being
 * normalised: on a two-core laptop the halves overlap.
 */
import {
  addColumnDateEvidence,
  dateColumns,
  decideColumnDateOrders,
  hasYearLastDates,
  isBlankRow,
  isTotalsRow,
  normalizeRows,
} from '../../../shared/import/index.ts';
import type { Cell, ColumnMapping, DateOrder, Delimiter, NormalizeRowsResult, RejectedRow, TextEncoding } from '../../../shared/import/types.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import { RecordEncoder } from './record-tables.ts';
import type { EncodedRecords } from './record-tables.ts';
import { streamTextRows } from './table-source.ts';
import { cellBuffers } from '../data/encoded-cells.ts';

/** Rows normalised together: large enough to amortise, small enough to stream. */
export const NORMALIZE_CHUNK = 20_000;
/** Rows held back at the end of the file, where totals and blank rows are not data. */
export const TAIL_ROWS = 8;

export interface TextNormaliseJob {
  path: string;
  fileName: string;
  encoding: TextEncoding;
  delimiter: Delimiter;
  /** 1-based row of the header (title rows above it are skipped). */
  headerRowNumber: number;
  headerCount: number;
  kind: RecordKind;
  columns: readonly ColumnMapping[];
}

export interface NormalisedChunk {
  /** A customer file's ImportRecords as JSON (one string crosses threads far cheaper than objects). */
  customers: string | null;
  /** Any other kind's records, encoded: their buffers are moved to the writer, not copied. */
  encoded: EncodedRecords | null;
  rejected: RejectedRow[];
  /** Data rows this chunk read (accepted + rejected + skipped). */
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

/** The buffers of a chunk, moved (not copied) when it is posted. */
export const chunkBuffers = (chunk: NormalisedChunk): ArrayBuffer[] => (chunk.encoded ? cellBuffers(chunk.encoded.cells) : []);

/** The encoder of a file's records; none for a customer file (its records cross as JSON). */
export const encoderFor = (kind: RecordKind, stream = 0): RecordEncoder | null => (kind === 'customers' ? null : new RecordEncoder(kind, stream));

/** A chunk as it crosses to the workspace thread. */
export function chunkOf(encoder: RecordEncoder | null, normalized: NormalizeRowsResult<RecordKind>, rowsRead: number, bytesRead: number, totalBytes: number): NormalisedChunk {
  return {
    customers: encoder ? null : JSON.stringify(normalized.accepted),
    encoded: encoder ? encoder.encode(normalized.accepted) : null,
    rejected: normalized.rejected,
    rowsRead,
    bytesRead,
    totalBytes,
  };
}

/**
 * The date orders of a text file, decided once: when the first rows' date columns hold only
 * year-first dates (the usual case) nothing more is needed; a column with year-last dates
 * (3/4/2023) is judged on the whole file, read once more for those columns only.
 */
export async function textDateOrders(job: TextNormaliseJob, firstRows: Cell[][]): Promise<Record<number, DateOrder>> {
  const columns = dateColumns(job.kind, job.columns);
  const evidence = addColumnDateEvidence({}, columns, firstRows);
  if (!Object.values(evidence).some(hasYearLastDates)) return decideColumnDateOrders(evidence);
  const whole = addColumnDateEvidence({}, columns, []);
  const headerIndex = job.headerRowNumber - 1;
  let index = 0;
  await streamTextRows(job.path, job.encoding, job.delimiter, async (rows) => {
    addColumnDateEvidence(
      whole,
      columns,
      rows.filter(() => index++ > headerIndex),
    );
  });
  return decideColumnDateOrders(whole);
}

/**
 * Streams the file's data rows below the header, normalised, chunk by chunk, from decoded text:
 * the way for every encoding (UTF-8 files have a faster way, utf8-normaliser.ts).
 */
export async function normaliseTextFile(job: TextNormaliseJob, emit: (chunk: NormalisedChunk) => Promise<void>): Promise<void> {
  const headerIndex = job.headerRowNumber - 1;
  let index = 0;
  let held: { row: Cell[]; index: number }[] = [];
  let batch: Cell[][] = [];
  let batchStart = -1;
  let orders: Record<number, DateOrder> | null = null;
  let bytesRead = 0;
  let totalBytes = 0;
  const encoder = encoderFor(job.kind);
  const flushBatch = async () => {
    if (batch.length === 0) return;
    orders ??= await textDateOrders(job, batch);
    const normalized = normalizeRows(job.kind, job.columns, batch, {
      date1904: false,
      dateOrders: orders,
      firstRowNumber: batchStart + 1,
      fileName: job.fileName,
      formats: [],
      headerCount: job.headerCount,
    });
    const rowsRead = batch.length;
    batch = [];
    batchStart = -1;
    await emit(chunkOf(encoder, normalized, rowsRead, bytesRead, totalBytes));
  };
  /**
   * Adds a row to the batch; returns a promise only when a batch is written (not one per row
   * of a million-row file). A blank row ends the batch; so does a gap, so that row numbers
   * stay exact (a batch is a contiguous run of rows).
   */
  const take = (row: Cell[], at: number): Promise<void> | undefined => {
    if (isBlankRow(row)) return flushBatch();
    if (batchStart >= 0 && batchStart + batch.length !== at) return flushBatch().then(() => take(row, at));
    if (batchStart < 0) batchStart = at;
    batch.push(row);
    return batch.length >= NORMALIZE_CHUNK ? flushBatch() : undefined;
  };
  await streamTextRows(job.path, job.encoding, job.delimiter, async (rows, read, total) => {
    bytesRead = read;
    totalBytes = total;
    for (const row of rows) {
      const at = index++;
      if (at <= headerIndex) continue;
      held.push({ row, index: at });
      if (held.length <= TAIL_ROWS) continue;
      const next = held.shift()!;
      const written = take(next.row, next.index);
      if (written) await written;
    }
  });
  let last = held.length - 1;
  while (last >= 0 && (isBlankRow(held[last]!.row) || isTotalsRow(held[last]!.row))) last--;
  for (const h of held.slice(0, last + 1)) await take(h.row, h.index);
  held = [];
  await flushBatch();
}
