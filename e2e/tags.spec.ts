import type { Page } from '@playwright/test';
import { artifactPath, chooseLanguage, collectProblems, expect, test } from './atlas-fixture.ts';

const TAG = 'high-purchasing-power';



async function numberOf(page: Page, testId: string, attribute = 'data-value'): Promise<number> {
  const value = await page.getByTestId(testId).getAttribute(attribute);
  return Number(value);
}

async function settledPreview(page: Page): Promise<number> {
  const preview = page.getByTestId('rule-preview');
  await expect(preview).toHaveAttribute('data-pending', 'false');
  return Number(await preview.getAttribute('data-count'));
}

test.describe('Tags and analysis settings in browser mode', () => {
  test('editing a tag rule updates the matching count as you type, saves, and the Overview follows', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(atlas.url);
    await chooseLanguage(page, 'en');
    const overviewTag = page.getByTestId(`overview-tag-${TAG}`);
    await expect(overviewTag).toBeVisible();
    const before = await numberOf(page, `overview-tag-${TAG}`);
    expect(before).toBeGreaterThan(0);
    const gradeA = await numberOf(page, 'overview-grade-A');
    expect(gradeA).toBeGreaterThan(0);

    await page.getByTestId('nav-tags').click();
    await page.getByTestId(`tag-node-${TAG}`).click();
    await expect(page.getByTestId('tag-detail-name')).toContainText('High purchasing power');
    await expect(page.getByTestId('tag-stat-count')).toHaveAttribute('data-value', String(before));
    expect(await settledPreview(page)).toBe(before);

    // An empty value is a problem shown at its place, and the rule cannot be saved.
    const value = page.getByTestId('rule-value-all[0]');
    await value.fill('');
    await expect(page.getByTestId('rule-issues-all[0]')).toBeVisible();
    await expect(page.getByTestId('rule-preview')).toHaveAttribute('data-count', '');
    await expect(page.getByTestId('tag-save')).toBeDisabled();

    // Top 20 % → top 35 %: more customers match, counted while editing.
    await value.fill('35');
    await expect(page.getByTestId('rule-issues-all[0]')).toHaveCount(0);
    const after = await settledPreview(page);
    expect(after).toBeGreaterThan(before);

    // A second condition narrows it again, before saving.
    await page.getByTestId('rule-add-condition-root').click();
    await page.getByTestId('rule-metric-all[1]').selectOption('frequency');
    await page.getByTestId('rule-op-all[1]').selectOption('ge');
    await page.getByTestId('rule-value-all[1]').fill('2');
    const narrowed = await settledPreview(page);
    expect(narrowed).toBeLessThanOrEqual(after);
    await page.getByTestId('rule-remove-all[1]').click();
    expect(await settledPreview(page)).toBe(after);
    await page.screenshot({ path: artifactPath('tags-rule-editor-en.png'), fullPage: true });

    await page.getByTestId('tag-save').click();
    await expect(page.getByTestId('tag-stat-count')).toHaveAttribute('data-value', String(after));
    await expect(page.getByTestId(`tag-count-${TAG}`)).toHaveAttribute('data-value', String(after));
    await expect(page.getByTestId('tag-stat-change')).toContainText(`+${after - before}`);

    await page.getByTestId('nav-overview').click();
    await expect(page.getByTestId(`overview-tag-${TAG}`)).toHaveAttribute('data-value', String(after));
    await page.getByTestId('overview-analytics').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('overview-analytics-en.png') });
    expect(problems).toEqual([]);
  });

  test('settings → analysis re-scores: 3 bins for R, thresholds shown; screenshots in both languages', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.goto(atlas.url);
    for (const language of ['zh-CN', 'en'] as const) {
      await chooseLanguage(page, language);
      await page.getByTestId('nav-tags').click();
      await page.getByTestId(`tag-node-${TAG}`).click();
      await settledPreview(page);
      await page.screenshot({ path: artifactPath(`tags-library-${language}.png`), fullPage: true });
      await page.getByTestId('tags-tab-overlap').click();
      await expect(page.getByTestId('overlap-matrix')).toBeVisible();
      await page.screenshot({ path: artifactPath(`tags-overlap-${language}.png`), fullPage: true });
      await page.getByTestId('tags-tab-grades').click();
      await page.getByTestId('grade-edit-0').click();
      await expect(page.getByTestId('grade-rule-0').getByTestId('rule-editor')).toBeVisible();
      await page.getByTestId('grade-rule-0').scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifactPath(`tags-grades-${language}.png`), fullPage: true });
      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('settings-bands-r')).toBeVisible();
      await page.screenshot({ path: artifactPath(`settings-analysis-${language}.png`), fullPage: true });
    }

    await expect(page.getByTestId('settings-bands-r').locator('tbody tr')).toHaveCount(5);
    await page.getByTestId('settings-bins-r').selectOption('3');
    await expect(page.getByTestId('settings-status')).toContainText('Re-scored');
    await expect(page.getByTestId('settings-bands-r').locator('tbody tr')).toHaveCount(3);
    await page.getByTestId('settings-method-thresholds').click();
    await expect(page.getByTestId('settings-cut-r-1')).toBeVisible();
    await expect(page.getByTestId('settings-thresholds-used')).toHaveAttribute('data-method', 'thresholds');
    await page.getByTestId('settings-cut-r-1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('settings-thresholds-en.png') });
    await expect(page.getByTestId('settings-bands-r').locator('tbody tr')).toHaveCount(3);
    // Business cuts for R (3 bins: at most 90 / 180 days): the best score holds 0–90 days.
    await expect(page.getByTestId('settings-bands-r').locator('tbody tr').first()).toContainText('0 days');
    await page.getByTestId('settings-monetary-average').click();
    await expect(page.getByTestId('settings-thresholds-used')).toHaveAttribute('data-monetary', 'average');
    await expect(page.getByTestId('settings-m-statement')).toContainText('average');
    await page.getByTestId('nav-overview').click();
    await expect(page.getByTestId('overview-m-statement')).toContainText('average');
    expect(problems).toEqual([]);
  });
});
