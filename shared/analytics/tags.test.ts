import { describe, expect, it } from 'vitest';
import { evaluateTags, tagDependencies, tagEvaluationOrder } from './tags.ts';
import { tagMembers, tagStatistics } from './tag-stats.ts';
import { syntheticTable } from './fixture.test-support.ts';
import { DEFAULT_TAG_LIBRARY } from './default-tags.ts';
import type { RuleNode, TagDefinition } from './types.ts';

function def(id: string, rule: RuleNode | null, status: TagDefinition['status'] = 'active'): TagDefinition {
  return { id, parentId: null, level: 'tag', nameZh: id, nameEn: id, descriptionZh: '', descriptionEn: '', polarity: 'neutral', color: '#000', kind: 'statistical', status, rule };
}
const has = (id: string): RuleNode => ({ metric: `tag.${id}`, op: 'eq', value: true });

// Five customers; won / lost opportunities per customer for lift.
const table = syntheticTable({ monetary: [100, 200, 300, 400, 500], wonOpportunities: [1, 0, 2, 0, 0], lostOpportunities: [1, 2, 0, 1, 1] });

describe('evaluateTags', () => {
  it('evaluates tags in dependency order whatever the library order', () => {
    const lib = [
      def('rich-and-big', { all: [has('big'), has('rich')] }),
      def('big', { metric: 'monetary', op: 'ge', value: 300 }),
      def('rich', { metric: 'monetary', op: 'topPercent', value: 40 }),
      def('topic', null),
      def('old', { metric: 'monetary', op: 'lt', value: 0 }, 'retired'),
    ];
    expect(tagEvaluationOrder(lib).order).toEqual(['big', 'rich', 'rich-and-big']);
    const a = evaluateTags(lib, table, null, {});
    expect(a.errors).toEqual([]);
    expect(Array.from(a.flags['rich-and-big']!)).toEqual([0, 0, 0, 1, 1]);
    expect(a.flags['old']).toBeUndefined();
  });

  it('rejects cycles (and tags depending on them) but evaluates the rest', () => {
    const lib = [
      def('a', has('b')),
      def('b', { any: [has('c'), { metric: 'monetary', op: 'gt', value: 1 }] }),
      def('c', has('a')),
      def('d', has('a')),
      def('e', { metric: 'monetary', op: 'gt', value: 250 }),
    ];
    const { cyclic } = tagEvaluationOrder(lib);
    expect(cyclic.sort()).toEqual(['a', 'b', 'c', 'd']);
    const res = evaluateTags(lib, table, null, {});
    expect(res.order).toEqual(['e']);
    expect(res.errors.map((e) => [e.tagId, e.issues[0]!.code]).sort()).toEqual([
      ['a', 'tag-cycle'],
      ['b', 'tag-cycle'],
      ['c', 'tag-cycle'],
      ['d', 'tag-cycle'],
    ]);
    expect(tagDependencies(lib[1]!.rule)).toEqual(['c']);
  });

  it('reports invalid rules and references to retired tags instead of evaluating them', () => {
    const lib = [def('gone', { metric: 'monetary', op: 'gt', value: 1 }, 'retired'), def('uses-gone', has('gone')), def('bad', { all: [] })];
    const res = evaluateTags(lib, table, null, {});
    expect(res.order).toEqual([]);
    expect(res.errors.map((e) => [e.tagId, e.issues[0]!.code])).toEqual([
      ['uses-gone', 'unknown-tag'],
      ['bad', 'empty-group'],
    ]);
  });

  it('has a valid, acyclic default library with a 3-level hierarchy', () => {
    const ids = new Set(DEFAULT_TAG_LIBRARY.map((t) => t.id));
    expect(ids.size).toBe(DEFAULT_TAG_LIBRARY.length);
    for (const t of DEFAULT_TAG_LIBRARY) if (t.parentId !== null) expect(ids.has(t.parentId), t.id).toBe(true);
    expect(tagEvaluationOrder(DEFAULT_TAG_LIBRARY).cyclic).toEqual([]);
  });
});

describe('tagStatistics', () => {
  const lib = [def('top', { metric: 'monetary', op: 'ge', value: 300 }), def('low', { metric: 'monetary', op: 'le', value: 200 })];
  const a = evaluateTags(lib, table, null, {});
  const win = { won: table.columns.wonOpportunities, lost: table.columns.lostOpportunities };

  it('computes coverage, win rate and lift against all customers', () => {
    const s = tagStatistics(a, null, win);
    // overall 3 won / 8 closed; "top" customers 3, 4, 5: 2 won / 4 closed.
    expect(s.overall).toEqual({ won: 3, lost: 5, winRate: 3 / 8 });
    const top = s.tags.find((t) => t.tagId === 'top')!;
    expect(top).toMatchObject({ count: 3, share: 0.6, won: 2, lost: 2, winRate: 0.5, entered: null, left: null });
    expect(top.lift).toBeCloseTo(0.5 / (3 / 8), 12);
    const low = s.tags.find((t) => t.tagId === 'low')!;
    expect(low.winRate).toBeCloseTo(1 / 4, 12);
    expect(low.lift).toBeCloseTo(2 / 3, 12);
  });

  it('counts entered / left against the previous run by customer id', () => {
    const previous = { top: [1, 4, 99], low: Int32Array.from([1, 2]) };
    const s = tagStatistics(a, previous, win);
    const top = s.tags.find((t) => t.tagId === 'top')!;
    expect([top.entered, top.left]).toEqual([2, 2]); // 3 and 5 entered; 1 and 99 left
    const low = s.tags.find((t) => t.tagId === 'low')!;
    expect([low.entered, low.left]).toEqual([0, 0]);
    const same = tagStatistics(a, a, win);
    expect(same.tags.map((t) => [t.entered, t.left])).toEqual([[0, 0], [0, 0]]);
    expect(Array.from(tagMembers(a)['top']!)).toEqual([3, 4, 5]);
  });

  it('builds the overlap matrix with intersections and Jaccard', () => {
    const lib2 = [def('x', { metric: 'monetary', op: 'ge', value: 200 }), def('y', { metric: 'monetary', op: 'le', value: 300 })];
    const s = tagStatistics(evaluateTags(lib2, table, null, {}), null, win);
    expect(s.matrixIds).toEqual(['x', 'y']);
    expect(s.intersections).toEqual([[4, 2], [2, 3]]);
    expect(s.jaccard).toEqual([[1, 2 / 5], [2 / 5, 1]]);
  });
});
