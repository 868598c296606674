/**
 * The workbook's styles.xml: a bold title, a grey subtitle and notes, a bold header on a
 * light fill with a rule below it, thin light borders round every table cell (so a table
 * prints as one), and one number format per column kind. Each cell style
 * has a twin with `quotePrefix="1"` for text that starts like a formula (see
 * shared/report/formula-guard.ts).
 */
import {
  AMOUNT_FORMAT,
  DATE_FORMAT,
  INTEGER_FORMAT,
  PERCENT_FORMAT,
  RATIO_FORMAT,
  type ReportColumnKind,
} from '../../shared/report/index.ts';
import { escapeXmlAttribute } from './xml-text.ts';

export type CellStyle =
  | 'general'
  | 'title'
  | 'subtitle'
  | 'header'
  | 'headerRight'
  | 'note'
  | 'sectionHeading'
  | 'code'
  | 'integer'
  | 'amount'
  | 'percent'
  | 'ratio'
  | 'date'
  | 'text'
  | 'textWrap';

const TEXT_FORMAT_ID = 49;
const CUSTOM_FORMATS: readonly (readonly [id: number, code: string])[] = [
  [164, INTEGER_FORMAT],
  [165, AMOUNT_FORMAT],
  [166, PERCENT_FORMAT],
  [167, RATIO_FORMAT],
  [168, DATE_FORMAT],
];

interface Xf {
  style: CellStyle;
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  alignment?: string;
}

/** Table cells sit at the top, level with the first line of a wrapped neighbour. */
const TOP = '<alignment vertical="top"/>';
/**
 * Left-aligned text is indented by one step, so it never touches a right-aligned number in the
 * column before it ("0活跃", "流失风险生命周期" read as one word otherwise).
 */
const TOP_TEXT = '<alignment horizontal="left" vertical="top" indent="1"/>';

const XFS: readonly Xf[] = [
  { style: 'general', numFmtId: 0, fontId: 0, fillId: 0, borderId: 0 },
  { style: 'title', numFmtId: 0, fontId: 1, fillId: 0, borderId: 0, alignment: '<alignment vertical="center"/>' },
  { style: 'subtitle', numFmtId: 0, fontId: 2, fillId: 0, borderId: 0, alignment: '<alignment vertical="center"/>' },
  { style: 'header', numFmtId: 0, fontId: 3, fillId: 2, borderId: 3, alignment: '<alignment horizontal="left" vertical="center" wrapText="1" indent="1"/>' },
  {
    style: 'headerRight',
    numFmtId: 0,
    fontId: 3,
    fillId: 2,
    borderId: 3,
    alignment: '<alignment horizontal="right" vertical="center" wrapText="1"/>',
  },
  { style: 'note', numFmtId: 0, fontId: 2, fillId: 0, borderId: 0, alignment: '<alignment vertical="top" wrapText="1"/>' },
  { style: 'sectionHeading', numFmtId: 0, fontId: 4, fillId: 0, borderId: 0, alignment: '<alignment vertical="center"/>' },
  { style: 'code', numFmtId: TEXT_FORMAT_ID, fontId: 0, fillId: 0, borderId: 2, alignment: TOP_TEXT },
  { style: 'integer', numFmtId: 164, fontId: 0, fillId: 0, borderId: 2, alignment: TOP },
  { style: 'amount', numFmtId: 165, fontId: 0, fillId: 0, borderId: 2, alignment: TOP },
  { style: 'percent', numFmtId: 166, fontId: 0, fillId: 0, borderId: 2, alignment: TOP },
  { style: 'ratio', numFmtId: 167, fontId: 0, fillId: 0, borderId: 2, alignment: TOP },
  { style: 'date', numFmtId: 168, fontId: 0, fillId: 0, borderId: 2, alignment: TOP },
  // Free text in a table (after the others: existing style indices stay stable).
  { style: 'text', numFmtId: 0, fontId: 0, fillId: 0, borderId: 2, alignment: TOP_TEXT },
  // Long text (tags, reasons) wraps within its column rather than spilling over the next ones.
  { style: 'textWrap', numFmtId: 0, fontId: 0, fillId: 0, borderId: 2, alignment: '<alignment horizontal="left" vertical="top" wrapText="1" indent="1"/>' },
];

