/**
 * Analyse and commit: locate the table, propose (or apply a saved template's) mapping,
 * preview rows exactly as they will be stored, and on commit normalise every row and write
 * the records of every file in ONE transaction with progress and cancel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AtlasError } from '../../../shared/api/errors.ts';
import type { ImportCommitFile, ImportFileAnalysis, ImportFileChoice, ImportFileResult, PreviewRow } from '../../../shared/import/api.ts';
import {
  customerRefFields,
  inferColumnDateOrders,
  FIELDS,
  headerSignature,
  isBlankRow,
  locateTable,
  normalizeRows,
  proposeMapping,
} from '../../../shared/import/index.ts';
import type { Cell, ColumnMapping, Delimiter, ImportRecord, TextEncoding, MappingProposal, RejectedRow, TableLocation } from '../../../shared/import/types.ts';
import { RECORD_KINDS } from '../../../shared/schema/records.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import type { Db } from '../data/db.ts';
import type { JobContext } from '../job-context.ts';
import { RecordWriter, CustomerRefError } from './record-writer.ts';
import type { WriteCounts } from './record-writer.ts';
import type { RecordEncoder } from './record-tables.ts';
import type { EncodedRecords } from './record-tables.ts';
import { findTemplate, insertBatch, saveTemplate, MAX_STORED_REJECTED } from './import-store.ts';
import { fileHash, FileProblem, readSourceHead, readWholeSheet } from './table-source.ts';
import { encoderFor, NORMALIZE_CHUNK } from './text-normaliser.ts';
import type { NormalisedChunk, TextNormaliseJob } from './text-normaliser.ts';
import type { NormaliserData, NormaliserMessage } from './text-normaliser-thread.ts';
import { importNormaliserUrl } from '../../node/runtime-paths.ts';
import type { SheetChoiceHead } from './table-source.ts';

export const PREVIEW_DATA_ROWS = 20;
const RESULT_REJECTED_ROWS = 200;
const CHECKPOINT_ROWS = 5000;
/** Files above this size get their tables' secondary indexes rebuilt once after the insert. */
const BULK_FILE_BYTES = 8 * 1024 * 1024;

const emptyScores = (): Record<RecordKind, number> =>
  Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;

const headerText = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '' : String(cell).trim());

/** Required fields no column maps to ('customerCode|customerName' = a customer reference). */
export function missingRequired(kind: RecordKind, columns: readonly ColumnMapping[]): string[] {
  const mapped = new Set(columns.map((c) => c.field).filter((f): f is string => f !== null));
  const missing: string[] = [];
  let refFields: readonly string[] = [];
  try {
    refFields = customerRefFields(kind);
  } catch {
    refFields = [];
  }
  for (const spec of FIELDS[kind]) {
    if (refFields.includes(spec.field)) continue;
    if (spec.required && !mapped.has(spec.field)) missing.push(spec.field);
  }
  if (refFields.length > 0 && !refFields.some((f) => mapped.has(f))) missing.unshift(refFields.join('|'));
  return missing;
}

interface Located {
  location: TableLocation;
  headers: string[];
  headerCells: Cell[];
}

function locate(rows: Cell[][], fileName: string): Located {
  if (rows.length === 0 || rows.every((r) => isBlankRow(r))) throw new FileProblem('empty_sheet', `${fileName}: the sheet is empty`);
  const location = locateTable(rows);
  const headerCells = rows[location.headerRow] ?? [];
  return { location, headers: headerCells.map(headerText), headerCells };
}

/** Maps a sheet: the user's columns, else a saved template, else the proposal. */
function mapSheet(
  db: Db,
  located: Located,
  sample: Cell[][],
  choice: ImportFileChoice,
): { proposal: MappingProposal; template: string | null; signature: string } {
  const signature = headerSignature(located.headerCells);
  const template = choice.columns ? null : findTemplate(db, signature);
  if (choice.columns) {
    const kind = choice.kind ?? proposeMapping({ headers: located.headerCells, sample }).kind;
    return {
      proposal: { kind, kindConfidence: 1, kindScores: { ...emptyScores(), [kind]: 1 }, columns: choice.columns, missingRequired: missingRequired(kind, choice.columns) },
      template: null,
      signature,
    };
  }
  if (template && (choice.kind === undefined || choice.kind === template.kind)) {
    const columns = template.columns.map((c) => ({ ...c, confidence: 1, reason: 'template' as const }));
    return {
      proposal: { kind: template.kind, kindConfidence: 1, kindScores: { ...emptyScores(), [template.kind]: 1 }, columns, missingRequired: missingRequired(template.kind, columns) },
      template: template.name,
      signature,
    };
  }
  const proposal = proposeMapping({ headers: located.headerCells, sample }, choice.kind);
  return { proposal: { ...proposal, missingRequired: missingRequired(proposal.kind, proposal.columns) }, template: null, signature };
}

