/**
 * One worksheet as SpreadsheetML, produced in pieces so a 100,000-row sheet never exists as
 * one string: the head (views with the frozen header, column widths, title, subtitle and
 * header rows), data rows in chunks, and the tail (notes, auto-filter, merged title, page
 * setup). Text is written inline (`t="inlineStr"`), so no shared-string table has to be
 * held in memory; dates are serials with a date format, numbers are number cells.
 */
import {
  cellKindOf,
  displayWidth,
  excelSerialFromIsoDate,
  headerWraps,
  isNumericKind,
  maskReportValue,
  startsLikeFormula,
  type PersonalDataMode,
  type ReportColumn,
  type ReportColumnKind,
  type ReportSection,
  type ReportSheet,
  type ReportValue,
} from '../../shared/report/index.ts';
import { columnLetters } from './cell-ref.ts';
import { dataStyleOf, styleIndex, type CellStyle } from './xlsx-styles.ts';
import { escapeXmlAttribute, escapeXmlText, needsSpacePreserve } from './xml-text.ts';

/** Excel's default column width, for columns the title spans beyond the table. */
const DEFAULT_WIDTH = 9;
const TITLE_FONT_SCALE = 14 / 11;
const MAX_EXTRA_TITLE_COLUMNS = 12;

export interface SheetLayout {
  /** The sanitised sheet name. */
  name: string;
  widths: number[];
  titleRow: number;
  subtitleRow: number | null;
  headerRow: number;
  /** Last row of the table (the header row when there are no data rows). */
  lastDataRow: number;
  sections: SectionLayout[];
  notesRow: number | null;
  lastRow: number;
  /** Columns the title and subtitle are merged across (at least the table's, more for a long title). */
  titleSpan: number;
  subtitleSpan: number;
  /** Columns each note is merged across (the table's), and each note's row height (wrapped). */
  notesSpan: number;
  noteHeights: number[];
  landscape: boolean;
}

const NOTE_LINE_HEIGHT = 14;
const WRAPPED_LINE_HEIGHT = 16;
/**
 * Lines a wrapped cell needs (at most 6): its width over the column's, less the indent and
 * margins. Mostly-Latin text in a proportional font averages about 0.85 of the digit width that
 * column widths are measured in, but wraps at spaces, wasting about five characters a line; CJK
 * characters are two wide and break anywhere.
 */
export function wrappedLines(text: string, width: number): number {
  const wide = displayWidth(text);
  const latin = [...text].filter((ch) => displayWidth(ch) === 1).length;
  const room = Math.max(4, width - 2.5);
  const lines = latin * 2 > wide ? (wide * 0.85) / Math.max(4, room - 5) : wide / room;
  return Math.min(6, Math.max(1, Math.ceil(lines)));
}

/** Rows a wrapped note needs in the given width (characters of the 10-pt note font). */
function noteHeight(note: string, widths: readonly number[]): number {
  const room = Math.max(8, widths.reduce((sum, w) => sum + w, 0) - 1);
  const lines = Math.max(1, Math.ceil((displayWidth(note) * 10) / 11 / room));
  return lines * NOTE_LINE_HEIGHT + 2;
}

function spanFor(text: string, scale: number, widths: readonly number[]): number {
  const need = displayWidth(text) * scale + 2;
  let span = Math.max(1, widths.length);
  let total = widths.reduce((sum, w) => sum + w, 0);
  while (total < need && span < widths.length + MAX_EXTRA_TITLE_COLUMNS) {
    total += widths[span] ?? DEFAULT_WIDTH;
    span += 1;
  }
  return span;
}

export interface SectionLayout {
  headingRow: number | null;
  headerRow: number;
  lastRow: number;
}

export function planSheet(sheet: ReportSheet, name: string, widths: number[]): SheetLayout {
  const subtitleRow = sheet.subtitle !== undefined && sheet.subtitle !== '' ? 2 : null;
  const headerRow = (subtitleRow ?? 1) + 1;
  const lastDataRow = headerRow + sheet.rows.length;
  let last = lastDataRow;
  const sections = (sheet.sections ?? []).map((section): SectionLayout => {
    const headingRow = section.heading !== undefined && section.heading !== '' ? last + 2 : null;
    const sectionHeader = (headingRow ?? last + 1) + 1;
    last = sectionHeader + section.rows.length;
    return { headingRow, headerRow: sectionHeader, lastRow: last };
  });
  const notes = sheet.notes ?? [];
  const notesRow = notes.length > 0 ? last + 2 : null;
  return {
    name,
    widths,
    titleRow: 1,
    subtitleRow,
    headerRow,
    lastDataRow,
    sections,
    notesRow,
    lastRow: notesRow === null ? last : notesRow + notes.length - 1,
    titleSpan: spanFor(sheet.title, TITLE_FONT_SCALE, widths),
    subtitleSpan: subtitleRow === null ? 0 : spanFor(sheet.subtitle ?? '', 10 / 11, widths),
    notesSpan: Math.max(1, widths.length),
    noteHeights: notes.map((note) => noteHeight(note, widths)),
    landscape: widths.reduce((sum, w) => sum + w, 0) > 100,
  };
}

