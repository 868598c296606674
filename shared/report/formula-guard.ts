/**
 * Formula-injection guard (CWE-1236). A spreadsheet treats text starting with `=`, `+`, `-`
 * or `@` as a formula when it is typed or read from CSV; tab and CR in front hide such a
 * start. Customer names, notes and descriptions come from imported files, so every text
 * cell of a report is guarded.
 *
 * The method differs by format, so that Excel, WPS and LibreOffice all show the text as it
 * is and a phone number such as "+86 138 1234 5678" stays readable:
 * - **.xlsx**: a text cell is never evaluated when the workbook opens. A guarded cell keeps
 *   its text unchanged and gets a style with `quotePrefix="1"` — exactly what Excel stores
 *   when a user types a leading apostrophe. The apostrophe is not displayed, and editing the
 *   cell (F2, Enter) keeps it text instead of turning it into a formula. Reading the file back
 *   gives the original text.
 * - **.csv** has no cell types, so the text itself changes: OWASP's advice, a leading
 *   apostrophe (`'=1+1`, `'+86 138…`). Excel, WPS and LibreOffice show the apostrophe, the
 *   rest reads as before, and nothing is evaluated.
 */

const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a spreadsheet could read the text as a formula. */
export function startsLikeFormula(value: string): boolean {
  return value.length > 0 && TRIGGERS.has(value[0]!);
}

/** The text with a leading apostrophe when it could be read as a formula (for CSV and other plain text). */
export function neutralizeFormula(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}
