/**
 * Grades A/B/C/D: an ordered rule list, first match wins. Customers without a purchase
 * (prospects) are unrated (null, ruleIndex −2): a grade is a judgement on a buying relationship.
 * A buying customer matching no rule gets the fallback grade (default C, ruleIndex −1).
 */
import type {
  CustomerExplanation,
  Grade,
  GradeAssignment,
  GradeRule,
  MetricTable,
  Playbook,
  RuleExtra,
  RuleNode,
  TagDefinition,
} from './types.ts';
import { evaluateRule, explainRule } from './rules.ts';

const hasTag = (id: string): RuleNode => ({ metric: `tag.${id}`, op: 'eq', value: true });
const notTag = (id: string): RuleNode => ({ not: hasTag(id) });

export const COMPLAINT_PLAYBOOK: Playbook = {
  zh: ['48 小时内主动联系客户，了解投诉详情', '指定责任人并承诺解决时限（一般不超过 7 天）', '解决后回访确认满意度'],
  en: ['Contact the customer proactively within 48 hours', 'Name an owner and commit to a resolution deadline (usually within 7 days)', 'Follow up after resolution to confirm satisfaction'],
};

export const DEFAULT_GRADES: readonly GradeRule[] = [
  {
    grade: 'A',
    nameZh: 'A 类：高价值、信用良好',
    nameEn: 'A: high value, good credit',
    rule: {
      all: [
        {
          any: [
            { metric: 'segment.rfm8', op: 'in', value: ['important-value', 'important-retention'] },
            hasTag('high-purchasing-power'),
          ],
        },
        notTag('long-overdue'),
        { metric: 'lifecycle', op: 'ne', value: 'lost' },
      ],
    },
    playbook: {
      zh: ['大客户经理定期拜访', '主动提醒设备保养', '定期提供设备健康报告', '专属优惠与新机优先试用'],
      en: ['Regular key-account visits', 'Proactive maintenance reminders', 'Periodic equipment health reports', 'Exclusive offers and first access to new models'],
    },
  },
  {
    grade: 'B',
    nameZh: 'B 类：积极、活跃',
    nameEn: 'B: positive and active',
    rule: { all: [{ metric: 'lifecycle', op: 'in', value: ['new', 'active'] }, notTag('long-overdue')] },
    playbook: {
      zh: ['服务与保养提醒', '推荐新产品', '推介增值服务（延保、培训、配件套餐）'],
      en: ['Service and maintenance reminders', 'Introduce new products', 'Offer value-added services (extended warranty, training, parts packages)'],
    },
  },
  {
    grade: 'D',
    nameZh: 'D 类：长期逾期或已流失',
    nameEn: 'D: long overdue or lost',
    rule: { any: [hasTag('long-overdue'), { metric: 'lifecycle', op: 'eq', value: 'lost' }] },
    playbook: {
      zh: ['发送逾期提醒与锁机预警', '安排催收', '重新评估信用额度'],
      en: ['Send overdue and machine-lock warnings', 'Arrange collection', 'Review the credit limit'],
    },
  },
  {
    grade: 'C',
    nameZh: 'C 类：一般客户',
    nameEn: 'C: ordinary',
    rule: { metric: 'recencyDays', op: 'notEmpty' },
    playbook: {
      zh: ['回款提醒', '保养提醒', '设备使用技巧推送'],
      en: ['Payment reminders', 'Maintenance reminders', 'Equipment usage tips'],
    },
  },
];

export interface GradeContext {
  table: MetricTable;
  extra: RuleExtra;
  /** Grade for buying customers that match no rule (default 'C'). */
  fallback?: Grade;
}

export function assignGrades(rules: readonly GradeRule[], context: GradeContext): GradeAssignment {
  const { table, extra } = context;
  const n = table.size;
  const fallback = context.fallback ?? 'C';
  const grade = new Array<Grade | null>(n);
  const ruleIndex = new Int32Array(n).fill(-1);
  const rec = table.columns.recencyDays;
  const flags = rules.map((r) => evaluateRule(r.rule, table, extra));
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(rec[i]!)) {
      grade[i] = null;
      ruleIndex[i] = -2;
      continue;
    }
    grade[i] = fallback;
    for (let k = 0; k < flags.length; k++) {
      if (flags[k]![i] === 1) {
        grade[i] = rules[k]!.grade;
        ruleIndex[i] = k;
        break;
      }
    }
  }
  return { grade, ruleIndex };
}

/**
 * Why a customer has its tags and grade: per evaluated tag and per grade rule tried (in order up
 * to the one that matched), every condition with its actual value and whether it passed.
 * `extra` must hold the same rfm / segments / tags / lifecycle / churn the scoring used.
 */
export function explainCustomer(
  index: number,
  context: { table: MetricTable; extra: RuleExtra; library: readonly TagDefinition[]; grades: readonly GradeRule[]; assignment: GradeAssignment },
): CustomerExplanation {
  const { table, extra, library, grades, assignment } = context;
  const tags: CustomerExplanation['tags'] = [];
  for (const t of library) {
    const flags = extra.tags?.[t.id];
    if (t.rule === null || flags === undefined) continue;
    const explanation = explainRule(t.rule, table, extra, index);
    // `passed` is the stored assignment (what every view shows); the explanation re-derives it.
    tags.push({ tagId: t.id, passed: flags[index] === 1, explanation });
  }
  const ruleIndex = assignment.ruleIndex[index] ?? -1;
  const tried: CustomerExplanation['grade']['tried'] = [];
  if (ruleIndex !== -2) {
    const last = ruleIndex >= 0 ? ruleIndex : grades.length - 1;
    for (let k = 0; k <= last; k++) {
      const g = grades[k]!;
      tried.push({ ruleIndex: k, grade: g.grade, explanation: explainRule(g.rule, table, extra, index) });
    }
  }
  return {
    index,
    customerId: table.customerIds[index] ?? -1,
    tags,
    grade: { grade: assignment.grade[index] ?? null, ruleIndex, tried },
  };
}
