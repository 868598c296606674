/** Analysis settings, their defaults and how the analysis date is chosen. */
import type { AnalysisSettings } from './types.ts';
import { toDay } from './days.ts';

export const DEFAULT_SETTINGS: AnalysisSettings = {
  analysisDate: null,
  window: 'all',
  recentMonths: 12,
  monetary: 'total',
  // A machinery contract often has several lines (a crane and its spare parts): one purchase.
  purchaseUnit: 'contract',
  // A week of grace: a transfer booked a few days after the due date is not "late" in practice.
  paymentGraceDays: 7,
  bins: { r: 5, f: 5, m: 5 },
  method: 'quantile',
  // Reasonable cut points for a machinery maker (days / purchases / yuan), used in 'thresholds'
  // mode; R cuts are "at most N days" limits from the best score down.
  thresholds: {
    r: [90, 180, 365, 730],
    f: [2, 3, 5, 8],
    m: [200_000, 500_000, 1_000_000, 3_000_000],
  },
  lifecycle: { sleepingFactor: 1.5, lostFactor: 3, newWithinDays: 180, defaultIntervalDays: 365, minIntervalDays: 90 },
  churnWeights: {
    'gap-beyond-rhythm': 35,
    'amount-down': 25,
    'unresolved-complaint': 15,
    'rising-overdue': 15,
    'idle-equipment': 10,
  },
};

/**
 * The analysis date: the explicit setting when valid, else the latest order date in the data,
 * else today (all ISO). Never reads the clock: `today` is an input.
 */
export function resolveAnalysisDate(
  settings: Pick<AnalysisSettings, 'analysisDate'>,
  latestOrderDate: string | null,
  today: string,
): string {
  if (settings.analysisDate !== null && !Number.isNaN(toDay(settings.analysisDate))) {
    return settings.analysisDate.slice(0, 10);
  }
  if (latestOrderDate !== null && !Number.isNaN(toDay(latestOrderDate))) return latestOrderDate.slice(0, 10);
  return today.slice(0, 10);
}

/** Fills missing fields of stored (possibly older) settings from the defaults. */
export function normalizeSettings(partial: Partial<AnalysisSettings> | null | undefined): AnalysisSettings {
  const p = partial ?? {};
  return {
    ...DEFAULT_SETTINGS,
    ...p,
    bins: { ...DEFAULT_SETTINGS.bins, ...(p.bins ?? {}) },
    thresholds: { ...DEFAULT_SETTINGS.thresholds, ...(p.thresholds ?? {}) },
    lifecycle: { ...DEFAULT_SETTINGS.lifecycle, ...(p.lifecycle ?? {}) },
    churnWeights: { ...DEFAULT_SETTINGS.churnWeights, ...(p.churnWeights ?? {}) },
  };
}

export interface SettingsIssue {
  path: string;
  message: string;
  messageZh: string;
}

/** Checks settings before they are saved (the Settings → Analysis page refuses invalid ones). */
export function validateSettings(s: AnalysisSettings): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const add = (path: string, message: string, messageZh: string): void => {
    issues.push({ path, message, messageZh });
  };
  const posInt = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 1;
  if (s.analysisDate !== null && (s.analysisDate.length < 10 || Number.isNaN(toDay(s.analysisDate)))) {
    add('analysisDate', 'The analysis date must be a date (YYYY-MM-DD) or empty', '分析日期必须是日期（YYYY-MM-DD）或留空');
  }
  if (s.window !== 'all' && !posInt(s.window.months)) add('window.months', 'The window must be a whole number of months (at least 1)', '时间窗口必须是至少 1 的整数月数');
  if (!posInt(s.recentMonths)) add('recentMonths', 'The recent window must be a whole number of months (at least 1)', '近期窗口必须是至少 1 的整数月数');
  if (!['total', 'average', 'collected'].includes(s.monetary)) add('monetary', 'M must be total, average or collected', 'M 必须是总金额、平均金额或实收回款');
  if (s.purchaseUnit !== 'line' && s.purchaseUnit !== 'contract') add('purchaseUnit', 'A purchase is an order line or a contract', '购买单位必须是订单行或合同');
  if (!(Number.isInteger(s.paymentGraceDays) && s.paymentGraceDays >= 0 && s.paymentGraceDays <= 365)) {
    add('paymentGraceDays', 'Grace days must be a whole number from 0 to 365', '宽限天数必须是 0 到 365 之间的整数');
  }
  if (s.method !== 'quantile' && s.method !== 'thresholds') add('method', 'Scoring is by quantiles or by thresholds', '评分方式必须是分位数或业务阈值');
  for (const d of ['r', 'f', 'm'] as const) {
    const bins = s.bins[d];
    if (bins !== 3 && bins !== 4 && bins !== 5) add(`bins.${d}`, `${d.toUpperCase()} bins must be 3, 4 or 5`, `${d.toUpperCase()} 档数必须是 3、4 或 5`);
    if (s.method === 'thresholds') {
      const cuts = s.thresholds[d];
      const ascending = cuts.every((c, i) => Number.isFinite(c) && (i === 0 || c > cuts[i - 1]!));
      if (cuts.length !== bins - 1 || !ascending) {
        add(`thresholds.${d}`, `${d.toUpperCase()} needs ${bins - 1} ascending cut points`, `${d.toUpperCase()} 需要 ${bins - 1} 个递增的分界值`);
      }
    }
  }
  const lc = s.lifecycle;
  if (!(lc.sleepingFactor >= 1)) add('lifecycle.sleepingFactor', 'The sleeping factor must be at least 1', '沉睡倍数必须不小于 1');
  if (!(lc.lostFactor > lc.sleepingFactor)) add('lifecycle.lostFactor', 'The lost factor must be above the sleeping factor', '流失倍数必须大于沉睡倍数');
  if (!(lc.newWithinDays >= 0)) add('lifecycle.newWithinDays', 'Days for "new" must be 0 or more', '“新客户”天数不能为负');
  if (!(lc.defaultIntervalDays > 0)) add('lifecycle.defaultIntervalDays', 'The default interval must be above 0 days', '默认购买间隔必须大于 0 天');
  if (!(lc.minIntervalDays >= 0)) add('lifecycle.minIntervalDays', 'The minimum interval must be 0 days or more', '最小购买间隔不能为负');
  for (const [code, w] of Object.entries(s.churnWeights)) {
    if (!(typeof w === 'number' && w >= 0 && w <= 100)) add(`churnWeights.${code}`, 'A churn weight must be between 0 and 100', '流失权重必须在 0 到 100 之间');
  }
  return issues;
}
