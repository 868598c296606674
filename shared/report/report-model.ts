/**
 * The shape of an exported report, independent of the file format: sheets of typed columns
 * and plain values. Builders fill it from the worker's answers; `main/report` writes it as
 * .xlsx or .csv. Values are plain so a sheet can cross the worker boundary unchanged.
 */

/** How a column's values are written and formatted. */
export type ReportColumnKind =
  /** Free text, written as a text cell. */
  | 'text'
  /** Identifiers (customer codes, contract numbers): always text, even when all digits. */
  | 'code'
  /** Whole numbers with thousands separators (#,##0). */
  | 'integer'
  /** Money with thousands separators and two decimals (#,##0.00). */
  | 'amount'
  /** A fraction shown as a percentage: 0.123 → 12.3 % (0.0%). */
  | 'percent'
  /** A plain ratio such as a lift: 1.35 (0.00). */
  | 'ratio'
  /** A calendar date given as an ISO string (YYYY-MM-DD), written as a real Excel date. */
  | 'date'
  /** A phone number: text, masked unless the user chose to show personal data. */
  | 'phone';

/** Personal data a column holds, masked by default when the report is written. */
export type PersonalDataKind = 'phone' | 'idNumber' | 'address';

export interface ReportColumn {
  header: string;
  kind: ReportColumnKind;
  /** Column width in characters; fitted from the header and the values when absent. */
  width?: number;
  /** Personal data to mask; a `phone` column is masked as a phone without saying so. */
  personal?: PersonalDataKind;
  /** Long text (tags, reasons): wraps within the column's width instead of running over the next ones. */
  wrap?: boolean;
}

/** A cell: text, a number, or empty. Dates are ISO strings (YYYY-MM-DD). */
export type ReportValue = string | number | null;

/**
 * A further table under a sheet's main one, for sheets made of several blocks (the Summary:
 * key figures, segment counts, grade counts, top provinces). No auto-filter; .xlsx only.
 */
export interface ReportSection {
  /** Shown bold above the section's header row. */
  heading?: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
  /**
   * Per row, the kind of its numeric cells (columns of kind integer, amount, percent, ratio
   * or date), for key-figure tables whose rows differ in format: customers (integer),
   * revenue (amount), win rate (percent). Rows without an entry keep their columns' kinds.
   */
  rowKinds?: (ReportColumnKind | null)[];
}

export interface ReportSheet {
  /** Sheet tab name; sanitised for Excel when written. */
  name: string;
  /** Report name shown in the title row above the table. */
  title: string;
  /** Filters applied, analysis date — shown under the title. */
  subtitle?: string;
  columns: ReportColumn[];
  rows: ReportValue[][];
  /** Per row, the kind of its numeric cells, as in {@link ReportSection.rowKinds}. */
  rowKinds?: (ReportColumnKind | null)[];
  /** Further tables below the main one (.xlsx only). */
  sections?: ReportSection[];
  /** Explanations shown below the tables (what M means, thresholds used …). */
  notes?: string[];
  /** Printed at the top left of every page (the title when absent). */
  pageHeader?: string;
  /** Page number in the footer, with `{page}` and `{pages}`: "第 {page} 页，共 {pages} 页". */
  pageNumberLabel?: string;
}

/** Whether personal data (phones, ID numbers, addresses) is masked in a written report. */
export type PersonalDataMode = 'masked' | 'shown';

/** Progress of a report export, counted in data rows over all sheets. */
export interface ReportProgress {
  rowsWritten: number;
  rowsTotal: number;
}
