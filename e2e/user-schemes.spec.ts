/**
 * A segment scheme of the user's own on the Segments page in browser mode: defined through the
 * call Settings makes, picked on the Segments page (its segments, names and colours; counts
 * summing to the scored customers), used as the shared filter (chips, URL, the Customers
 * count), saved in a view — then deleted, and every place that used it falls back without a
 * blank page. The Regions page's segment share follows the scheme. Screenshots of the page
 * with the scheme chosen, in both languages at 1366×768.
 */
import type { Page } from '@playwright/test';
import { artifactPath, callApi, chooseLanguage, collectProblems, expect, test } from './atlas-fixture.ts';
import { emptyFilter } from '../shared/filters/index.ts';
import { KEY_ACCOUNTS } from '../shared/analytics/key-accounts.test-support.ts';

const SEGMENT_IDS = ['key-active', 'key-slipping', 'small-recent', 'rest'];
const SAVED_VIEW = 'Slipping key accounts';

async function removeLeftovers(url: string): Promise<void> {
  const schemes = (await callApi(url, 'analytics.schemes.get')) as { scheme: { id: string } }[];
  if (schemes.some((s) => s.scheme.id === KEY_ACCOUNTS.id)) await callApi(url, 'analytics.schemes.delete', { id: KEY_ACCOUNTS.id });
  const views = (await callApi(url, 'views.savedViews.list')) as { name: string }[];
  if (views.some((v) => v.name === SAVED_VIEW)) await callApi(url, 'views.savedViews.delete', { name: SAVED_VIEW });
}

/** Customers per segment as the summary table shows them (data-value of the count cell). */
async function summaryCounts(page: Page): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const id of SEGMENT_IDS) {
    const row = page.getByTestId(`seg-row-${id}`);
    if ((await row.count()) === 0) continue;
    counts.set(id, Number(await row.locator('td').nth(1).getAttribute('data-value')));
  }
  return counts;
}

async function summaryTotal(page: Page): Promise<number> {
  return Number((await page.getByTestId('seg-total-customers').innerText()).replace(/[^0-9]/g, ''));
}

async function customerCount(page: Page): Promise<number> {
  await expect(page.getByTestId('cust-table-row').first().or(page.getByText(/No customers match|没有符合/).first())).toBeVisible();
  return Number(await page.getByTestId('cust-count').getAttribute('data-value'));
}

