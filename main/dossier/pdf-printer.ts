/**
 * Printing a renderer page to PDF, whatever the host: headless Chromium (browser mode, the
 * CLI, tests, benchmarks) or Electron's own webContents.printToPDF (the desktop app). The
 * printer loads the real renderer's print routes (`#/print/dossier/<id>?lang=…&pd=…`) so the
 * PDF shows exactly what the print stylesheet lays out; one page is rendered at a time.
 */

/** The hash route of the print page of one dossier. */
export function dossierPrintRoute(customerId: number, language: string, personalData: string): string {
  return `/print/dossier/${customerId}?lang=${encodeURIComponent(language)}&pd=${encodeURIComponent(personalData)}`;
}

/** The hash route of a visit list's cover page. */
export function coverPrintRoute(listName: string, language: string, personalData: string): string {
  return `/print/visits/${encodeURIComponent(listName)}?lang=${encodeURIComponent(language)}&pd=${encodeURIComponent(personalData)}`;
}

export interface PdfPrinter {
  /** How many print calls may run at once (1 for a printer that renders one page at a time). */
  readonly concurrency: number;
  /**
   * Renders one print route (the hash path without '#') to PDF bytes. Resolves once the page
   * says it is ready (data loaded, charts drawn, fonts loaded); rejects with the page's error.
   */
  print(route: string): Promise<Uint8Array>;
  /** Frees the browser or window. */
  close(): Promise<void>;
}

export type PdfPrinterFactory = () => Promise<PdfPrinter>;

/** The attribute the print page sets on <html> when a route is fully rendered (value = route). */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';
/** The attribute the print page sets when it cannot render a route (value = message). */
export const PRINT_ERROR_ATTRIBUTE = 'data-print-error';
