import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Dataset } from '../../shared/schema/records.ts';
import { generateDemo } from '../../shared/demo/index.ts';
import {
  CSV_FILE,
  CUSTOMER_TYPE_LABELS,
  customersCsv,
  excelSerial,
  writeDemoSamples,
  writeFileAtomic,
  writeSampleFiles,
} from './write-samples.ts';

const FILES = [
  '01-客户档案.xlsx',
  '02-销售合同.xlsx',
  '03-回款记录.xlsx',
  '04-商机.xlsx',
  '05-服务工单.xlsx',
  '06-满意度调研.xlsx',
  '07-设备物联.xlsx',
  CSV_FILE,
];

const HEADERS: Record<string, { kind: keyof Dataset; headers: string[] }> = {
  '01-客户档案.xlsx': {
    kind: 'customers',
    headers: ['客户编码', '客户名称', '客户类型', '行业', '省份', '城市', '区县', '地址', '联系人', '电话', '客户经理', '所属大区', '建档日期'],
  },
  '02-销售合同.xlsx': {
    kind: 'orders',
    headers: ['合同号', '客户编码', '客户名称', '签订日期', '产品线', '机型', '数量', '金额(元)', '付款方式', '状态'],
  },
  '03-回款记录.xlsx': {
    kind: 'payments',
    headers: ['回款单号', '合同号', '客户编码', '客户名称', '应收日期', '应收金额', '实收日期', '实收金额'],
  },
  '04-商机.xlsx': {
    kind: 'opportunities',
    headers: ['商机编号', '客户编码', '客户名称', '创建日期', '阶段', '预计金额', '结果', '关闭日期', '来源', '客户经理', '产品线'],
  },
  '05-服务工单.xlsx': {
    kind: 'tickets',
    headers: ['工单号', '客户编码', '客户名称', '设备序列号', '报修日期', '完成日期', '类型', '满意度', '描述'],
  },
  '06-满意度调研.xlsx': { kind: 'surveys', headers: ['调研编号', '客户编码', '客户名称', '调研日期', '得分', '意见'] },
  '07-设备物联.xlsx': {
    kind: 'equipment',
    headers: ['设备序列号', '客户编码', '客户名称', '机型', '产品线', '购买日期', '近30天工作小时', '最近上线', '位置'],
  },
};

let dir: string;
let dataset: Dataset;
let files: string[];

async function sheetOf(file: string): Promise<XLSX.WorkSheet> {
  const workbook = XLSX.read(await readFile(path.join(dir, file)), { cellNF: true });
  expect(workbook.SheetNames).toHaveLength(1);
  const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
  if (!sheet) throw new Error(`${file} has no sheet`);
  return sheet;
}

function rowsOf(sheet: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: true, defval: null });
}

