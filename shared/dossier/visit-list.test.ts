import { describe, expect, it } from 'vitest';
import { citiesOf, orderVisitMembers, safeFileName } from './visit-list.ts';
import type { VisitMember } from './visit-list.ts';

const member = (id: number, over: Partial<VisitMember>): VisitMember => ({
  id,
  code: `C${id}`,
  name: `客户${id}`,
  province: '江苏省',
  city: '苏州市',
  address: null,
  phone: null,
  contact: null,
  accountManager: null,
  grade: 'B',
  lifecycle: 'active',
  churnRisk: 10,
  amount12m: 0,
  overdue: 0,
  ...over,
});

describe('visit list order', () => {
  const members = [
    member(1, { grade: 'C', churnRisk: 90, city: '南京市' }),
    member(2, { grade: 'A', churnRisk: 10, amount12m: 5, city: '苏州市', address: '江苏省苏州市姑苏区人民路2号' }),
    member(3, { grade: 'A', churnRisk: 70, amount12m: 1, city: '苏州市', address: '江苏省苏州市工业园区星湖街1号' }),
    member(4, { grade: null, churnRisk: 99, province: '浙江省', city: '杭州市' }),
    member(5, { grade: 'A', churnRisk: 10, amount12m: 9, province: null, city: null }),
  ];

  it('by priority: grade first (unrated last), then churn risk, then value', () => {
    expect(orderVisitMembers(members, 'priority').map((m) => m.id)).toEqual([3, 5, 2, 1, 4]);
  });

  it('by city: province, city, address (a route); unknown places last', () => {
    expect(orderVisitMembers(members, 'city').map((m) => m.id)).toEqual([1, 3, 2, 4, 5]);
  });

  it('manual keeps the given order', () => {
    expect(orderVisitMembers(members, 'manual').map((m) => m.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts customers per city, largest first', () => {
    expect(citiesOf(members)[0]).toEqual({ province: '江苏省', city: '苏州市', count: 2 });
    expect(citiesOf(members)).toHaveLength(4);
  });

  it('makes safe file names', () => {
    expect(safeFileName('苏州/A类:拜访', '2026-11-26', 'pdf')).toBe('苏州_A类_拜访-2026-11-26.pdf');
  });
});
