/**
 * Report export benchmark (issue 7): a 100,000-customer list with 20 columns (codes, Chinese
 * names, regions, segment, grade, tags, phones, counts, amounts, percentages, dates) written
 * as .xlsx and as .csv (UTF-8 with BOM, then GBK). Prints time, file size and peak RSS.
 * Not part of `npm test`.
 *
 *   npx esbuild bench/report-export.bench.ts --bundle --platform=node --format=esm --target=node20 \
 *     --packages=external --outfile=out/bench/report-export.mjs && node out/bench/report-export.mjs
 *
 * ATLAS_BENCH_ROWS scales the row count.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ReportColumn, ReportSheet, ReportValue } from '../shared/report/index.ts';
import { writeWorkbook, type WriteWorkbookOptions } from '../main/report/write-workbook.ts';
import { CUSTOMER_COLUMN_IDS, REPORT_SHEET_IDS } from '../shared/reports/api.ts';
import { buildReport } from '../shared/reports/build-report.ts';
import type { ReportCustomer, ReportData } from '../shared/reports/report-data.ts';

const ROWS = Number(process.env['ATLAS_BENCH_ROWS'] ?? 100_000);
const PROVINCES = ['江苏省', '浙江省', '山东省', '广东省', '四川省', '河南省', '内蒙古自治区', '北京市'];
const CITIES = ['苏州市', '杭州市', '济南市', '广州市', '成都市', '郑州市', '鄂尔多斯市', '北京市'];
const SEGMENTS = ['重要价值客户', '重要保持客户', '重要发展客户', '重要挽留客户', '一般价值客户', '一般挽留客户'];
const GRADES = ['A', 'B', 'C', 'D'];
const TAGS = ['购买力强', '回款及时', '长期逾期', '复购意向高', '服务需求高', '投诉'];
const MANAGERS = ['张伟', '王芳', '李娜', '刘洋', '陈静'];

const columns: ReportColumn[] = [
  { header: '客户编码', kind: 'code' },
  { header: '客户名称', kind: 'text' },
  { header: '省份', kind: 'text' },
  { header: '城市', kind: 'text' },
  { header: '客户经理', kind: 'text' },
  { header: '电话', kind: 'phone' },
  { header: '细分', kind: 'text' },
  { header: '等级', kind: 'text' },
  { header: '标签', kind: 'text' },
  { header: 'R', kind: 'integer' },
  { header: 'F', kind: 'integer' },
  { header: 'M', kind: 'integer' },
  { header: '订单数', kind: 'integer' },
  { header: '累计金额（元）', kind: 'amount' },
  { header: '近12个月金额（元）', kind: 'amount' },
  { header: '逾期金额（元）', kind: 'amount' },
  { header: '回款及时率', kind: 'percent' },
  { header: '赢单率', kind: 'percent' },
  { header: '首次下单', kind: 'date' },
  { header: '最近下单', kind: 'date' },
];

/** The whole report (7 sheets) over synthetic customers: what the worker builds and writes. */
function reportData(count: number): ReportData {
  const segmentIds = ['important-value', 'important-development', 'general-value', 'general-recovery'];
  const customers: ReportCustomer[] = [];
  for (let i = 0; i < count; i += 1) {
    const p = i % PROVINCES.length;
    customers.push({
      id: i + 1,
      code: `C${String(i).padStart(6, '0')}`,
      name: `${CITIES[p]!.slice(0, 2)}${['华建', '恒通', '宏远', '鑫达'][i % 4]!}工程机械有限公司${i}`,
      province: PROVINCES[p]!,
      city: CITIES[p]!,
      accountManager: MANAGERS[i % MANAGERS.length]!,
      phone: `138${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`,
      segments: { rfm8: segmentIds[i % 4]!, rfm11: segmentIds[(i >> 2) % 4]! },
      grade: GRADES[i % GRADES.length]!,
      lifecycle: ['active', 'sleeping', 'new', 'lost'][i % 4]!,
      churnRisk: (i * 13) % 100,
      churnReasons: i % 3 === 0 ? ['gap-beyond-rhythm', 'amount-down'] : [],
      tags: ['t1', 't2', 't3'].filter((_, t) => (i >> t) & 1),
      r: (i % 5) + 1,
      f: ((i >> 2) % 5) + 1,
      m: ((i >> 4) % 5) + 1,
      orders: (i % 37) + 1,
      revenue: Math.round(((i * 7_919) % 9_000_000) * 100 + 12_345) / 100,
      revenue12m: Math.round(((i * 104_729) % 3_000_000) * 100) / 100,
      overdue: i % 7 === 0 ? Math.round((i % 250_000) * 100) / 100 : 0,
      onTimeRate: (i % 101) / 100,
      winRate: i % 3 === 0 ? null : (i % 17) / 16,
      won: i % 5,
      lost: i % 3,
      lastOrder: isoDate(800 + (i % 900)),
    });
  }
  const named = (id: string) => ({ id, nameZh: id, nameEn: id });
  return {
    workspace: 'bench',
    analysisDate: '2026-11-26',
    filterQuery: '',
    customers,
    schemes: [
      { ...named('rfm8'), segments: segmentIds.map(named) },
      { ...named('rfm11'), segments: segmentIds.map(named) },
    ],
    tags: ['t1', 't2', 't3'].map((id) => ({ ...named(id), parentId: null, level: 'tag', evaluated: true })),
    tagChanges: null,
    conversion: null,
  };
}

