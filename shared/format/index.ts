export { formatCount, formatYuan } from './numbers.ts';
export type { AmountOptions } from './numbers.ts';
export { formatDateRange, formatIsoDate, formatMonth, monthSpan } from './dates.ts';
export { escapeHtml } from './escape-html.ts';
