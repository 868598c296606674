/**
 * The import feature's part of the API contract: its calls (merged into ApiSpec), their
 * method names and their parameter validators.
 */
import type { JobParams } from '../api/contract.ts';
import { fail, integer, jobId, MAX_PATH, none, record, text } from '../api/checks.ts';
import type { Validators } from '../api/checks.ts';
import { RECORD_KINDS } from '../schema/records.ts';
import type { RecordKind } from '../schema/records.ts';
import type { ColumnMapping, MappingReason, RejectedRow } from './types.ts';

export type ImportFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

/** Why a file could not be read; the UI translates `import.problem.<code>`. */
export interface ImportFileProblem {
  code: string;
  message: string;
}

export interface ImportSheetInfo {
  name: string;
  rows: number;
  empty: boolean;
  /** Only the first rows were read for the analysis; the sheet has more. */
  partial: boolean;
}

/** One row as it will be stored: the record's fields after normalising. */
export interface PreviewRow {
  rowNumber: number;
  values: Record<string, string | number | boolean | null>;
}

export interface ImportFileAnalysis {
  path: string;
  fileName: string;
  format: ImportFormat | null;
  /** Text files: the encoding and delimiter found. */
  encoding: string | null;
  delimiter: string | null;
  sheets: ImportSheetInfo[];
  sheet: string | null;
  /** 1-based row number of the header as the user sees it in Excel. */
  headerRowNumber: number;
  headers: string[];
  /** Number of data rows (after title, blank and totals rows); null when only a preview was read. */
  dataRows: number | null;
  kind: RecordKind;
  kindConfidence: number;
  kindScores: Record<RecordKind, number>;
  columns: ColumnMapping[];
  missingRequired: string[];
  signature: string;
  /** Name of the saved template that produced the mapping. */
  template: string | null;
  preview: PreviewRow[];
  previewRejected: RejectedRow[];
  /** A reason the file cannot be imported; the other fields are then placeholders. */
  problem: ImportFileProblem | null;
}

/** What the user chose for one file (analysis overrides and the commit). */
export interface ImportFileChoice {
  path: string;
  sheet?: string;
  kind?: RecordKind;
  columns?: ColumnMapping[];
}

export interface ImportCommitFile extends ImportFileChoice {
  saveTemplate?: boolean;
}

export interface ImportFileResult {
  path: string;
  fileName: string;
  kind: RecordKind;
  batchId: number | null;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  updated: number;
  /** Customers created because a record named one not in the customer master. */
  createdCustomers: number;
  /** The first rejected rows (all of them are kept with the batch for the .xlsx). */
  rejectedRows: RejectedRow[];
  templateSaved: boolean;
}

export interface ImportCommitResult {
  files: ImportFileResult[];
}

export interface ImportBatch {
  id: number;
  createdAt: string;
  fileName: string;
  kind: RecordKind;
  sheet: string | null;
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  updated: number;
  createdCustomers: number;
  /** Other batches added or changed records that depend on this one (remove them first). */
  blockedBy: number[];
}

export interface ImportRemoveResult {
  batchId: number;
  deleted: number;
  restored: number;
}

export interface ImportTemplate {
  signature: string;
  name: string;
  kind: RecordKind;
  createdAt: string;
  usedAt: string;
  headers: string[];
}

export interface ImportRejectedExport {
  fileName: string;
  rows: number;
  /** Where the file was written, when a path was given. */
  path: string | null;
  /** The .xlsx bytes as base64, when no path was given (browser download). */
  base64: string | null;
}

export interface ImportUploadResult {
  uploadId: string;
  path: string;
  size: number;
}

export interface ImportApiSpec {
  /** Native dialog to pick files; null when cancelled (UNSUPPORTED in browser mode). */
  'import.chooseFiles': { params: undefined; result: string[] | null };
  /** Browser mode: stores a file's bytes (in chunks) in a temp folder of the data dir. */
  'import.upload': {
    params: { name: string; base64: string; uploadId?: string };
    result: ImportUploadResult;
  };
  'import.analyze': { params: { files: ImportFileChoice[] } & JobParams; result: ImportFileAnalysis[] };
  'import.commit': { params: { files: ImportCommitFile[] } & JobParams; result: ImportCommitResult };
  'import.history': { params: undefined; result: ImportBatch[] };
  'import.removeBatch': { params: { batchId: number } & JobParams; result: ImportRemoveResult };
  'import.templates': { params: undefined; result: ImportTemplate[] };
  /** Renames a saved mapping template (the name shown when it maps a file). */
  'import.renameTemplate': { params: { signature: string; name: string }; result: ImportTemplate[] };
  /** Forgets a saved mapping template: files with that header ask for a mapping again. */
  'import.deleteTemplate': { params: { signature: string }; result: ImportTemplate[] };
  'import.exportRejected': { params: { batchId: number; path?: string }; result: ImportRejectedExport };
}

export const IMPORT_METHODS = {
  'import.chooseFiles': true,
  'import.upload': true,
  'import.analyze': true,
  'import.commit': true,
  'import.history': true,
  'import.removeBatch': true,
  'import.templates': true,
  'import.renameTemplate': true,
  'import.deleteTemplate': true,
  'import.exportRejected': true,
} as const satisfies Record<keyof ImportApiSpec, true>;

/** Raw bytes per upload chunk (base64 grows it by a third; the HTTP body limit is 4 MB). */
export const UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 300 * 1024 * 1024;
const MAX_FILES = 50;
const MAX_COLUMNS = 500;
const MAPPING_REASONS: readonly MappingReason[] = ['synonym', 'fuzzy', 'shape', 'template', 'none'];

