/**
 * Churn risk 0–100 with its reasons. Each signal has a strength 0..1; the risk is
 * min(100, Σ weight × strength) with the weights from settings (default sum 100):
 * - gap-beyond-rhythm: recencyDays beyond the customer's rhythm I (lifecycle.ts);
 *   strength = (recency − I) / ((lostFactor − 1) × I), capped at 1.
 * - amount-down: amount12m below half of amountPrev12m; strength = −amountChange12m (≤ 1).
 * - unresolved-complaint: open complaints; strength 1.
 * - rising-overdue: overdue now above overdue 90 days ago; strength = relative rise (≤ 1; 1 when
 *   nothing was overdue before).
 * - idle-equipment: units reporting zero hours in the last 30 days; strength = idle / owned.
 *   (Working-hour history is not imported, so "falling hours" is judged as idle units.)
 * Prospects have risk 0 and no reasons; customers already 'lost' keep their score (the gap
 * signal is at full strength) so they rank at the top of win-back lists.
 */
import type { AnalysisSettings, ChurnReason, ChurnReasonCode, ChurnResult, ChurnSignal, LifecycleStage, MetricTable } from './types.ts';
import { rhythmDays } from './lifecycle.ts';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
const yuan = (x: number): string => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const NO_SIGNALS: readonly ChurnSignal[] = Object.freeze([]);

/**
 * The signals of customer i in order, each with the figures its text quotes. Scoring runs this
 * for every customer on every re-score, so it builds no text: churnReasonsOf does, for one.
 */
function signalsOf(
  table: MetricTable,
  i: number,
  settings: AnalysisSettings,
  add: (code: ChurnReasonCode, strength: number, a: number, b: number) => void,
): void {
  const c = table.columns;
  const rec = c.recencyDays[i]!;
  const rhythm = rhythmDays(c.typicalIntervalDays[i]!, settings);
  if (rec > rhythm) add('gap-beyond-rhythm', clamp01((rec - rhythm) / (Math.max(0.1, settings.lifecycle.lostFactor - 1) * rhythm)), rec, rhythm);
  const change = c.amountChange12m[i]!;
  if (!Number.isNaN(change) && change < -0.5) add('amount-down', clamp01(-change), change, 0);
  const open = c.openComplaints[i]!;
  if (open > 0) add('unresolved-complaint', 1, open, 0);
  const over = c.overdueAmount[i]!;
  const prev = c.overdueAmountPrev[i]!;
  if (over > 0 && over > prev + 0.5) add('rising-overdue', prev > 0 ? clamp01((over - prev) / prev) : 1, prev, over);
  const units = c.unitsOwned[i]!;
  const idle = c.idleUnits[i]!;
  if (units > 0 && idle > 0) add('idle-equipment', clamp01(idle / units), idle, units);
}

function textOf(code: ChurnReasonCode, a: number, b: number): { textZh: string; textEn: string } {
  switch (code) {
    case 'gap-beyond-rhythm':
      return {
        textZh: `已 ${a} 天未购买，超过其购买节奏（约 ${Math.round(b)} 天）`,
        textEn: `No purchase for ${a} days, beyond the usual rhythm of about ${Math.round(b)} days`,
      };
    case 'amount-down':
      return {
        textZh: `近12个月金额比前12个月下降 ${Math.round(-a * 100)}%`,
        textEn: `12-month amount down ${Math.round(-a * 100)}% on the previous 12 months`,
      };
    case 'unresolved-complaint':
      return { textZh: `有 ${a} 个未解决投诉`, textEn: `${a} unresolved complaint${a > 1 ? 's' : ''}` };
    case 'rising-overdue':
      return {
        textZh: `逾期金额上升：${yuan(a)} → ${yuan(b)} 元（90天内）`,
        textEn: `Overdue rising: ${yuan(a)} → ${yuan(b)} yuan in 90 days`,
      };
    case 'idle-equipment':
      return { textZh: `${a} 台设备近30天未工作`, textEn: `${a} unit${a > 1 ? 's' : ''} idle in the last 30 days` };
  }
}

export function churnRisk(table: MetricTable, lifecycle: readonly LifecycleStage[], settings: AnalysisSettings): ChurnResult {
  const n = table.size;
  const w = settings.churnWeights;
  const risk = new Float64Array(n);
  const reasons = new Array<readonly ChurnSignal[]>(n);
  let list: ChurnSignal[] | null = null;
  let score = 0;
  const add = (code: ChurnReasonCode, strength: number): void => {
    (list ??= []).push({ code, strength });
    score += w[code] * strength;
  };
  for (let i = 0; i < n; i++) {
    list = null;
    score = 0;
    if (lifecycle[i] !== 'prospect') signalsOf(table, i, settings, add);
    reasons[i] = list ?? NO_SIGNALS;
    risk[i] = Math.min(100, Math.round(score * 10) / 10);
  }
  return { risk, reasons };
}

/** Customer i's churn reasons with their texts (zh/en), as churnRisk found them. */
export function churnReasonsOf(table: MetricTable, i: number, lifecycle: LifecycleStage, settings: AnalysisSettings): ChurnReason[] {
  const out: ChurnReason[] = [];
  if (lifecycle === 'prospect') return out;
  signalsOf(table, i, settings, (code, strength, a, b) => out.push({ code, strength, ...textOf(code, a, b) }));
  return out;
}
