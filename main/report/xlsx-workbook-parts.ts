/** The fixed parts of an .xlsx package around its worksheets. */
import { autoFilterRef, printTitleRows, type SheetLayout } from './sheet-xml.ts';
import { columnLetters, quotedSheetName } from './cell-ref.ts';
import { escapeXmlAttribute } from './xml-text.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`,
  ).join('');
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    sheets +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

export function rootRelsXml(): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
    '</Relationships>'
  );
}

export function appXml(): string {
  return (
    XML_HEAD +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    '<Application>Customer Atlas</Application></Properties>'
  );
}

export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheets +
    `<Relationship Id="rId${sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

/**
 * workbook.xml with, per sheet, the hidden `_xlnm._FilterDatabase` name Excel and
 * LibreOffice expect next to an auto-filter, and print titles repeating the title and header
 * rows on every printed page (see printTitleRows).
 */
export function workbookXml(layouts: readonly SheetLayout[], columnCounts: readonly number[]): string {
  const sheets = layouts
    .map((layout, i) => `<sheet name="${escapeXmlAttribute(layout.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const names: string[] = [];
  layouts.forEach((layout, i) => {
    const count = columnCounts[i] ?? 0;
    if (count === 0) return;
    const sheet = escapeXmlAttribute(quotedSheetName(layout.name));
    const [from, to] = autoFilterRef(layout, columnLetters(count - 1)).split(':') as [string, string];
    const absolute = (ref: string): string => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${sheet}!${absolute(from)}:${absolute(to)}</definedName>`);
  });
  layouts.forEach((layout, i) => {
    const [first, last] = printTitleRows(layout);
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXmlAttribute(quotedSheetName(layout.name))}!$${first}:$${last}</definedName>`);
  });
  return (
    XML_HEAD +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<workbookPr/>' +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000" activeTab="0"/></bookViews>' +
    `<sheets>${sheets}</sheets>` +
    (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '<calcPr calcId="191029"/>' +
    '</workbook>'
  );
}
