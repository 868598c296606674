export type {
  PersonalDataKind,
  PersonalDataMode,
  ReportColumn,
  ReportColumnKind,
  ReportProgress,
  ReportSection,
  ReportSheet,
  ReportValue,
} from './report-model.ts';
export { sanitizeSheetName, sanitizeSheetNames, SHEET_NAME_MAX_LENGTH } from './sheet-name.ts';
export { displayWidth } from './display-width.ts';
export { fitColumnWidths, formattedWidth, headerWraps, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, twoLineWidth, type FitOptions } from './column-widths.ts';
export { neutralizeFormula, startsLikeFormula } from './formula-guard.ts';
export { maskAddress, maskIdNumber, maskPhone, maskReportValue, personalDataOf } from './masking.ts';
export {
  AMOUNT_FORMAT,
  DATE_FORMAT,
  INTEGER_FORMAT,
  PERCENT_FORMAT,
  RATIO_FORMAT,
  TEXT_FORMAT,
  cellKindOf,
  isNumericKind,
  numberFormatOf,
} from './number-formats.ts';
export { excelSerialFromIsoDate, isoDateFromExcelSerial } from './excel-date.ts';
export { reportLabels, type ReportLabels } from './report-labels.ts';
export {
  customersSheet,
  reportSubtitle,
  summarySheet,
  type CountRow,
  type CustomerReportRow,
  type KeyFigure,
  type ReportContext,
  type SummaryInput,
} from './sheets.ts';
