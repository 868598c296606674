import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { isoDateFromExcelSerial, summarySheet, type ReportSheet } from '../../shared/report/index.ts';

import { readEntries } from '../demo/deflate-zip.ts';
import { makeTempDir } from '../test-support/temp-dir.ts';
import { writeWorkbook } from './write-workbook.ts';

const INJECTIONS = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

function customers(): ReportSheet {
  return {
    name: '客户',
    title: '客户画像月报 — 华东大区',
    subtitle: '分析日期 2026-11-26 · 筛选：等级 = A，省份 = 江苏省',
    columns: [
      { header: '客户编码', kind: 'code' },
      { header: '客户名称', kind: 'text' },
      { header: '订单数', kind: 'integer' },
      { header: '累计金额（元）', kind: 'amount' },
      { header: '回款及时率', kind: 'percent' },
      { header: '提升度', kind: 'ratio' },
      { header: '最近下单', kind: 'date' },
      { header: '电话', kind: 'phone' },
    ],
    rows: [
      ['000123', '江苏华建工程机械有限公司', 12, 1234567.891, 0.875, 1.35, '2024-03-15', '13812345678'],
      ['C-2', 'Shanghai Crane Rental Co.', 1, -250.5, 0, 0.5, '2000-02-29', '+86 138 1234 5678'],
      [4567, '徐州 <A&B> "引号" _x0041_ 😀', 0, 0, 1, null, '1900-01-01', 13812345678],
      ['C-4', null, null, null, null, null, null, null],
    ],
    notes: ['M = 累计金额；阈值见“细分”表。', '=not a formula either'],
  };
}

interface Cell {
  t: string;
  v: unknown;
  f?: string;
  z?: string;
}

function cellAt(sheet: XLSX.WorkSheet, ref: string): Cell | undefined {
  return (sheet as Record<string, Cell | undefined>)[ref];
}

function unzip(file: string): Map<string, string> {
  return new Map(readEntries(fs.readFileSync(file)).map((e) => [e.name.toString('utf8'), e.content.toString('utf8')]));
}

function part(parts: Map<string, string>, name: string): string {
  const text = parts.get(name);
  if (text === undefined) throw new Error(`missing ${name}`);
  return text;
}

/** The cellXfs entries of styles.xml, in order. */
function cellXfs(styles: string): string[] {
  const block = /<cellXfs[^>]*>(.*)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  return block.match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g) ?? [];
}

/** The style attribute of a cell in a sheet's XML. */
function styleOf(sheetXml: string, ref: string): number {
  const match = new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheetXml);
  if (!match) throw new Error(`no styled cell ${ref}`);
  return Number(match[1]);
}

let dir = '';
let cleanup = (): void => undefined;
beforeEach(() => {
  ({ dir, cleanup } = makeTempDir('report'));
});
afterEach(() => cleanup());