function isoDate(dayOffset: number): string {
  const date = new Date(Date.UTC(2019, 0, 1) + dayOffset * 86_400_000);
  return date.toISOString().slice(0, 10);
}

function makeRows(count: number): ReportValue[][] {
  const rows: ReportValue[][] = [];
  for (let i = 0; i < count; i += 1) {
    const p = i % PROVINCES.length;
    rows.push([
      `C${String(i).padStart(6, '0')}`,
      `${CITIES[p]!.slice(0, 2)}${['华建', '恒通', '宏远', '鑫达'][i % 4]!}工程机械有限公司${i}`,
      PROVINCES[p]!,
      CITIES[p]!,
      MANAGERS[i % MANAGERS.length]!,
      `138${String(10_000_000 + ((i * 7919) % 89_999_999)).padStart(8, '0')}`,
      SEGMENTS[i % SEGMENTS.length]!,
      GRADES[i % GRADES.length]!,
      TAGS.filter((_, t) => (i >> t) & 1).join('、'),
      (i % 5) + 1,
      ((i >> 2) % 5) + 1,
      ((i >> 4) % 5) + 1,
      (i % 37) + 1,
      Math.round(((i * 7_919) % 9_000_000) * 100 + 12_345) / 100,
      Math.round(((i * 104_729) % 3_000_000) * 100) / 100,
      i % 7 === 0 ? Math.round((i % 250_000) * 100) / 100 : 0,
      (i % 101) / 100,
      i % 3 === 0 ? null : (i % 17) / 16,
      isoDate(i % 800),
      isoDate(800 + (i % 900)),
    ]);
  }
  return rows;
}

async function measure(label: string, sheet: ReportSheet | (() => ReportSheet[]), file: string, options: WriteWorkbookOptions): Promise<void> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const written = await writeWorkbook(typeof sheet === 'function' ? sheet() : [sheet], file, options);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
  console.log(
    `${label.padEnd(10)} ${(ms / 1000).toFixed(2)} s   file ${mb(written.bytes)} MB   RSS before ${mb(before)} MB, peak ${mb(peak)} MB (+${mb(peak - before)} MB)`,
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-report-bench-'));
try {
  const generated = performance.now();
  const sheet: ReportSheet = {
    name: '客户',
    title: '客户清单 — 基准测试',
    subtitle: `分析日期 2026-11-26 · ${ROWS.toLocaleString('en')} 位客户`,
    columns,
    rows: makeRows(ROWS),
  };
  console.log(
    `report export: ${ROWS.toLocaleString('en')} rows × ${columns.length} columns (data built in ${((performance.now() - generated) / 1000).toFixed(2)} s)`,
  );
  await measure('xlsx', sheet, path.join(dir, 'customers.xlsx'), { format: 'xlsx' });
  await measure('csv utf-8', sheet, path.join(dir, 'customers.csv'), { format: 'csv' });
  await measure('csv gbk', sheet, path.join(dir, 'customers-gbk.csv'), { format: 'csv', csvEncoding: 'gbk' });
  const data = reportData(ROWS);
  const build = () => buildReport(data, { language: 'zh-CN', sheets: REPORT_SHEET_IDS, customerColumns: CUSTOMER_COLUMN_IDS, masked: true });
  await measure('full xlsx', build, path.join(dir, 'report.xlsx'), { format: 'xlsx' });
  console.log(`process peak RSS (maxRSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
