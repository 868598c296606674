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
import type { AnalysisSettings, ChurnReason, ChurnResult, LifecycleStage, MetricTable } from './types.ts';
import { rhythmDays } from './lifecycle.ts';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
const yuan = (x: number): string => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function churnRisk(table: MetricTable, lifecycle: readonly LifecycleStage[], settings: AnalysisSettings): ChurnResult {
  const n = table.size;
  const c = table.columns;
  const w = settings.churnWeights;
  const risk = new Float64Array(n);
  const reasons = new Array<ChurnReason[]>(n);
  for (let i = 0; i < n; i++) {
    const list: ChurnReason[] = [];
    reasons[i] = list;
    if (lifecycle[i] === 'prospect') continue;
    const rec = c.recencyDays[i]!;
    const rhythm = rhythmDays(c.typicalIntervalDays[i]!, settings);
    if (rec > rhythm) {
      const strength = clamp01((rec - rhythm) / (Math.max(0.1, settings.lifecycle.lostFactor - 1) * rhythm));
      list.push({
        code: 'gap-beyond-rhythm',
        strength,
        textZh: `已 ${rec} 天未购买，超过其购买节奏（约 ${Math.round(rhythm)} 天）`,
        textEn: `No purchase for ${rec} days, beyond the usual rhythm of about ${Math.round(rhythm)} days`,
      });
    }
    const change = c.amountChange12m[i]!;
    if (!Number.isNaN(change) && change < -0.5) {
      list.push({
        code: 'amount-down',
        strength: clamp01(-change),
        textZh: `近12个月金额比前12个月下降 ${Math.round(-change * 100)}%`,
        textEn: `12-month amount down ${Math.round(-change * 100)}% on the previous 12 months`,
      });
    }
    const open = c.openComplaints[i]!;
    if (open > 0) {
      list.push({ code: 'unresolved-complaint', strength: 1, textZh: `有 ${open} 个未解决投诉`, textEn: `${open} unresolved complaint${open > 1 ? 's' : ''}` });
    }
    const over = c.overdueAmount[i]!;
    const prev = c.overdueAmountPrev[i]!;
    if (over > 0 && over > prev + 0.5) {
      list.push({
        code: 'rising-overdue',
        strength: prev > 0 ? clamp01((over - prev) / prev) : 1,
        textZh: `逾期金额上升：${yuan(prev)} → ${yuan(over)} 元（90天内）`,
        textEn: `Overdue rising: ${yuan(prev)} → ${yuan(over)} yuan in 90 days`,
      });
    }
    const units = c.unitsOwned[i]!;
    const idle = c.idleUnits[i]!;
    if (units > 0 && idle > 0) {
      list.push({
        code: 'idle-equipment',
        strength: clamp01(idle / units),
        textZh: `${idle} 台设备近30天未工作`,
        textEn: `${idle} unit${idle > 1 ? 's' : ''} idle in the last 30 days`,
      });
    }
    let score = 0;
    for (const r of list) score += w[r.code] * r.strength;
    risk[i] = Math.min(100, Math.round(score * 10) / 10);
  }
  return { risk, reasons };
}
