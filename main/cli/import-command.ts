/**
 * `atlas import FILE... --workspace W [--kind K] [--json]` and
 * `atlas export --workspace W --table customers --out F.csv`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';
import type { ImportCommitFile, ImportFileResult } from '../../shared/import/api.ts';
import { RECORD_KINDS } from '../../shared/schema/records.ts';
import type { RecordKind } from '../../shared/schema/records.ts';
import { WorkerClient } from '../services/worker-client.ts';
import { appVersion } from '../node/runtime-paths.ts';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export class CliUsageError extends Error {}

/** The JSON `atlas import --json` prints: one entry per file. */
export interface ImportJson {
  workspace: string;
  files: {
    file: string;
    kind: RecordKind;
    batchId: number | null;
    rowsRead: number;
    accepted: number;
    rejected: number;
    duplicates: number;
    updated: number;
    createdCustomers: number;
  }[];
}

async function withWorker<T>(run: (worker: WorkerClient) => Promise<T>): Promise<T> {
  const worker = new WorkerClient({ createdBy: `Customer Atlas ${appVersion()} (cli)` });
  try {
    return await run(worker);
  } finally {
    await worker.terminate();
  }
}

async function openOrCreate(worker: WorkerClient, file: string): Promise<string> {
  const target = path.extname(file) === '' ? `${file}.atlas` : file;
  const state = fs.existsSync(target)
    ? await worker.call('open', { path: target })
    : await worker.call('create', { path: target, demo: false });
  return state.path;
}

function line(result: ImportFileResult): string {
  return `${result.fileName}: ${result.kind} — accepted ${result.accepted}, rejected ${result.rejected}, duplicates ${result.duplicates}, updated ${result.updated}` +
    (result.createdCustomers > 0 ? `, new customers from references ${result.createdCustomers}` : '');
}

export async function importCommand(
  options: { files: string[]; workspace: string; kind?: string; json: boolean },
  io: CliIo,
): Promise<number> {
  if (options.files.length === 0) throw new CliUsageError('import needs at least one FILE');
  let kind: RecordKind | undefined;
  if (options.kind !== undefined) {
    if (!(RECORD_KINDS as readonly string[]).includes(options.kind)) throw new CliUsageError(`--kind must be one of ${RECORD_KINDS.join(', ')}`);
    kind = options.kind as RecordKind;
  }
  const files: ImportCommitFile[] = options.files.map((f) => {
    const file = path.resolve(f);
    if (!fs.existsSync(file)) throw new AtlasError('FILE_NOT_FOUND', `File not found: ${file}`, { path: file });
    return kind === undefined ? { path: file } : { path: file, kind };
  });
  const { workspace, results } = await withWorker(async (worker) => {
    const workspace = await openOrCreate(worker, path.resolve(options.workspace));
    const commit = await worker.call('importCommit', { files });
    await worker.call('save', {});
    return { workspace, results: commit.files };
  });
  if (options.json) {
    const json: ImportJson = {
      workspace,
      files: results.map((r) => ({
        file: r.path,
        kind: r.kind,
        batchId: r.batchId,
        rowsRead: r.rowsRead,
        accepted: r.accepted,
        rejected: r.rejected,
        duplicates: r.duplicates,
        updated: r.updated,
        createdCustomers: r.createdCustomers,
      })),
    };
    io.out(JSON.stringify(json) + '\n');
  } else {
    io.out(`Workspace: ${workspace}\n`);
    for (const result of results) {
      io.out(line(result) + '\n');
      for (const row of result.rejectedRows.slice(0, 5)) {
        io.out(`  row ${row.rowNumber}${row.column ? ` (${row.column})` : ''}: ${row.reason}\n`);
      }
    }
  }
  return 0;
}

export async function exportCommand(options: { workspace: string; table: string; out: string }, io: CliIo): Promise<number> {
  if (options.table !== 'customers') throw new CliUsageError('--table must be customers');
  const workspace = path.resolve(options.workspace);
  if (!fs.existsSync(workspace)) throw new AtlasError('FILE_NOT_FOUND', `File not found: ${workspace}`, { path: workspace });
  const result = await withWorker(async (worker) => {
    await worker.call('open', { path: workspace });
    return worker.call('exportTable', { table: 'customers', path: path.resolve(options.out) });
  });
  io.out(`${result.rows} customers written to ${result.path}\n`);
  return 0;
}
