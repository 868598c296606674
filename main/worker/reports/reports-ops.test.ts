/**
 * Report export over a real sql.js demo workspace (3,000 customers plus one named like a
 * formula): the workbook read back with SheetJS must carry every figure the worker answers
 * (analytics summary, scheme counts, score rows), the formats must be in the XML, formulas
 * neutralised, phones masked by default, sheet names valid in both languages, the filter
 * applied, templates stored, CSV in GBK, and a cancelled export must leave no file.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../shared/demo/index.ts';
import { readEntries } from '../../demo/deflate-zip.ts';
import { makeTempDir } from '../../test-support/temp-dir.ts';
import { createAnalyticsOps } from '../analytics/analytics-ops.ts';
import { Db } from '../data/db.ts';
import { insertDataset } from '../data/insert-dataset.ts';
import { initialiseWorkspace } from '../data/schema.ts';
import type { JobContext } from '../job-context.ts';
import { memoryWorkspace } from '../memory-workspace.ts';
import { UNKNOWN_SCHEME_CODE } from '../../../shared/views/api.ts';
import { createReportsOps } from './reports-ops.ts';
import type { AnalyticsSummary } from '../../../shared/analytics/api.ts';
import type { ScoreRow } from '../analytics/analytics-protocol.ts';

const ctx: JobContext = { jobId: null, progress: () => undefined, checkpoint: async () => undefined, cancelled: false };
const INJECTION = '=HYPERLINK("http://x","y")';
const PHONE = '13812345678';

let db: Db;
let temp: { dir: string; cleanup: () => void };
let analytics: ReturnType<typeof createAnalyticsOps>;
let reports: ReturnType<typeof createReportsOps>;
let summary: AnalyticsSummary;
let scoreRows: ScoreRow[];

beforeAll(async () => {
  temp = makeTempDir('reports');
  db = await Db.open();
  initialiseWorkspace(db, 'test');
  const demo = generateDemo();
  const first = demo.customers[0]!;
  demo.customers.push({ ...first, code: 'ZZ-INJECT', name: INJECTION, phone: PHONE, contact: INJECTION });
  await insertDataset(db, demo, ctx);
  const workspace = memoryWorkspace(db);
  const access = workspace.access;
  analytics = createAnalyticsOps(access);
  reports = createReportsOps(access, analytics);
  await workspace.open(ctx);
  summary = await analytics.analyticsSummary(undefined, ctx);
  scoreRows = await analytics.analyticsScoreRows(undefined, ctx);
}, 180_000);

afterAll(() => temp.cleanup());

function readBook(file: string): XLSX.WorkBook {
  return XLSX.read(fs.readFileSync(file), { cellNF: true });
}

type Grid = (string | number | null)[][];

function grid(book: XLSX.WorkBook, name: string): Grid {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}; have ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
}

function trimEnd(row: (string | number | null)[]): (string | number | null)[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end -= 1;
  return row.slice(0, end);
}

/** The rows of the table whose header row starts with `header`, up to the first empty row. */
function table(rows: Grid, header: string, from = 0): Grid {
  const start = rows.findIndex((r, i) => i >= from && r[0] === header);
  if (start < 0) throw new Error(`no table "${header}"`);
  const out: Grid = [];
  for (let i = start + 1; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.every((c) => c === null || c === '')) break;
    out.push(trimEnd(row));
  }
  return out;
}

