import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { artifactPath, chooseLanguage, collectProblems, expect, test } from './atlas-fixture.ts';

type Grid = (string | number | null)[][];

function sheetRows(book: XLSX.WorkBook, name: string): Grid {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}; have ${book.SheetNames.join(', ')}`);
  return XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null, blankrows: true });
}

/** The rows under the header row starting with `header`, up to the first empty row. */
function tableUnder(rows: Grid, header: string): Grid {
  const start = rows.findIndex((r) => r[0] === header);
  if (start < 0) throw new Error(`no table "${header}"`);
  const out: Grid = [];
  for (const row of rows.slice(start + 1)) {
    if (row.every((c) => c === null || c === '')) break;
    out.push(row);
  }
  return out;
}

/** One click on a view's "Export to Excel", the path asked for (browser mode), then the notice. */
async function quickExport(page: Page, out: string): Promise<XLSX.WorkBook> {
  await page.getByTestId('export-to-excel').click();
  const dialog = page.getByTestId('quick-export');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('quick-export-path')).toHaveValue(/客户分析报表-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await page.getByTestId('quick-export-path').fill(out);
  await page.getByTestId('quick-export-confirm').click();
  await expect(page.getByTestId('quick-export-result-path')).toHaveText(out, { timeout: 60_000 });
  const book = XLSX.read(fs.readFileSync(out));
  await page.getByTestId('quick-export-close').click();
  await expect(dialog).toHaveCount(0);
  return book;
}

test.describe('Reports page in browser mode', () => {
  test('shows the filter as the filter bar does, saves a template, exports with it in one click; the file reads back', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(`${atlas.url}#/reports?grade=A&stage=active&scheme=rfm8&segment=important-value&tag=pays-on-time`);
    await chooseLanguage(page, 'zh-CN');
    await expect(page.getByTestId('reports-page')).toBeVisible();
    // Human labels, as the view filter bar shows them: segment, tag and stage names, not ids.
    const chips = page.getByTestId('reports-filter-chips');
    await expect(chips).toContainText('等级：A');
    await expect(chips).toContainText('生命周期：活跃');
    await expect(chips).toContainText('分群：重要价值客户');
    await expect(chips).toContainText('标签：回款及时');
    await expect(chips).not.toContainText('important-value');
    await expect(chips).not.toContainText('pays-on-time');
    await expect(page.getByTestId('report-personal-masked')).toBeChecked();
    // The CSV choice (UTF-8 with BOM or GBK) is offered.
    await expect(page.getByTestId('report-format-csv-utf8')).toBeVisible();
    await expect(page.getByTestId('report-format-csv-gbk')).toBeVisible();

    await page.goto(`${atlas.url}#/reports?grade=A`);
    // A template: summary and customers, four columns.
    for (const sheet of ['segments', 'regions', 'tags', 'conversion', 'churn']) await page.getByTestId(`report-sheet-${sheet}`).uncheck();
    await page.getByRole('button', { name: '全不选' }).click();
    await page.getByTestId('report-column-phone').check();
    await page.getByTestId('report-column-grade').check();
    await page.getByTestId('report-template-name').fill('A级客户月报');
    await page.getByTestId('report-template-save').click();
    await expect(page.getByTestId('report-templates')).toContainText('A级客户月报');

    // Next month: every sheet chosen again, then the template's button exports what it stores.
    for (const sheet of ['segments', 'regions']) await page.getByTestId(`report-sheet-${sheet}`).check();
    const out = path.join(path.dirname(atlas.workspace), 'e2e-report.xlsx');
    await page.getByTestId('report-path').fill(out);
    await page.screenshot({ path: artifactPath('reports-page.png'), fullPage: true });
    await page.getByTestId('report-template-export').click();
    await expect(page.getByTestId('report-result-path')).toHaveText(out, { timeout: 60_000 });

    const book = XLSX.read(fs.readFileSync(out));
    expect(book.SheetNames).toEqual(['汇总', '客户清单']);
    const rows = sheetRows(book, '客户清单');
    const headerAt = rows.findIndex((r) => r[0] === '客户编码');
    expect(rows[headerAt]!.filter((c) => c !== null)).toEqual(['客户编码', '客户名称', '电话', '等级']);
    const body = tableUnder(rows, '客户编码');
    expect(body.length).toBeGreaterThan(100);
    for (const r of body) {
      expect(r[3]).toBe('A');
      if (r[2] !== null) expect(String(r[2])).toContain('****');
    }
    expect(String(rows[1]![0])).toContain('筛选：等级 = A');
    expect(sheetRows(book, '汇总').find((r) => r[0] === '客户数')?.[1]).toBe(body.length);
    expect(problems).toEqual([]);
  });
});

