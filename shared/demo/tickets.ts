import type { TicketRecord, TicketType } from '../schema/records.ts';
import { compareStrings } from './compare.ts';
import { toIso, yearOf, type Day } from './dates.ts';
import type { DemoUnit } from './equipment.ts';
import type { MachineLine } from './products.ts';
import type { DemoWindow } from './profile.ts';
import { createPicker, type Rng } from './rng.ts';

/** Tickets per unit and year. */
const RATES: Readonly<Record<TicketType, number>> = {
  maintenance: 0.18,
  repair: 0.13,
  consultation: 0.035,
  complaint: 0.013,
};
const TYPES: readonly TicketType[] = ['maintenance', 'repair', 'consultation', 'complaint'];

const COMMON_FAULTS = [
  '液压系统漏油',
  '发动机无法启动',
  '发动机冒黑烟',
  '水温过高报警',
  '仪表盘故障码报警',
  '空调不制冷',
  '电路故障，保险丝频繁烧断',
  '液压油温过高',
  '主泵压力不足',
  '行走无力',
  '燃油滤清器堵塞',
  '蓄电池亏电无法启动',
];
const LINE_FAULTS: Readonly<Record<MachineLine, readonly string[]>> = {
  挖掘机: ['回转异响', '动臂油缸漏油', '斗杆下沉', '履带脱轨', '先导手柄失灵', '回转支承异响'],
  装载机: ['变速箱挂挡困难', '转向沉重', '铲斗油缸漏油', '制动失灵', '驱动桥异响'],
  起重机: ['支腿伸缩异常', '吊臂伸缩卡滞', '力矩限制器报警', '卷扬钢丝绳乱绳', '回转制动异常'],
  混凝土机械: ['泵送压力不足', '搅拌筒异响', '臂架抖动', '眼镜板磨损漏浆', '分配阀卡滞'],
};
const MAINTENANCE = ['首次保养', '250小时保养', '500小时保养', '1000小时保养', '2000小时保养', '更换机油及滤芯', '冬季换季保养', '夏季换季保养'];
const COMPLAINTS = [
  '配件到货太慢，停工等件',
  '服务工程师迟到',
  '维修后同一故障复发',
  '维修报价不透明',
  '新机交付延期',
  '服务态度差',
  '保修期内被收取费用',
  '400电话无人接听',
];
const CONSULTATIONS = ['咨询保养周期', '咨询配件价格', '咨询以旧换新政策', '咨询操作培训', '咨询智能管家使用', '咨询延保服务'];

function describe(rng: Rng, type: TicketType, line: MachineLine): string {
  switch (type) {
    case 'repair':
      return rng.chance(0.5) ? rng.pick(LINE_FAULTS[line]) : rng.pick(COMMON_FAULTS);
    case 'maintenance':
      return rng.pick(MAINTENANCE);
    case 'complaint':
      return rng.pick(COMPLAINTS);
    case 'consultation':
      return rng.pick(CONSULTATIONS);
  }
}

/** Days from report to completion. */
function duration(rng: Rng, type: TicketType): number {
  switch (type) {
    case 'repair':
      return rng.chance(0.9) ? rng.int(0, 7) : rng.int(8, 30);
    case 'maintenance':
      return rng.int(0, 2);
    case 'consultation':
      return rng.int(0, 1);
    case 'complaint':
      return rng.int(2, 40);
  }
}

const SCORES = [1, 2, 3, 4, 5];
const satisfactionPickers: Readonly<Record<TicketType, (rng: Rng) => number>> = {
  repair: createPicker(SCORES, [3, 5, 12, 30, 50]),
  maintenance: createPicker(SCORES, [1, 2, 7, 30, 60]),
  consultation: createPicker(SCORES, [1, 2, 10, 32, 55]),
  complaint: createPicker(SCORES, [30, 35, 25, 8, 2]),
};

interface Draft {
  unit: DemoUnit;
  type: TicketType;
  opened: Day;
  closed: Day | null;
  satisfaction: number | null;
  description: string;
  withSerial: boolean;
}

/** Complainers complain far more, and a customer drifting away a little more. */
function rateFactor(unit: DemoUnit, type: TicketType): number {
  if (type !== 'complaint') return 1;
  return (unit.customer.complainer ? 10 : 1) * (unit.customer.archetype === 'declining' ? 2 : 1);
}

/**
 * Service tickets (报修 / 400 工单) against the units in the field. A unit produces tickets
 * while it is in use: for customers who stopped buying, until some months after their last order.
 * Complaints take longest; some of a complainer's recent ones are left open at the end date.
 */
export function generateTickets(rng: Rng, units: readonly DemoUnit[], window: DemoWindow): TicketRecord[] {
  const drafts: Draft[] = [];
  for (const unit of units) {
    const r = rng.fork(`tickets:${unit.record.serial}`);
    const from = unit.purchased + 10;
    const inUseUntil = unit.customer.lastActive === window.end ? window.end : unit.customer.lastActive + 240;
    const to = Math.min(window.end, inUseUntil);
    if (to <= from) continue;
    const years = (to - from) / 365;
    for (const type of TYPES) {
      const count = r.poisson(RATES[type] * rateFactor(unit, type) * years);
      for (let i = 0; i < count; i += 1) {
        const opened = r.int(from, to);
        let closed: Day | null = opened + duration(r, type);
        const unresolved = type === 'complaint' && unit.customer.complainer && window.end - opened < 200 && r.chance(0.4);
        if (closed > window.end || unresolved) closed = null;
        drafts.push({
          unit,
          type,
          opened,
          closed,
          satisfaction: closed === null || r.chance(0.15) ? null : satisfactionPickers[type](r),
          description: describe(r, type, unit.line),
          // Consultations often come in by phone without a machine at hand.
          withSerial: type !== 'consultation' || r.chance(0.5),
        });
      }
    }
  }

  drafts.sort((a, b) => a.opened - b.opened || compareStrings(a.unit.record.serial, b.unit.record.serial));
  const perYear = new Map<number, number>();
  return drafts.map((d) => {
    const year = yearOf(d.opened);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    return {
      sourceId: `GD${year}-${String(next).padStart(6, '0')}`,
      customerCode: d.unit.record.customerCode,
      serial: d.withSerial ? d.unit.record.serial : null,
      openedDate: toIso(d.opened),
      closedDate: d.closed === null ? null : toIso(d.closed),
      type: d.type,
      satisfaction: d.satisfaction,
      description: d.description,
    };
  });
}
