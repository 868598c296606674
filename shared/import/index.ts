/**
 * The pure import logic (no Node, no DOM): sniffing text files, parsing delimited text,
 * locating the table in a sheet, proposing a column mapping, normalising values and rows.
 * The pipeline (reader process, worker, API, screens) uses the import feature through here.
 */
export type * from './types.ts';
export { sniffEncoding, decodeText } from './encoding.ts';
export { sniffDelimiter, parseDelimited, createDelimitedParser, formatDelimited } from './delimited.ts';
export { locateTable, isBlankRow, isTotalsRow, couldStartTotalsLabel } from './locate-table.ts';
export { FIELDS, fieldSpec, customerRefFields, CUSTOMER_REF } from './fields.ts';
export { CUSTOMER_TYPES, ORDER_STATUSES, OPPORTUNITY_RESULTS, TICKET_TYPES } from './enum-values.ts';
export { columnShapes } from './shapes.ts';
export { normalizeHeader, headerUnitMultiplier, headerSignature } from './headers.ts';
export { proposeMapping } from './mapping.ts';
export { inferDateOrder, parseDate, hasYearLastDates } from './dates.ts';
export { excelSerialToIso, isoToExcelSerial, isValidDate, daysFromCivil, civilFromDays } from './excel-serials.ts';
export { parseAmount, parseQuantity, parseInteger, parseNumber } from './amounts.ts';
export { normalizePhone } from './phones.ts';
export { normalizeCode, normalizeText, toHalfWidth } from './text.ts';
export { normalizeRegion } from './regions.ts';
export { normalizeCompanyName } from './company-names.ts';
export { contentKey, fnv1a64 } from './content-key.ts';
export { normalizeEnum } from './enums.ts';
export { lastFilled, normalizeRows, RowNormalizer } from './normalize-rows.ts';
export type { RowSource } from './normalize-rows.ts';
export { inferColumnDateOrders, dateColumns, addColumnDateEvidence, decideColumnDateOrders } from './column-readers.ts';