function kindOf(method: string, value: unknown): RecordKind {
  if (!(RECORD_KINDS as readonly unknown[]).includes(value)) fail(method, `"kind" must be one of ${RECORD_KINDS.join(', ')}`);
  return value as RecordKind;
}

function column(method: string, value: unknown): ColumnMapping {
  const obj = record(method, value, ['index', 'header', 'field', 'confidence', 'reason', 'unitMultiplier']);
  const field = obj['field'];
  if (field !== null && (typeof field !== 'string' || field.length > 64)) fail(method, '"field" must be a string or null');
  const confidence = obj['confidence'];
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) fail(method, '"confidence" must be 0..1');
  if (!MAPPING_REASONS.includes(obj['reason'] as MappingReason)) fail(method, '"reason" is not a mapping reason');
  const header = obj['header'];
  if (typeof header !== 'string' || header.length > 1000) fail(method, '"header" must be a string');
  const mapping: ColumnMapping = {
    index: integer(method, obj, 'index', 0, 20_000),
    header,
    field,
    confidence,
    reason: obj['reason'] as MappingReason,
  };
  if (obj['unitMultiplier'] !== undefined) {
    const unit = obj['unitMultiplier'];
    if (typeof unit !== 'number' || !Number.isFinite(unit) || unit <= 0 || unit > 1e8) fail(method, '"unitMultiplier" must be a positive number');
    mapping.unitMultiplier = unit;
  }
  return mapping;
}

function choice(method: string, value: unknown, allowTemplate: boolean): ImportCommitFile {
  const obj = record(method, value, allowTemplate ? ['path', 'sheet', 'kind', 'columns', 'saveTemplate'] : ['path', 'sheet', 'kind', 'columns']);
  const file: ImportCommitFile = { path: text(method, obj, 'path', MAX_PATH) };
  if (obj['sheet'] !== undefined) file.sheet = text(method, obj, 'sheet', 256);
  if (obj['kind'] !== undefined) file.kind = kindOf(method, obj['kind']);
  if (obj['columns'] !== undefined) {
    const columns = obj['columns'];
    if (!Array.isArray(columns) || columns.length > MAX_COLUMNS) fail(method, `"columns" must be an array of at most ${MAX_COLUMNS}`);
    file.columns = columns.map((c: unknown) => column(method, c));
  }
  if (allowTemplate && obj['saveTemplate'] !== undefined) {
    if (typeof obj['saveTemplate'] !== 'boolean') fail(method, '"saveTemplate" must be a boolean');
    file.saveTemplate = obj['saveTemplate'];
  }
  return file;
}

function files(method: string, obj: Record<string, unknown>, allowTemplate: boolean): ImportCommitFile[] {
  const list = obj['files'];
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_FILES) fail(method, `"files" must list 1 to ${MAX_FILES} files`);
  return list.map((f: unknown) => choice(method, f, allowTemplate));
}

export const importValidators: Validators<ImportApiSpec> = {
  'import.chooseFiles': (p) => none('import.chooseFiles', p),
  'import.upload': (p) => {
    const m = 'import.upload';
    const obj = record(m, p, ['name', 'base64', 'uploadId']);
    const name = text(m, obj, 'name', 255);
    const base64 = obj['base64'];
    if (typeof base64 !== 'string' || base64.length > Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4) {
      fail(m, `"base64" must be a string of at most ${UPLOAD_CHUNK_BYTES} bytes`);
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) fail(m, '"base64" is not base64');
    const params: { name: string; base64: string; uploadId?: string } = { name, base64 };
    if (obj['uploadId'] !== undefined) {
      const id = text(m, obj, 'uploadId', 64);
      if (!/^[a-f0-9-]+$/.test(id)) fail(m, '"uploadId" is not an upload id');
      params.uploadId = id;
    }
    return params;
  },
  'import.analyze': (p) => {
    const obj = record('import.analyze', p, ['files', 'jobId']);
    return { files: files('import.analyze', obj, false), ...jobId('import.analyze', obj) };
  },
  'import.commit': (p) => {
    const obj = record('import.commit', p, ['files', 'jobId']);
    return { files: files('import.commit', obj, true), ...jobId('import.commit', obj) };
  },
  'import.history': (p) => none('import.history', p),
  'import.removeBatch': (p) => {
    const obj = record('import.removeBatch', p, ['batchId', 'jobId']);
    return { batchId: integer('import.removeBatch', obj, 'batchId', 1, Number.MAX_SAFE_INTEGER), ...jobId('import.removeBatch', obj) };
  },
  'import.templates': (p) => none('import.templates', p),
  'import.renameTemplate': (p) => {
    const m = 'import.renameTemplate';
    const obj = record(m, p, ['signature', 'name']);
    const name = text(m, obj, 'name', 120).trim();
    if (name === '') fail(m, '"name" must not be blank');
    return { signature: text(m, obj, 'signature', 4000), name };
  },
  'import.deleteTemplate': (p) => {
    const obj = record('import.deleteTemplate', p, ['signature']);
    return { signature: text('import.deleteTemplate', obj, 'signature', 4000) };
  },
  'import.exportRejected': (p) => {
    const obj = record('import.exportRejected', p, ['batchId', 'path']);
    const batchId = integer('import.exportRejected', obj, 'batchId', 1, Number.MAX_SAFE_INTEGER);
    return obj['path'] === undefined ? { batchId } : { batchId, path: text('import.exportRejected', obj, 'path', MAX_PATH) };
  },
};