function textCell(ref: string, text: string, style: CellStyle): string {
  const s = styleIndex(style, startsLikeFormula(text));
  const space = needsSpacePreserve(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${escapeXmlText(text)}</t></is></c>`;
}

function numberCell(ref: string, value: number, style: CellStyle): string {
  const s = styleIndex(style);
  return s === 0 ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" s="${s}"><v>${value}</v></c>`;
}

/** An empty table cell: no value, but the table's borders, so a printed table has no holes. */
function emptyCell(ref: string, style: CellStyle): string {
  return `<c r="${ref}" s="${styleIndex(style)}"/>`;
}

/** The cell for a value of a column (written as `kind`, the column's by default); empty cells keep the table's borders. */
export function dataCellXml(ref: string, column: ReportColumn, value: ReportValue, kind: ReportColumnKind = column.kind): string {
  const style = column.wrap === true && kind === 'text' ? 'textWrap' : dataStyleOf(kind);
  if (value === null) return emptyCell(ref, style);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return emptyCell(ref, style);
    // Codes and phones stay text: 13812345678 must not turn into 1.38E+10.
    if (kind === 'code' || kind === 'phone') return textCell(ref, String(value), style);
    return numberCell(ref, value, style);
  }
  if (value === '') return emptyCell(ref, style);
  if (kind === 'date') {
    const serial = excelSerialFromIsoDate(value);
    if (serial !== null) return numberCell(ref, serial, style);
  }
  return textCell(ref, value, style);
}

function rowXml(row: number, cells: string, height?: number): string {
  const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
  return `<row r="${row}"${ht}>${cells}</row>`;
}