test.describe('Export to Excel from a view, in one click', () => {
  test('Customers and Segments: the file holds what the page shows, with its filter', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    const dir = path.dirname(atlas.workspace);

    await page.goto(`${atlas.url}#/customers?province=江苏省&grade=A&grade=B`);
    await chooseLanguage(page, 'zh-CN');
    const count = page.getByTestId('cust-count');
    await expect(count).toHaveAttribute('data-value', /^[1-9]\d*$/);
    const shown = Number(await count.getAttribute('data-value'));
    const customers = await quickExport(page, path.join(dir, 'view-customers.xlsx'));
    expect(customers.SheetNames).toEqual(['汇总', '客户清单']);
    const list = tableUnder(sheetRows(customers, '客户清单'), '客户编码');
    expect(list.length).toBe(shown);
    const header = sheetRows(customers, '客户清单').find((r) => r[0] === '客户编码')!;
    for (const r of list) {
      expect(r[header.indexOf('省份')]).toBe('江苏省');
      expect(['A', 'B']).toContain(r[header.indexOf('等级')]);
    }
    expect(String(sheetRows(customers, '客户清单')[1]![0])).toContain('省份 = 江苏省');
    expect(sheetRows(customers, '汇总').find((r) => r[0] === '客户数')?.[1]).toBe(shown);

    await page.goto(`${atlas.url}#/segments?province=浙江省`);
    await page.reload(); // a hash-only change keeps the page; reload opens the Segments view on that URL
    await expect(page.getByTestId('seg-total-customers')).not.toHaveText('');
    const pageRows = await page.locator('[data-testid^="seg-row-"]').evaluateAll((rows) =>
      rows.map((row) => [row.querySelector('td')!.textContent!.trim(), Number(row.querySelector('td[data-value]')!.getAttribute('data-value'))] as const),
    );
    expect(pageRows.length).toBeGreaterThan(3);
    await page.getByTestId('export-to-excel').click();
    await page.screenshot({ path: artifactPath('reports-quick-export.png') });
    await page.getByTestId('quick-export-path').fill(path.join(dir, 'view-segments.xlsx'));
    await page.getByTestId('quick-export-confirm').click();
    await expect(page.getByTestId('quick-export-done')).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: artifactPath('reports-quick-export-done.png') });
    await page.getByTestId('quick-export-close').click();
    const segments = XLSX.read(fs.readFileSync(path.join(dir, 'view-segments.xlsx')));
    expect(segments.SheetNames).toEqual(['汇总', '客户细分', '客户清单']);
    const sheet = sheetRows(segments, '客户细分');
    // The page shows the 8-class scheme, the sheet's first table.
    const counts = new Map(tableUnder(sheet, 'RFM 八类客户').map((r) => [String(r[0]), r[1]]));
    for (const [name, customersShown] of pageRows) {
      if (customersShown > 0) expect(counts.get(name), name).toBe(customersShown);
    }
    expect(String(sheet[1]![0])).toContain('省份 = 浙江省');
    expect(problems).toEqual([]);
  });

  test('Regions: every province the page lists has the same customer count in the Regions sheet', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(`${atlas.url}#/regions?grade=A&grade=B`);
    await chooseLanguage(page, 'zh-CN');
    const rows = page.locator('[data-testid^="reg-row-"]');
    await expect(rows.first()).toBeVisible();
    const shown = await rows.evaluateAll((list) =>
      list.map((row) => {
        const cells = row.querySelectorAll('td');
        return [cells[0]!.textContent!.trim(), Number(cells[2]!.textContent!.replace(/[^\d]/g, ''))] as const;
      }),
    );
    expect(shown.length).toBeGreaterThan(10);
    const book = await quickExport(page, path.join(path.dirname(atlas.workspace), 'view-regions.xlsx'));
    expect(book.SheetNames).toEqual(['汇总', '区域分析', '客户清单']);
    const sheet = sheetRows(book, '区域分析');
    const provinces = new Map(tableUnder(sheet, '省份').map((r) => [String(r[0]), r[1]]));
    for (const [name, customers] of shown) expect(provinces.get(name), name).toBe(customers);
    expect(provinces.size).toBe(shown.length);
    expect(String(sheet[1]![0])).toContain('等级 = A、B');
    expect(problems).toEqual([]);
  });

  test('a running export can be cancelled and writes nothing', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(`${atlas.url}#/customers`);
    await chooseLanguage(page, 'zh-CN');
    await expect(page.getByTestId('cust-count')).toHaveAttribute('data-value', /^[1-9]\d*$/);
    const out = path.join(path.dirname(atlas.workspace), 'view-cancelled.xlsx');
    await page.getByTestId('export-to-excel').click();
    await page.getByTestId('quick-export-path').fill(out);
    await page.getByTestId('quick-export-confirm').click();
    await page.getByTestId('quick-export-cancel').click();
    // Gathering and writing 3,000 customers takes far longer than the click: the cancel lands mid-export.
    await expect(page.getByTestId('quick-export-cancelled')).toBeVisible({ timeout: 60_000 });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out)).filter((f) => f.startsWith('view-cancelled') && f !== 'view-cancelled.xlsx')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
