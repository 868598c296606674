/**
 * Prints a sequence of print routes (a visit list's cover page and each dossier, or one
 * dossier) into one PDF: one route at a time, each PDF's pages copied into the result with
 * pdf-lib (a small, maintained pure-JS PDF library: Chromium prints one document per call and
 * keeps per-dossier headers only within one document, so the merge happens here), progress
 * after each route, cancel between routes. The file is written atomically at the end.
 */
import { PDFDocument } from 'pdf-lib';
import { AtlasError } from '../../shared/api/errors.ts';
import { writeFileAtomic } from '../node/atomic-write.ts';
import type { PdfPrinter } from './pdf-printer.ts';

export interface PrintRoutesOptions {
  printer: PdfPrinter;
  routes: readonly string[];
  /** Absolute path of the PDF to write. */
  path: string;
  title: string;
  language: string;
  signal?: AbortSignal;
  onProgress?: (phase: 'dossier.print' | 'dossier.merge', done: number, total: number) => void;
}

export interface PrintedPdf {
  path: string;
  pages: number;
  bytes: number;
  /** Pages per route, in order. */
  pagesPerRoute: number[];
}

function cancelled(): AtlasError {
  return new AtlasError('CANCELLED', 'The job was cancelled');
}

export async function printRoutesToPdf(options: PrintRoutesOptions): Promise<PrintedPdf> {
  const { printer, routes } = options;
  const out = await PDFDocument.create();
  out.setTitle(options.title);
  out.setLanguage(options.language);
  out.setCreator('Customer Atlas');
  out.setProducer('Customer Atlas');
  const pagesPerRoute: number[] = [];
  options.onProgress?.('dossier.print', 0, routes.length);
  // Up to `concurrency` routes in flight, merged strictly in order; at most that many PDFs in memory.
  const window = Math.max(1, printer.concurrency);
  const inFlight: Promise<Uint8Array>[] = [];
  let next = 0;
  const launch = () => {
    while (inFlight.length < window && next < routes.length && !options.signal?.aborted) {
      const promise = printer.print(routes[next]!);
      // Rejections are handled when the result is awaited in order; never unhandled meanwhile.
      promise.catch(() => undefined);
      inFlight.push(promise);
      next += 1;
    }
  };
  try {
    for (let i = 0; i < routes.length; i += 1) {
      if (options.signal?.aborted) throw cancelled();
      launch();
      const bytes = await inFlight.shift()!;
      if (options.signal?.aborted) throw cancelled();
      // Parsed in one go (no yielding every 100 objects: the PDFs are small and already trusted output).
      const part = await PDFDocument.load(bytes, { parseSpeed: Number.POSITIVE_INFINITY, updateMetadata: false });
      const pages = await out.copyPages(part, part.getPageIndices());
      for (const page of pages) out.addPage(page);
      pagesPerRoute.push(pages.length);
      options.onProgress?.('dossier.print', i + 1, routes.length);
    }
  } finally {
    // Let the prints still running finish (or fail) before the printer is closed.
    await Promise.allSettled(inFlight);
  }
  options.onProgress?.('dossier.merge', 0, 1);
  const bytes = await out.save();
  if (options.signal?.aborted) throw cancelled();
  writeFileAtomic(options.path, bytes, { backup: false });
  options.onProgress?.('dossier.merge', 1, 1);
  return { path: options.path, pages: out.getPageCount(), bytes: bytes.length, pagesPerRoute };
}

/** Jobs running in the main process (printing), so jobs.cancel can stop them. */
const running = new Map<string, AbortController>();

export function registerMainJob(jobId: string | null): AbortController {
  const controller = new AbortController();
  if (jobId !== null) running.set(jobId, controller);
  return controller;
}

export function finishMainJob(jobId: string | null): void {
  if (jobId !== null) running.delete(jobId);
}

/** Cancels a printing job by id; false when no such job runs here. */
export function cancelMainJob(jobId: string): boolean {
  const controller = running.get(jobId);
  if (!controller) return false;
  controller.abort();
  return true;
}
