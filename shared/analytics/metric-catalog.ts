/** The metric catalog: every field a rule, a list column or a report can use, named zh/en. */
import type { MetricSpec } from './types.ts';

type Row = [
  MetricSpec['key'],
  MetricSpec['type'],
  MetricSpec['unit'],
  MetricSpec['group'],
  boolean | null,
  string,
  string,
  string,
  string,
];

// key, type, unit, group, higherIsBetter, nameZh, nameEn, descriptionZh, descriptionEn
const ROWS: Row[] = [
  ['firstOrderDate', 'date', null, 'purchase', null, '首次下单日期', 'First order date', '分析日期及之前的第一笔有效订单日期', 'Date of the first non-cancelled order on or before the analysis date'],
  ['lastOrderDate', 'date', null, 'purchase', null, '最近下单日期', 'Last order date', '分析日期及之前的最近一笔有效订单日期', 'Date of the latest non-cancelled order on or before the analysis date'],
  ['recencyDays', 'number', 'days', 'purchase', false, '距上次购买天数 (R)', 'Days since last purchase (R)', '分析日期减最近下单日期', 'Analysis date minus the last order date'],
  ['frequency', 'number', 'count', 'purchase', true, '购买次数 (F)', 'Purchases (F)', 'F/M 窗口内的购买次数（按设置：订单行或合同）', 'Purchases in the F/M window (order lines or contracts, per settings)'],
  ['monetary', 'number', 'yuan', 'purchase', true, '消费金额 (M)', 'Monetary (M)', '按设置：窗口内总金额、每次平均金额或实收回款', 'Per settings: total amount, average per purchase, or amount collected in the window'],
  ['purchaseCount', 'number', 'count', 'purchase', true, '累计购买次数', 'Purchases (all time)', '全部历史的购买次数', 'Purchases over all history'],
  ['totalAmount', 'number', 'yuan', 'purchase', true, '累计金额', 'Total amount', '全部历史的订单金额合计', 'Order amount over all history'],
  ['averageAmount', 'number', 'yuan', 'purchase', true, '平均每次金额', 'Average per purchase', '累计金额 ÷ 累计购买次数', 'Total amount divided by purchases'],
  ['collectedAmount', 'number', 'yuan', 'payment', true, '累计回款', 'Amount collected', '分析日期及之前实际收到的回款', 'Payments actually received on or before the analysis date'],
  ['amount12m', 'number', 'yuan', 'purchase', true, '近12个月金额', 'Amount, last 12 months', '分析日期前12个月内的订单金额', 'Order amount in the 12 months up to the analysis date'],
  ['amountPrev12m', 'number', 'yuan', 'purchase', true, '前12个月金额', 'Amount, previous 12 months', '再往前12个月（13–24个月）的订单金额', 'Order amount in the 12 months before that (months 13–24)'],
  ['amountChange12m', 'number', 'ratio', 'purchase', true, '金额同比变化', 'Amount change (year on year)', '近12个月金额 ÷ 前12个月金额 − 1；前12个月为0时为空', 'Last 12 months ÷ previous 12 months − 1; empty when the previous is 0'],
  ['typicalIntervalDays', 'number', 'days', 'purchase', null, '典型购买间隔', 'Typical purchase interval', '相邻购买日期间隔的中位数；少于两次购买时为空', 'Median gap between purchase dates; empty with fewer than two'],
  ['productLineCount', 'number', 'count', 'purchase', true, '购买产品线数', 'Product lines bought', '购买过的不同产品线数量', 'Number of distinct product lines bought'],
  ['productLines', 'list', null, 'purchase', null, '购买产品线', 'Product lines', '购买过的产品线', 'Product lines bought'],
  ['amountDue', 'number', 'yuan', 'payment', null, '应收金额', 'Amount due', '应收日期在分析日期及之前的应收金额', 'Amount falling due on or before the analysis date'],
  ['overdueAmount', 'number', 'yuan', 'payment', false, '逾期金额', 'Overdue amount', '已过应收日期且未收回的金额', 'Amount past its due date and not paid'],
  ['overdueAmountPrev', 'number', 'yuan', 'payment', false, '90天前逾期金额', 'Overdue amount 90 days ago', '按分析日期前90天计算的逾期金额（用于判断逾期是否上升）', 'Overdue amount as of 90 days before the analysis date (for rising overdue)'],
  ['maxDaysOverdue', 'number', 'days', 'payment', false, '最长逾期天数', 'Max days overdue', '仍未收回的最早应收款已逾期的天数', 'Days since the due date of the oldest unpaid amount'],
  ['onTimeRate', 'number', 'ratio', 'payment', true, '按时回款率', 'On-time payment rate', '已到期应收中在应收日期前全额回款的比例', 'Share of due payments paid in full by their due date'],
  ['openOpportunities', 'number', 'count', 'opportunity', true, '进行中商机', 'Open opportunities', '进行中的商机数量', 'Opportunities still open'],
  ['wonOpportunities', 'number', 'count', 'opportunity', true, '赢单商机', 'Won opportunities', '赢单的商机数量', 'Opportunities won'],
  ['lostOpportunities', 'number', 'count', 'opportunity', false, '输单商机', 'Lost opportunities', '输单的商机数量', 'Opportunities lost'],
  ['winRate', 'number', 'ratio', 'opportunity', true, '赢单率', 'Win rate', '赢单 ÷（赢单＋输单）；无已关闭商机时为空', 'Won ÷ (won + lost); empty when none closed'],
  ['pipelineAmount', 'number', 'yuan', 'opportunity', true, '商机预计金额', 'Pipeline amount', '进行中商机的预计金额合计', 'Expected amount of open opportunities'],
  ['tickets12m', 'number', 'count', 'service', null, '近12个月工单', 'Tickets, 12 months', '近12个月的服务工单数', 'Service tickets opened in the last 12 months'],
  ['repairs12m', 'number', 'count', 'service', null, '近12个月报修', 'Repairs, 12 months', '近12个月的报修工单数', 'Repair tickets in the last 12 months'],
  ['complaints12m', 'number', 'count', 'service', false, '近12个月投诉', 'Complaints, 12 months', '近12个月的投诉工单数', 'Complaint tickets in the last 12 months'],
  ['openComplaints', 'number', 'count', 'service', false, '未解决投诉', 'Open complaints', '截至分析日期尚未关闭的投诉', 'Complaints not closed by the analysis date'],
  ['avgSatisfaction', 'number', 'score', 'service', true, '平均满意度', 'Average satisfaction', '工单评分（1–5）与调研得分（0–100 ÷ 20）统一为0–5分后的平均', 'Ticket ratings (1–5) and survey scores (0–100 ÷ 20) averaged on one 0–5 scale'],
  ['unitsOwned', 'number', 'count', 'equipment', true, '保有设备台数', 'Units owned', '分析日期及之前购买的设备台数', 'Units bought on or before the analysis date'],
  ['avgEquipmentAgeYears', 'number', 'years', 'equipment', null, '平均设备年龄', 'Average equipment age', '设备自购买以来的平均年数', 'Average years since purchase of the units'],
  ['workingHours30d', 'number', 'hours', 'equipment', true, '近30天工作小时', 'Working hours, 30 days', '各设备近30天工作小时合计；无上报时为空', 'Sum of reported working hours in the last 30 days; empty when none reports'],
  ['idleUnits', 'number', 'count', 'equipment', false, '闲置设备台数', 'Idle units', '近30天工作小时为0的设备台数', 'Units reporting zero hours in the last 30 days'],
  ['createdDate', 'date', null, 'profile', null, '建档日期', 'Created', '客户建档日期', 'Date the customer record was created'],
  ['code', 'text', null, 'profile', null, '客户编码', 'Customer code', '客户编码', 'Customer code'],
  ['name', 'text', null, 'profile', null, '客户名称', 'Name', '客户名称', 'Customer name'],
  ['type', 'text', null, 'profile', null, '客户类型', 'Type', '客户类型', 'Customer type'],
  ['industry', 'text', null, 'profile', null, '行业', 'Industry', '行业', 'Industry'],
  ['province', 'text', null, 'profile', null, '省份', 'Province', '省份', 'Province'],
  ['city', 'text', null, 'profile', null, '城市', 'City', '城市', 'City'],
  ['accountManager', 'text', null, 'profile', null, '客户经理', 'Account manager', '客户经理', 'Account manager'],
  ['salesRegion', 'text', null, 'profile', null, '所属大区', 'Sales region', '所属大区', 'Sales region'],
];

export const METRIC_CATALOG: readonly MetricSpec[] = ROWS.map(
  ([key, type, unit, group, higherIsBetter, nameZh, nameEn, descriptionZh, descriptionEn]) => ({
    key,
    type,
    unit,
    group,
    higherIsBetter,
    nameZh,
    nameEn,
    descriptionZh,
    descriptionEn,
  }),
);

const BY_KEY = new Map<string, MetricSpec>(METRIC_CATALOG.map((s) => [s.key, s]));

export function metricSpec(key: string): MetricSpec | undefined {
  return BY_KEY.get(key);
}
