/** Column widths fitted to a sheet's header and content, in Excel's character units. */
import { displayWidth } from './display-width.ts';
import { cellKindOf } from './number-formats.ts';
import type { ReportColumn, ReportSection, ReportSheet, ReportValue } from './report-model.ts';

export const MIN_COLUMN_WIDTH = 6;
export const MAX_COLUMN_WIDTH = 60;
/** Room for the cell padding; the header also needs room for the auto-filter button. */
const CELL_PADDING = 2;
const FILTER_BUTTON = 2;

function groupedDigits(integerPart: number): number {
  const digits = integerPart < 1 ? 1 : Math.floor(Math.log10(integerPart)) + 1;
  return digits + Math.floor((digits - 1) / 3);
}

/** Characters a value takes once formatted with its column's number format. */
export function formattedWidth(kind: ReportColumn['kind'], value: ReportValue): number {
  if (value === null) return 0;
  if (typeof value === 'string') return kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? 10 : displayWidth(value);
  if (!Number.isFinite(value)) return 0;
  const sign = value < 0 ? 1 : 0;
  const magnitude = Math.abs(value);
  switch (kind) {
    case 'integer':
      return sign + groupedDigits(Math.round(magnitude));
    case 'amount':
      return sign + groupedDigits(Math.floor(Math.round(magnitude * 100) / 100)) + 3;
    case 'percent':
      return (value * 100).toFixed(1).length + 1;
    case 'ratio':
      return value.toFixed(2).length;
    case 'date':
      return 10;
    case 'text':
    case 'code':
    case 'phone':
      return String(value).length;
  }
}

export interface FitOptions {
  min?: number;
  max?: number;
  /** The value as it will be written (masked, for example); the raw value when absent. */
  shownAs?: (column: ReportColumn, value: ReportValue) => ReportValue;
}

/** Bold header text is about a tenth wider than the body font. */
const BOLD = 1.1;
/** Headers up to this width stay on one line: wrapping "Share" would save little and look odd. */
const ONE_LINE_HEADER = 8;
/** A header that needs at most this much more than its figures widens the column instead of wrapping. */
const WIDEN_RATHER_THAN_WRAP = 4;

/**
 * The width a header needs on two lines: the longer line of the most even split at a space.
 * Only spaces: every spreadsheet program breaks there alike, whereas CJK line breaking (and
 * its rules on punctuation) differs between Excel, WPS and LibreOffice — "近12个月金额（元" / "）".
 */
export function twoLineWidth(header: string): number {
  const full = displayWidth(header);
  if (full <= ONE_LINE_HEADER) return full;
  let best = full;
  let at = header.indexOf(' ');
  while (at !== -1) {
    const left = displayWidth(header.slice(0, at));
    best = Math.min(best, Math.max(left, full - left - 1));
    at = header.indexOf(' ', at + 1);
  }
  return best;
}

/** Width of a header cell's text on one line (bold), plus the auto-filter button of a main table. */
export function headerOneLineWidth(header: string, filterButton = true): number {
  return Math.ceil(displayWidth(header) * BOLD) + (filterButton ? FILTER_BUTTON : 0);
}

/** True when a header does not fit on one line in a column of the given width: its row needs two. */
export function headerWraps(header: string, columnWidth: number, filterButton = true): boolean {
  return headerOneLineWidth(header, filterButton) + CELL_PADDING > columnWidth + 0.01;
}

function widenFor(widest: number[], headers: number[], table: ReportSection, shownAs: FitOptions['shownAs'], filterButton: boolean): void {
  table.columns.forEach((column, c) => {
    const one = headerOneLineWidth(column.header, filterButton);
    const two = Math.ceil(twoLineWidth(column.header) * BOLD) + (filterButton ? FILTER_BUTTON : 0);
    headers.push(c, one, two);
  });
  const rowKinds = table.rowKinds;
  for (const [r, row] of table.rows.entries()) {
    const rowKind = rowKinds?.[r];
    for (let c = 0; c < table.columns.length; c += 1) {
      const raw = row[c] ?? null;
      const width = formattedWidth(cellKindOf(table.columns[c]!.kind, rowKind), shownAs ? shownAs(table.columns[c]!, raw) : raw);
      if (width > (widest[c] ?? 0)) widest[c] = width;
    }
  }
  table.columns.forEach((_, c) => {
    widest[c] ??= 0;
  });
}

/**
 * One width per column (as many as the widest of the sheet's tables): a main-table column's
 * own width when set, else fitted to the values of every table in that column and to their
 * headers on at most two lines (a long header wraps rather than widening a column of short
 * figures: the sheet then prints larger on one page width).
 */
export function fitColumnWidths(sheet: ReportSheet, options: FitOptions = {}): number[] {
  const min = options.min ?? MIN_COLUMN_WIDTH;
  const max = options.max ?? MAX_COLUMN_WIDTH;
  const widest: number[] = [];
  const headers: number[] = []; // (column, one-line width, two-line width) triples
  widenFor(widest, headers, sheet, options.shownAs, true);
  for (const section of sheet.sections ?? []) widenFor(widest, headers, section, options.shownAs, false);
  const data = [...widest];
  for (let i = 0; i < headers.length; i += 3) {
    const [c, one, two] = [headers[i]!, headers[i + 1]!, headers[i + 2]!];
    const need = one <= data[c]! + WIDEN_RATHER_THAN_WRAP ? one : two;
    widest[c] = Math.max(widest[c]!, need);
  }
  return widest.map((width, c) => sheet.columns[c]?.width ?? Math.min(max, Math.max(min, width + CELL_PADDING)));
}
