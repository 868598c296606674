/**
 * Imports the sample files through the browser UI into a fresh workspace (file input, one
 * mapping corrected by hand), and checks the counts against `atlas import --json` on
 * another fresh workspace. Screenshots of the mapping screen and the result in both
 * languages go to e2e-artifacts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { artifactPath, callApi, expect, repoRoot, runAtlas, test } from './atlas-fixture.ts';
import type { Page } from '@playwright/test';

const sampleDir = path.join(repoRoot, 'assets/sample');
const samples = fs.readdirSync(sampleDir).filter((f) => /\.(xlsx|csv)$/.test(f)).sort().map((f) => path.join(sampleDir, f));

interface ImportJson {
  files: { file: string; kind: string; accepted: number; rejected: number; duplicates: number; updated: number }[];
}

async function newWorkspace(page: Page, file: string): Promise<void> {
  await page.getByTestId('workspace-menu').click();
  await page.getByTestId('workspace-new').click();
  await page.getByTestId('path-input').fill(file);
  await page.getByTestId('path-confirm').click();
  await expect(page.getByTestId('workspace-name')).toHaveText(path.basename(file));
}

test('imports the sample files through the UI with one mapping corrected, counts equal the CLI', async ({ atlas, page }) => {
  test.setTimeout(400_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-e2e-import-'));
  const cliWorkspace = path.join(dir, 'cli.atlas');
  const cli = JSON.parse(runAtlas(['import', ...samples, '--workspace', cliWorkspace, '--json'])) as ImportJson;

  await page.goto(atlas.url);
  await newWorkspace(page, path.join(dir, 'ui.atlas'));
  await page.goto(`${atlas.url}#/import`);
  await page.reload();
  await expect(page.getByTestId('page-import')).toBeVisible();

  await page.getByTestId('import-input').setInputFiles(samples);
  await expect(page.getByTestId('import-file')).toHaveCount(samples.length, { timeout: 240_000 });

  // Correct one mapping by hand: the orders file's 产品线 column, ignored then restored.
  const orders = page.locator('[data-testid="import-file"][data-file="02-销售合同.xlsx"]');
  const productLine = orders.locator('[data-testid="import-column"][data-header="产品线"] [data-testid="import-field"]');
  const previewColumn = orders.locator('[data-testid="import-preview"] th[data-field="productLine"]');
  await productLine.selectOption('');
  await expect(previewColumn).toHaveCount(0);
  await productLine.selectOption('productLine');
  await expect(previewColumn).toHaveCount(1);

  // The language switch keeps the page's state: screenshot the mapping screen in both languages.
  for (const [language, label] of [['zh-CN', '中文'], ['en', 'English']] as const) {
    await page.getByRole('button', { name: label, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.setViewportSize({ width: 1366, height: 1100 });
    await orders.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: artifactPath(`import-mapping-${language}.png`) });
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 300_000 });

  const rows = page.getByTestId('import-result-row');
  await expect(rows).toHaveCount(samples.length);
  for (const file of cli.files) {
    const row = page.locator(`[data-testid="import-result-row"][data-file="${path.basename(file.file)}"]`);
    await expect(row).toHaveAttribute('data-accepted', String(file.accepted));
    await expect(row).toHaveAttribute('data-rejected', String(file.rejected));
    await expect(row).toHaveAttribute('data-duplicates', String(file.duplicates));
    await expect(row).toHaveAttribute('data-updated', String(file.updated));
  }
  await page.getByTestId('import-result').screenshot({ path: artifactPath('import-result-en.png') });
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(page.getByTestId('import-batch')).toHaveCount(samples.length);
  await page.getByTestId('import-result').screenshot({ path: artifactPath('import-result-zh-CN.png') });
  await page.screenshot({ path: artifactPath('import-history-zh-CN.png'), fullPage: true });

  // Every confirmed mapping was saved as a template (files with the same header share one);
  // rename one, and next month's export maps itself by it; deleting it makes the file ask again.
  await expect(page.locator('[data-testid="import-template"][data-name="02-销售合同.xlsx"]')).toHaveCount(1);
  const templateCount = await page.getByTestId('import-template').count();
  expect(templateCount).toBeGreaterThanOrEqual(samples.length - 1);
  const ordersTemplate = page.locator('[data-testid="import-template"][data-name="02-销售合同.xlsx"]');
  await ordersTemplate.getByTestId('import-template-rename').click();
  await page.getByTestId('import-template-name').fill('月度合同导出');
  await page.getByTestId('import-template-save').click();
  const renamed = page.locator('[data-testid="import-template"][data-name="月度合同导出"]');
  await expect(renamed).toHaveCount(1);
  await page.getByTestId('import-templates').screenshot({ path: artifactPath('import-templates-zh-CN.png') });
  const ordersFile = samples.find((f) => path.basename(f) === '02-销售合同.xlsx')!;
  await page.getByTestId('import-input').setInputFiles([ordersFile]);
  const again = page.locator('[data-testid="import-file"][data-file="02-销售合同.xlsx"]');
  await expect(again.locator('.badge-template')).toContainText('月度合同导出', { timeout: 120_000 });
  await expect(again.locator('[data-testid="import-save-template"]')).not.toBeChecked();
  page.once('dialog', (dialog) => void dialog.accept());
  await renamed.getByTestId('import-template-delete').click();
  await expect(page.getByTestId('import-template')).toHaveCount(templateCount - 1);
  await expect(renamed).toHaveCount(0);
  // Leave the shared server on its own workspace before this test's folder goes away.
  await callApi(atlas.url, 'workspace.open', { path: atlas.workspace });
  fs.rmSync(dir, { recursive: true, force: true });
});