/** Contiguous runs of data rows, without blank and totals rows (row numbers stay exact). */
function dataSegments(location: TableLocation): { start: number; end: number }[] {
  const skip = new Set([...location.blankRows, ...location.totalsRows]);
  const segments: { start: number; end: number }[] = [];
  let start = -1;
  for (let r = location.firstDataRow; r <= location.lastDataRow + 1; r++) {
    const inData = r <= location.lastDataRow && !skip.has(r);
    if (inData && start < 0) start = r;
    if (!inData && start >= 0) {
      segments.push({ start, end: r - 1 });
      start = -1;
    }
  }
  return segments;
}

function previewValues(record: ImportRecord): PreviewRow {
  const values: PreviewRow['values'] = {};
  for (const [key, value] of Object.entries(record as unknown as Record<string, unknown>)) {
    if (key === 'rowNumber' || key === 'sourceKey') continue;
    values[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
  }
  return { rowNumber: record.rowNumber, values };
}

function pickSheet(head: SheetChoiceHead, wanted: string | undefined): { name: string; rows: Cell[][]; formats: (string | null)[][] } {
  if (wanted !== undefined) {
    const sheet = head.allSheets.find((s) => s.name === wanted);
    if (!sheet) throw new FileProblem('sheet_missing', `${head.fileName} has no sheet named "${wanted}"`);
    return sheet;
  }
  if (head.allSheets.length === 0) return { name: head.sheet, rows: head.rows, formats: head.formats };
  // The first sheet with a table whose mapping is confident.
  let best = head.allSheets.find((s) => s.rows.some((r) => !isBlankRow(r))) ?? head.allSheets[0]!;
  let bestScore = -1;
  for (const sheet of head.allSheets) {
    if (sheet.rows.every((r) => isBlankRow(r))) continue;
    try {
      const located = locate(sheet.rows, head.fileName);
      const sample = sheet.rows.slice(located.location.firstDataRow, located.location.firstDataRow + 50);
      const score = proposeMapping({ headers: located.headerCells, sample }).kindConfidence;
      if (score > bestScore + 0.05) {
        best = sheet;
        bestScore = score;
      }
    } catch {
      // not a table
    }
  }
  return best;
}

function problemAnalysis(file: string, problem: { code: string; message: string }): ImportFileAnalysis {
  return {
    path: file, fileName: path.basename(file), format: null, encoding: null, delimiter: null, sheets: [], sheet: null,
    headerRowNumber: 0, headers: [], dataRows: null, kind: 'customers', kindConfidence: 0, kindScores: emptyScores(),
    columns: [], missingRequired: [], signature: '', template: null, preview: [], previewRejected: [], problem,
  };
}

export async function analyzeFile(db: Db, choice: ImportFileChoice): Promise<ImportFileAnalysis> {
  return (await analyzeSource(db, choice, false)).analysis;
}

interface WholeSheet {
  rows: Cell[][];
  formats: (string | null)[][];
  date1904: boolean;
}

/** The analysis; with `whole`, a workbook is read completely and its rows come along. */
async function analyzeSource(db: Db, choice: ImportFileChoice, whole: boolean): Promise<{ analysis: ImportFileAnalysis; sheet: WholeSheet | null }> {
  try {
    const head = await readSourceHead(choice.path, whole ? { sheet: choice.sheet ?? null } : null);
    const sheet = pickSheet(head, choice.sheet);
    const located = locate(sheet.rows, head.fileName);
    const { location } = located;
    const sample = sheet.rows.slice(location.firstDataRow, location.firstDataRow + 50);
    const { proposal, template, signature } = mapSheet(db, located, sample, choice);
    const previewRows: Cell[][] = [];
    let firstRow = location.firstDataRow;
    const segments = dataSegments(location);
    const firstSegment = segments[0];
    if (firstSegment) {
      firstRow = firstSegment.start;
      previewRows.push(...sheet.rows.slice(firstSegment.start, Math.min(firstSegment.end + 1, firstSegment.start + PREVIEW_DATA_ROWS)));
    }
    const normalized = normalizeRows(proposal.kind, proposal.columns, previewRows, {
      date1904: head.date1904,
      firstRowNumber: firstRow + 1,
      fileName: head.fileName,
      formats: sheet.formats.slice(firstRow, firstRow + previewRows.length),
      headerCount: located.headers.length,
    });
    const complete = head.allSheets.length === 0 ? head.complete : !(head.sheets.find((s) => s.name === sheet.name)?.partial ?? false);
    const dataRows = complete ? segments.reduce((n, s) => n + s.end - s.start + 1, 0) : null;
    const analysis: ImportFileAnalysis = {
      path: choice.path,
      fileName: head.fileName,
      format: head.format,
      encoding: head.encoding,
      delimiter: head.delimiter,
      sheets: head.sheets,
      sheet: sheet.name,
      headerRowNumber: location.headerRow + 1,
      headers: located.headers,
      dataRows,
      kind: proposal.kind,
      kindConfidence: proposal.kindConfidence,
      kindScores: proposal.kindScores,
      columns: proposal.columns,
      missingRequired: proposal.missingRequired,
      signature,
      template,
      preview: normalized.accepted.map(previewValues),
      previewRejected: normalized.rejected,
      problem: null,
    };
    const wholeSheet = whole && head.format !== 'csv' ? { rows: sheet.rows, formats: sheet.formats, date1904: head.date1904 } : null;
    return { analysis, sheet: wholeSheet };
  } catch (error) {
    if (error instanceof FileProblem) return { analysis: problemAnalysis(choice.path, { code: error.code, message: error.message }), sheet: null };
    throw error;
  }
}

/** A file that cannot be imported stops the whole commit (all or nothing), naming the file. */
function refuse(fileName: string, code: string, message: string): never {
  throw new AtlasError('INVALID_INPUT', message.startsWith(fileName) ? message : `${fileName}: ${message}`, { file: fileName, reason: code });
}

interface PreparedFile {
  choice: ImportCommitFile;
  analysis: ImportFileAnalysis;
  sheet: WholeSheet | null;
  /** A text file's normaliser, when started ahead of its turn. */
  normaliser?: NormaliserThread | undefined;
}

async function prepare(db: Db, choice: ImportCommitFile): Promise<PreparedFile> {
  const { analysis, sheet } = await analyzeSource(db, choice, true);
  if (analysis.problem) refuse(analysis.fileName, analysis.problem.code, analysis.problem.message);
  if (analysis.missingRequired.length > 0) {
    refuse(analysis.fileName, 'unmapped', `${analysis.fileName} cannot be mapped as ${analysis.kind}: no column for ${analysis.missingRequired.join(', ')}`);
  }
  return { choice, analysis, sheet };
}

/**
 * Normalised rows of one file, chunk by chunk, with how many data rows each chunk read:
 * the records of a customer file, or the packed records of any other kind.
 */
type Accepted = { records: ImportRecord[] } | { encoded: EncodedRecords };

function accepted(encoder: RecordEncoder | null, records: ImportRecord[]): Accepted {
  return encoder ? { encoded: encoder.encode(records) } : { records };
}

type NormalizedSink = (accepted: Accepted, rejected: RejectedRow[], rowsRead: number) => Promise<void>;

async function feedRows(prepared: PreparedFile, sink: NormalizedSink, ctx: JobContext, counter: { total: number }): Promise<void> {
  const { analysis } = prepared;
  const normalizeOptions = { fileName: analysis.fileName, headerCount: analysis.headers.length };
  if (analysis.format !== 'csv') {
    ctx.progress('import.read', 0, 1);
    const sheet = prepared.sheet ?? (await readWholeSheet(analysis.path, analysis.sheet ?? ''));
    prepared.sheet = null;
    ctx.progress('import.read', 1, 1);
    await ctx.checkpoint();
    const located = locate(sheet.rows, analysis.fileName);
    const segments = dataSegments(located.location);
    // Day/month order is decided once on every value of each date column, never per chunk.
    const dateOrders = inferColumnDateOrders(analysis.kind, analysis.columns, sheet.rows.slice(located.location.firstDataRow, located.location.lastDataRow + 1));
    counter.total += segments.reduce((n, s) => n + s.end - s.start + 1, 0);
    const encoder = encoderFor(analysis.kind);
    for (const segment of segments) {
      for (let start = segment.start; start <= segment.end; start += NORMALIZE_CHUNK) {
        const end = Math.min(segment.end + 1, start + NORMALIZE_CHUNK);
        const normalized = normalizeRows(analysis.kind, analysis.columns, sheet.rows.slice(start, end), {
          ...normalizeOptions,
          date1904: sheet.date1904,
          dateOrders,
          firstRowNumber: start + 1,
          formats: sheet.formats.slice(start, end),
        });
        await sink(accepted(encoder, normalized.accepted), normalized.rejected, end - start);
      }
    }
    return;
  }
  const normaliser = prepared.normaliser ?? new NormaliserThread(textJob(analysis));
  prepared.normaliser = undefined;
  await normaliser.drain(ctx, async (chunk) => {
    counter.total += chunk.rowsRead;
    ctx.progress('import.bytes', chunk.bytesRead, chunk.totalBytes);
    const rows: Accepted = chunk.encoded ? { encoded: chunk.encoded } : { records: JSON.parse(chunk.customers ?? '[]') as ImportRecord[] };
    await sink(rows, chunk.rejected, chunk.rowsRead);
  });
}

/** Bytes a stored row takes besides its values: record header, row id, index entry. */
const ROW_OVERHEAD_BYTES = 24;
/** Stored bytes per byte of text imported (1.16 for a million orders with their index). */
const STORED_PER_TEXT_BYTE = 1.1;

/**
 * About how much a commit of large files adds to the workspace file, deliberately low (space
 * not filled stays free in the file): a text file's mapped columns' share of its bytes (a
 * stored record takes a little more than its text did); a workbook's rows times what its previewed
 * rows take stored.
 */
function expectedGrowth(files: readonly PreparedFile[]): number {
  let bytes = 0;
  for (const { analysis } of files) {
    if (analysis.format === 'csv') {
      const size = fs.statSync(analysis.path).size;
      if (size <= BULK_FILE_BYTES || analysis.headers.length === 0) continue;
      bytes += (STORED_PER_TEXT_BYTE * size * analysis.columns.filter((c) => c.field !== null).length) / analysis.headers.length;
    } else if (analysis.dataRows !== null && analysis.preview.length > 0) {
      let previewBytes = 0;
      for (const row of analysis.preview) {
        previewBytes += ROW_OVERHEAD_BYTES;
        for (const value of Object.values(row.values)) previewBytes += typeof value === 'string' ? Buffer.byteLength(value) : value === null ? 0 : 8;
      }
      const estimate = (analysis.dataRows * previewBytes) / analysis.preview.length;
      if (estimate > BULK_FILE_BYTES) bytes += estimate;
    }
  }
  return bytes;
}

/**
 * Helper threads for normalising a large text file: one on a two-core laptop (where the
 * writer leaves part of a core idle), up to three with cores to spare; none for a small file,
 * where starting a thread costs more than it saves.
 */
function normaliserHelpers(file: string): number {
  const wanted = process.env['ATLAS_NORMALISER_HELPERS'];
  if (wanted !== undefined) return Number(wanted);
  if (fs.statSync(file).size <= BULK_FILE_BYTES) return 0;
  return Math.max(1, Math.min(3, os.availableParallelism() - 2));
}

/** What the normaliser thread of a text file is told to do. */
function textJob(analysis: ImportFileAnalysis): TextNormaliseJob {
  return {
    path: analysis.path,
    fileName: analysis.fileName,
    encoding: analysis.encoding as TextEncoding,
    delimiter: (analysis.delimiter ?? ',') as Delimiter,
    headerRowNumber: analysis.headerRowNumber,
    headerCount: analysis.headers.length,
    kind: analysis.kind,
    columns: analysis.columns,
  };
}

/**
 * A text file's normaliser thread (text-normaliser-thread.ts). It starts reading when made and
 * holds at most a couple of chunks until `drain` takes them in order; meanwhile it normalises
 * the next. A cancel or error stops the thread.
 */
class NormaliserThread {
  private readonly thread: Worker;
  private readonly queue: NormaliserMessage[] = [];
  private failure: Error | null = null;
  private finished = false;
  private wake: (() => void) | null = null;

  constructor(private readonly job: TextNormaliseJob) {
    // A young generation as large as the workspace thread's: normalising a chunk allocates
    // megabytes of short-lived records, and the default one made GC a third of the work.
    const youngGenerationMb = Number(process.env['ATLAS_NORMALISER_YOUNG_MB'] ?? 64);
    const data: NormaliserData = { role: 'reader', job, helpers: normaliserHelpers(job.path), youngGenerationMb };
    this.thread = new Worker(importNormaliserUrl(), { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } });
    const signal = () => {
      this.wake?.();
      this.wake = null;
    };
    this.thread.on('message', (message: NormaliserMessage) => {
      this.queue.push(message);
      signal();
    });
    this.thread.on('error', (error) => {
      this.failure ??= error;
      signal();
    });
    this.thread.on('exit', (code) => {
      if (!this.finished) this.failure ??= new Error(`the text normaliser stopped (exit code ${code})`);
      signal();
    });
  }

  /** Hands the file's chunks to `onChunk` in order, then stops the thread. */
  async drain(ctx: JobContext, onChunk: (chunk: NormalisedChunk) => Promise<void>): Promise<void> {
    try {
      for (;;) {
        while (this.queue.length === 0 && this.failure === null) await new Promise<void>((resolve) => (this.wake = resolve));
        const message = this.queue.shift();
        if (!message) throw this.failure ?? new Error('the text normaliser stopped');
        if (message.type === 'end') return;
        if (message.type === 'error') {
          if (message.code !== null) refuse(this.job.fileName, message.code, message.message);
          throw new Error(message.message);
        }
        // Acknowledge first, so the thread normalises the next chunk while this one is written.
        this.thread.postMessage('ack');
        await onChunk(message.chunk);
        await ctx.checkpoint();
      }
    } finally {
      await this.stop();
    }
  }

  async stop(): Promise<void> {
    this.finished = true;
    await this.thread.terminate();
  }
}

