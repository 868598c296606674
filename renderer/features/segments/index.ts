export { SegmentsPage } from './SegmentsPage.tsx';
export { segmentGridOption, revenueTreemapOption, cellTooltipHtml } from './segment-options.ts';
export { useSegmentsScheme } from './segments-store.ts';