describe('writeWorkbook (xlsx)', () => {
  it('round-trips every value: text, numbers, real dates, codes as text', async () => {
    const out = path.join(dir, 'report.xlsx');
    const written = await writeWorkbook([customers()], out, { format: 'xlsx', personalData: 'shown' });
    expect(written.rows).toBe(4);
    const book = XLSX.read(fs.readFileSync(out), { cellNF: true });
    expect(book.SheetNames).toEqual(['客户']);
    const sheet = book.Sheets['客户']!;
    expect(cellAt(sheet, 'A1')?.v).toBe('客户画像月报 — 华东大区');
    expect(cellAt(sheet, 'A2')?.v).toBe('分析日期 2026-11-26 · 筛选：等级 = A，省份 = 江苏省');
    const source = customers();
    expect(source.columns.map((_, c) => cellAt(sheet, `${String.fromCharCode(65 + c)}3`)?.v)).toEqual(
      source.columns.map((column) => column.header),
    );
    source.rows.forEach((row, i) => {
      row.forEach((value, c) => {
        const column = source.columns[c]!;
        const cell = cellAt(sheet, `${String.fromCharCode(65 + c)}${4 + i}`);
        if (value === null) return expect(cell).toBeUndefined();
        if (column.kind === 'date') {
          expect(cell?.t).toBe('n');
          expect(cell?.z).toBe('yyyy-mm-dd');
          return expect(isoDateFromExcelSerial(cell?.v as number)).toBe(value);
        }
        if (column.kind === 'code' || column.kind === 'phone') {
          expect(cell?.t).toBe('s');
          return expect(cell?.v).toBe(String(value));
        }
        expect(cell?.t).toBe(typeof value === 'number' ? 'n' : 's');
        expect(cell?.v).toBe(value);
      });
    });
    expect(cellAt(sheet, 'D4')?.z).toBe('#,##0.00');
    expect(cellAt(sheet, 'C4')?.z).toBe('#,##0');
    expect(cellAt(sheet, 'E4')?.z).toBe('0.0%');
    expect(cellAt(sheet, 'F4')?.z).toBe('0.00');
    expect(cellAt(sheet, 'A9')?.v).toBe('M = 累计金额；阈值见“细分”表。');
    expect(cellAt(sheet, 'A10')?.v).toBe('=not a formula either');
  });

  it('writes widths, number formats, a frozen header, an auto-filter and a merged title', async () => {
    const out = path.join(dir, 'report.xlsx');
    await writeWorkbook([customers()], out, { format: 'xlsx' });
    const parts = unzip(out);
    const sheet = part(parts, 'xl/worksheets/sheet1.xml');
    const styles = part(parts, 'xl/styles.xml');
    const workbook = part(parts, 'xl/workbook.xml');
    // The widest name, '徐州 <A&B> "引号" _x0041_ 😀', is 28 columns wide (CJK and emoji double) + 2 padding.
    expect(sheet).toContain('<col min="2" max="2" width="30" customWidth="1"/>');
    // 累计金额（元）: 7 wide characters → ceil(14 × 1.1) + 2 for the filter button + 2 padding; CJK headers never wrap.
    expect(sheet).toContain('<col min="4" max="4" width="20" customWidth="1"/>');
    expect(sheet).toContain('<row r="3" ht="20" customHeight="1">');
    expect(sheet).toMatch(/<col min="4" max="4" width="[\d.]+" customWidth="1"\/>/);
    for (const code of ['#,##0.00', '#,##0', '0.0%', '0.00', 'yyyy-mm-dd']) {
      expect(styles).toContain(`formatCode="${code}"`);
    }
    expect(sheet).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A3:H7"/>');
    expect(sheet).toContain('<mergeCell ref="A1:H1"/>');
    expect(sheet).toContain('<mergeCell ref="A2:H2"/>');
    expect(workbook).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'客户'!$A$3:$H$7</definedName>`);
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // The title is bold and larger; the header bold on a fill.
    const xfs = cellXfs(styles);
    const fonts = /<fonts[^>]*>(.*)<\/fonts>/s.exec(styles)?.[1]?.match(/<font>.*?<\/font>/g) ?? [];
    const fontOf = (xf: string): string => fonts[Number(/fontId="(\d+)"/.exec(xf)?.[1])] ?? '';
    expect(fontOf(xfs[styleOf(sheet, 'A1')]!)).toMatch(/<b\/><sz val="14"\/>/);
    const header = xfs[styleOf(sheet, 'B3')]!;
    expect(fontOf(header)).toContain('<b/>');
    expect(header).toMatch(/fillId="2"/);
  });

  it('prints well: title and header rows on every page, one page wide, bordered table, page header and "page X of Y"', async () => {
    const out = path.join(dir, 'print.xlsx');
    await writeWorkbook([{ ...customers(), pageNumberLabel: '第 {page} 页，共 {pages} 页' }], out, { format: 'xlsx' });
    const parts = unzip(out);
    const sheet = part(parts, 'xl/worksheets/sheet1.xml');
    // Rows 1–3 (title, subtitle, column headers) repeat at the top of every printed page.
    expect(part(parts, 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'客户'!$1:$3</definedName>`);
    // One page wide, as long as needed; landscape for this wide table; A4; centred; margins in inches.
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    expect(sheet).toContain('<printOptions horizontalCentered="1"/>');
    const margins = /<pageMargins ([^>]*)\/>/.exec(sheet)?.[1] ?? '';
    for (const side of ['left', 'right', 'top', 'bottom']) {
      const inches = Number(new RegExp(`${side}="([\\d.]+)"`).exec(margins)?.[1]);
      expect(inches, side).toBeGreaterThanOrEqual(0.4);
      expect(inches, side).toBeLessThanOrEqual(1);
    }
    // The report's title (an ampersand doubled so it is not a code) and sheet name on top; page X of Y below.
    expect(sheet).toContain('<oddHeader>&amp;L&amp;9客户画像月报 — 华东大区&amp;R&amp;9&amp;A</oddHeader>');
    expect(sheet).toContain('<oddFooter>&amp;C&amp;9第 &amp;P 页，共 &amp;N 页</oddFooter>');
    // Every table cell, empty ones included, has thin borders all round; title and notes have none.
    const styles = part(parts, 'xl/styles.xml');
    const xfs = cellXfs(styles);
    const borders = /<borders[^>]*>(.*)<\/borders>/s.exec(styles)?.[1]?.match(/<border>.*?<\/border>/g) ?? [];
    const borderOf = (ref: string): string => borders[Number(/borderId="(\d+)"/.exec(xfs[styleOf(sheet, ref)]!)?.[1])] ?? '';
    for (const ref of ['A3', 'H3', 'A4', 'B4', 'C4', 'D5', 'G6', 'H7', 'B7', 'C7']) {
      for (const side of ['left', 'right', 'top', 'bottom']) expect(borderOf(ref), `${ref} ${side}`).toMatch(new RegExp(`<${side} style="thin">`));
    }
    expect(sheet).toMatch(/<c r="B7" s="\d+"\/>/); // the empty name keeps its borders
    for (const ref of ['A1', 'A9']) expect(borderOf(ref)).not.toContain('style=');
    // Long text wraps inside its column (rows high enough for it) and notes wrap across the table, never off the page.
    const wrapped = path.join(dir, 'wrapped.xlsx');
    const tags = '高购买力、回款及时、高复购意向、高维修需求、设备闲置、重要价值客户、冠军客户';
    await writeWorkbook(
      [{ name: 'W', title: 'W', columns: [{ header: '客户', kind: 'text' }, { header: '标签', kind: 'text', width: 30, wrap: true }], rows: [['甲', tags], ['乙', '高购买力']], notes: ['说明'.repeat(60)] }],
      wrapped,
      { format: 'xlsx' },
    );
    const w = unzip(wrapped);
    const wXml = part(w, 'xl/worksheets/sheet1.xml');
    expect(wXml).toMatch(/<row r="3" ht="48" customHeight="1">/); // 76 wide in 27.5: three lines
    expect(wXml).toContain('<row r="4">');
    const wXfs = cellXfs(part(w, 'xl/styles.xml'));
    expect(wXfs[styleOf(wXml, 'B3')]).toContain('wrapText="1"');
    expect(wXfs[styleOf(wXml, 'A6')]).toContain('wrapText="1"');
    expect(wXml).toContain('<mergeCell ref="A6:B6"/>');
    expect(wXml).toMatch(/<row r="6" ht="\d+" customHeight="1">/);
    // A long English header over short figures wraps at a space: a two-line header row, a narrow column.
    const english = path.join(dir, 'english.xlsx');
    await writeWorkbook([{ name: 'E', title: 'E', columns: [{ header: 'Revenue, last 12 months (CNY)', kind: 'amount' }], rows: [[1.5]] }], english, { format: 'xlsx' });
    const eXml = part(unzip(english), 'xl/worksheets/sheet1.xml');
    expect(eXml).toContain('<row r="2" ht="34" customHeight="1">');
    expect(eXml).toMatch(/<col min="1" max="1" width="21" customWidth="1"\/>/);
    expect(cellXfs(part(unzip(english), 'xl/styles.xml'))[styleOf(eXml, 'A2')]).toContain('wrapText="1"');
    const portrait = path.join(dir, 'narrow.xlsx');
    await writeWorkbook([{ name: 'N', title: 'A & B', columns: [{ header: 'Name', kind: 'text' }], rows: [['x']] }], portrait, { format: 'xlsx' });
    const narrow = part(unzip(portrait), 'xl/worksheets/sheet1.xml');
    expect(narrow).toContain('orientation="portrait"');
    expect(narrow).toContain('<oddHeader>&amp;L&amp;9A &amp;&amp; B&amp;R&amp;9&amp;A</oddHeader>');
    expect(narrow).toContain('<oddFooter>&amp;C&amp;9&amp;P / &amp;N</oddFooter>');
    expect(part(unzip(portrait), 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'N'!$1:$2</definedName>`);
  });

  it('neutralises formula injection: text cells, visible, quote-prefixed', async () => {
    const sheet: ReportSheet = {
      name: 'Injection',
      title: 'Injection',
      columns: [
        { header: 'Name', kind: 'text' },
        { header: 'Code', kind: 'code' },
      ],
      rows: INJECTIONS.map((text) => [text, text]),
    };
    const out = path.join(dir, 'inject.xlsx');
    await writeWorkbook([sheet], out, { format: 'xlsx' });
    const parts = unzip(out);
    const sheetXml = part(parts, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toContain('<f>');
    const xfs = cellXfs(part(parts, 'xl/styles.xml'));
    const read = XLSX.read(fs.readFileSync(out)).Sheets['Injection']!;
    INJECTIONS.forEach((text, i) => {
      for (const column of ['A', 'B']) {
        const ref = `${column}${3 + i}`;
        const cell = cellAt(read, ref);
        expect(cell?.t).toBe('s');
        expect(cell?.f).toBeUndefined();
        expect(cell?.v).toBe(text);
        expect(xfs[styleOf(sheetXml, ref)]).toContain('quotePrefix="1"');
      }
    });
    expect(xfs[styleOf(sheetXml, 'A2')]).not.toContain('quotePrefix');
  });

  it('masks phones by default and keeps them readable text when shown', async () => {
    const masked = path.join(dir, 'masked.xlsx');
    const shown = path.join(dir, 'shown.xlsx');
    await writeWorkbook([customers()], masked, { format: 'xlsx' });
    await writeWorkbook([customers()], shown, { format: 'xlsx', personalData: 'shown' });
    const m = XLSX.read(fs.readFileSync(masked)).Sheets['客户']!;
    const s = XLSX.read(fs.readFileSync(shown)).Sheets['客户']!;
    expect([4, 5, 6].map((r) => cellAt(m, `H${r}`)?.v)).toEqual(['138****5678', '+86 138 **** 5678', '138****5678']);
    expect([4, 5, 6].map((r) => cellAt(s, `H${r}`)?.v)).toEqual(['13812345678', '+86 138 1234 5678', '13812345678']);
    expect(cellAt(s, 'H5')?.t).toBe('s');
  });

  it('sanitises sheet names and handles sheets without subtitle or rows', async () => {
    const base = customers();
    const long = '华东大区客户画像月报分省份城市客户数量收入与回款情况汇总表格及说明';
    const sheets: ReportSheet[] = [
      { ...base, name: 'Customers' },
      { ...base, name: 'customers' },
      { ...base, name: 'Lifecycle / churn?' },
      { ...base, name: long },
      { name: 'History', title: 'Empty', columns: [{ header: 'x', kind: 'text' }], rows: [] },
    ];
    const out = path.join(dir, 'names.xlsx');
    await writeWorkbook(sheets, out, { format: 'xlsx' });
    const book = XLSX.read(fs.readFileSync(out));
    expect(book.SheetNames).toEqual(['Customers', 'customers (2)', 'Lifecycle - churn-', long.slice(0, 31), 'History (2)']);
    const parts = unzip(out);
    const empty = part(parts, 'xl/worksheets/sheet5.xml');
    expect(empty).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(empty).toContain('<autoFilter ref="A2:A2"/>');
    expect(part(parts, 'xl/workbook.xml')).toContain(`'Lifecycle - churn-'!$A$3:$H$7`);
  });

  it('writes further sections with per-row number formats below the main table', async () => {
    const summary: ReportSheet = {
      name: '汇总',
      title: '客户画像月报',
      columns: [
        { header: '细分', kind: 'text' },
        { header: '客户数', kind: 'integer' },
      ],
      rows: [
        ['重要价值客户', 412],
        ['一般挽留客户', 361],
      ],
      sections: [
        {
          heading: '关键指标',
          columns: [
            { header: '指标', kind: 'text' },
            { header: '本期', kind: 'amount' },
            { header: '上期', kind: 'amount' },
          ],
          rows: [
            ['客户数', 3012, 2950],
            ['累计金额（元）', 285431220.5, 250000000],
            ['赢单率', 0.315, 0.298],
            ['分析日期', '2026-11-26', null],
          ],
          rowKinds: ['integer', null, 'percent', 'date'],
        },
        { columns: [{ header: '联系电话', kind: 'phone' }], rows: [['13812345678']] },
      ],
      notes: ['说明'],
    };
    const out = path.join(dir, 'summary.xlsx');
    await writeWorkbook([summary], out, { format: 'xlsx' });
    const sheet = XLSX.read(fs.readFileSync(out), { cellNF: true }).Sheets['汇总']!;
    // Main table rows 2–4; a blank row; heading 6, header 7, rows 8–11; blank; header 13, row 14; blank; note 16.
    expect(cellAt(sheet, 'A6')?.v).toBe('关键指标');
    expect(cellAt(sheet, 'C7')?.v).toBe('上期');
    expect([cellAt(sheet, 'B8')?.z, cellAt(sheet, 'B9')?.z, cellAt(sheet, 'B10')?.z, cellAt(sheet, 'B11')?.z]).toEqual([
      '#,##0',
      '#,##0.00',
      '0.0%',
      'yyyy-mm-dd',
    ]);
    expect(cellAt(sheet, 'A8')).toMatchObject({ t: 's', v: '客户数' });
    expect(isoDateFromExcelSerial(cellAt(sheet, 'B11')?.v as number)).toBe('2026-11-26');
    expect(cellAt(sheet, 'A14')?.v).toBe('138****5678');
    expect(cellAt(sheet, 'A16')?.v).toBe('说明');
    const xml = part(unzip(out), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<autoFilter ref="A2:B4"/>');
    // Only the title repeats on printed pages: the main header would be wrong above the sections.
    expect(part(unzip(out), 'xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'汇总'!$1:$1</definedName>`);
    expect(xml).toContain('<dimension ref="A1:C16"/>');
    expect(xml).toMatch(/<col min="3" max="3" width="[\d.]+" customWidth="1"\/>/);
  });

  it('writes the built summary with per-row formats in the main table, and its CSV', async () => {
    const sheet = summarySheet(
      { language: 'zh-CN', reportName: '月报', workspace: 'w', analysisDate: '2026-11-26', filters: [], masked: true },
      {
        keyFigures: [
          { label: '客户数', value: 3012, kind: 'integer' },
          { label: '累计金额（元）', value: 1234.5, kind: 'amount' },
          { label: '赢单率', value: 0.315, kind: 'percent' },
          { label: '分析日期', value: '2026-11-26', kind: 'date' },
        ],
        segments: [],
        grades: [],
        provinces: [],
      },
    );
    const out = path.join(dir, 'built.xlsx');
    await writeWorkbook([sheet], out, { format: 'xlsx' });
    const read = XLSX.read(fs.readFileSync(out), { cellNF: true }).Sheets['汇总']!;
    expect(['B4', 'B5', 'B6', 'B7'].map((ref) => cellAt(read, ref)?.z)).toEqual(['#,##0', '#,##0.00', '0.0%', 'yyyy-mm-dd']);
    const { sections: _sections, ...table } = sheet;
    const csv = path.join(dir, 'built.csv');
    await writeWorkbook([table], csv, { format: 'csv' });
    expect(fs.readFileSync(csv, 'utf8')).toBe('\ufeff指标,数值\r\n客户数,3012\r\n累计金额（元）,1234.5\r\n赢单率,31.5%\r\n分析日期,2026-11-26\r\n');
  });

  it('streams many rows in chunks, reports progress, and reads back intact', async () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => [`C${i}`, `客户${i}`, i, i * 1.25, '2024-01-31']);
    const sheet: ReportSheet = {
      name: 'Big',
      title: 'Big',
      columns: [
        { header: 'Code', kind: 'code' },
        { header: 'Name', kind: 'text' },
        { header: 'N', kind: 'integer' },
        { header: 'Amount', kind: 'amount' },
        { header: 'Date', kind: 'date' },
      ],
      rows,
    };
    const seen: number[] = [];
    const out = path.join(dir, 'big.xlsx');
    await writeWorkbook([sheet], out, { format: 'xlsx', onProgress: (p) => seen.push(p.rowsWritten) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(5_001);
    expect(seen.length).toBeGreaterThan(5);
    const data = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(fs.readFileSync(out)).Sheets['Big']!, { header: 1 });
    expect(data).toHaveLength(5_003);
    expect(data[5_002]).toEqual(['C5000', '客户5000', 5000, 6250, 45322]);
  });

  it('leaves no file when cancelled, and an existing file untouched', async () => {
    const out = path.join(dir, 'cancel.xlsx');
    fs.writeFileSync(out, 'previous');
    const rows = Array.from({ length: 3_000 }, (_, i) => [`row ${i}`]);
    const controller = new AbortController();
    const writing = writeWorkbook([{ name: 'S', title: 'S', columns: [{ header: 'x', kind: 'text' }], rows }], out, {
      format: 'xlsx',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsWritten >= 1_000) controller.abort();
      },
    });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect(fs.readFileSync(out, 'utf8')).toBe('previous');
    expect(fs.readdirSync(dir)).toEqual(['cancel.xlsx']);
  });
});

