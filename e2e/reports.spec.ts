import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { artifactPath, collectProblems, expect, test } from './atlas-fixture.ts';


test.describe('Reports page in browser mode', () => {
  test('exports the filtered report with masked phones, saves a template, and the file reads back', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    // The Overview's "Export to Excel" opens the Reports page and keeps the shared filter.
    await page.goto(`${atlas.url}#/overview?grade=A`);
    await page.getByTestId('language-zh-CN').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByTestId('export-to-excel').click();
    await expect(page.getByTestId('reports-page')).toBeVisible();
    await expect(page).toHaveURL(/#\/reports\?grade=A/);
    await expect(page.getByTestId('reports-filter-chips')).toContainText('等级: A');
    await expect(page.getByTestId('report-personal-masked')).toBeChecked();

    // A template: summary and customers, four columns.
    await page.getByTestId('report-sheet-segments').uncheck();
    await page.getByTestId('report-sheet-regions').uncheck();
    await page.getByTestId('report-sheet-tags').uncheck();
    await page.getByTestId('report-sheet-conversion').uncheck();
    await page.getByTestId('report-sheet-churn').uncheck();
    await page.getByRole('button', { name: '全不选' }).click();
    await page.getByTestId('report-column-phone').check();
    await page.getByTestId('report-column-grade').check();
    await page.getByTestId('report-template-name').fill('A级客户月报');
    await page.getByTestId('report-template-save').click();
    await expect(page.getByTestId('report-templates')).toContainText('A级客户月报');

    const out = path.join(path.dirname(atlas.workspace), 'e2e-report.xlsx');
    await page.getByTestId('report-path').fill(out);
    await page.screenshot({ path: artifactPath('reports-page.png'), fullPage: true });
    await page.getByTestId('report-export').click();
    await expect(page.getByTestId('report-result-path')).toHaveText(out, { timeout: 60_000 });

    const book = XLSX.read(fs.readFileSync(out));
    expect(book.SheetNames).toEqual(['汇总', '客户清单']);
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['客户清单']!, { header: 1, defval: null });
    const headerAt = rows.findIndex((r) => r[0] === '客户编码');
    expect(rows[headerAt]!.slice(0, 4)).toEqual(['客户编码', '客户名称', '电话', '等级']);
    const body = rows.slice(headerAt + 1).filter((r) => r[0] !== null);
    expect(body.length).toBeGreaterThan(100);
    for (const r of body) {
      expect(r[3]).toBe('A');
      if (r[2] !== null) expect(String(r[2])).toContain('****');
    }
    expect(String(rows[1]![0])).toContain('筛选：等级 = A');
    const summary = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets['汇总']!, { header: 1, defval: null });
    expect(summary.find((r) => r[0] === '客户数')?.[1]).toBe(body.length);
    expect(problems).toEqual([]);
  });
});