const BASE_INDEX = new Map<CellStyle, number>(XFS.map((xf, index) => [xf.style, index]));

/** The `s` attribute of a cell: its style, or the style's quote-prefixed twin. */
export function styleIndex(style: CellStyle, quotePrefix = false): number {
  return BASE_INDEX.get(style)! + (quotePrefix ? XFS.length : 0);
}

/** The data cell style of a column kind. */
export function dataStyleOf(kind: ReportColumnKind): CellStyle {
  switch (kind) {
    case 'text':
      return 'text';
    case 'code':
    case 'phone':
      return 'code';
    default:
      return kind;
  }
}

function xfXml(xf: Xf, quotePrefix: boolean): string {
  const attributes = [
    `numFmtId="${xf.numFmtId}"`,
    `fontId="${xf.fontId}"`,
    `fillId="${xf.fillId}"`,
    `borderId="${xf.borderId}"`,
    'xfId="0"',
    xf.numFmtId !== 0 ? 'applyNumberFormat="1"' : '',
    xf.fontId !== 0 ? 'applyFont="1"' : '',
    xf.fillId !== 0 ? 'applyFill="1"' : '',
    xf.borderId !== 0 ? 'applyBorder="1"' : '',
    xf.alignment ? 'applyAlignment="1"' : '',
    quotePrefix ? 'quotePrefix="1"' : '',
  ].filter((a) => a !== '');
  return xf.alignment ? `<xf ${attributes.join(' ')}>${xf.alignment}</xf>` : `<xf ${attributes.join(' ')}/>`;
}

export function stylesXml(fontName: string): string {
  const font = escapeXmlAttribute(fontName);
  const numFmts = CUSTOM_FORMATS.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXmlAttribute(code)}"/>`);
  const xfs = [...XFS.map((xf) => xfXml(xf, false)), ...XFS.map((xf) => xfXml(xf, true))];
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>`,
    '<fonts count="5">',
    `<font><sz val="11"/><name val="${font}"/><family val="2"/></font>`,
    `<font><b/><sz val="14"/><color rgb="FF1F3864"/><name val="${font}"/><family val="2"/></font>`,
    `<font><sz val="10"/><color rgb="FF595959"/><name val="${font}"/><family val="2"/></font>`,
    `<font><b/><sz val="11"/><name val="${font}"/><family val="2"/></font>`,
    `<font><b/><sz val="12"/><color rgb="FF1F3864"/><name val="${font}"/><family val="2"/></font>`,
    '</fonts>',
    '<fills count="3">',
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>',
    '</fills>',
    // Tables carry their own thin rules, so they print as tables without the sheet's gridlines.
    '<borders count="4">',
    '<border><left/><right/><top/><bottom/><diagonal/></border>',
    '<border><left/><right/><top/><bottom style="thin"><color rgb="FF9BC2E6"/></bottom><diagonal/></border>',
    '<border><left style="thin"><color rgb="FFD0D7E1"/></left><right style="thin"><color rgb="FFD0D7E1"/></right><top style="thin"><color rgb="FFD0D7E1"/></top><bottom style="thin"><color rgb="FFD0D7E1"/></bottom><diagonal/></border>',
    '<border><left style="thin"><color rgb="FFA9BCD8"/></left><right style="thin"><color rgb="FFA9BCD8"/></right><top style="thin"><color rgb="FFA9BCD8"/></top><bottom style="thin"><color rgb="FF5B9BD5"/></bottom><diagonal/></border>',
    '</borders>',
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`,
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
    '</styleSheet>',
  ].join('');
}
