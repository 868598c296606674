/**
 * The PdfPrinter of browser mode and the CLI: Debian's headless Chromium driven by
 * playwright-core (a runtime dependency for this reason; the test runner's own copy is a dev
 * dependency). Each page opens the browser-mode server's renderer once and moves between print
 * routes by changing the hash, so a visit list of hundreds of dossiers boots the renderer once
 * per page; three pages work at once (the others render while one's PDF is generated).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { AtlasError } from '../../shared/api/errors.ts';
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE } from './pdf-printer.ts';
import type { PdfPrinter } from './pdf-printer.ts';

/** What the printer touches in the page (this file is compiled without the DOM library). */
interface PageGlobals {
  document: { documentElement: { removeAttribute(name: string): void } };
  location: { hash: string; reload(): void };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const;

/** ATLAS_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env['ATLAS_CHROMIUM'] || '/usr/bin/chromium';
}

export interface ChromiumPrinterOptions {
  /** The browser-mode server's address, e.g. http://127.0.0.1:5190 */
  baseUrl: string;
  executablePath?: string;
  /** Milliseconds to wait for one route to render. */
  timeoutMs?: number;
  /** Open a fresh page after this many routes (default 100), so memory stays flat over long lists. */
  recycleAfter?: number;
  /**
   * Pages printing at once, default 3: while one page's PDF is generated the others render, and
   * on two cores three keep Chromium busy (200 dossiers here: two pages 65 s, three 50–56 s).
   */
  concurrency?: number;
}

export async function createChromiumPrinter(options: ChromiumPrinterOptions): Promise<PdfPrinter> {
  const executablePath = options.executablePath ?? chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new AtlasError('UNSUPPORTED', `Chromium not found at ${executablePath} (install chromium or set ATLAS_CHROMIUM)`, { path: executablePath });
  }
  const timeout = options.timeoutMs ?? 60_000;
  const recycleAfter = options.recycleAfter ?? 100;
  const browser: Browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout });
  const base = options.baseUrl.replace(/\/+$/, '');
  /** Pages not printing right now (a pool: concurrent print calls use one page each). */
  const idle: { page: Page; printed: number }[] = [];

  async function open(route: string): Promise<{ page: Page; printed: number }> {
    let slot = idle.pop();
    if (slot && slot.printed >= recycleAfter) {
      await slot.page.close();
      slot = undefined;
    }
    if (!slot) {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${base}/#${route}`, { timeout });
      return { page, printed: 0 };
    }
    await slot.page.evaluate(
      ([ready, hash]) => {
        const g = globalThis as unknown as PageGlobals;
        g.document.documentElement.removeAttribute(ready);
        if (g.location.hash === hash) g.location.reload();
        else g.location.hash = hash;
      },
      [PRINT_READY_ATTRIBUTE, `#${route}`] as const,
    );
    return slot;
  }

  async function render(p: Page, route: string): Promise<Uint8Array> {
    // A selector wait (no string evaluation: the page's CSP forbids eval).
    const root = await p.waitForSelector(`html[${PRINT_READY_ATTRIBUTE}=${JSON.stringify(route)}], html[${PRINT_ERROR_ATTRIBUTE}]`, {
      state: 'attached',
      timeout,
    });
    const error = await root.getAttribute(PRINT_ERROR_ATTRIBUTE);
    await root.dispose();
    if (error !== null) {
      await p.evaluate((failed) => (globalThis as unknown as PageGlobals).document.documentElement.removeAttribute(failed), PRINT_ERROR_ATTRIBUTE);
      throw new AtlasError('INVALID_INPUT', error, { why: error });
    }
    const pdf = await p.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  return {
    concurrency: Math.max(1, options.concurrency ?? 3),
    async print(route) {
      const slot = await open(route);
      try {
        const bytes = await render(slot.page, route);
        idle.push({ page: slot.page, printed: slot.printed + 1 });
        return bytes;
      } catch (error) {
        await slot.page.close().catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await browser.close();
    },
  };
}
