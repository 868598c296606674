/**
 * Merging printed routes into one PDF: pages in route order whatever order the prints finish
 * in, progress per route, at most `concurrency` prints at once, and a cancel or a failed route
 * leaves no file. The printer here writes small real PDFs with pdf-lib (one page per route,
 * its route as the page's only text), standing in for Chromium, which the CLI and e2e tests
 * exercise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.ts';
import type { PdfPrinter } from './pdf-printer.ts';
import { cancelMainJob, finishMainJob, printRoutesToPdf, registerMainJob } from './print-job.ts';

let temp: { dir: string; cleanup: () => void };
beforeAll(() => void (temp = makeTempDir('print-job')));
afterAll(() => temp.cleanup());

async function pdfOf(route: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i += 1) doc.addPage([595, 842]).drawText(`${route}#${i + 1}`, { x: 50, y: 800, size: 12, font });
  doc.setTitle(route);
  return doc.save();
}

/** Route "r3" prints 1 page, "r3x2" 2 pages; later routes finish first (reverse delays). */
function printer(options: { fail?: string; onPrint?: (route: string) => void } = {}): PdfPrinter & { peak: number } {
  let running = 0;
  const state = {
    concurrency: 2,
    peak: 0,
    async print(route: string) {
      running += 1;
      state.peak = Math.max(state.peak, running);
      options.onPrint?.(route);
      await new Promise((resolve) => setTimeout(resolve, route.endsWith('1') ? 30 : 5));
      running -= 1;
      if (route === options.fail) throw new Error(`cannot print ${route}`);
      return pdfOf(route, route.includes('x2') ? 2 : 1);
    },
    async close() {},
  };
  return state;
}

describe('printRoutesToPdf', () => {
  it('merges every route in order, with progress, never more than the printer’s concurrency at once', async () => {
    const out = path.join(temp.dir, 'list.pdf');
    const p = printer();
    const progress: string[] = [];
    const result = await printRoutesToPdf({
      printer: p,
      routes: ['cover', 'r1', 'r2x2', 'r3'],
      path: out,
      title: '拜访清单 · 测试',
      language: 'zh-CN',
      onProgress: (phase, done, total) => progress.push(`${phase} ${done}/${total}`),
    });
    expect(result.pages).toBe(5);
    expect(result.pagesPerRoute).toEqual([1, 1, 2, 1]);
    expect(p.peak).toBe(2);
    expect(progress).toEqual(['dossier.print 0/4', 'dossier.print 1/4', 'dossier.print 2/4', 'dossier.print 3/4', 'dossier.print 4/4', 'dossier.merge 0/1', 'dossier.merge 1/1']);
    const merged = await PDFDocument.load(fs.readFileSync(out));
    expect(merged.getPageCount()).toBe(5);
    expect(merged.getTitle()).toBe('拜访清单 · 测试');
    expect(result.bytes).toBe(fs.statSync(out).size);
  });

  it('stops on cancel between routes and writes nothing', async () => {
    const out = path.join(temp.dir, 'cancelled.pdf');
    const controller = registerMainJob('job-1');
    const printed: string[] = [];
    const routes = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const run = printRoutesToPdf({
      printer: printer({ onPrint: (r) => printed.push(r) }),
      routes,
      path: out,
      title: 't',
      language: 'en',
      signal: controller.signal,
      onProgress: (_phase, done) => {
        if (done === 3) expect(cancelMainJob('job-1')).toBe(true);
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    finishMainJob('job-1');
    expect(cancelMainJob('job-1')).toBe(false);
    expect(printed.length).toBeLessThan(routes.length);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a route that fails fails the job and writes nothing', async () => {
    const out = path.join(temp.dir, 'failed.pdf');
    await expect(
      printRoutesToPdf({ printer: printer({ fail: 'r2' }), routes: ['r1', 'r2', 'r3'], path: out, title: 't', language: 'en' }),
    ).rejects.toThrow(/cannot print r2/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