describe('writeWorkbook (csv)', () => {
  it('writes UTF-8 with BOM, quoted fields, neutralised formulas and plain numbers', async () => {
    const out = path.join(dir, 'customers.csv');
    await writeWorkbook([customers()], out, { format: 'csv' });
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('客户编码,客户名称,订单数,累计金额（元）,回款及时率,提升度,最近下单,电话');
    expect(lines[1]).toBe('000123,江苏华建工程机械有限公司,12,1234567.891,87.5%,1.35,2024-03-15,138****5678');
    expect(lines[2]).toBe("C-2,Shanghai Crane Rental Co.,1,-250.5,0%,0.5,2000-02-29,'+86 138 **** 5678");
    expect(lines[3]).toBe('4567,"徐州 <A&B> ""引号"" _x0041_ 😀",0,0,100%,,1900-01-01,138****5678');
    expect(lines[4]).toBe('C-4,,,,,,,');
    expect(lines[5]).toBe('');
  });

  it('neutralises every injection in CSV and can write GBK', async () => {
    const sheet: ReportSheet = {
      name: 'x',
      title: 'x',
      columns: [{ header: '名称', kind: 'text' }],
      rows: [...INJECTIONS.map((text) => [text]), ['江苏华建工程机械有限公司']],
    };
    const out = path.join(dir, 'gbk.csv');
    await writeWorkbook([sheet], out, { format: 'csv', csvEncoding: 'gbk' });
    const bytes = fs.readFileSync(out);
    expect(bytes.subarray(0, 4)).toEqual(iconv.encode('名称', 'gbk'));
    const text = iconv.decode(bytes, 'gbk');
    expect(text.split('\r\n')).toEqual([
      '名称',
      `"'=HYPERLINK(""http://evil"",""x"")"`,
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      `"'\r=1"`,
      '江苏华建工程机械有限公司',
      '',
    ]);
  });

  it('exports exactly one sheet', async () => {
    await expect(writeWorkbook([customers(), customers()], path.join(dir, 'two.csv'), { format: 'csv' })).rejects.toThrow(
      /exactly one sheet/,
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
