import type { Page } from '@playwright/test';
import { artifactPath, chooseLanguage, collectProblems, expect, test } from './atlas-fixture.ts';

const KINDS = ['customers', 'orders', 'payments', 'opportunities', 'tickets', 'surveys', 'equipment'] as const;



test.describe('Overview in browser mode', () => {
  test('shows the same numbers as `atlas info` on the same workspace', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(atlas.url);
    await expect(page.getByTestId('workspace-name')).toContainText('demo.atlas');
    for (const kind of KINDS) {
      const card = page.getByTestId(`overview-count-${kind}`);
      await expect(card).toHaveAttribute('data-value', String(atlas.info.counts[kind]));
    }
    await expect(page.getByTestId('overview-total-revenue')).toHaveAttribute('data-value', String(atlas.info.totalRevenue));
    const range = page.getByTestId('overview-date-range');
    await chooseLanguage(page, 'en');
    // The English range shows both ends as the CLI reports them (ISO order of y/m/d).
    const [fromY, fromM] = atlas.info.orderDateRange!.from.split('-');
    const [toY] = atlas.info.orderDateRange!.to.split('-');
    await expect(range).toContainText(fromY!);
    await expect(range).toContainText(toY!);
    expect(fromM).toBeTruthy();
    // The chart drew something: ECharts renders into a canvas or SVG inside the container.
    await expect(page.getByTestId('overview-chart').locator('canvas, svg').first()).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('switches language everywhere and remembers the choice', async ({ page, atlas }) => {
    await page.goto(atlas.url);
    await chooseLanguage(page, 'zh-CN');
    await expect(page.getByTestId('nav-overview')).toContainText('概览');
    await expect(page.getByTestId('nav-customers')).toContainText('客户');
    const customersZh = await page.getByTestId('overview-count-customers').innerText();
    await page.screenshot({ path: artifactPath('overview-zh-CN.png'), fullPage: true });

    await chooseLanguage(page, 'en');
    await expect(page.getByTestId('nav-overview')).toContainText('Overview');
    await expect(page.getByTestId('nav-customers')).toContainText('Customers');
    const customersEn = await page.getByTestId('overview-count-customers').innerText();
    expect(customersEn).not.toBe(customersZh === customersEn ? '' : customersZh);
    await page.screenshot({ path: artifactPath('overview-en.png'), fullPage: true });

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByTestId('nav-overview')).toContainText('Overview');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: artifactPath('overview-en-1920.png'), fullPage: true });
    await chooseLanguage(page, 'zh-CN');
    await page.screenshot({ path: artifactPath('overview-zh-CN-1920.png'), fullPage: true });
  });

  test('opening a file that is not a workspace shows a clear message and keeps the workspace', async ({ page, atlas }) => {
    await page.goto(atlas.url);
    await chooseLanguage(page, 'en');
    await page.getByTestId('workspace-menu').click();
    await page.getByTestId('workspace-open').click();
    const input = page.getByTestId('path-input');
    await input.fill(`${atlas.dataDir}/settings.json`);
    await page.getByTestId('path-confirm').click();
    await expect(page.getByTestId('error-banner')).toContainText('not a Customer Atlas workspace');
    await expect(page.getByTestId('workspace-name')).toContainText('demo.atlas');
    await expect(page.getByTestId('overview-count-customers')).toHaveAttribute('data-value', String(atlas.info.counts['customers']));
  });
});
