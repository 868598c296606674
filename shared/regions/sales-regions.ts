/**
 * The seven sales regions (大区) a Chinese sales organisation usually reports by.
 * Hong Kong, Macau and Taiwan default to 华南: machinery makers typically serve them from the
 * southern office, and a separate eighth region would show as an empty bar in every chart.
 * A workspace may still reassign any province to any region name it likes.
 */
export const SALES_REGIONS = ['华东', '华北', '华中', '华南', '西南', '西北', '东北'] as const;
export type SalesRegion = (typeof SALES_REGIONS)[number];

/** English labels for the region names, used by the English UI. */
export const SALES_REGION_EN: Readonly<Record<SalesRegion, string>> = {
  华东: 'East China',
  华北: 'North China',
  华中: 'Central China',
  华南: 'South China',
  西南: 'Southwest China',
  西北: 'Northwest China',
  东北: 'Northeast China',
};

export function isSalesRegion(value: string): value is SalesRegion {
  return (SALES_REGIONS as readonly string[]).includes(value);
}
