/**
 * The renderer's print root (`#/print/…`): no app shell, just the A4 document of one dossier
 * or a visit list's cover, in the language and personal-data mode the route names. When the
 * data is drawn, the charts have finished and every glyph's font chunk has loaded, it marks
 * <html data-print-ready="<route>"> so the PdfPrinter prints exactly then; a failure is marked
 * with data-print-error. The page header and footer (customer name, date, page number) are
 * CSS @page margin boxes, set through a constructed stylesheet (the CSP allows no inline style).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { toErrorData } from '../../../shared/api/errors.ts';
import { translate, translateError } from '../../../shared/i18n/index.ts';
import type { Dossier } from '../../../shared/dossier/types.ts';
import type { VisitList } from '../../../shared/dossier/visit-list.ts';
import { DossierDocument } from './DossierDocument.tsx';
import { VisitCover } from './VisitCover.tsx';
import { date, translator } from './dossier-format.ts';
import { counterContent, cssString, parsePrintRoute } from './print-route.ts';
import type { PrintRoute } from './print-route.ts';

const READY = 'data-print-ready';
const FAILED = 'data-print-error';

const pageSheet = typeof CSSStyleSheet === 'undefined' ? null : new CSSStyleSheet();

function setPageBoxes(left: string, right: string, footerTemplate: string): void {
  if (!pageSheet) return;
  pageSheet.replaceSync(
    `@page { @top-left { content: ${cssString(left)}; } @top-right { content: ${cssString(right)}; } ` +
      `@bottom-center { content: ${counterContent(footerTemplate)}; } }`,
  );
  if (!document.adoptedStyleSheets.includes(pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

/** Waits until every font chunk the page's text needs has loaded (unicode-range split fonts). */
async function fontsLoaded(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const text = document.body.innerText;
  await Promise.all([
    document.fonts.load('400 12px "Noto Sans SC"', text),
    document.fonts.load('700 12px "Noto Sans SC"', text),
  ]).catch(() => undefined);
  await document.fonts.ready;
}

type Loaded = { route: PrintRoute; dossier: Dossier } | { route: PrintRoute; list: VisitList };

function useHash(): string {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const sync = () => setHash(window.location.hash);
    window.addEventListener('hashchange', sync);
    return () => window.removeEventListener('hashchange', sync);
  }, []);
  return hash;
}

export function PrintApp(): ReactNode {
  const hash = useHash();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const root = document.documentElement;
    root.removeAttribute(READY);
    root.removeAttribute(FAILED);
    root.classList.add('is-print');
    const route = parsePrintRoute(hash);
    if (!route) {
      root.setAttribute(FAILED, `not a print route: ${hash.slice(0, 200)}`);
      return;
    }
    let live = true;
    setLoaded(null);
    const load = route.kind === 'dossier'
      ? call('dossier.get', { customerId: route.customerId, personalData: route.personalData }).then((dossier) => ({ route, dossier }))
      : call('dossier.lists.get', { name: route.listName, personalData: route.personalData }).then((list) => ({ route, list }));
    load.then(
      (value) => {
        if (!live) return;
        const t = translator(route.language);
        root.lang = route.language;
        document.title = 'dossier' in value ? `${value.dossier.header.name} · ${t('dossier.title')}` : `${value.list.name} · ${t('visits.cover.title')}`;
        const name = 'dossier' in value ? `${value.dossier.header.name} · ${t('dossier.title')}` : `${t('visits.cover.title')} · ${value.list.name}`;
        const asOf = 'dossier' in value ? value.dossier.analysisDate : value.list.analysisDate;
        setPageBoxes(name, `${t('dossier.print.confidential')} · ${date(asOf, route.language)}`, translate(route.language, 'dossier.print.footer'));
        setLoaded(value);
      },
      (error: unknown) => {
        if (live) root.setAttribute(FAILED, translateError(route.language, toErrorData(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [hash]);

  const markReady = useCallback(() => {
    const raw = loaded?.route.raw;
    if (raw === undefined) return;
    void fontsLoaded().then(() => {
      if (window.location.hash.slice(1) === raw) document.documentElement.setAttribute(READY, raw);
    });
  }, [loaded]);

  if (!loaded) return <div className="print-loading" aria-busy="true" />;
  return (
    <div className="print-root">
      {'dossier' in loaded ? (
        <DossierDocument key={loaded.route.raw} dossier={loaded.dossier} language={loaded.route.language} mode="print" onChartsRendered={markReady} />
      ) : (
        <VisitCover key={loaded.route.raw} list={loaded.list} language={loaded.route.language} onRendered={markReady} />
      )}
    </div>
  );
}
