/** Excel number format codes used in reports, by column kind. */
import type { ReportColumnKind } from './report-model.ts';

export const INTEGER_FORMAT = '#,##0';
export const AMOUNT_FORMAT = '#,##0.00';
export const PERCENT_FORMAT = '0.0%';
export const RATIO_FORMAT = '0.00';
export const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel's built-in "Text" format (numFmtId 49): typed digits stay text. */
export const TEXT_FORMAT = '@';

/** The number format of a column kind; null where the cell keeps Excel's General format. */
export function numberFormatOf(kind: ReportColumnKind): string | null {
  switch (kind) {
    case 'integer':
      return INTEGER_FORMAT;
    case 'amount':
      return AMOUNT_FORMAT;
    case 'percent':
      return PERCENT_FORMAT;
    case 'ratio':
      return RATIO_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'code':
    case 'phone':
      return TEXT_FORMAT;
    case 'text':
      return null;
  }
}

/** Kinds whose values are numbers, right-aligned in the header. */
export function isNumericKind(kind: ReportColumnKind): boolean {
  return kind === 'integer' || kind === 'amount' || kind === 'percent' || kind === 'ratio' || kind === 'date';
}

/** The kind a cell is written with: a row's kind overrides its numeric columns' kinds. */
export function cellKindOf(columnKind: ReportColumnKind, rowKind: ReportColumnKind | null | undefined): ReportColumnKind {
  return rowKind !== null && rowKind !== undefined && isNumericKind(columnKind) ? rowKind : columnKind;
}
