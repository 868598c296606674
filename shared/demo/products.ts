import type { CustomerType } from '../schema/records.ts';
import { createPicker, type Rng } from './rng.ts';

/** Product lines as the reference case's CRM names them; the first four are machines. */
export const PRODUCT_LINES = ['起重机', '挖掘机', '装载机', '混凝土机械', '配件', '维修服务'] as const;
export type ProductLine = (typeof PRODUCT_LINES)[number];
export const MACHINE_LINES = ['起重机', '挖掘机', '装载机', '混凝土机械'] as const;
export type MachineLine = (typeof MACHINE_LINES)[number];

export function isMachineLine(line: string): line is MachineLine {
  return (MACHINE_LINES as readonly string[]).includes(line);
}

export interface MachineModel {
  line: MachineLine;
  model: string;
  /** Typical list price per unit, yuan. */
  price: number;
  /** How often it sells relative to the other models of its line. */
  share: number;
}

const MODELS: readonly MachineModel[] = [
  { line: '起重机', model: 'QY25K5', price: 880_000, share: 5 },
  { line: '起重机', model: 'XCT25', price: 920_000, share: 3 },
  { line: '起重机', model: 'STC250', price: 950_000, share: 4 },
  { line: '起重机', model: 'QY50KA', price: 1_600_000, share: 3 },
  { line: '起重机', model: 'QY70K', price: 2_700_000, share: 1.5 },
  { line: '起重机', model: 'SCC550E', price: 2_300_000, share: 0.8 },
  { line: '起重机', model: 'STC800T', price: 3_600_000, share: 0.8 },
  { line: '起重机', model: 'QAY220', price: 6_900_000, share: 0.4 },
  { line: '挖掘机', model: 'SY60C', price: 330_000, share: 4 },
  { line: '挖掘机', model: 'SY75C', price: 390_000, share: 5 },
  { line: '挖掘机', model: 'SY135C', price: 630_000, share: 4 },
  { line: '挖掘机', model: 'SY215C', price: 930_000, share: 6 },
  { line: '挖掘机', model: 'XE215DA', price: 880_000, share: 3 },
  { line: '挖掘机', model: 'SY245H', price: 1_050_000, share: 2 },
  { line: '挖掘机', model: 'SY365H', price: 1_450_000, share: 2 },
  { line: '挖掘机', model: 'SY500H', price: 2_150_000, share: 0.8 },
  { line: '挖掘机', model: 'XE490DK', price: 2_300_000, share: 0.5 },
  { line: '装载机', model: 'ZL30G', price: 210_000, share: 2 },
  { line: '装载机', model: 'LG855N', price: 310_000, share: 3 },
  { line: '装载机', model: 'ZL50G', price: 330_000, share: 6 },
  { line: '装载机', model: 'LW500FN', price: 340_000, share: 4 },
  { line: '装载机', model: 'XC958', price: 430_000, share: 2 },
  { line: '装载机', model: 'LW800KV', price: 720_000, share: 0.6 },
  { line: '混凝土机械', model: 'SY412C-8', price: 420_000, share: 3 },
  { line: '混凝土机械', model: 'HBT8016C', price: 550_000, share: 1 },
  { line: '混凝土机械', model: 'HBC10018', price: 620_000, share: 1.5 },
  { line: '混凝土机械', model: 'HB37V', price: 1_850_000, share: 1.5 },
  { line: '混凝土机械', model: 'HZS180', price: 2_100_000, share: 0.4 },
  { line: '混凝土机械', model: 'HB56K', price: 3_400_000, share: 0.7 },
  { line: '混凝土机械', model: 'HB62V', price: 4_300_000, share: 0.3 },
];

/** Unit prices stay inside these bounds whatever the discount noise does. */
const PRICE_BOUNDS: Readonly<Record<MachineLine, readonly [number, number]>> = {
  起重机: [500_000, 8_000_000],
  挖掘机: [300_000, 2_500_000],
  装载机: [200_000, 800_000],
  混凝土机械: [350_000, 5_000_000],
};

const modelPickers = new Map(
  MACHINE_LINES.map((line) => {
    const models = MODELS.filter((m) => m.line === line);
    return [line, createPicker(models, models.map((m) => m.share))] as const;
  }),
);

export function pickModel(rng: Rng, line: MachineLine): MachineModel {
  const picker = modelPickers.get(line);
  if (!picker) throw new Error(`no models for ${line}`);
  return picker(rng);
}

/** The most expensive models, which big one-off buyers favour. */
export function flagshipModels(): MachineModel[] {
  return MODELS.filter((m) => m.price >= 2_000_000);
}

const LINE_MIX: Readonly<Record<CustomerType, readonly number[]>> = {
  // 起重机, 挖掘机, 装载机, 混凝土机械
  enterprise: [3, 4, 2, 2],
  rental: [5, 4, 1.5, 1],
  owner_operator: [0.8, 6, 3, 0.6],
  government: [1, 2, 3, 1],
  dealer: [2, 5, 3, 1],
};

const INDUSTRY_MIX: Readonly<Record<string, readonly number[]>> = {
  矿山开采: [0.5, 6, 5, 0.3],
  港口物流: [6, 1, 4, 0.2],
  建筑施工: [3, 3, 1.5, 3],
};

export function pickMachineLine(rng: Rng, type: CustomerType, industry: string): MachineLine {
  return rng.weighted(MACHINE_LINES, INDUSTRY_MIX[industry] ?? LINE_MIX[type]);
}

/** Discounted unit price: list price with a few percent of negotiation either way, to 100 yuan. */
export function unitPrice(rng: Rng, model: MachineModel): number {
  const [min, max] = PRICE_BOUNDS[model.line];
  const price = model.price * Math.exp(0.07 * rng.normal());
  return Math.round(Math.min(max, Math.max(min, price)) / 100) * 100;
}

export function machineQuantity(rng: Rng, type: CustomerType): number {
  switch (type) {
    case 'owner_operator':
      return rng.chance(0.95) ? 1 : 2;
    case 'enterprise':
      return rng.chance(0.72) ? 1 : rng.int(2, 3);
    case 'government':
      return rng.chance(0.6) ? 1 : rng.int(2, 3);
    case 'rental':
      return rng.chance(0.55) ? 1 : Math.min(6, 1 + rng.poisson(1));
    case 'dealer':
      return rng.int(2, 6);
  }
}

/** Spare-part orders: frequent, small, heavily skewed. Cents matter here. */
export function partsOrder(rng: Rng): { quantity: number; amount: number } {
  const quantity = Math.max(1, Math.min(200, Math.round(rng.logNormal(4, 1))));
  const amount = Math.min(300_000, Math.max(200, rng.logNormal(6_000, 1.1)));
  return { quantity, amount: Math.round(amount * 100) / 100 };
}

export function serviceOrder(rng: Rng): { quantity: number; amount: number } {
  const amount = Math.min(150_000, Math.max(300, rng.logNormal(4_500, 0.9)));
  return { quantity: 1, amount: Math.round(amount * 100) / 100 };
}

/** Two-letter code of a machine line, used in serial numbers. */
export const LINE_CODES: Readonly<Record<MachineLine, string>> = {
  起重机: 'QZ',
  挖掘机: 'WJ',
  装载机: 'ZZ',
  混凝土机械: 'HN',
};
