/**
 * The desktop app's PdfPrinter: a hidden window with the main window's locked-down options
 * loads the renderer's print routes from atlas://app and prints each with
 * webContents.printToPDF (A4, the page's own CSS page size and margin boxes, backgrounds).
 * Thin on purpose: readiness is the same <html data-print-ready> handshake the Chromium printer
 * uses. Not exercised in this repository's tests (no Electron binary here).
 */
import { BrowserWindow } from 'electron';
import { AtlasError } from '../../shared/api/errors.ts';
import { PRINT_ERROR_ATTRIBUTE, PRINT_READY_ATTRIBUTE } from '../dossier/pdf-printer.ts';
import type { PdfPrinter } from '../dossier/pdf-printer.ts';
import { APP_ENTRY_URL } from './app-origin.ts';
import { createWindowOptions } from './window-options.ts';

const POLL_MS = 50;

export async function createElectronPdfPrinter(preloadPath: string, timeoutMs = 30_000): Promise<PdfPrinter> {
  const window = new BrowserWindow({ ...createWindowOptions(preloadPath), show: false, width: 794, height: 1123 });
  let loaded = false;

  async function state(route: string): Promise<'ready' | 'waiting' | string> {
    // The attribute values are read with the DOM API; nothing from the page is evaluated as code here.
    const raw: unknown = await window.webContents.executeJavaScript(
      `[document.documentElement.getAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)}), document.documentElement.getAttribute(${JSON.stringify(PRINT_ERROR_ATTRIBUTE)})]`,
    );
    const [ready, error] = Array.isArray(raw) ? (raw as (string | null)[]) : [null, null];
    if (typeof error === 'string') return error;
    return ready === route ? 'ready' : 'waiting';
  }

  return {
    concurrency: 1,
    async print(route) {
      const url = `${APP_ENTRY_URL}#${route}`;
      if (!loaded) {
        await window.loadURL(url);
        loaded = true;
      } else {
        await window.webContents.executeJavaScript(
          `document.documentElement.removeAttribute(${JSON.stringify(PRINT_READY_ATTRIBUTE)}); location.hash = ${JSON.stringify(`#${route}`)};`,
        );
      }
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = await state(route);
        if (s === 'ready') break;
        if (s !== 'waiting') throw new AtlasError('INVALID_INPUT', s, { why: s });
        if (Date.now() > deadline) throw new AtlasError('INTERNAL', `printing ${route} timed out`, { why: 'timeout' });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    async close() {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}
