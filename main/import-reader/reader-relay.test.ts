/**
 * The desktop app starts spreadsheet readers on the main thread (utilityProcess) for the
 * workspace thread. Here the same relay runs with a forking launcher standing in for
 * utilityProcess: a real worker thread imports a real workbook through it, and a reader that
 * hangs is still stopped and reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { WorkerClient } from '../services/worker-client.ts';
import { forkReader } from './reader-process.ts';
import type { ReaderLauncher } from './reader-process.ts';

let temp: { dir: string; cleanup: () => void };
let worker: WorkerClient;
const started: { bundle: string; heapMb: number }[] = [];
const hostLauncher: ReaderLauncher = (bundle, heapMb) => {
  started.push({ bundle, heapMb });
  return forkReader(bundle, heapMb);
};

beforeAll(async () => {
  temp = makeTempDir('reader-relay');
  worker = new WorkerClient({ readerLauncher: hostLauncher });
  await worker.call('create', { path: path.join(temp.dir, 'w.atlas'), demo: false });
});
afterAll(async () => {
  await worker.terminate();
  temp.cleanup();
});

describe('reader relay through the main thread', () => {
  it('imports a workbook with the reader started by the host, not the workspace thread', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['客户编码', '客户名称', '省份'], ['R001', '江苏恒力机械有限公司', '江苏'], ['R002', '浙江远航重工有限公司', '浙江']]), '客户');
    const file = path.join(temp.dir, 'customers.xlsx');
    fs.writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const result = await worker.call('importCommit', { files: [{ path: file }] });
    expect(result.files[0]).toMatchObject({ kind: 'customers', accepted: 2, rejected: 0 });
    expect(started.length).toBeGreaterThan(0);
    expect(started.every((s) => s.bundle.endsWith('import-reader.mjs') && s.heapMb > 0)).toBe(true);
  });

  it('reports a file the host-started reader refuses, with its specific reason', async () => {
    const file = path.join(temp.dir, 'not-a-workbook.xlsx');
    fs.writeFileSync(file, 'this is plain text, not a zip');
    const before = started.length;
    const [analysis] = await worker.call('importAnalyze', { files: [{ path: file }] });
    expect(started.length).toBe(before + 1);
    expect(analysis!.problem?.code).toBe('not_a_zip');
  });
});
