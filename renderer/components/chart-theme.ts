/** The light, print-friendly look every chart shares (fonts with CJK fallbacks, palettes). */

export const CHART_FONT =
  '"Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif';

/** Choropleth ramp, light to dark blue: readable in print and for most colour-vision deficiencies. */
export const CHOROPLETH_COLORS = ['#e8f0fc', '#b9d0f4', '#7fa8e6', '#4a7fd4', '#2a5bb0', '#163d82'] as const;

/** Categorical series colours (same order as the overview's). */
export const SERIES_COLORS = ['#3b6fd8', '#2bb3a3', '#f2a93b', '#8a63d2', '#e0625d', '#5b9bd5', '#9bbb59', '#d67ab1', '#7f8c9d', '#c99a2e'] as const;
