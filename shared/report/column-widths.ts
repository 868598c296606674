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

function widenFor(widest: number[], table: ReportSection, shownAs: FitOptions['shownAs']): void {
  table.columns.forEach((column, c) => {
    widest[c] = Math.max(widest[c] ?? 0, Math.ceil(displayWidth(column.header) * 1.1) + FILTER_BUTTON);
  });
  const rowKinds = table.rowKinds;
  for (const [r, row] of table.rows.entries()) {
    const rowKind = rowKinds?.[r];
    for (let c = 0; c < table.columns.length; c += 1) {
      const raw = row[c] ?? null;
      const width = formattedWidth(cellKindOf(table.columns[c]!.kind, rowKind), shownAs ? shownAs(table.columns[c]!, raw) : raw);
      if (width > widest[c]!) widest[c] = width;
    }
  }
}

/**
 * One width per column (as many as the widest of the sheet's tables): a main-table column's
 * own width when set, else fitted to the headers and values of every table in that column.
 */
export function fitColumnWidths(sheet: ReportSheet, options: FitOptions = {}): number[] {
  const min = options.min ?? MIN_COLUMN_WIDTH;
  const max = options.max ?? MAX_COLUMN_WIDTH;
  const widest: number[] = [];
  widenFor(widest, sheet, options.shownAs);
  for (const section of sheet.sections ?? []) widenFor(widest, section, options.shownAs);
  return widest.map((width, c) => sheet.columns[c]?.width ?? Math.min(max, Math.max(min, width + CELL_PADDING)));
}
