/**
 * The "where to write" dialog of the workspace menu (Save as), in both languages: the path
 * field is focused with only the file name selected (typing replaces it, the folder and the
 * extension stay), and Escape closes it without doing anything.
 */
import { artifactPath, chooseLanguage, expect, test } from './atlas-fixture.ts';
test('Save as: the file name is selected for typing over, and Escape closes the dialog', async ({ page, atlas }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${atlas.url}#/overview`);
  for (const language of ['zh-CN', 'en'] as const) {
    await chooseLanguage(page, language);
    await page.getByTestId('workspace-menu').click();
    await page.getByTestId('workspace-save-as').click();
    const input = page.getByTestId('path-dialog').locator('input');
    await expect(input).toBeFocused();
    // (The node config has no DOM types: the element is read through its properties.)
    const [value, start, end] = await input.evaluate((el) => {
      const field = el as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return [field.value, field.selectionStart, field.selectionEnd] as const;
    });
    expect(value.slice(0, start)).toMatch(/\/$/);
    expect(value.slice(start, end)).toMatch(/^demo-/);
    expect(value.slice(end)).toBe('.atlas');
    await page.screenshot({ path: artifactPath(`path-dialog-${language}.png`) });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('path-dialog')).toHaveCount(0);
  }
});
