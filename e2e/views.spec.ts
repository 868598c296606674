/**
 * Segments, Regions and Customers in browser mode on the demo workspace: filters apply to
 * every page, a grid cell lists its customers, a province drills into its cities, a customer
 * opens its dossier; the list pages in sorted; saved views and sales regions live in the workspace; an imported customer named like an HTML tag stays text; screenshots
 * of each page in both languages at 1366×768 and 1920×1080.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactPath, callApi, chooseLanguage, collectProblems, expect, repoRoot, runAtlas, test } from './atlas-fixture.ts';



async function customerCount(page: Page): Promise<number> {
  await expect(page.getByTestId('cust-table-row').first().or(page.getByText(/No customers match|没有符合/).first())).toBeVisible();
  return Number(await page.getByTestId('cust-count').getAttribute('data-value'));
}

test.describe('Views in browser mode', () => {
  test('filters, a grid cell, a province drill-down and a customer dossier', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${atlas.url}#/customers`);
    await chooseLanguage(page, 'en');
    const all = await customerCount(page);
    expect(all).toBe(atlas.info.counts['customers']);

    // A filter through the URL (the filter bar writes the same form): grade A only.
    await page.goto(`${atlas.url}#/customers?grade=A`);
    await expect.poll(() => customerCount(page)).toBeLessThan(all);
    const gradeA = await customerCount(page);
    expect(gradeA).toBeGreaterThan(0);

    // The Segments page keeps the filter: its total equals the scored grade-A customers.
    await page.getByTestId('nav-segments').click();
    await expect(page.getByTestId('page-segments')).toBeVisible();
    await expect(page.getByTestId('seg-total-customers')).toBeVisible();
    const segTotal = Number((await page.getByTestId('seg-total-customers').innerText()).replace(/[^0-9]/g, ''));
    expect(segTotal).toBeLessThanOrEqual(gradeA);
    expect(segTotal).toBeGreaterThan(0);

    // Click the biggest bubble of the grid: the Customers page lists that cell.
    const chart = page.getByTestId('seg-grid-chart');
    await expect(chart.locator('canvas')).toBeVisible();
    const box = (await chart.boundingBox())!;
    let clicked = false;
    // Cell centres from the grid geometry (left 56, right 16, top 40, bottom 48; axes 0..bins+1).
    const bins = 5;
    const plotW = box.width - 56 - 16;
    const plotH = box.height - 40 - 48;
    for (const [r, f] of [
      [1, 1],
      [2, 1],
      [5, 5],
      [3, 1],
      [4, 2],
      [5, 1],
    ] as const) {
      await chart.click({ position: { x: 56 + (r / (bins + 1)) * plotW, y: 40 + (1 - f / (bins + 1)) * plotH } });
      if (await page.getByTestId('cust-cell-chip').isVisible()) {
        clicked = true;
        break;
      }
    }
    expect(clicked).toBe(true);
    const inCell = await customerCount(page);
    await page.screenshot({ path: artifactPath('views-customers-cell-en-1366.png') });
    expect(inCell).toBeGreaterThan(0);
    expect(inCell).toBeLessThanOrEqual(gradeA);
    // The cell is in the URL: Back returns to the Segments page, Forward to the cell's list.
    expect(page.url()).toMatch(/#\/customers\?.*grade=A.*&cell=\d+-\d+-f$/);
    await page.goBack();
    await expect(page.getByTestId('page-segments')).toBeVisible();
    expect(page.url()).not.toContain('cell=');
    await page.goForward();
    await expect(page.getByTestId('cust-cell-chip')).toBeVisible();
    expect(await customerCount(page)).toBe(inCell);

    // Select all matching: every customer of the cell, not only the loaded rows.
    // (The ids come from the worker: the box turns checked when they are in.)
    await page.getByTestId('cust-table-select-all').click();
    await expect(page.getByTestId('cust-table-select-all')).toBeChecked();
    await expect(page.getByTestId('cust-selected')).toContainText(String(inCell));
    await page.getByTestId('cust-table-select-all').click();
    await expect(page.getByTestId('cust-selected')).toBeHidden();

    // Open a customer: its dossier shows its name; Back returns to the list.
    const firstName = await page.getByTestId('cust-table-row').first().locator('.cust-name').innerText();
    await page.getByTestId('cust-table-row').first().click();
    await expect(page.getByTestId('page-dossier')).toBeVisible();
    await expect(page.getByTestId('dossier-header')).toContainText(firstName);
    await page.goBack();
    await expect(page.getByTestId('cust-cell-chip')).toBeVisible();

    // Regions: drill into the strongest province and back.
    await page.getByTestId('nav-regions').click();
    await expect(page.getByTestId('page-regions')).toBeVisible();
    const firstRow = page.locator('[data-testid^="reg-row-"]').first();
    await expect(firstRow).toBeVisible();
    const province = (await firstRow.getAttribute('data-testid'))!.replace('reg-row-', '');
    await firstRow.click();
    await expect(page.getByTestId('reg-china-map-back')).toBeVisible();
    await expect(page.getByTestId('reg-table')).toContainText(province);
    await expect(page.locator('[data-testid^="reg-row-"]').first()).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: artifactPath('views-regions-drilled-en-1366.png') });
    await page.getByTestId('reg-china-map-back').click();
    await expect(page.getByTestId('reg-china-map-back')).toBeHidden();
    expect(problems).toEqual([]);
  });

  test('the whole list pages in from the worker, sorted on any column', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${atlas.url}#/customers`);
    await chooseLanguage(page, 'en');
    const all = await customerCount(page);
    // Sort by name ascending, then scroll to the very end: the last rows load and are real rows.
    await page.getByTestId('cust-table-header-name').locator('button').click();
    await expect(page.getByTestId('cust-table-header-name')).toHaveAttribute('aria-sort', 'ascending');
    // Applying a new sort puts the list back at the top: scroll again until the end stays in
    // view (a user scrolling while the sort is being applied sees the same).
    await expect(async () => {
      await page.getByTestId('cust-table').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await expect(page.locator(`[data-testid="cust-table-row"][data-row-index="${all - 1}"]`)).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('cust-table-pending')).toHaveCount(0);
    const expected = (await callApi(atlas.url, 'views.customers', {
      filter: { salesRegions: [], provinces: [], cities: [], accountManagers: [], productLines: [], customerTypes: [], grades: [], lifecycles: [], segment: null, tags: { mode: 'any', ids: [] }, search: '' },
      sort: { column: 'name', direction: 'asc' },
      offset: all - 1,
      limit: 1,
    })) as { rows: { name: string }[] };
    await expect(page.locator(`[data-testid="cust-table-row"][data-row-index="${all - 1}"]`)).toContainText(expected.rows[0]!.name);
    // Quick find narrows the list in the worker.
    await page.getByTestId('cust-find').fill(expected.rows[0]!.name);
    await expect.poll(() => customerCount(page)).toBeLessThan(all);
    expect(problems).toEqual([]);
  });

  test('saved views are stored in the workspace: save, apply, rename, delete', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${atlas.url}#/customers?grade=A&stage=active`);
    await chooseLanguage(page, 'en');
    const filtered = await customerCount(page);
    await page.getByTestId('filter-bar-save-view').click();
    await page.getByTestId('filter-bar-view-name').fill('Active A');
    await page.getByTestId('filter-bar-view-save').click();
    await expect(page.getByTestId('filter-bar-saved')).toHaveAttribute('data-name', 'Active A');
    // In the workspace, not the browser: the API lists it.
    expect(await callApi(atlas.url, 'views.savedViews.list')).toEqual([expect.objectContaining({ name: 'Active A', query: 'grade=A&stage=active' })]);
    await page.getByTestId('filter-bar-clear').click();
    await expect.poll(() => customerCount(page)).toBeGreaterThan(filtered);
    await page.getByTestId('filter-bar-saved').locator('.fchip-apply').click();
    await expect.poll(() => customerCount(page)).toBe(filtered);
    await page.getByTestId('filter-bar-view-rename').click();
    await page.getByTestId('filter-bar-view-rename-input').fill('Active grade A');
    await page.getByTestId('filter-bar-view-rename-input').press('Enter');
    await expect(page.getByTestId('filter-bar-saved')).toHaveAttribute('data-name', 'Active grade A');
    await page.reload();
    await expect(page.getByTestId('filter-bar-saved')).toHaveAttribute('data-name', 'Active grade A');
    await page.getByTestId('filter-bar-view-delete').click();
    await expect(page.getByTestId('filter-bar-saved')).toHaveCount(0);
    expect(await callApi(atlas.url, 'views.savedViews.list')).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('sales regions edited in Settings change the sales region filter and chart data', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${atlas.url}#/settings`);
    await chooseLanguage(page, 'zh-CN');
    const henan = page.getByTestId('sr-select-410000');
    await expect(henan).toHaveValue('华中');
    await henan.selectOption('华北');
    // Another change to the workspace (here a saved view; often an autosave finishing) reloads
    // the page's data: the unsaved choice stays.
    await callApi(atlas.url, 'views.savedViews.save', { name: 'elsewhere', query: 'grade=A' });
    await callApi(atlas.url, 'views.savedViews.delete', { name: 'elsewhere' });
    await page.waitForTimeout(500);
    await expect(henan).toHaveValue('华北');
    await page.getByTestId('sr-save').click();
    await expect(page.getByTestId('sales-regions-settings')).toContainText('大区划分已保存');
    await page.screenshot({ path: artifactPath('views-settings-sales-regions-zh-CN-1366.png'), fullPage: true });
    try {
      await page.goto(`${atlas.url}#/customers?region=${encodeURIComponent('华北')}&province=${encodeURIComponent('河南省')}`);
      expect(await customerCount(page)).toBeGreaterThan(0);
      const view = (await callApi(atlas.url, 'views.regions', {
        filter: { salesRegions: [], provinces: ['河南省'], cities: [], accountManagers: [], productLines: [], customerTypes: [], grades: [], lifecycles: [], segment: null, tags: { mode: 'any', ids: [] }, search: '' },
        level: 'province',
        metric: 'customers',
      })) as { salesRegions: { name: string }[] };
      expect(view.salesRegions.map((r) => r.name)).toEqual(['华北']);
    } finally {
      await callApi(atlas.url, 'views.salesRegions.set', { mapping: null });
    }
    expect(problems).toEqual([]);
  });

  test('screenshots of each page in both languages and two sizes', async ({ page, atlas }) => {
    test.setTimeout(180_000);
    const problems = collectProblems(page);
    await page.goto(`${atlas.url}#/segments`);
    for (const language of ['zh-CN', 'en'] as const) {
      await chooseLanguage(page, language);
      for (const [w, h] of [
        [1366, 768],
        [1920, 1080],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        for (const pageId of ['segments', 'regions', 'customers'] as const) {
          await page.getByTestId(`nav-${pageId}`).click();
          await expect(page.getByTestId(`page-${pageId}`)).toBeVisible();
          if (pageId === 'customers') await expect(page.getByTestId('cust-table-row').first()).toBeVisible();
          else await expect(page.locator('canvas').first()).toBeVisible();
          await page.waitForTimeout(600);
          await page.screenshot({ path: artifactPath(`views-${pageId}-${language}-${w}.png`), fullPage: pageId !== 'customers' });
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

test('a customer named like an HTML tag shows as text everywhere', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-xss-'));
  const workspace = path.join(dir, 'xss.atlas');
  const name = '<img src=x onerror=alert(1)>';
  fs.writeFileSync(
    path.join(dir, 'customers.csv'),
    '\ufeff客户编码,客户名称,客户类型,行业,省份,城市,区县,地址,联系人,电话,客户经理,所属大区,建档日期\n' +
      `X1,${name},企业,建筑施工,江苏省,苏州市,,,,,<b>经理</b>,华东,2020/1/1\n` +
      'X2,正常客户,企业,建筑施工,<i>省</i>,,,,,,王经理,华东,2020/1/1\n',
  );
  fs.writeFileSync(path.join(dir, 'orders.csv'), '\ufeff合同编号,客户编码,下单日期,产品线,数量,金额\nO1,X1,2024/3/1,挖掘机,1,500000\nO2,X2,2024/5/1,挖掘机,1,300000\n');
  runAtlas(['import', path.join(dir, 'customers.csv'), '--workspace', workspace, '--kind', 'customers']);
  try {
    runAtlas(['import', path.join(dir, 'orders.csv'), '--workspace', workspace, '--kind', 'orders']);
  } catch {
    // Orders are optional here: the name must show as text with or without scores.
  }
  const child = spawn(process.execPath, [path.join(repoRoot, 'main/cli/atlas.mjs'), 'web', '--port', '0', '--data-dir', path.join(dir, 'data'), '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(out)), 60_000);
      const onData = (d: Buffer): void => {
        out += d.toString();
        const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
    });
    const problems = collectProblems(page);
    await page.goto(`${url}#/customers`);
    await expect(page.getByTestId('cust-table-row').getByText(name, { exact: true }).first()).toBeVisible();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await expect(page.getByTestId('cust-table-row').getByText('<b>经理</b>', { exact: true }).first()).toBeVisible();
    await page.getByTestId('cust-table-row').getByText(name, { exact: true }).first().click();
    await expect(page.getByTestId('dossier-header')).toContainText(name);
    await page.getByTestId('nav-regions').click();
    await expect(page.getByTestId('page-regions')).toBeVisible();
    await expect(page.getByTestId('reg-table')).toContainText('江苏');
    // The unmatched province '<i>省</i>' is listed as text; assign it to 江苏省 / 南京市 by hand.
    const unmatched = page.locator('[data-testid="fix-unmatched-item"][data-raw="<i>省</i>"]');
    await expect(unmatched).toBeVisible();
    expect(await page.locator('i:text("省")').count()).toBe(0);
    await unmatched.getByTestId('fix-assign').click();
    await page.getByTestId('fix-province').selectOption('江苏省');
    await page.getByTestId('fix-city').selectOption('南京市');
    await page.getByTestId('fix-apply').click();
    await expect(page.getByTestId('fix-list')).toContainText('<i>省</i>');
    await expect(unmatched).toHaveCount(0);
    await page.screenshot({ path: artifactPath('views-regions-fixed-1366.png') });
    expect(await callApi(url, 'views.regionFixes.list')).toMatchObject({ unmatched: [], fixes: [{ raw: '<i>省</i>', province: '江苏省', city: '南京市', customers: 1 }] });
    await page.getByTestId('nav-segments').click();
    await expect(page.getByTestId('page-segments')).toBeVisible();
    const canvas = page.getByTestId('seg-grid-chart');
    if (await canvas.isVisible()) {
      const box = (await canvas.boundingBox())!;
      for (let x = 0.1; x < 1; x += 0.2) await canvas.hover({ position: { x: box.width * x, y: box.height * 0.85 } });
    }
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('b:text("经理")').count()).toBe(0);
    await page.screenshot({ path: artifactPath('views-escaping-1366.png') });
    expect(problems.filter((p) => p.startsWith('dialog'))).toEqual([]);
  } finally {
    // Wait for the server to exit: its autosave (after the region fix) writes into `dir`.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