function isoOfSerial(serial: number): string {
  const d = XLSX.SSF.parse_date_code(serial);
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'atlas-samples-'));
  dataset = generateDemo({ customerCount: 150, seed: 7 });
  files = await writeSampleFiles(dataset, dir, { exportDate: '2026-10-31', company: '测试重工' });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeSampleFiles', () => {
  it('writes one workbook per record kind and the GBK CSV, and nothing else', async () => {
    expect(files).toEqual(FILES.map((f) => path.join(dir, f)));
    expect((await readdir(dir)).sort()).toEqual([...FILES].sort());
  });

  it.each(Object.entries(HEADERS))('%s has a merged title row, a blank row, the header and every record', async (file, { kind, headers }) => {
    const sheet = await sheetOf(file);
    const rows = rowsOf(sheet);
    expect(rows[0]?.[0]).toMatch(/^测试重工 .+ 2026-10-31$/);
    expect(sheet['!merges']).toEqual([{ s: { r: 0, c: 0 }, e: { r: 0, c: headers.length - 1 } }]);
    expect(rows[1]?.every((v) => v === null)).toBe(true);
    expect(rows[2]).toEqual(headers);
    expect(rows.length - 3).toBe(dataset[kind].length);
  });

  it('writes customers in order with Chinese type labels', async () => {
    const rows = rowsOf(await sheetOf('01-客户档案.xlsx')).slice(3);
    expect(rows.map((r) => r[0])).toEqual(dataset.customers.map((c) => c.code));
    expect(rows.map((r) => r[2])).toEqual(dataset.customers.map((c) => CUSTOMER_TYPE_LABELS[c.type]));
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['企业', '租赁公司', '个体机主', '政府单位', '经销商']));
  });

  it('stores dates as date-formatted serial numbers that read back as the same day', async () => {
    const sheet = await sheetOf('02-销售合同.xlsx');
    dataset.orders.slice(0, 50).forEach((order, i) => {
      const cell = sheet[`D${4 + i}`] as XLSX.CellObject | undefined;
      expect(cell?.t).toBe('n');
      expect(cell?.z).toBe('yyyy-mm-dd');
      expect(cell?.w).toBe(order.orderDate);
      expect(isoOfSerial(Number(cell?.v))).toBe(order.orderDate);
    });
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2026-10-31')).toBe(46326);
  });

  it('stores amounts as numbers with a thousands format, and leaves missing values empty', async () => {
    const sheet = await sheetOf('02-销售合同.xlsx');
    dataset.orders.forEach((order, i) => {
      const amount = sheet[`H${4 + i}`] as XLSX.CellObject | undefined;
      expect(amount?.v).toBe(order.amount);
      expect(amount?.z).toBe('#,##0.00');
      const model = sheet[`F${4 + i}`] as XLSX.CellObject | undefined;
      expect(model?.v ?? null).toBe(order.model);
    });
    const payments = await sheetOf('03-回款记录.xlsx');
    const unpaid = dataset.payments.findIndex((p) => p.paidDate === null);
    expect(unpaid).toBeGreaterThanOrEqual(0);
    expect(payments[`G${4 + unpaid}`]).toBeUndefined();
  });

  it('writes a CSV that decodes as GBK and is not UTF-8', async () => {
    const bytes = await readFile(path.join(dir, CSV_FILE));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('gbk').decode(bytes);
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(HEADERS['01-客户档案.xlsx']?.headers.join(','));
    const rows = lines.slice(1, -1).map((line) => line.split(','));
    expect(rows).toHaveLength(dataset.customers.length);
    rows.forEach((row, i) => {
      const customer = dataset.customers[i];
      expect(row).toHaveLength(13);
      expect(row[0]).toBe(customer?.code);
      expect(row[1]).toBe(customer?.name);
      expect(row[4]).toBe(customer?.province);
      expect(row[12]).toMatch(/^20\d{2}\/\d{1,2}\/\d{1,2}$/);
    });
  });

  it('quotes CSV fields that need it', () => {
    const base = dataset.customers[0];
    if (!base) throw new Error('no customer');
    const text = new TextDecoder('gbk').decode(customersCsv([{ ...base, name: '甲,乙"丙"公司', address: null }]));
    const row = text.split('\r\n')[1] ?? '';
    expect(row).toContain(',"甲,乙""丙""公司",');
    expect(row.split(',')[7 + 1]).toBe('');
  });

  it('writes the same bytes for the same dataset', async () => {
    const again = await mkdtemp(path.join(os.tmpdir(), 'atlas-samples-again-'));
    try {
      const second = await writeSampleFiles(dataset, again, { exportDate: '2026-10-31', company: '测试重工' });
      for (let i = 0; i < files.length; i += 1) {
        expect((await readFile(second[i] ?? '')).equals(await readFile(files[i] ?? ''))).toBe(true);
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const target = path.join(dir, 'atomic.txt');
    await writeFile(target, 'old contents');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
    await rm(target);
  });

  it('fails without leaving anything behind when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'x.txt'), new Uint8Array([1]))).rejects.toThrow();
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('writeDemoSamples', () => {
  it('writes the default demo as sample files', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'atlas-demo-samples-'));
    try {
      const written = await writeDemoSamples(path.join(out, 'nested'));
      expect(written.map((f) => path.basename(f))).toEqual(FILES);
      const demo = generateDemo();
      const workbook = XLSX.read(await readFile(written[0] ?? ''));
      const sheet = workbook.Sheets[workbook.SheetNames[0] ?? ''];
      if (!sheet) throw new Error('no sheet');
      expect(rowsOf(sheet).length - 3).toBe(demo.customers.length);
      expect(rowsOf(sheet)[0]?.[0]).toBe('华岳重工 客户档案导出 2026-10-31');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
