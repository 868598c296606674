/**
 * The import pipeline end to end through the real worker, the real reader process and real
 * sql.js, with real files on disk: duplicates, updates, exact batch removal, cancel, and
 * damaged or hostile files that must change nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir.ts';
import { WorkerClient } from '../../services/worker-client.ts';
import { Db } from '../data/db.ts';
import type { ImportFileResult } from '../../../shared/import/api.ts';
import { messyOrders } from './messy-orders.test-support.ts';

let temp: { dir: string; cleanup: () => void };
let worker: WorkerClient;
let workspace: string;

const TABLES = ['customers', 'orders', 'payments', 'opportunities', 'tickets', 'surveys', 'equipment', 'customer_source_keys', 'import_changes', 'import_batches'];

/** Every row of every record table, from the saved file. */
async function dump(): Promise<Record<string, unknown[]>> {
  await worker.call('save', {});
  const db = await Db.open(new Uint8Array(fs.readFileSync(workspace)));
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.all(`SELECT * FROM ${t} ORDER BY rowid`)]));
  } finally {
    db.close();
  }
}

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(temp.dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function workbook(rows: unknown[][], sheet = 'Sheet1'): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheet);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

async function commit(file: string, extra: { saveTemplate?: boolean } = {}): Promise<ImportFileResult> {
  const result = await worker.call('importCommit', { files: [{ path: file, ...extra }] });
  return result.files[0]!;
}

const CUSTOMERS = [
  ['客户档案导出 2024-06-30'],
  [],
  ['客户编码', '客户名称', '省份', '城市', '电话', '建档日期'],
  ['C001', '江苏恒力机械有限公司', '江苏', '苏州', '0512-6666 8888', '2023/3/13'],
  ['C002', '<img src=x onerror=alert(1)>', '浙江省', '杭州市', '13800138000', '2023-04-01'],
  ['C003', '四川蜀道建设有限责任公司', '四川', '成都', '', '2022年5月6日'],
  ['合计', '3', '', '', '', ''],
];

const ORDERS_HEADER = ['合同号', '客户编码', '客户名称', '签订日期', '产品线', '数量', '金额(元)'];

beforeAll(async () => {
  temp = makeTempDir('import');
  workspace = path.join(temp.dir, 'w.atlas');
  worker = new WorkerClient();
  await worker.call('create', { path: workspace, demo: false });
});
afterAll(async () => {
  await worker.terminate();
  temp.cleanup();
});