function lookup(rows: Grid, label: string): (string | number | null)[] {
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no row "${label}"`);
  return row;
}

async function exportTo(name: string, params: Partial<Parameters<typeof reports.reportsExport>[0]> = {}) {
  const file = path.join(temp.dir, name);
  const result = await reports.reportsExport({ filter: '', language: 'zh-CN', format: 'xlsx', path: file, workspaceName: '演示数据', ...params }, ctx);
  return { file, result };
}

describe('report export round trip (zh-CN, all sheets)', () => {
  let book: XLSX.WorkBook;
  let file: string;

  beforeAll(async () => {
    ({ file } = await exportTo('report.xlsx'));
    book = readBook(file);
  }, 120_000);

  it('holds the seven sheets, named in Chinese', () => {
    expect(book.SheetNames).toEqual(['汇总', '客户细分', '区域分析', '标签分析', '转化分析', '生命周期与流失', '客户清单']);
  });

  it('Summary: key figures, grade and segment counts equal the worker’s answers', () => {
    const rows = grid(book, '汇总');
    expect(String(rows[0]![0])).toBe('客户分析报表');
    expect(String(rows[1]![0])).toContain(`分析日期 ${summary.analysisDate}`);
    expect(String(rows[1]![0])).toContain('个人信息已脱敏');
    const figures = table(rows, '关键指标');
    expect(lookup(figures, '客户数')[1]).toBe(summary.customers);
    expect(lookup(figures, '有成交客户')[1]).toBe(summary.scored);
    const customers = table(grid(book, '客户清单'), '客户编码');
    const sum = (col: number) => Math.round(customers.reduce((s, r) => s + Number(r[col] ?? 0), 0) * 100) / 100;
    const header = grid(book, '客户清单').find((r) => r[0] === '客户编码')!;
    expect(lookup(figures, '累计成交金额（元）')[1]).toBeCloseTo(sum(header.indexOf('累计金额（元）')), 1);
    expect(lookup(figures, '近12个月成交金额（元）')[1]).toBeCloseTo(sum(header.indexOf('近12个月金额（元）')), 1);
    expect(lookup(figures, '逾期金额（元）')[1]).toBeCloseTo(sum(header.indexOf('逾期金额（元）')), 1);
    // Revenue from the orders themselves (valid orders up to the analysis date).
    const orders = Number(db.value("SELECT round(sum(amount), 2) FROM orders WHERE (status IS NULL OR status <> 'cancelled') AND order_date <= ?", [summary.analysisDate]));
    expect(lookup(figures, '累计成交金额（元）')[1]).toBeCloseTo(orders, 0);

    const grades = table(rows, '等级');
    for (const g of ['A', 'B', 'C', 'D'] as const) {
      expect(lookup(grades, g)[1]).toBe(summary.gradeCounts[g]);
      expect(lookup(grades, g)[2]).toBeCloseTo(summary.gradeCounts[g] / summary.customers, 10);
    }
    expect(lookup(grades, '未评级')[1]).toBe(summary.gradeCounts.unrated);

    const eight = summary.schemes.find((s) => s.id === 'rfm8')!;
    const segments = table(rows, '细分');
    for (const s of eight.segments.filter((x) => x.count > 0)) expect(lookup(segments, s.nameZh)[1]).toBe(s.count);
    expect(lookup(segments, '无成交（未评分）')[1]).toBe(summary.customers - summary.scored);
    expect(segments.reduce((n, r) => n + Number(r[1]), 0)).toBe(summary.customers);

    const provinces = table(rows, '省份');
    expect(provinces.length).toBe(10);
    const top = provinces[0]!;
    expect(top[1]).toBe(Number(db.value('SELECT count(*) FROM customers WHERE province = ?', [String(top[0])])));
  });

  it('Segments: both schemes, every segment count as the scheme summary says', () => {
    const rows = grid(book, '客户细分');
    for (const scheme of summary.schemes) {
      const header = scheme.id === summary.schemes[0]!.id ? scheme.nameZh : '细分';
      const start = rows.findIndex((r) => r[0] === scheme.nameZh);
      const body = table(rows, header, header === '细分' ? start : 0);
      for (const s of scheme.segments.filter((x) => x.count > 0)) expect(lookup(body, s.nameZh)[1]).toBe(s.count);
      expect(body.reduce((n, r) => n + Number(r[1]), 0)).toBe(summary.customers);
    }
  });

  it('Customers: one row per customer with the worker’s grade, segments, RFM and tags; phones masked', async () => {
    const rows = grid(book, '客户清单');
    const header = rows.find((r) => r[0] === '客户编码')!;
    const body = table(rows, '客户编码');
    expect(body.length).toBe(summary.customers);
    const col = (name: string) => header.indexOf(name);
    const byCode = new Map(scoreRows.map((r) => [r.code, r]));
    const eight = new Map(summary.schemes.find((s) => s.id === 'rfm8')!.segments.map((s) => [s.id, s.nameZh]));
    const eleven = new Map(summary.schemes.find((s) => s.id === 'rfm11')!.segments.map((s) => [s.id, s.nameZh]));
    const tagNames = new Map((await analytics.analyticsTagsList(undefined, ctx)).tags.map((t) => [t.id, t.nameZh]));
    for (const r of body) {
      const s = byCode.get(String(r[col('客户编码')]))!;
      expect(s).toBeDefined();
      expect(r[col('等级')]).toBe(s.grade);
      expect(r[col('细分（8类）')]).toBe(s.segments['rfm8'] ? eight.get(s.segments['rfm8']) : null);
      expect(r[col('细分（11类）')]).toBe(s.segments['rfm11'] ? eleven.get(s.segments['rfm11']) : null);
      expect(r[col('RFM')]).toBe(s.r === null ? null : `${s.r}-${s.f}-${s.m}`);
      expect(r[col('流失风险')]).toBe(s.churnRisk);
      const tags = String(r[col('标签')] ?? '').split('、').filter((x) => x !== '').sort();
      expect(tags).toEqual(s.tags.map((t) => tagNames.get(t)!).sort());
      const phone = r[col('电话')];
      if (phone !== null) expect(String(phone)).toMatch(/\*{4}/);
    }
  });

  it('writes the formats into the XML: widths, number formats, frozen header, autofilter, real dates', () => {
    const parts = new Map(readEntries(fs.readFileSync(file)).map((e) => [e.name.toString('utf8'), e.content.toString('utf8')]));
    const styles = parts.get('xl/styles.xml')!;
    expect(styles).toContain('#,##0.00');
    expect(styles).toContain('0.0%');
    const customers = parts.get('xl/worksheets/sheet7.xml')!;
    expect(customers).toMatch(/<col [^>]*width="[\d.]+"[^>]*customWidth="1"/);
    expect(customers).toMatch(/<pane [^>]*state="frozen"/);
    expect(customers).toMatch(/<autoFilter ref="A\d+:[A-Z]+\d+"/);
    expect(parts.get('xl/worksheets/sheet1.xml')!).toContain('<mergeCell ');
    // Printing: the customer list repeats its title, filter line and headers on every page; every sheet
    // prints one page wide with the report and workspace on top and page X of Y below.
    expect(parts.get('xl/workbook.xml')!).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="6">'客户清单'!$1:$3</definedName>`);
    for (let i = 1; i <= 7; i += 1) {
      const xml = parts.get(`xl/worksheets/sheet${i}.xml`)!;
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toContain('fitToWidth="1" fitToHeight="0"');
      expect(xml).toContain('<oddHeader>&amp;L&amp;9客户分析报表 · 演示数据&amp;R&amp;9&amp;A</oddHeader>');
      expect(xml).toContain('<oddFooter>&amp;C&amp;9第 &amp;P 页，共 &amp;N 页</oddFooter>');
    }
    expect(customers).toContain('orientation="landscape"');
    const cells = book.Sheets['客户清单']!;
    const lastOrder = Object.entries(cells).find(([ref, c]) => /^Q\d+$/.test(ref) && typeof c === 'object' && c !== null && 't' in c && (c as XLSX.CellObject).t === 'n');
    expect(lastOrder).toBeDefined();
    expect(String((lastOrder![1] as XLSX.CellObject).z)).toMatch(/yyyy/i);
  });

  it('neutralises a customer named like a formula', () => {
    const sheet = book.Sheets['客户清单']!;
    const cells = Object.values(sheet).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 'v' in c);
    const injected = cells.filter((c) => String(c.v).includes('HYPERLINK'));
    expect(injected.length).toBe(1);
    // A text cell (never a formula) with a quote-prefix style: Excel shows the text as typed.
    for (const c of injected) {
      expect(c.f).toBeUndefined();
      expect(c.t).toBe('s');
      expect(c.v).toBe(INJECTION);
    }
    const parts = new Map(readEntries(fs.readFileSync(file)).map((e) => [e.name.toString('utf8'), e.content.toString('utf8')]));
    expect(parts.get('xl/worksheets/sheet7.xml')!).not.toContain('<f>');
    expect(parts.get('xl/styles.xml')!).toContain('quotePrefix="1"');
    const row = table(grid(book, '客户清单'), '客户编码').find((r) => r[0] === 'ZZ-INJECT')!;
    expect(row).toContain('138****5678');
    expect(row).not.toContain(PHONE);
  });
});

