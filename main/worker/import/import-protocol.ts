/** The import feature's worker operations (merged into WorkerSpec). */
import type {
  ImportBatch,
  ImportCommitFile,
  ImportCommitResult,
  ImportFileAnalysis,
  ImportFileChoice,
  ImportRemoveResult,
  ImportTemplate,
} from '../../../shared/import/api.ts';

export interface ImportWorkerSpec {
  importAnalyze: { params: { files: ImportFileChoice[] }; result: ImportFileAnalysis[] };
  importCommit: { params: { files: ImportCommitFile[] }; result: ImportCommitResult };
  importHistory: { params: undefined; result: ImportBatch[] };
  importRemoveBatch: { params: { batchId: number }; result: ImportRemoveResult };
  importTemplates: { params: undefined; result: ImportTemplate[] };
  importRenameTemplate: { params: { signature: string; name: string }; result: ImportTemplate[] };
  importDeleteTemplate: { params: { signature: string }; result: ImportTemplate[] };
  /** The rejected rows of a batch as .xlsx bytes. */
  importRejectedWorkbook: { params: { batchId: number }; result: { fileName: string; rows: number; bytes: Uint8Array } };
  /** Writes a table of the workspace as UTF-8 CSV with BOM (`atlas export`). */
  exportTable: { params: { table: 'customers'; path: string }; result: { path: string; rows: number } };
}
