/**
 * The default tag library of the reference case (a heavy-machinery maker): topics → dimensions →
 * tags. Relative tags (top 20 % …) adapt to any data size; absolute ones use business limits.
 */
import type { Polarity, RuleNode, TagDefinition, TagKind } from './types.ts';

const COLORS: Record<Polarity, string> = { positive: '#1a7f37', negative: '#cf222e', neutral: '#57606a' };

function group(id: string, parentId: string | null, nameZh: string, nameEn: string, descriptionZh: string, descriptionEn: string): TagDefinition {
  return {
    id,
    parentId,
    level: parentId === null ? 'topic' : 'dimension',
    nameZh,
    nameEn,
    descriptionZh,
    descriptionEn,
    polarity: 'neutral',
    color: COLORS.neutral,
    kind: 'fact',
    status: 'active',
    rule: null,
  };
}

function tag(
  id: string,
  parentId: string,
  kind: TagKind,
  polarity: Polarity,
  nameZh: string,
  nameEn: string,
  descriptionZh: string,
  descriptionEn: string,
  rule: RuleNode,
): TagDefinition {
  return { id, parentId, level: 'tag', nameZh, nameEn, descriptionZh, descriptionEn, polarity, color: COLORS[polarity], kind, status: 'active', rule };
}

export const DEFAULT_TAG_LIBRARY: readonly TagDefinition[] = [
  group('economic', null, '经济状况', 'Economic status', '客户的购买力与价值', 'Purchasing power and value'),
  group('purchasing-power', 'economic', '购买力', 'Purchasing power', '按消费金额 (M) 的相对位置划分', 'Relative position by monetary value (M)'),
  tag('high-purchasing-power', 'purchasing-power', 'statistical', 'positive', '高购买力', 'High purchasing power',
    '消费金额 (M) 位于已购客户前 20%', 'Monetary value (M) in the top 20 % of buying customers',
    { metric: 'monetary', op: 'topPercent', value: 20 }),
  tag('low-purchasing-power', 'purchasing-power', 'statistical', 'neutral', '低购买力', 'Low purchasing power',
    '消费金额 (M) 位于已购客户后 30%', 'Monetary value (M) in the bottom 30 % of buying customers',
    { all: [{ metric: 'monetary', op: 'bottomPercent', value: 30 }, { not: { metric: 'tag.high-purchasing-power', op: 'eq', value: true } }] }),
  tag('medium-purchasing-power', 'purchasing-power', 'statistical', 'neutral', '中等购买力', 'Medium purchasing power',
    '已购客户中既非高购买力也非低购买力', 'Buying customers neither high nor low in purchasing power',
    { all: [
      { metric: 'monetary', op: 'notEmpty' },
      { not: { metric: 'tag.high-purchasing-power', op: 'eq', value: true } },
      { not: { metric: 'tag.low-purchasing-power', op: 'eq', value: true } },
    ] }),

  group('credit', null, '信用状况', 'Credit', '回款表现', 'Payment behaviour'),
  group('payment', 'credit', '回款', 'Payments', '按时回款率与逾期情况', 'On-time rate and overdue amounts'),
  tag('pays-on-time', 'payment', 'statistical', 'positive', '回款及时', 'Pays on time',
    '按时回款率 ≥ 90% 且当前无逾期', 'On-time payment rate ≥ 90 % and nothing overdue now',
    { all: [{ metric: 'onTimeRate', op: 'ge', value: 0.9 }, { metric: 'overdueAmount', op: 'le', value: 0 }] }),
  tag('long-overdue', 'payment', 'statistical', 'negative', '长期逾期', 'Long overdue',
    '有未收回款项逾期超过 90 天', 'An unpaid amount more than 90 days past due',
    { all: [{ metric: 'maxDaysOverdue', op: 'gt', value: 90 }, { metric: 'overdueAmount', op: 'gt', value: 0 }] }),
  tag('occasionally-overdue', 'payment', 'statistical', 'neutral', '偶有逾期', 'Occasionally overdue',
    '有应收记录，但既非回款及时也非长期逾期', 'Has due payments, neither on time nor long overdue',
    { all: [
      { metric: 'onTimeRate', op: 'notEmpty' },
      { not: { metric: 'tag.pays-on-time', op: 'eq', value: true } },
      { not: { metric: 'tag.long-overdue', op: 'eq', value: true } },
    ] }),

  group('repurchase', null, '复购意向', 'Repurchase intent', '近期购买与频次', 'Recent and repeat buying'),
  group('repurchase-trend', 'repurchase', '复购趋势', 'Repurchase trend', '复购意向与金额趋势', 'Intent and amount trend'),
  tag('high-repurchase-intent', 'repurchase-trend', 'model', 'positive', '高复购意向', 'High repurchase intent',
    '近期购买（R 得分 ≥ 4）且购买频繁（F 得分 ≥ 4，或购买 ≥ 2 次且仍在购买节奏内）',
    'Bought recently (R score ≥ 4) and often (F score ≥ 4, or ≥ 2 purchases and still within rhythm)',
    { all: [
      { metric: 'score.r', op: 'ge', value: 4 },
      { any: [
        { metric: 'score.f', op: 'ge', value: 4 },
        { all: [{ metric: 'purchaseCount', op: 'ge', value: 2 }, { metric: 'lifecycle', op: 'eq', value: 'active' }] },
      ] },
    ] }),
  tag('repurchase-decline', 'repurchase-trend', 'statistical', 'negative', '复购下降', 'Repurchase declining',
    '近12个月金额不足前12个月的一半', '12-month amount below half of the previous 12 months',
    { all: [{ metric: 'amountPrev12m', op: 'gt', value: 0 }, { metric: 'amountChange12m', op: 'lt', value: -0.5 }] }),

  group('service', null, '服务需求', 'Service demand', '维修与设备状况', 'Repairs and equipment condition'),
  group('equipment-service', 'service', '设备服务', 'Equipment service', '报修、设备年龄与使用', 'Repairs, age and use'),
  tag('high-repair-demand', 'equipment-service', 'statistical', 'neutral', '高维修需求', 'High repair demand',
    '近12个月报修数位于前 20%（至少一次）', 'Repairs in 12 months in the top 20 % (at least one)',
    { all: [{ metric: 'repairs12m', op: 'gt', value: 0 }, { metric: 'repairs12m', op: 'topPercent', value: 20 }] }),
  tag('aging-equipment', 'equipment-service', 'statistical', 'neutral', '设备老化', 'Aging equipment',
    '设备平均年龄 ≥ 5 年', 'Average equipment age ≥ 5 years',
    { metric: 'avgEquipmentAgeYears', op: 'ge', value: 5 }),
  tag('idle-equipment', 'equipment-service', 'statistical', 'negative', '设备闲置', 'Idle equipment',
    '有设备近30天工作小时为 0', 'A unit worked zero hours in the last 30 days',
    { metric: 'idleUnits', op: 'gt', value: 0 }),

  group('special', null, '特殊标签', 'Special', '需要特别处理的客户', 'Customers needing special handling'),
  group('complaints', 'special', '投诉', 'Complaints', '投诉与处理状态', 'Complaints and their status'),
  tag('complaint', 'complaints', 'fact', 'negative', '投诉客户', 'Complained',
    '近12个月有投诉', 'Complained in the last 12 months',
    { metric: 'complaints12m', op: 'gt', value: 0 }),
  tag('open-complaint', 'complaints', 'fact', 'negative', '未解决投诉', 'Unresolved complaint',
    '有尚未关闭的投诉', 'Has a complaint not yet closed',
    { metric: 'openComplaints', op: 'gt', value: 0 }),

  group('model', null, '模型标签', 'Model tags', '由 RFM 分群与流失模型得出', 'From RFM segments and the churn model'),
  group('rfm-model', 'model', 'RFM 模型', 'RFM model', 'RFM 分群', 'RFM segments'),
  tag('important-value', 'rfm-model', 'model', 'positive', '重要价值客户', 'Important value customer',
    'RFM 八类中的重要价值客户（R、F、M 均高于平均）', 'Important value in the RFM 8 classes (R, F, M all better than the mean)',
    { metric: 'segment.rfm8', op: 'eq', value: 'important-value' }),
  tag('champion', 'rfm-model', 'model', 'positive', '冠军客户', 'Champion',
    'RFM 十一类中的冠军客户', 'Champions in the RFM 11 classes',
    { metric: 'segment.rfm11', op: 'eq', value: 'champions' }),
  tag('churn-warning', 'rfm-model', 'model', 'negative', '流失预警', 'Churn warning',
    '流失风险分 ≥ 50，且尚未流失', 'Churn risk ≥ 50 and not yet lost',
    { all: [{ metric: 'churnRisk', op: 'ge', value: 50 }, { metric: 'lifecycle', op: 'ne', value: 'lost' }] }),
];
