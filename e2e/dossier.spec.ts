/**
 * The dossier end to end: open it from the Customers page (personal data masked until the
 * toggle), write a visit note, print it to PDF in browser mode, turn the PDF into PNGs
 * (pdftoppm) and read it back (pdftotext): pages, Chinese text, masking, no table row split
 * across pages. A visit list built from the current filter prints as one PDF with a cover page
 * and exports to Excel with phones masked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { formatIsoDate } from '../shared/format/dates.ts';
import { artifactPath, callApi, chooseLanguage, collectProblems, expect, test } from './atlas-fixture.ts';

interface DossierJson {
  header: { id: number; name: string; phone: string | null; code: string };
  ticketCounts: { total: number };
  equipment: { serial: string; model: string }[];
  tickets: { openedDate: string; description: string | null }[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-dossier-e2e-'));

function pdfPages(file: string): string[] {
  // pdftotext separates pages with a form feed.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
}

function pngs(file: string, prefix: string): string[] {
  const out = path.join(tmp, prefix);
  execFileSync('pdftoppm', ['-png', '-r', '80', file, out]);
  const files = fs.readdirSync(tmp).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png')).sort();
  for (const f of files) fs.copyFileSync(path.join(tmp, f), artifactPath(`${prefix}-${f.slice(prefix.length + 1)}`));
  return files;
}

test.describe('dossier', () => {
  test('open from the Customers page, unmask, note, print to PDF', async ({ page, atlas }) => {
    test.setTimeout(180_000);
    const problems = collectProblems(page);
    await page.goto(`${atlas.url}#/customers`);
    await chooseLanguage(page, 'zh-CN');
    const row = page.getByTestId('cust-table-row').first();
    await expect(row).toBeVisible();
    const rowText = await row.innerText();
    await row.click();
    await expect(page.getByTestId('page-dossier')).toBeVisible();
    const name = await page.getByTestId('dossier-name').innerText();
    expect(rowText).toContain(name);
    expect(page.url()).toMatch(/#\/dossier\/\d+/);
    const id = Number(/#\/dossier\/(\d+)/.exec(page.url())![1]);
    const shown = (await callApi(atlas.url, 'dossier.get', { customerId: id, personalData: 'shown' })) as DossierJson;

    // Masked by default; the toggle shows the phone, and un-checking masks it again.
    await expect(page.getByTestId('dossier-phone')).toContainText('****');
    await page.getByTestId('dossier-unmask').check();
    await expect(page.getByTestId('dossier-phone')).toHaveText(shown.header.phone!);
    await page.getByTestId('dossier-unmask').uncheck();
    await expect(page.getByTestId('dossier-phone')).toContainText('****');
    await expect(page.getByTestId('dossier-document')).toHaveAttribute('data-personal-data', 'masked');

    // A visit note with its date, kept in the workspace.
    await page.getByTestId('dossier-note-date').fill('2026-11-20');
    await page.getByTestId('dossier-note-text').fill('带新款 SY215C 样册，约下周试机');
    await page.getByTestId('dossier-note-save').click();
    await expect(page.getByTestId('dossier-notes-list')).toContainText('带新款 SY215C 样册');
    const again = (await callApi(atlas.url, 'dossier.get', { customerId: id })) as { notes: { date: string; text: string }[] };
    expect(again.notes[0]).toMatchObject({ date: '2026-11-20', text: '带新款 SY215C 样册，约下周试机' });
    await page.screenshot({ path: artifactPath('dossier-page-zh-CN-1366.png'), fullPage: true });

    // Print / Save PDF: browser mode asks for the path.
    const out = path.join(tmp, 'first.pdf');
    await page.getByTestId('dossier-print').click();
    await page.getByTestId('dossier-print-target-path').fill(out);
    await page.getByTestId('dossier-print-target-go').click();
    await expect(page.getByTestId('dossier-print-path')).toHaveText(out, { timeout: 120_000 });
    const pages = pdfPages(out);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const all = pages.join('\n');
    expect(all).toContain(name);
    for (const heading of ['关键指标', '客户标签', '建议行动', '购买记录', '回款与逾期', '服务记录', '拜访记录']) expect(all).toContain(heading);
    expect(all).toContain('带新款 SY215C 样册');
    // Masked in the PDF too.
    if (shown.header.phone) expect(all).not.toContain(shown.header.phone);
    expect(all.replace(/\s+/g, '')).toMatch(/第1页\/共\d页/);
    expect(pngs(out, 'dossier-first-zh-CN').length).toBe(pages.length);
    expect(problems).toEqual([]);
  });

  test('a long-history customer prints in both languages without splitting a table row', async ({ atlas }) => {
    test.setTimeout(180_000);
    // The customer with the longest service history among those with high repair demand.
    const list = (await callApi(atlas.url, 'dossier.lists.save', { name: 'repairs', filter: 'tag=high-repair-demand', order: 'priority', replace: true })) as {
      members: { id: number }[];
    };
    let best: DossierJson | null = null;
    for (const { id } of list.members.slice(0, 30)) {
      const d = (await callApi(atlas.url, 'dossier.get', { customerId: id })) as DossierJson;
      if (!best || d.ticketCounts.total > best.ticketCounts.total) best = d;
    }
    await callApi(atlas.url, 'dossier.lists.delete', { name: 'repairs' });
    expect(best!.ticketCounts.total).toBeGreaterThan(20);
    for (const language of ['zh-CN', 'en'] as const) {
      const out = path.join(tmp, `long-${language}.pdf`);
      const result = (await callApi(atlas.url, 'dossier.print', { customerId: best!.header.id, language, path: out })) as { pages: number };
      const pages = pdfPages(out);
      expect(pages.length).toBe(result.pages);
      expect(pages.length).toBeLessThanOrEqual(3);
      const all = pages.join('\n');
      expect(all).toContain(best!.header.name);
      expect(all).toContain(language === 'en' ? 'Service history' : '服务记录');
      // No table row split across pages: each printed row's cells (first and last) share one line of one page.
      const lines = pages.map((p) => p.split('\n'));
      const printedTickets = best!.tickets.slice(0, 10).filter((t) => t.description);
      for (const ticket of printedTickets) {
        const day = formatIsoDate(ticket.openedDate, language);
        const hits = lines.flatMap((page, i) => page.filter((line) => line.includes(day) && line.includes(ticket.description!)).map(() => i));
        expect(hits.length, `ticket ${ticket.openedDate} ${ticket.description}`).toBeGreaterThanOrEqual(1);
      }
      for (const unit of best!.equipment.slice(0, 8)) {
        const hits = lines.flatMap((page, i) => page.filter((line) => line.includes(unit.serial) && line.includes(unit.model)).map(() => i));
        expect(hits, `${unit.serial}`).toHaveLength(1);
      }
      pngs(out, `dossier-long-${language}`);
    }
  });

  test('a visit list from the current filter: cover page + every dossier in one PDF, Excel export masked', async ({ page, atlas }) => {
    test.setTimeout(240_000);
    const problems = collectProblems(page);
    await page.goto(`${atlas.url}#/customers?grade=A&province=${encodeURIComponent('江苏省')}`);
    await chooseLanguage(page, 'zh-CN');
    await expect(page.getByTestId('cust-table-row').first()).toBeVisible();
    const count = Number(await page.getByTestId('cust-count').getAttribute('data-value'));
    expect(count).toBeGreaterThan(1);
    await page.getByTestId('visit-create-open').click();
    await page.getByTestId('visit-create-name').fill('江苏 A 类拜访');
    await page.getByTestId('visit-create-order').selectOption('city');
    await page.getByTestId('visit-create-go').click();
    await expect(page.getByTestId('page-visits')).toBeVisible();
    await expect(page.getByTestId('visits-name')).toHaveText('江苏 A 类拜访');
    await expect(page.getByTestId('visits-member')).toHaveCount(Math.min(count, 2000));
    await page.screenshot({ path: artifactPath('visits-page-zh-CN-1366.png'), fullPage: true });

    // Trim to 6 customers for the print (remove the rest through the API the page uses).
    const list = (await callApi(atlas.url, 'dossier.lists.get', { name: '江苏 A 类拜访' })) as { members: { id: number; city: string | null; phone: string | null }[] };
    const keep = list.members.slice(0, 6).map((m) => m.id);
    await callApi(atlas.url, 'dossier.lists.setMembers', { name: '江苏 A 类拜访', customerIds: keep });
    await page.reload();
    await expect(page.getByTestId('visits-member')).toHaveCount(6);

    const out = path.join(tmp, 'visits.pdf');
    await page.getByTestId('visits-print').click();
    await page.getByTestId('visits-print-target-path').fill(out);
    await page.getByTestId('visits-print-target-go').click();
    await expect(page.getByTestId('visits-print-path')).toHaveText(out, { timeout: 180_000 });
    const pages = pdfPages(out);
    expect(pages.length).toBeGreaterThanOrEqual(7);
    expect(pages[0]).toContain('江苏 A 类拜访');
    expect(pages[0]).toContain('客户清单');
    expect(pngs(out, 'visits-cover-zh-CN')[0]).toBeDefined();

    // Excel: phones masked unless asked.
    const xlsx = path.join(tmp, 'visits.xlsx');
    await page.getByTestId('visits-export').click();
    await page.getByTestId('visits-export-target-path').fill(xlsx);
    await page.getByTestId('visits-export-target-go').click();
    await expect(page.getByTestId('visits-export-path')).toHaveText(xlsx, { timeout: 60_000 });
    const book = XLSX.read(fs.readFileSync(xlsx));
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const grid = XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null });
    const header = grid.findIndex((r) => r.includes('电话'));
    const phoneCol = grid[header]!.indexOf('电话');
    const phones = grid.slice(header + 1).map((r) => r[phoneCol]).filter((v): v is string => typeof v === 'string');
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).toContain('****');
    expect(problems).toEqual([]);
  });
});
