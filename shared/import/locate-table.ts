/**
 * Where the table sits in a sheet: exports put a title row or two (often one merged cell)
 * and blank rows above the header, and a totals row (合计 / Total) and notes below the data.
 * Totals must never become data: they would double every sum.
 */
import { knownHeaderScore } from './header-index.ts';
import type { Cell, TableLocation } from './types.ts';

/** How far down a header is looked for. */
const HEADER_SEARCH_ROWS = 30;

function isEmpty(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (!isEmpty(cell)) return false;
  return true;
}

const TOTALS_LABEL =
  /^(?:合\s*计|总\s*计|小\s*计|累\s*计|共\s*计|總\s*計|合\s*計|小\s*計|累\s*計|本页合计|全部合计)(?=$|[\s:：(（,，\d])|^(?:total|totals|grand\s*total|sub-?\s*total|sum)\s*[:：]?$/i;

/** First characters of every totals label: most cells are ruled out by one lookup. */
const TOTALS_FIRST = new Set([...'合总小累共總本全tTsSgGｔＴｓＳｇＧ'].map((c) => c.charCodeAt(0)));

/** Whether a cell starting with this character (after spaces) could be a totals label. */
export const couldStartTotalsLabel = (code: number): boolean => TOTALS_FIRST.has(code);

/** Whitespace as String.prototype.trim sees it (and control characters, harmless here). */
const isSpaceCode = (c: number): boolean =>
  c <= 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The first non-space character code of a cell, -1 for a blank one; no string is made. */
function firstCode(cell: string): number {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (!isSpaceCode(c)) return c;
  }
  return -1;
}

/**
 * A row labelled 合计 / 总计 / Total … in one of its first text cells. Runs on every data
 * row of an import (subtotals can sit between groups), so it rules cells out by their first
 * character before any normalising.
 */
export function isTotalsRow(row: readonly Cell[] | undefined): boolean {
  if (!row) return false;
  let textCells = 0;
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    const first = firstCode(cell);
    if (first < 0) continue;
    textCells += 1;
    if (TOTALS_FIRST.has(first)) {
      const text = cell.normalize('NFKC').trim();
      if (TOTALS_LABEL.test(text) && text.length <= 20) return true;
    }
    if (textCells >= 3) break;
  }
  return false;
}

/**
 * Bottom rows without any text, an empty first column (where the label would be) and only
 * a few numbers: an unlabelled sums row. A last data row always has its key in some column.
 */
function isUnlabelledSums(row: readonly Cell[], width: number): boolean {
  if (!isEmpty(row[0])) return false;
  let numbers = 0;
  for (const cell of row) {
    if (isEmpty(cell)) continue;
    if (typeof cell !== 'number') return false;
    numbers += 1;
  }
  return numbers > 0 && numbers <= Math.max(1, Math.floor(width / 2));
}

const NOTE = /^(制表|制单|填表|备注|注[:：]|说明|数据来源|数据截至|截至|截止|导出|打印|审核|共\s*\d+\s*条|note|source|generated|printed|exported)/i;

/**
 * A note below the table ("制表人：张三", "数据截至 2026-10-31"): one text cell that reads
 * like a note. A last data row holding only a customer name is data, so the wording decides.
 */
function isNoteRow(row: readonly Cell[]): boolean {
  let text: string | undefined;
  for (const cell of row) {
    if (isEmpty(cell)) continue;
    if (text !== undefined || typeof cell !== 'string') return false;
    text = cell.normalize('NFKC').trim();
  }
  return text !== undefined && NOTE.test(text);
}

/**
 * A row's fitness as the header: many short, distinct text cells, preferably ones known as
 * header synonyms. Numbers and dates are data, not headers.
 */
function headerScore(row: readonly Cell[]): number {
  const seen = new Set<string>();
  let score = 0;
  let nonEmpty = 0;
  for (const cell of row) {
    if (isEmpty(cell)) continue;
    nonEmpty += 1;
    if (typeof cell !== 'string') {
      score -= 1;
      continue;
    }
    const text = cell.trim();
    if (text.length > 40 || /^[\d\s.,:/\-年月日]+$/.test(text) || seen.has(text)) {
      score -= 0.5;
      continue;
    }
    seen.add(text);
    score += 1 + 2 * knownHeaderScore(text);
  }
  return nonEmpty <= 1 ? Math.min(score, 0.5) : score;
}

export function locateTable(rows: Cell[][]): TableLocation {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  let headerRow = -1;
  let best = 0;
  for (let r = 0; r < limit; r += 1) {
    const row = rows[r];
    if (!row || isBlankRow(row)) continue;
    const score = headerScore(row);
    if (score > best) {
      best = score;
      headerRow = r;
    }
  }
  if (headerRow === -1) headerRow = rows.findIndex((row) => !isBlankRow(row));
  if (headerRow === -1) return { headerRow: 0, firstDataRow: 1, lastDataRow: 0, skippedTop: [], totalsRows: [], blankRows: [] };

  const width = (rows[headerRow] ?? []).filter((c) => !isEmpty(c)).length;
  const skippedTop: number[] = [];
  for (let r = 0; r < headerRow; r += 1) skippedTop.push(r);

  // From the bottom: blank rows, notes, totals (labelled or not) are not data.
  const totalsRows: number[] = [];
  let last = rows.length - 1;
  while (last > headerRow) {
    const row = rows[last] ?? [];
    if (isBlankRow(row)) last -= 1;
    else if (isTotalsRow(row) || isUnlabelledSums(row, width)) {
      totalsRows.push(last);
      last -= 1;
    } else if (isNoteRow(row)) {
      totalsRows.push(last);
      last -= 1;
    } else break;
  }
  let first = headerRow + 1;
  while (first <= last && isBlankRow(rows[first])) first += 1;

  const blankRows: number[] = [];
  for (let r = first; r <= last; r += 1) {
    const row = rows[r];
    if (isBlankRow(row)) blankRows.push(r);
    else if (isTotalsRow(row)) totalsRows.push(r); // subtotals between groups
  }
  totalsRows.sort((a, b) => a - b);
  return { headerRow, firstDataRow: first, lastDataRow: last, skippedTop, totalsRows, blankRows };
}