describe('report export options', () => {
  it('shows full phones only when chosen', async () => {
    const { file } = await exportTo('shown.xlsx', { personalData: 'shown', sheets: ['customers'], customerColumns: ['code', 'phone'] });
    const book = readBook(file);
    expect(book.SheetNames).toEqual(['客户清单']);
    const row = table(grid(book, '客户清单'), '客户编码').find((r) => r[0] === 'ZZ-INJECT')!;
    expect(row).toEqual(['ZZ-INJECT', PHONE]);
    expect(String(grid(book, '客户清单')[1]![0])).not.toContain('脱敏');
  });

  it('names sheets validly in English and applies the filter', async () => {
    const { file, result } = await exportTo('en.xlsx', { language: 'en', filter: 'grade=A&province=江苏省' });
    const book = readBook(file);
    expect(book.SheetNames).toEqual(['Summary', 'Segments', 'Regions', 'Tags', 'Conversion', 'Lifecycle & churn', 'Customers']);
    expect(result.sheets).toEqual(book.SheetNames);
    for (const name of book.SheetNames) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    const rows = grid(book, 'Customers');
    expect(String(rows[1]![0])).toContain('Filters: Province = 江苏省; Grade = A');
    const header = rows.find((r) => r[0] === 'Customer code')!;
    const body = table(rows, 'Customer code');
    const expected = Number(db.value("SELECT count(*) FROM customers c JOIN customer_scores s ON s.customer_id = c.id WHERE s.grade = 'A' AND c.province = '江苏省'"));
    expect(expected).toBeGreaterThan(0);
    expect(body.length).toBe(expected);
    for (const r of body) {
      expect(r[header.indexOf('Grade')]).toBe('A');
      expect(r[header.indexOf('Province')]).toBe('江苏省');
    }
    expect(lookup(table(grid(book, 'Summary'), 'Key figures'), 'Customers')[1]).toBe(expected);
    // The funnel's outcomes in the report's language (open stages keep the CRM's names).
    const funnel = table(grid(book, 'Conversion'), 'Stage').map((r) => r[0]);
    expect(funnel.slice(-2)).toEqual(['Won', 'Lost']);
    expect(funnel).toContain('初步接触');
  });

  it('narrows to one RFM grid cell as the Customers list does, and says so', async () => {
    const { file } = await exportTo('cell.xlsx', { sheets: ['summary', 'customers'], filter: 'province=江苏省', cell: { r: 5, y: 4, yAxis: 'fm' } });
    const rows = grid(readBook(file), '客户清单');
    const body = table(rows, '客户编码');
    const expected = db.all<{ code: string }>(
      "SELECT c.code FROM customers c JOIN customer_scores s ON s.customer_id = c.id WHERE c.province = '江苏省' AND s.r_score = 5 AND s.f_score + s.m_score = 4 ORDER BY c.code",
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(body.map((r) => r[0])).toEqual(expected.map((r) => r.code));
    expect(String(rows[1]![0])).toContain('RFM 格 R = 5、F+M = 4');
    expect(lookup(table(grid(readBook(file), '汇总'), '关键指标'), '客户数')[1]).toBe(expected.length);
  });

  it('stores templates and exports by template name', async () => {
    await reports.reportsTemplatesSave({ template: { name: '月报', sheets: ['summary', 'customers'], customerColumns: ['code', 'name', 'grade'] } }, ctx);
    const list = await reports.reportsTemplatesList(undefined, ctx);
    expect(list.map((t) => [t.name, t.sheets, t.customerColumns])).toEqual([['月报', ['summary', 'customers'], ['code', 'name', 'grade']]]);
    const { file } = await exportTo('tpl.xlsx', { templateName: '月报' });
    const book = readBook(file);
    expect(book.SheetNames).toEqual(['汇总', '客户清单']);
    expect(trimEnd(grid(book, '客户清单').find((r) => r[0] === '客户编码')!)).toEqual(['客户编码', '客户名称', '等级']);
    await expect(exportTo('none.xlsx', { templateName: '没有' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await reports.reportsTemplatesDelete({ name: '月报' }, ctx)).toEqual([]);
  });

  it('writes the customer list as GBK CSV, formula neutralised', async () => {
    const { file, result } = await exportTo('list.csv', { format: 'csv', csvEncoding: 'gbk' });
    expect(result.sheets).toEqual(['客户清单']);
    const text = iconv.decode(fs.readFileSync(file), 'gb18030');
    expect(text.startsWith('客户编码,客户名称')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text.split('\r\n').filter((l) => l !== '').length).toBe(summary.customers + 1);
  });

  it('a cancelled export leaves no file', async () => {
    const file = path.join(temp.dir, 'cancelled.xlsx');
    let n = 0;
    const cancelling: JobContext = { ...ctx, get cancelled() { return n > 0; }, progress: (phase) => void (phase === 'reports.write' && (n += 1)) };
    await expect(reports.reportsExport({ filter: '', language: 'zh-CN', format: 'xlsx', path: file, workspaceName: 'x' }, cancelling)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(temp.dir).filter((f) => f.includes('cancelled'))).toEqual([]);
  });

  it('a filter naming a segment scheme the workspace does not have is refused, and no file is written', async () => {
    const file = path.join(temp.dir, 'gone-scheme.xlsx');
    await expect(
      reports.reportsExport({ filter: 'scheme=deleted-scheme&segment=key-active', language: 'zh-CN', format: 'xlsx', path: file, workspaceName: 'x' }, ctx),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { scheme: 'deleted-scheme', code: UNKNOWN_SCHEME_CODE } });
    expect(fs.existsSync(file)).toBe(false);
    // The shipped schemes still filter.
    const ok = await exportTo('rfm8-filter.xlsx', { filter: 'scheme=rfm8&segment=important-value' });
    expect(ok.result.rows).toBeGreaterThan(0);
  });
});

describe('Tags and Conversion sheets follow the filter', () => {
  const FILTER = 'province=江苏省&province=浙江省&grade=A&grade=B';
  const WHERE = "c.province IN ('江苏省', '浙江省') AND s.grade IN ('A', 'B')";
  const filteredIds = (): Set<number> =>
    new Set(db.all<{ id: number }>(`SELECT c.id FROM customers c JOIN customer_scores s ON s.customer_id = c.id WHERE ${WHERE}`).map((r) => r.id));
  const members = (): Set<string> => new Set(db.all<{ customer_id: number; tag_id: string }>('SELECT customer_id, tag_id FROM customer_tags').map((r) => `${r.customer_id}|${r.tag_id}`));
  let tagNames: Map<string, string>;
  let before: Set<string>;

  beforeAll(async () => {
    tagNames = new Map((await analytics.analyticsTagsList(undefined, ctx)).tags.map((t) => [t.id, t.nameZh]));
    before = members();
  });

  /** Tag rows of the Tags sheet by tag id: [customers, coverage, entered, left, win rate, lift]. */
  function tagsSheet(book: XLSX.WorkBook): Map<string, (string | number | null)[]> {
    const byName = new Map([...tagNames].map(([id, name]) => [name, id]));
    return new Map(table(grid(book, '标签分析'), '标签').map((r) => [byName.get(String(r[0]))!, [r[2] ?? null, r[3] ?? null, r[4] ?? null, r[5] ?? null, r[6] ?? null, r[7] ?? null]]));
  }

  it('without a filter the Tags sheet equals the worker’s tag statistics; with one, SQL over the filtered customers', async () => {
    const all = tagsSheet(readBook((await exportTo('tags-all.xlsx', { sheets: ['tags'] })).file));
    const stats = (await analytics.analyticsTagsList(undefined, ctx)).stats;
    expect(all.size).toBeGreaterThan(5);
    for (const s of stats.filter((x) => all.has(x.tagId))) {
      const [count, coverage, entered, left, winRate, lift] = all.get(s.tagId)!;
      expect(count).toBe(s.count);
      expect(coverage as number).toBeCloseTo(s.share, 10);
      expect([entered, left]).toEqual([s.entered, s.left]);
      if (s.winRate === null) expect(winRate).toBeNull();
      else expect(winRate as number).toBeCloseTo(s.winRate, 10);
      if (s.lift === null) expect(lift).toBeNull();
      else expect(lift as number).toBeCloseTo(s.lift, 10);
    }

    const book = readBook((await exportTo('tags-filtered.xlsx', { sheets: ['tags'], filter: FILTER })).file);
    const rows = tagsSheet(book);
    const n = filteredIds().size;
    expect(n).toBeGreaterThan(50);
    const counts = new Map(
      db
        .all<{ tag_id: string; n: number }>(
          `SELECT t.tag_id, count(*) AS n FROM customer_tags t JOIN customers c ON c.id = t.customer_id JOIN customer_scores s ON s.customer_id = c.id WHERE ${WHERE} GROUP BY t.tag_id`,
        )
        .map((r) => [r.tag_id, r.n]),
    );
    // Win rates from the opportunities themselves: won ÷ closed of the tagged filtered customers.
    const wins = (tagCondition: string, params: string[]) =>
      db.get<{ won: number; lost: number }>(
        `SELECT sum(o.result = 'won') AS won, sum(o.result = 'lost') AS lost FROM opportunities o JOIN customers c ON c.id = o.customer_id
         JOIN customer_scores s ON s.customer_id = c.id WHERE ${WHERE} AND ${tagCondition}`,
        params,
      )!;
    const overall = wins('1', []);
    const overallRate = overall.won / (overall.won + overall.lost);
    let differs = 0;
    for (const [id, [count, coverage, entered, left, winRate, lift]] of rows) {
      const expected = counts.get(id) ?? 0;
      expect(count, id).toBe(expected);
      expect(coverage as number).toBeCloseTo(expected / n, 10);
      if (expected !== all.get(id)![0]) differs += 1;
      expect([entered, left]).toEqual([null, null]); // one scoring run only: no change to report
      const w = wins('EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag_id = ?)', [id]);
      if (w.won + w.lost === 0) expect(winRate).toBeNull();
      else {
        expect(winRate as number, id).toBeCloseTo(w.won / (w.won + w.lost), 10);
        expect(lift as number, id).toBeCloseTo(w.won / (w.won + w.lost) / overallRate, 10);
      }
    }
    expect(differs).toBeGreaterThan(3);
    expect(grid(book, '标签分析').some((r) => String(r[0] ?? '').includes('按当前筛选'))).toBe(true);
  }, 120_000);

  it('Conversion: equal to the worker’s answers without a filter; by grade, segment, province and funnel from SQL with one', async () => {
    const rowsOf = (book: XLSX.WorkBook, header: string) => {
      const rows = grid(book, '转化分析');
      return new Map(table(rows, header).map((r) => [String(r[0]), r.slice(1, 8)]));
    };
    const all = readBook((await exportTo('conv-all.xlsx', { sheets: ['conversion'] })).file);
    const conv = await analytics.analyticsConversion({ dimension: 'grade' }, ctx);
    const byGrade = rowsOf(all, '等级');
    for (const r of conv.rows) {
      expect(byGrade.get(r.key === '' ? '未评级' : r.key)).toEqual([r.open, r.won, r.lost, r.winRate, r.wonAmount, r.valueWinRate, r.openAmount].map((v) => (typeof v === 'number' ? expect.closeTo(v, 2) : v)));
    }
    expect(byGrade.get('合计')![1]).toBe(conv.total!.won);
    const provinces = await analytics.analyticsConversion({ dimension: 'province' }, ctx);
    const byProvince = rowsOf(all, '省份');
    for (const r of provinces.rows) expect(byProvince.get(r.key)!.slice(0, 3)).toEqual([r.open, r.won, r.lost]);

    const book = readBook((await exportTo('conv-filtered.xlsx', { sheets: ['conversion'], filter: FILTER })).file);
    type Agg = { k: string; open: number; won: number; lost: number; won_amount: number; open_amount: number };
    const sql = (key: string) =>
      db.all<Agg>(
        `SELECT ${key} AS k, sum(o.result = 'open') AS open, sum(o.result = 'won') AS won, sum(o.result = 'lost') AS lost,
                round(sum(CASE WHEN o.result = 'won' THEN coalesce(o.expected_amount, 0) ELSE 0 END), 2) AS won_amount,
                round(sum(CASE WHEN o.result = 'open' THEN coalesce(o.expected_amount, 0) ELSE 0 END), 2) AS open_amount
         FROM opportunities o JOIN customers c ON c.id = o.customer_id JOIN customer_scores s ON s.customer_id = c.id
         WHERE ${WHERE} GROUP BY ${key}`,
      );
    const check = (sheet: Map<string, (string | number | null)[]>, all: Agg[], name: (k: string) => string) => {
      const expected = all.filter((e) => e.k !== null); // customers without a segment count in the total only
      expect(sheet.size).toBe(expected.length + 1);
      for (const e of expected) {
        const row = sheet.get(name(e.k))!;
        expect(row, e.k).toBeDefined();
        expect(row.slice(0, 3)).toEqual([e.open, e.won, e.lost]);
        expect(row[4] as number).toBeCloseTo(e.won_amount, 1);
        expect(row[6] as number).toBeCloseTo(e.open_amount, 1);
        if (e.won + e.lost > 0) expect(row[3] as number).toBeCloseTo(e.won / (e.won + e.lost), 10);
      }
    };
    const grades = sql('s.grade');
    expect(grades.map((g) => g.k).sort()).toEqual(['A', 'B']);
    check(rowsOf(book, '等级'), grades, (k) => k);
    const total = rowsOf(book, '等级').get('合计')!;
    expect(total.slice(0, 3)).toEqual([grades.reduce((n, g) => n + g.open, 0), grades.reduce((n, g) => n + g.won, 0), grades.reduce((n, g) => n + g.lost, 0)]);
    check(rowsOf(book, '省份'), sql('c.province'), (k) => k);
    const eight = new Map(summary.schemes.find((s) => s.id === 'rfm8')!.segments.map((s) => [s.id, s.nameZh]));
    check(rowsOf(book, '细分'), sql('s.segment_8'), (k) => eight.get(k) ?? k);

    const funnel = table(grid(book, '转化分析'), '阶段');
    const current = new Map(funnel.map((r) => [String(r[0]), r[1]]));
    const stages = db.all<{ stage: string; n: number }>(
      `SELECT CASE o.result WHEN 'won' THEN '赢单' WHEN 'lost' THEN '输单' ELSE o.stage END AS stage, count(*) AS n
       FROM opportunities o JOIN customers c ON c.id = o.customer_id JOIN customer_scores s ON s.customer_id = c.id WHERE ${WHERE} GROUP BY 1`,
    );
    for (const s of stages) expect(current.get(s.stage), s.stage).toBe(s.n);
    expect(current.get('赢单')).toBe(total[1]);
  }, 120_000);

  it('after a re-score, entered / left count only the filtered customers that changed', async () => {
    const settings = (await analytics.analyticsSettingsGet(undefined, ctx)).settings;
    const shifted = new Date(Date.parse(`${summary.analysisDate}T00:00:00Z`) - 120 * 86_400_000).toISOString().slice(0, 10);
    await analytics.analyticsSettingsSet({ settings: { ...settings, analysisDate: shifted } }, ctx);
    const after = members();
    const ids = filteredIds();
    const entered = new Map<string, number>();
    const left = new Map<string, number>();
    for (const key of after) if (!before.has(key)) { const [c, t] = key.split('|'); if (ids.has(Number(c))) entered.set(t!, (entered.get(t!) ?? 0) + 1); }
    for (const key of before) if (!after.has(key)) { const [c, t] = key.split('|'); if (ids.has(Number(c))) left.set(t!, (left.get(t!) ?? 0) + 1); }
    expect([...entered.values(), ...left.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const rows = tagsSheet(readBook((await exportTo('tags-change.xlsx', { sheets: ['tags'], filter: FILTER })).file));
    let changed = 0;
    for (const [id, [, , e, l]] of rows) {
      expect([e, l], id).toEqual([entered.get(id) ?? 0, left.get(id) ?? 0]);
      if ((e as number) + (l as number) > 0) changed += 1;
    }
    expect(changed).toBeGreaterThan(0);
    // Workspace-wide, the log agrees with the analytics run history.
    const stats = (await analytics.analyticsTagsList(undefined, ctx)).stats;
    const allRows = tagsSheet(readBook((await exportTo('tags-change-all.xlsx', { sheets: ['tags'] })).file));
    for (const s of stats.filter((x) => allRows.has(x.tagId))) expect(allRows.get(s.tagId)!.slice(2, 4)).toEqual([s.entered, s.left]);
  }, 180_000);
});