export async function commitFiles(db: Db, files: readonly ImportCommitFile[], ctx: JobContext): Promise<ImportFileResult[]> {
  const prepared: PreparedFile[] = [];
  for (const choice of files) {
    prepared.push(await prepare(db, choice));
    await ctx.checkpoint();
  }
  // Customers first, so the other files find them in the master.
  const order = [...prepared].sort((a, b) => RECORD_KINDS.indexOf(a.analysis.kind) - RECORD_KINDS.indexOf(b.analysis.kind));
  const results = new Map<PreparedFile, ImportFileResult>();
  // The first text file's normaliser starts now: it reads and warms up while the workspace
  // makes room for the rows and hashes the files.
  const firstText = order.find((f) => f.analysis.format === 'csv');
  if (firstText) firstText.normaliser = new NormaliserThread(textJob(firstText.analysis));
  try {
    db.reserveFileSpace(expectedGrowth(prepared));
    await commitInOrder(db, order, ctx, results);
  } finally {
    for (const file of order) await file.normaliser?.stop();
  }
  return prepared.map((p) => results.get(p)!);
}

/** Writes the records of every file, in `order`, in one transaction. */
async function commitInOrder(db: Db, order: PreparedFile[], ctx: JobContext, results: Map<PreparedFile, ImportFileResult>): Promise<void> {
  await db.transactionAsync(async () => {
    // Large files: drop the secondary indexes of their tables and build them once at the
    // end (faster than maintaining them row by row); inside the transaction, so a cancel or
    // error restores them with everything else. The importer's lookups never use them.
    const rebuild: string[] = [];
    for (const kind of new Set(order.filter((f) => fs.statSync(f.analysis.path).size > BULK_FILE_BYTES).map((f) => f.analysis.kind))) {
      for (const index of db.all<{ name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        [kind],
      )) {
        db.exec(`DROP INDEX ${index.name}`);
        rebuild.push(index.sql);
      }
    }
    const writer = new RecordWriter(db);
    let rowsDone = 0;
    for (const file of order) {
      const { analysis, choice } = file;
      const kind = analysis.kind;
      const hash = fileHash(analysis.path);
      const batchId = insertBatch(db, {
        fileName: analysis.fileName,
        fileHash: hash,
        kind,
        sheet: analysis.format === 'csv' ? null : analysis.sheet,
        mapping: JSON.stringify({ headerRowNumber: analysis.headerRowNumber, signature: analysis.signature, columns: analysis.columns }),
      });
      writer.beginBatch(batchId, analysis.signature);
      const counts: WriteCounts = { accepted: 0, duplicates: 0, updated: 0, createdCustomers: 0 };
      const rejected: RejectedRow[] = [];
      let rejectedCount = 0;
      const counter = { total: 0 };
      let rowsRead = 0;
      const reject = (row: RejectedRow) => {
        rejectedCount += 1;
        if (rejected.length < MAX_STORED_REJECTED) rejected.push(row);
      };
      await feedRows(
        file,
        async (rows, rejectedRows, read) => {
          for (const row of rejectedRows) reject(row);
          if ('records' in rows) {
            for (let i = 0; i < rows.records.length; i += CHECKPOINT_ROWS) {
              const slice = rows.records.slice(i, i + CHECKPOINT_ROWS);
              for (const record of slice) {
                try {
                  writer.writeCustomer(record as ImportRecord<'customers'>, counts);
                } catch (error) {
                  if (!(error instanceof CustomerRefError)) throw error;
                  reject({ rowNumber: record.rowNumber, column: null, code: 'missing_customer', reason: 'no customer code or name', values: [] });
                }
              }
              writer.flushCustomers();
              rowsDone += slice.length;
              ctx.progress('import.rows', rowsDone, Math.max(rowsDone, counter.total));
              await ctx.checkpoint();
            }
          } else if (kind !== 'customers') {
            const total = rows.encoded.cells.count;
            for (let i = 0; i < total; i += CHECKPOINT_ROWS) {
              const end = Math.min(total, i + CHECKPOINT_ROWS);
              writer.writeEncoded(kind, rows.encoded, i, end, counts);
              rowsDone += end - i;
              ctx.progress('import.rows', rowsDone, Math.max(rowsDone, counter.total));
              await ctx.checkpoint();
            }
          }
          rowsRead += read;
        },
        ctx,
        counter,
      );
      if (choice.saveTemplate) saveTemplate(db, analysis.signature, kind, analysis.columns, analysis.headers, analysis.fileName);
      db.run(
        `UPDATE import_batches SET rows_read = ?, accepted = ?, rejected = ?, duplicates = ?, updated = ?, created_customers = ?,
           rejected_rows = ? WHERE id = ?`,
        [rowsRead, counts.accepted, rejectedCount, counts.duplicates, counts.updated, counts.createdCustomers, JSON.stringify(rejected), batchId],
      );
      results.set(file, {
        path: analysis.path,
        fileName: analysis.fileName,
        kind,
        batchId,
        rowsRead,
        accepted: counts.accepted,
        rejected: rejectedCount,
        duplicates: counts.duplicates,
        updated: counts.updated,
        createdCustomers: counts.createdCustomers,
        rejectedRows: rejected.slice(0, RESULT_REJECTED_ROWS),
        templateSaved: choice.saveTemplate === true,
      });
    }
    ctx.progress('import.rows', rowsDone, rowsDone);
    // Seconds each at a million rows: the user sees the step, and a cancel between them.
    for (const [k, sql] of rebuild.entries()) {
      ctx.progress('import.index', k, rebuild.length);
      await ctx.checkpoint();
      db.exec(sql);
    }
    if (rebuild.length > 0) ctx.progress('import.index', rebuild.length, rebuild.length);
  });
}
