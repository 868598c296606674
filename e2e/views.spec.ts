/**
 * Segments, Regions and Customers in browser mode on the demo workspace: filters apply to
 * every page, a grid cell lists its customers, a province drills into its cities, a customer
 * opens its dossier panel; an imported customer named like an HTML tag stays text; screenshots
 * of each page in both languages at 1366×768 and 1920×1080.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { artifactPath, chooseLanguage, collectProblems, expect, repoRoot, runAtlas, test } from './atlas-fixture.ts';



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

    // Open a customer: the dossier panel shows its name.
    const firstName = await page.getByTestId('cust-table-row').first().innerText();
    await page.getByTestId('cust-table-row').first().click();
    await expect(page.getByTestId('dossier-panel')).toBeVisible();
    expect(firstName).toContain(await page.getByTestId('dossier-name').innerText());
    await page.getByTestId('dossier-close').click();

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
      'X2,正常客户,企业,建筑施工,<i>省</i>,南京市,,,,,王经理,华东,2020/1/1\n',
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
    await expect(page.getByTestId('dossier-name')).toHaveText(name);
    await page.getByTestId('nav-regions').click();
    await expect(page.getByTestId('page-regions')).toBeVisible();
    await expect(page.getByTestId('reg-table')).toContainText('江苏');
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
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
