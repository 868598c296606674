import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../shared/import/mapping.ts';
import type { Delimiter } from '../../../shared/import/types.ts';
import type { RecordKind } from '../../../shared/schema/records.ts';
import { decodeRow } from '../data/encoded-cells.ts';
import { normaliseTextFile } from './text-normaliser.ts';
import type { NormalisedChunk, TextNormaliseJob } from './text-normaliser.ts';
import { normaliseUtf8File } from './utf8-normaliser.ts';
import { chooser, messyOrders, ORDER_HEADER } from './messy-orders.test-support.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-utf8-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function jobFor(file: string, content: Buffer, kind: RecordKind, headerRowNumber: number, delimiter: Delimiter = ','): TextNormaliseJob {
  fs.writeFileSync(file, content);
  const headers = content.toString('utf8').replace(/^\uFEFF/, '').split('\n')[headerRowNumber - 1]!.split(delimiter);
  const proposal = proposeMapping({ headers, sample: [] }, kind);
  return { path: file, fileName: path.basename(file), encoding: 'utf-8', delimiter, headerRowNumber, headerCount: headers.length, kind, columns: proposal.columns };
}

/** Everything a normaliser emitted, chunk boundaries aside. */
async function run(normalise: typeof normaliseTextFile, job: TextNormaliseJob) {
  const chunks: NormalisedChunk[] = [];
  await normalise(job, async (chunk) => {
    chunks.push(chunk);
  });
  const refs: { code: string | null; name: string | null }[] = [];
  const records: unknown[] = [];
  for (const chunk of chunks) {
    if (chunk.customers !== null) records.push(...(JSON.parse(chunk.customers) as unknown[]));
    const encoded = chunk.encoded;
    if (!encoded) continue;
    expect(encoded.firstNew).toBe(refs.length);
    refs.push(...encoded.newCustomers);
    for (let row = 0; row < encoded.cells.count; row++) records.push([...decodeRow(encoded.cells, row), refs[encoded.customers[row]!]]);
  }
  return {
    records,
    rejected: chunks.flatMap((c) => c.rejected),
    rowsRead: chunks.reduce((n, c) => n + c.rowsRead, 0),
    bytesRead: chunks.at(-1)?.bytesRead,
  };
}

describe('normaliseUtf8File', () => {
  it('gives exactly what the decoded-text normaliser gives on a messy 60,000-row orders export', async () => {
    const job = jobFor(path.join(dir, 'orders.csv'), messyOrders(60_000, 7), 'orders', 4);
    expect(fs.statSync(job.path).size).toBeGreaterThan(4 * 1024 * 1024); // more than one read
    const text = await run(normaliseTextFile, job);
    const bytes = await run(normaliseUtf8File, job);
    expect(text.records.length).toBeGreaterThan(10_000);
    expect(text.rejected.length).toBeGreaterThan(5_000);
    expect(bytes.rowsRead).toBe(text.rowsRead);
    expect(bytes.bytesRead).toBe(text.bytesRead);
    expect(bytes.rejected).toEqual(text.rejected);
    expect(bytes.records).toEqual(text.records);
  });

  it('gives exactly what the decoded-text normaliser gives on a customer file with semicolons and CRLF', async () => {
    const pick = chooser(3);
    const lines = ['客户编码;客户名称;省份;城市;地址;客户类型;行业;联系人;电话'];
    for (let i = 0; i < 3000; i++) {
      lines.push(
        [
          pick([`K${i}`, '', ` k${i} `]),
          pick([`苏州客户${i % 400}有限公司`, `"名;称${i}"`, '']),
          pick(['江苏', '江蘇省', 'Jiangsu', '火星', '']),
          pick(['苏州', '苏州市', '']),
          pick(['江苏省苏州市工业园区星湖街328号', '']),
          pick(['经销商', '终端', '未知类型']),
          '工程',
          '张三',
          pick(['0512-6666 8888', '+86 138 0000 0000', '电话']),
        ].join(';'),
      );
    }
    const job = jobFor(path.join(dir, 'customers.csv'), Buffer.from(lines.join('\r\n') + '\r\n'), 'customers', 1, ';');
    const text = await run(normaliseTextFile, job);
    const bytes = await run(normaliseUtf8File, job);
    expect(text.records.length).toBeGreaterThan(2000);
    expect(bytes.rowsRead).toBe(text.rowsRead);
    expect(bytes.rejected).toEqual(text.rejected);
    expect(bytes.records).toEqual(text.records);
  });

  it('reads a row longer than its read buffer (a 5 MB quoted note)', async () => {
    const note = `"${'备注 "" 很长,\n'.repeat(400_000)}"`;
    const content = Buffer.from(`${ORDER_HEADER.join(',')}\nHT1,C1,客户1,2023-01-02,起重机,XZ1,1,100,${note},已签订\nHT2,C1,客户1,2023-01-03,起重机,XZ1,1,200,分期,已签订\n`);
    const job = jobFor(path.join(dir, 'long.csv'), content, 'orders', 1);
    const text = await run(normaliseTextFile, job);
    const bytes = await run(normaliseUtf8File, job);
    expect(bytes.records).toEqual(text.records);
    expect(bytes.records).toHaveLength(2);
    expect(String((bytes.records[0] as unknown[])[7])).toContain('很长,\n备注 " 很长');
  });
});