describe('import pipeline', () => {
  it('analyses a workbook with a title row and a totals row and previews rows as stored', async () => {
    const file = write('customers.xlsx', workbook(CUSTOMERS));
    const [analysis] = await worker.call('importAnalyze', { files: [{ path: file }] });
    expect(analysis!.problem).toBeNull();
    expect(analysis!.kind).toBe('customers');
    expect(analysis!.headerRowNumber).toBe(3);
    expect(analysis!.dataRows).toBe(3);
    expect(analysis!.missingRequired).toEqual([]);
    expect(analysis!.preview).toHaveLength(3);
    expect(analysis!.preview[0]!.values['province']).toBe('江苏省');
    expect(analysis!.preview[0]!.values['createdDate']).toBe('2023-03-13');
  });

  it('reads Excel serial dates in the 1900 and 1904 systems without a time-zone shift', async () => {
    const rows = [['客户编码', '客户名称', '建档日期'], ['S1', '日期一号有限公司', 45000]];
    const book1900 = XLSX.utils.book_new();
    const sheet1900 = XLSX.utils.aoa_to_sheet(rows);
    sheet1900['C2']!.z = 'yyyy-mm-dd';
    XLSX.utils.book_append_sheet(book1900, sheet1900, 'S');
    const book1904 = XLSX.utils.book_new();
    const sheet1904 = XLSX.utils.aoa_to_sheet([rows[0]!, ['S1', '日期一号有限公司', 45000 - 1462]]);
    sheet1904['C2']!.z = 'yyyy-mm-dd';
    XLSX.utils.book_append_sheet(book1904, sheet1904, 'S');
    book1904.Workbook = { WBProps: { date1904: true } };
    const f1900 = write('dates-1900.xlsx', XLSX.write(book1900, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const f1904 = write('dates-1904.xlsx', XLSX.write(book1904, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const analyses = await worker.call('importAnalyze', { files: [{ path: f1900 }, { path: f1904 }] });
    expect(analyses.map((a) => a.preview[0]?.values['createdDate'])).toEqual(['2023-03-15', '2023-03-15']);
  });

  it('imports, re-imports as duplicates, updates from an overlapping export, and removes batches exactly', async () => {
    const empty = await dump();
    const customers = write('customers.xlsx', workbook(CUSTOMERS));
    const first = await commit(customers, { saveTemplate: true });
    expect(first).toMatchObject({ accepted: 3, rejected: 0, duplicates: 0, updated: 0 });
    const afterCustomers = await dump();
    // HTML in a name is stored as text, unchanged.
    expect(afterCustomers['customers']!.some((c) => (c as { name: string }).name === '<img src=x onerror=alert(1)>')).toBe(true);

    const again = await commit(customers);
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, updated: 0 });

    const orders1 = write('orders-1.xlsx', workbook([ORDERS_HEADER,
      ['HT-1', 'C001', '江苏恒力机械有限公司', '2024-01-05', '起重机', 1, '1,234.50'],
      ['HT-2', 'C002', '', '2024-02-05', '挖掘机', 2, '¥800,000'],
      ['HT-3', '', '四川蜀道建设有限公司', '2024-03-05', '装载机', 1, '12.5万'],
      ['HT-4', 'C999', '新客户有限公司', '2024-03-06', '装载机', 1, '500'],
    ]));
    const o1 = await commit(orders1);
    expect(o1).toMatchObject({ accepted: 4, rejected: 0, duplicates: 0, updated: 0, createdCustomers: 1 });
    const afterOrders1 = await dump();
    const amounts = (afterOrders1['orders'] as { source_id: string; amount: number }[]).map((o) => [o.source_id, o.amount]);
    expect(amounts).toEqual([['HT-1', 1234.5], ['HT-2', 800000], ['HT-3', 125000], ['HT-4', 500]]);

    // A later export overlapping the first: HT-2 changed, HT-3 unchanged, HT-5 new.
    const orders2 = write('orders-2.xlsx', workbook([ORDERS_HEADER,
      ['HT-2', 'C002', '', '2024-02-05', '挖掘机', 3, '¥900,000'],
      ['HT-3', '', '四川蜀道建设有限公司', '2024-03-05', '装载机', 1, '12.5万'],
      ['HT-5', 'C003', '', '2024-04-01', '起重机', 1, '300000'],
    ]));
    const o2 = await commit(orders2);
    expect(o2).toMatchObject({ accepted: 1, duplicates: 1, updated: 1, rejected: 0 });

    const history = await worker.call('importHistory', undefined);
    expect(history.map((b) => b.fileName)).toEqual(['orders-2.xlsx', 'orders-1.xlsx', 'customers.xlsx', 'customers.xlsx']);
    // orders-1 cannot go before orders-2, which changed one of its rows.
    expect(history[1]!.blockedBy).toEqual([o2.batchId]);
    await expect(worker.call('importRemoveBatch', { batchId: o1.batchId! })).rejects.toThrow(/cannot be removed before/);

    await worker.call('importRemoveBatch', { batchId: o2.batchId! });
    const restored = await dump();
    expect(restored).toEqual(afterOrders1);
    await worker.call('importRemoveBatch', { batchId: o1.batchId! });
    await worker.call('importRemoveBatch', { batchId: again.batchId! });
    expect(await dump()).toEqual(afterCustomers);
    await worker.call('importRemoveBatch', { batchId: first.batchId! });
    expect(await dump()).toEqual(empty);

    // The template saved with the first import maps the same export without questions.
    const [analysis] = await worker.call('importAnalyze', { files: [{ path: customers }] });
    expect(analysis!.template).toBe('customers.xlsx');
  });

  it('a contract number repeated within one large export is one order: updated or a duplicate, never a second row', async () => {
    const lines = [ORDERS_HEADER.join(',')];
    for (let i = 0; i < 25_000; i++) lines.push(`HT-R${i},C001,,2024-0${1 + (i % 9)}-15,起重机,1,${1000 + i}`);
    // Repeats beyond the writer's flush (5,000 rows) and the normaliser's chunk (20,000 rows).
    lines.push('HT-R7,C001,,2024-01-15,起重机,1,99999'); // changed amount
    lines.push('HT-R8,C001,,2024-09-15,起重机,1,1008'); // identical
    lines.splice(12_000, 0, 'HT-R9,C001,,2024-01-15,起重机,2,1009'); // quantity changed
    const result = await commit(write('repeats.csv', lines.join('\n')));
    expect(result).toMatchObject({ accepted: 25_000, updated: 2, duplicates: 1, rejected: 0 });
    const db = await dump();
    const orders = (db['orders'] as { source_id: string; amount: number; quantity: number }[]).filter((o) => o.source_id.startsWith('HT-R'));
    expect(orders).toHaveLength(25_000);
    expect(new Set(orders.map((o) => o.source_id)).size).toBe(25_000);
    expect(orders.find((o) => o.source_id === 'HT-R7')!.amount).toBe(99_999);
    expect(orders.find((o) => o.source_id === 'HT-R9')!.quantity).toBe(2);
    await worker.call('importRemoveBatch', { batchId: result.batchId! });
  });

  it('reads GBK and UTF-16 text, semicolons and quoted newlines; a ragged row is rejected with a reason', async () => {
    const csv = '客户编码;客户名称;地址;省份\r\nG1;"上海申通""物流""有限公司";"浦东新区\r\n张江路1号";上海\r\nG2;北京城建集团;朝阳区;北京\r\nG3;天津港;河西区\r\nG4;天津重工;和平区;天津;多出来的一列\r\n';
    const gbk = write('gbk.csv', iconv.encode(csv, 'gbk'));
    const result = await commit(gbk);
    // Every row accounted for: a short row is data with an empty last field, a long one is refused.
    expect(result.accepted + result.rejected + result.duplicates).toBe(4);
    expect(result.accepted).toBe(3);
    expect(result.rejectedRows[0]).toMatchObject({ code: 'row.ragged' });
    const rows = (await dump())['customers'] as { name: string; address: string }[];
    expect(rows.map((r) => r.name)).toContain('上海申通"物流"有限公司');
    expect(rows.find((r) => r.name.startsWith('上海'))!.address).toBe('浦东新区\r\n张江路1号');

    const utf16 = write('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('客户编码\t客户名称\r\nU1\t廣州重工有限公司\r\n', 'utf16le')]));
    expect(await commit(utf16)).toMatchObject({ accepted: 1, rejected: 0 });
  });

  it('refuses damaged and hostile files with a specific message and changes nothing', async () => {
    const before = await dump();
    const good = workbook(CUSTOMERS);
    const truncated = write('truncated.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    const notZip = write('not-a-zip.xlsx', 'this is not a workbook at all');
    const emptyBook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(emptyBook, XLSX.utils.aoa_to_sheet([]), 'Empty');
    const empty = write('empty.xlsx', XLSX.write(emptyBook, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const bomb = write('bomb.xlsx', zipBomb());
    const liar = write('liar.xlsx', lyingZip());
    const cases: [string, string, RegExp][] = [
      [truncated, 'truncated_zip', /truncated/],
      [notZip, 'not_a_zip', /not a zip/],
      [empty, 'empty_sheet', /empty/],
      [bomb, 'zip_bomb', /inflate/],
      [liar, 'zip_bomb', /inflate/],
    ];
    const analyses = await worker.call('importAnalyze', { files: cases.map(([file]) => ({ path: file })) });
    analyses.forEach((analysis, i) => {
      const [, code, message] = cases[i]!;
      expect(analysis.problem?.code, analysis.fileName).toBe(code);
      expect(analysis.problem?.message).toMatch(message);
    });
    for (const [file, code] of cases) {
      await expect(worker.call('importCommit', { files: [{ path: file }] })).rejects.toMatchObject({ details: { reason: code } });
    }
    expect(await dump()).toEqual(before);
  });

  it('reads the two real rows of a sheet declaring 50,000,000 rows, quickly', async () => {
    const zip = XLSX.CFB.read(workbook([['客户编码', '客户名称'], ['R1', '大范围一号有限公司'], ['R2', '大范围二号有限公司']]), { type: 'buffer' });
    const entry = XLSX.CFB.find(zip, '/xl/worksheets/sheet1.xml')!;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8').replace(/<dimension ref="[^"]+"\/>/, '<dimension ref="A1:Z50000000"/>');
    expect(xml).toContain('A1:Z50000000');
    entry.content = Buffer.from(xml);
    entry.size = entry.content.length;
    const file = write('huge-range.xlsx', XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Buffer);
    const started = Date.now();
    const result = await commit(file);
    expect(result).toMatchObject({ accepted: 2, rejected: 0 });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('decides a date column’s day/month order on the whole file, not per chunk of rows', async () => {
    // 45,000 ambiguous day-first dates (03/04/2023), then one that proves day-first (25/04/2023)
    // far beyond the first chunk the importer normalises: every row must read day-first.
    const lines = ['合同号,客户编码,签订日期,产品线,数量,金额'];
    for (let i = 0; i < 45_000; i++) lines.push(`DMY-${i},C001,03/04/2023,起重机,1,100`);
    lines.push('DMY-last,C001,25/04/2023,起重机,1,100');
    const result = await commit(write('day-first.csv', lines.join('\n')));
    expect(result).toMatchObject({ accepted: 45_001, rejected: 0 });
    await worker.call('save', {});
    const db = await Db.open(new Uint8Array(fs.readFileSync(workspace)));
    try {
      const dates = db.all<{ order_date: string; n: number }>("SELECT order_date, count(*) AS n FROM orders WHERE source_id LIKE 'DMY-%' GROUP BY order_date ORDER BY order_date");
      expect(dates).toEqual([
        { order_date: '2023-04-03', n: 45_000 },
        { order_date: '2023-04-25', n: 1 },
      ]);
    } finally {
      db.close();
    }
    await worker.call('importRemoveBatch', { batchId: result.batchId! });
  });

  it('cancel mid-import leaves the workspace unchanged', async () => {
    const before = await dump();
    const lines = ['合同号,客户编码,签订日期,产品线,数量,金额'];
    for (let i = 0; i < 60_000; i++) lines.push(`CX-${i},C${i % 500},2024-01-${String((i % 28) + 1).padStart(2, '0')},起重机,1,${1000 + i}`);
    const file = write('many-orders.csv', lines.join('\n'));
    const jobId = 'cancel-me';
    const stop = worker.onProgress((p) => {
      if (p.jobId === jobId && p.phase === 'import.rows' && p.done > 0) worker.cancel(jobId);
    });
    try {
      await expect(worker.call('importCommit', { files: [{ path: file }] }, jobId)).rejects.toMatchObject({ code: 'CANCELLED' });
    } finally {
      stop();
    }
    expect(await dump()).toEqual(before);
  });

  it('normalises a large UTF-8 export in helper threads exactly as in one thread', async () => {
    // Over the size from which helpers start; the workspace thread of `alone` has none.
    const file = write('large-messy.csv', messyOrders(150_000, 11));
    expect(fs.statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    process.env['ATLAS_NORMALISER_HELPERS'] = '0';
    const alone = new WorkerClient();
    delete process.env['ATLAS_NORMALISER_HELPERS'];
    const helped = new WorkerClient();
    try {
      const tables = async (client: WorkerClient, name: string) => {
        const target = path.join(temp.dir, name);
        await client.call('create', { path: target, demo: false });
        const result = await client.call('importCommit', { files: [{ path: file, kind: 'orders' }] });
        await client.call('save', {});
        const db = await Db.open(new Uint8Array(fs.readFileSync(target)));
        try {
          const [f] = result.files;
          return {
            counts: [f!.rowsRead, f!.accepted, f!.rejected, f!.duplicates, f!.updated, f!.createdCustomers],
            rejected: f!.rejectedRows,
            orders: db.all('SELECT * FROM orders ORDER BY id'),
            customers: db.all('SELECT * FROM customers ORDER BY id'),
            keys: db.all('SELECT customer_id, key_kind, value FROM customer_source_keys ORDER BY customer_id, key_kind, value'),
          };
        } finally {
          db.close();
        }
      };
      const one = await tables(alone, 'alone.atlas');
      const two = await tables(helped, 'helped.atlas');
      expect(one.orders.length).toBeGreaterThan(20_000);
      expect(one.counts[2]).toBeGreaterThan(10_000);
      expect(two).toEqual(one);
    } finally {
      await alone.terminate();
      await helped.terminate();
    }
  }, 120_000);
});

/** A real zip whose only entry inflates 1000-fold (64 MB of zeros). */
function zipBomb(): Buffer {
  const data = Buffer.alloc(64 * 1024 * 1024);
  return zipOf('xl/worksheets/sheet1.xml', zlib.deflateRawSync(data, { level: 9 }), data.length);
}

/** A tiny zip whose directory declares a 2 GB entry. */
function lyingZip(): Buffer {
  return zipOf('xl/worksheets/sheet1.xml', zlib.deflateRawSync(Buffer.from('<x/>')), 2 * 1024 * 1024 * 1024 - 1);
}

function zipOf(name: string, compressed: Buffer, size: number): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(size >>> 0, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(size >>> 0, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + nameBytes.length + compressed.length;
  const cdSize = central.length + nameBytes.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, nameBytes, compressed, central, nameBytes, end]);
}
