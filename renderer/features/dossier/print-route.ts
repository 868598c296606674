/**
 * The print routes the PdfPrinter loads (main/dossier/pdf-printer.ts builds them):
 * `#/print/dossier/<customerId>?lang=zh-CN&pd=masked` and `#/print/visits/<list name>?lang=…&pd=…`.
 */
import type { Language } from '../../../shared/api/contract.ts';
import type { PersonalDataMode } from '../../../shared/dossier/types.ts';

export type PrintRoute =
  | { kind: 'dossier'; customerId: number; language: Language; personalData: PersonalDataMode; raw: string }
  | { kind: 'visits'; listName: string; language: Language; personalData: PersonalDataMode; raw: string };

export function isPrintHash(hash: string): boolean {
  return hash.startsWith('#/print/');
}

export function parsePrintRoute(hash: string): PrintRoute | null {
  if (!isPrintHash(hash)) return null;
  const raw = hash.slice(1);
  const at = raw.indexOf('?');
  const path = at === -1 ? raw : raw.slice(0, at);
  const query = new URLSearchParams(at === -1 ? '' : raw.slice(at + 1));
  const language: Language = query.get('lang') === 'en' ? 'en' : 'zh-CN';
  const personalData: PersonalDataMode = query.get('pd') === 'shown' ? 'shown' : 'masked';
  const parts = path.split('/');
  // ['', 'print', kind, param]
  const kind = parts[2];
  let param: string;
  try {
    param = decodeURIComponent(parts.slice(3).join('/'));
  } catch {
    return null;
  }
  if (kind === 'dossier') {
    const id = Number(param);
    return Number.isInteger(id) && id > 0 ? { kind, customerId: id, language, personalData, raw } : null;
  }
  if (kind === 'visits' && param !== '') return { kind, listName: param, language, personalData, raw };
  return null;
}

/** A CSS string literal for `content:` (quotes, backslashes and line breaks escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

/** 'Page {page} of {pages}' → `"Page " counter(page) " of " counter(pages)`. */
export function counterContent(template: string): string {
  return template
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
}