test.describe('User-defined segment schemes in the views', () => {
  test.beforeEach(async ({ atlas }) => removeLeftovers(atlas.url));
  // The server is shared with the next spec: leave no scheme or saved view behind.
  test.afterEach(async ({ atlas }) => removeLeftovers(atlas.url));

  test('pick a scheme of your own, filter by one of its segments, and survive its deletion', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await callApi(atlas.url, 'analytics.schemes.save', { scheme: KEY_ACCOUNTS });
    const scored = ((await callApi(atlas.url, 'analytics.summary')) as { scored: number }).scored;
    expect(scored).toBeGreaterThan(100);

    await page.goto(`${atlas.url}#/segments`);
    await chooseLanguage(page, 'en');
    await expect(page.getByTestId('seg-scheme-rfm8')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('seg-scheme-custom').selectOption(KEY_ACCOUNTS.id);
    await expect(page.getByTestId('seg-scheme-custom')).toHaveClass(/is-active/);
    await expect(page.getByTestId('seg-scheme-rfm8')).toHaveAttribute('aria-pressed', 'false');

    // Its own segments, by name, each counted; together every scored customer, once.
    await expect(page.getByTestId('seg-row-key-slipping')).toContainText('Key accounts, slipping');
    await expect(page.getByTestId('seg-row-important-value')).toHaveCount(0);
    const counts = await summaryCounts(page);
    expect([...counts.keys()]).toEqual(SEGMENT_IDS);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(scored);
    expect(await summaryTotal(page)).toBe(scored);
    // Its colours: the dot of each row is the scheme's colour.
    await expect(page.getByTestId('seg-row-key-slipping').locator('.views-dot')).toHaveCSS('background-color', 'rgb(207, 34, 46)');
    await expect(page.getByTestId('seg-grid-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('seg-treemap-chart').locator('canvas')).toBeVisible();
    for (const language of ['en', 'zh-CN'] as const) {
      await chooseLanguage(page, language);
      await expect(page.getByTestId('seg-row-key-slipping')).toContainText(language === 'en' ? 'Key accounts, slipping' : '大客户·下滑');
      await expect(page.getByTestId('seg-scheme-custom').locator('option:checked')).toHaveText(language === 'en' ? 'Key account watch' : '大客户关注');
      // The treemap redraws its labels in a short transition of its own.
      await page.waitForTimeout(1200);
      await page.screenshot({ path: artifactPath(`segments-user-scheme-${language}.png`) });
      await page.getByTestId('seg-summary').scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifactPath(`segments-user-scheme-summary-${language}.png`) });
      await page.getByTestId('page-segments').locator('.page-header').scrollIntoViewIfNeeded();
    }
    await chooseLanguage(page, 'en');

    // Filter by one of its segments: a chip with its name, the URL, and the page follows.
    await page.getByTestId('filter-bar-scheme').selectOption(KEY_ACCOUNTS.id);
    await page.getByTestId('filter-bar-segment').selectOption('key-slipping');
    await expect(page.getByTestId('filter-bar-chip')).toHaveText(/Segment: Key accounts, slipping/);
    expect(decodeURIComponent(page.url())).toContain('scheme=key-accounts&segment=key-slipping');
    const slipping = counts.get('key-slipping')!;
    await expect.poll(() => summaryTotal(page)).toBe(slipping);
    await expect(page.getByTestId('seg-row-key-active')).toHaveCount(0);

    // The Customers page lists exactly that segment's customers.
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => customerCount(page)).toBe(slipping);
    // A reload keeps it: the filter lives in the URL.
    await page.reload();
    await expect.poll(() => customerCount(page)).toBe(slipping);
    await expect(page.getByTestId('filter-bar-chip')).toHaveText(/Key accounts, slipping/);

    // Saved as a view, for later.
    await page.getByTestId('filter-bar-save-view').click();
    await page.getByTestId('filter-bar-view-name').fill(SAVED_VIEW);
    await page.getByTestId('filter-bar-view-save').click();
    await expect(page.getByTestId('filter-bar-saved')).toHaveAttribute('data-name', SAVED_VIEW);

    // The reload started the page afresh: choose the scheme again, then delete it in Settings.
    await page.getByTestId('nav-segments').click();
    await page.getByTestId('seg-scheme-custom').selectOption(KEY_ACCOUNTS.id);
    await expect(page.getByTestId('seg-row-key-slipping')).toBeVisible();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId(`scheme-item-${KEY_ACCOUNTS.id}`).click();
    await page.getByTestId('scheme-delete').click();
    await page.getByTestId('scheme-delete').click();
    await expect(page.getByTestId(`scheme-item-${KEY_ACCOUNTS.id}`)).toHaveCount(0);

    // The Segments page falls back to the 8-class scheme and says why; the filter loses the
    // segment condition it can no longer apply and says so; the page shows every scored customer.
    await page.getByTestId('nav-segments').click();
    await expect(page.getByTestId('seg-scheme-rfm8')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('seg-scheme-gone')).toContainText('Key account watch');
    await expect(page.getByTestId('filter-bar-notice')).toContainText('Key account watch');
    await expect(page.getByTestId('filter-bar-chip')).toHaveCount(0);
    expect(page.url()).not.toContain('scheme=');
    await expect.poll(() => summaryTotal(page)).toBe(scored);
    await expect(page.getByTestId('seg-row-important-value')).toBeVisible();
    await expect(page.getByTestId('seg-scheme-custom')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: artifactPath('segments-scheme-deleted-en.png') });
    await page.getByTestId('seg-scheme-gone').getByRole('button').click();
    await expect(page.getByTestId('seg-scheme-gone')).toHaveCount(0);

    // The saved view still names the deleted scheme: applying it keeps its other conditions
    // (none here) and drops the segment one, on a page that still shows its data.
    await page.getByTestId('filter-bar-saved').locator('.fchip-apply').click();
    await expect(page.getByTestId('filter-bar-notice')).toBeVisible();
    await expect(page.getByTestId('filter-bar-chip')).toHaveCount(0);
    await expect.poll(() => summaryTotal(page)).toBe(scored);
    // A bookmark of it opened in a fresh session (the name was never seen: the note gives the id):
    // the Customers page lists every customer, with no error.
    await page.goto('about:blank');
    await page.goto(`${atlas.url}#/customers?scheme=key-accounts&segment=key-slipping`);
    await expect.poll(() => customerCount(page)).toBe(atlas.info.counts['customers']);
    await expect(page.getByTestId('filter-bar-notice')).toContainText('key-accounts');
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('a scheme deleted elsewhere while the Segments page shows it falls back at once', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await callApi(atlas.url, 'analytics.schemes.save', { scheme: KEY_ACCOUNTS });
    await page.goto(`${atlas.url}#/segments`);
    await chooseLanguage(page, 'zh-CN');
    await page.getByTestId('seg-scheme-custom').selectOption(KEY_ACCOUNTS.id);
    await expect(page.getByTestId('seg-row-key-active')).toContainText('大客户·活跃');
    // Another window (or the CLI) deletes it: the page hears of the change and falls back.
    await callApi(atlas.url, 'analytics.schemes.delete', { id: KEY_ACCOUNTS.id });
    await expect(page.getByTestId('seg-scheme-rfm8')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('seg-scheme-gone')).toContainText('大客户关注');
    await expect(page.getByTestId('seg-row-important-value')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('the Regions page shows the share of a segment of the scheme the Segments page shows', async ({ page, atlas }) => {
    const problems = collectProblems(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await callApi(atlas.url, 'analytics.schemes.save', { scheme: KEY_ACCOUNTS });
    await page.goto(`${atlas.url}#/segments`);
    await chooseLanguage(page, 'en');
    await page.getByTestId('seg-scheme-custom').selectOption(KEY_ACCOUNTS.id);
    await page.getByTestId('nav-regions').click();
    await page.getByTestId('reg-metric').selectOption('segmentShare');
    await expect(page.getByTestId('reg-scheme')).toHaveValue(KEY_ACCOUNTS.id);
    await expect(page.getByTestId('reg-target').locator('option')).toHaveText(['Key accounts, active', 'Key accounts, slipping', 'Smaller buyers, recent', 'Everyone else']);
    await page.getByTestId('reg-target').selectOption('key-slipping');
    const expected = (await callApi(atlas.url, 'views.regions', {
      filter: emptyFilter,
      level: 'province',
      metric: 'segmentShare',
      scheme: KEY_ACCOUNTS.id,
      target: 'key-slipping',
    })) as { rows: { name: string; value: number | null; customers: number }[] };
    const biggest = [...expected.rows].sort((a, b) => b.customers - a.customers)[0]!;
    expect(biggest.value).toBeGreaterThan(0);
    await expect(page.getByTestId(`reg-row-${biggest.name}`).locator('td').nth(1)).toHaveAttribute('data-value', String(biggest.value));
    // Another scheme picked here: its segments, and the 8-class one's share.
    await page.getByTestId('reg-scheme').selectOption('rfm8');
    await expect(page.getByTestId('reg-target').locator('option').first()).toHaveText(/^Important/);
    await page.screenshot({ path: artifactPath('regions-segment-share-user-scheme-en.png') });
    expect(problems).toEqual([]);
  });
});