export function sheetHeadXml(sheet: ReportSheet, layout: SheetLayout, selected: boolean): string {
  const used = Math.max(layout.widths.length, layout.titleSpan, layout.subtitleSpan, 1);
  const firstData = layout.headerRow + 1;
  const cols = layout.widths
    .map((width, c) => `<col min="${c + 1}" max="${c + 1}" width="${Math.round(width * 100) / 100}" customWidth="1"/>`)
    .join('');
  const parts = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ',
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${columnLetters(used - 1)}${layout.lastRow}"/>`,
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>`,
    `<pane ySplit="${layout.headerRow}" topLeftCell="A${firstData}" activePane="bottomLeft" state="frozen"/>`,
    `<selection pane="bottomLeft" activeCell="A${firstData}" sqref="A${firstData}"/>`,
    '</sheetView></sheetViews>',
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols === '' ? '' : `<cols>${cols}</cols>`,
    '<sheetData>',
    rowXml(layout.titleRow, textCell(`A${layout.titleRow}`, sheet.title, 'title'), 26),
  ];
  if (layout.subtitleRow !== null) {
    parts.push(rowXml(layout.subtitleRow, textCell(`A${layout.subtitleRow}`, sheet.subtitle ?? '', 'subtitle'), 18));
  }
  parts.push(headerRowXml(sheet.columns, layout.headerRow, layout.widths, true));
  return parts.join('');
}

/** A header row: one line high, or two where a header wraps in its column (see fitColumnWidths). */
function headerRowXml(columns: readonly ReportColumn[], row: number, widths: readonly number[], filterButton: boolean): string {
  const headers = columns
    .map((column, c) => textCell(`${columnLetters(c)}${row}`, column.header, isNumericKind(column.kind) ? 'headerRight' : 'header'))
    .join('');
  const wraps = columns.some((column, c) => headerWraps(column.header, widths[c] ?? DEFAULT_WIDTH, filterButton));
  return rowXml(row, headers, wraps ? 34 : 20);
}

function sectionXml(section: ReportSection, layout: SectionLayout, personalData: PersonalDataMode, widths: readonly number[]): string {
  const parts: string[] = [];
  if (layout.headingRow !== null) {
    parts.push(rowXml(layout.headingRow, textCell(`A${layout.headingRow}`, section.heading ?? '', 'sectionHeading'), 20));
  }
  parts.push(headerRowXml(section.columns, layout.headerRow, widths, false));
  section.rows.forEach((row, i) => {
    const r = layout.headerRow + 1 + i;
    const rowKind = section.rowKinds?.[i];
    const cells = section.columns
      .map((column, c) =>
        dataCellXml(
          `${columnLetters(c)}${r}`,
          column,
          maskReportValue(column, row[c] ?? null, personalData),
          cellKindOf(column.kind, rowKind),
        ),
      )
      .join('');
    parts.push(rowXml(r, cells));
  });
  return parts.join('');
}

/** Data rows `from` (inclusive) to `to` (exclusive), personal data masked unless shown. */
export function dataRowsXml(
  sheet: ReportSheet,
  layout: SheetLayout,
  from: number,
  to: number,
  personalData: PersonalDataMode,
  letters: readonly string[],
): string {
  const columns = sheet.columns;
  let xml = '';
  for (let i = from; i < to; i += 1) {
    const row = sheet.rows[i] ?? [];
    const r = layout.headerRow + 1 + i;
    const rowKind = sheet.rowKinds?.[i];
    let cells = '';
    let lines = 1;
    for (let c = 0; c < columns.length; c += 1) {
      const column = columns[c]!;
      const value = maskReportValue(column, row[c] ?? null, personalData);
      cells += dataCellXml(`${letters[c]!}${r}`, column, value, cellKindOf(column.kind, rowKind));
      if (column.wrap === true && typeof value === 'string') lines = Math.max(lines, wrappedLines(value, layout.widths[c] ?? DEFAULT_WIDTH));
    }
    // Spreadsheet programs do not grow a row for wrapped text on opening: give it the height.
    xml += lines > 1 ? `<row r="${r}" ht="${lines * WRAPPED_LINE_HEIGHT}" customHeight="1">${cells}</row>` : `<row r="${r}">${cells}</row>`;
  }
  return xml;
}

export function sheetTailXml(sheet: ReportSheet, layout: SheetLayout, personalData: PersonalDataMode): string {
  const parts: string[] = [];
  (sheet.sections ?? []).forEach((section, i) => parts.push(sectionXml(section, layout.sections[i]!, personalData, layout.widths)));
  if (layout.notesRow !== null) {
    (sheet.notes ?? []).forEach((note, i) => {
      const r = layout.notesRow! + i;
      parts.push(rowXml(r, textCell(`A${r}`, note, 'note'), layout.noteHeights[i]));
    });
  }
  parts.push('</sheetData>');
  const lastColumn = columnLetters(Math.max(sheet.columns.length, 1) - 1);
  if (sheet.columns.length > 0) parts.push(`<autoFilter ref="${autoFilterRef(layout, lastColumn)}"/>`);
  const merges: string[] = [];
  if (layout.titleSpan > 1) merges.push(`A${layout.titleRow}:${columnLetters(layout.titleSpan - 1)}${layout.titleRow}`);
  if (layout.subtitleRow !== null && layout.subtitleSpan > 1) {
    merges.push(`A${layout.subtitleRow}:${columnLetters(layout.subtitleSpan - 1)}${layout.subtitleRow}`);
  }
  // Notes wrap within the table's width instead of running off the printed page.
  if (layout.notesRow !== null && layout.notesSpan > 1) {
    (sheet.notes ?? []).forEach((_, i) => merges.push(`A${layout.notesRow! + i}:${columnLetters(layout.notesSpan - 1)}${layout.notesRow! + i}`));
  }
  if (merges.length > 0) {
    parts.push(`<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`);
  }
  parts.push(pageSetupXml(sheet, layout), '</worksheet>');
  return parts.join('');
}

/**
 * Text for a header/footer section: `&` starts a code there, so a literal one is doubled;
 * Excel refuses a header or footer over 255 characters, so long text is cut.
 */
function headerFooterText(text: string, max = 100): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return cut.replace(/&/g, '&&');
}

/**
 * How the sheet prints: A4, one page wide (as many pages long as needed: `fitToPage` in
 * sheetPr with fitToWidth 1 / fitToHeight 0), landscape when the columns are wide, centred,
 * margins of 1.3–1.5 cm, the report's title and the sheet name at the top of every page and
 * "page X of Y" at the bottom. Tables carry their own borders (xlsx-styles), so no gridlines;
 * the header rows repeat through the print titles in workbook.xml.
 */
export function pageSetupXml(sheet: ReportSheet, layout: SheetLayout): string {
  const pageNumber = headerFooterText(sheet.pageNumberLabel ?? '{page} / {pages}')
    .replace('{page}', '&P')
    .replace('{pages}', '&N');
  const header = `&L&9${headerFooterText(sheet.pageHeader ?? sheet.title)}&R&9&A`;
  const footer = `&C&9${pageNumber}`;
  return [
    '<printOptions horizontalCentered="1"/>',
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.7" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="9" orientation="${layout.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`,
    `<headerFooter><oddHeader>${escapeXmlText(header)}</oddHeader><oddFooter>${escapeXmlText(footer)}</oddFooter></headerFooter>`,
  ].join('');
}

/**
 * Rows repeated at the top of every printed page: the title, subtitle and column headers of a
 * one-table sheet; the title and subtitle only where further sections follow (the main
 * table's header would be wrong above their rows).
 */
export function printTitleRows(layout: SheetLayout): [first: number, last: number] {
  if (layout.sections.length === 0) return [layout.titleRow, layout.headerRow];
  return [layout.titleRow, layout.subtitleRow ?? layout.titleRow];
}

export function autoFilterRef(layout: SheetLayout, lastColumn: string): string {
  return `A${layout.headerRow}:${lastColumn}${layout.lastDataRow}`;
}
