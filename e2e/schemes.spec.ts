import type { Page } from '@playwright/test';
import { artifactPath, callApi, chooseLanguage, collectProblems, expect, test } from './atlas-fixture.ts';

async function settledCoverage(page: Page): Promise<void> {
  await expect(page.getByTestId('scheme-coverage')).toHaveAttribute('data-pending', 'false');
}

async function countOf(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

test.describe('Segment scheme editor in browser mode', () => {
  test.afterEach(async ({ atlas }) => {
    // The server is shared with the next spec: put the shipped scheme back.
    await callApi(atlas.url, 'analytics.schemes.reset', { id: 'rfm11' });
  });

  test('editing the 11-class scheme shows live counts and problems by segment, saves, and the Segments page follows', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(atlas.url);

    for (const language of ['zh-CN', 'en'] as const) {
      await chooseLanguage(page, language);
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('scheme-item-rfm11').click();
      await settledCoverage(page);
      await page.getByTestId('settings-schemes').scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifactPath(`settings-schemes-${language}.png`), fullPage: true });
      await page.getByTestId('scheme-save').scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifactPath(`settings-schemes-bottom-${language}.png`) });
    }

    // The 8-class scheme: H/L flags per dimension, every scored customer counted once too.
    await page.getByTestId('scheme-item-rfm8').click();
    await settledCoverage(page);
    await expect(page.getByTestId('scheme-coverage')).toHaveAttribute('data-exact', 'true');
    await expect(page.getByTestId('scheme-seg-0-r')).toHaveValue('H');
    await page.getByTestId('settings-schemes').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('settings-schemes-rfm8-en.png') });
    await page.getByTestId('scheme-item-rfm11').click();
    await settledCoverage(page);

    // Every scored customer is in exactly one segment, counted live.
    await expect(page.getByTestId('scheme-coverage')).toHaveAttribute('data-exact', 'true');
    const champions = await countOf(page, 'scheme-seg-0-count');
    expect(champions).toBeGreaterThan(0);

    // Loosening Loyal to any R and FM swallows the segments after it (first match wins).
    await page.getByTestId('scheme-seg-1-fm').selectOption('any');
    await page.getByTestId('scheme-seg-1-r').selectOption('any');
    await settledCoverage(page);
    // Loyal now takes every scored customer not already a champion: the rest are empty.
    expect(await countOf(page, 'scheme-seg-2-count')).toBe(0);
    await expect(page.getByTestId('scheme-issue-warning').first()).toBeVisible();
    await page.getByTestId('scheme-discard').click();
    await settledCoverage(page);
    expect(await countOf(page, 'scheme-seg-0-count')).toBe(champions);

    // Rename Champions and widen it to FM 3–5: more customers, counted before saving.
    await page.getByTestId('scheme-seg-0-en').fill('Top buyers');
    await page.getByTestId('scheme-seg-0-fm').selectOption('3-5');
    await settledCoverage(page);
    const widened = await countOf(page, 'scheme-seg-0-count');
    expect(widened).toBeGreaterThan(champions);
    await expect(page.getByTestId('scheme-coverage')).toHaveAttribute('data-exact', 'true');

    // An empty name is a problem at its place; saving is refused until fixed.
    await page.getByTestId('scheme-seg-3-en').fill('');
    await expect(page.getByTestId('scheme-issues')).toContainText('Segment 4');
    await expect(page.getByTestId('scheme-save')).toBeDisabled();
    await page.getByTestId('scheme-seg-3-en').fill('New customers');
    await expect(page.getByTestId('scheme-save')).toBeEnabled();
    await page.getByTestId('scheme-issues').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('settings-schemes-edited-en.png') });

    await page.getByTestId('scheme-save').click();
    await expect(page.getByTestId('scheme-save')).toBeDisabled();

    await page.getByTestId('nav-segments').click();
    await expect(page.getByTestId('page-segments')).toBeVisible();
    await page.getByTestId('seg-scheme-rfm11').click();
    const row = page.getByTestId('seg-row-champions');
    await expect(row).toContainText('Top buyers');
    await expect(row.locator('td').nth(1)).toHaveAttribute('data-value', String(widened));

    // A new scheme from a copy, saved, then deleted again.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('scheme-item-rfm11').click();
    await page.getByTestId('scheme-new').click();
    await page.getByTestId('scheme-name-en').fill('Key accounts');
    await settledCoverage(page);
    await page.getByTestId('scheme-save').click();
    await expect(page.getByTestId('scheme-item-custom-1')).toContainText('Key accounts');
    await page.getByTestId('scheme-delete').click();
    await page.getByTestId('scheme-delete').click();
    await expect(page.getByTestId('scheme-item-custom-1')).toHaveCount(0);

    // The shipped scheme goes back to its defaults.
    await page.getByTestId('scheme-item-rfm11').click();
    await page.getByTestId('scheme-reset-defaults').click();
    await expect(page.getByTestId('scheme-seg-0-en')).toHaveValue('Champions');
    await settledCoverage(page);
    expect(await countOf(page, 'scheme-seg-0-count')).toBe(champions);
    expect(problems).toEqual([]);
  });

  test('the tag detail shows the coverage trend over scoring runs', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(atlas.url);
    await chooseLanguage(page, 'en');
    // Two runs with different settings: grace days 0 then 7 change 回款及时 (pays on time).
    const settings = ((await callApi(atlas.url, 'analytics.settings.get')) as { settings: Record<string, unknown> }).settings;
    await callApi(atlas.url, 'analytics.settings.set', { settings: { ...settings, paymentGraceDays: 0 } });
    await callApi(atlas.url, 'analytics.settings.set', { settings: { ...settings, paymentGraceDays: 7 } });
    await page.getByTestId('nav-tags').click();
    await page.getByTestId('tag-node-pays-on-time').click();
    const trend = page.getByTestId('tag-trend');
    await expect(trend).toBeVisible();
    const counts = (await trend.getAttribute('data-counts'))!.split(',').map(Number);
    expect(counts.length).toBeGreaterThanOrEqual(3);
    const [strict, graced] = counts.slice(-2) as [number, number];
    expect(graced).toBeGreaterThan(strict);
    await expect(page.getByTestId('tag-stat-count')).toHaveAttribute('data-value', String(graced));
    await expect(page.getByTestId('tag-trend-change')).toContainText(`+${(graced - strict).toLocaleString('en-US')} entered`);
    await expect(page.getByTestId('tag-trend-chart')).toBeVisible();
    await page.screenshot({ path: artifactPath('tags-trend-en.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
