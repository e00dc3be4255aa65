import { describe, expect, it } from 'vitest';
import { createItemIndex, diversify, recommendForUser, similarItems } from '@/lib/recommendations';
import { neighbourTable } from '@/tests/support/neighbour-table';

// 1 and 2 are in the shopper's history; 10–16 are candidates.
const index = createItemIndex([1, 2, 10, 11, 12, 13, 14, 15, 16]);
const neighbours = neighbourTable(index, {
  1: [
    [10, 1],
    [11, 0.8],
    [12, 0.5],
    [2, 0.4],
  ],
  2: [
    [11, 0.6],
    [13, 0.9],
    [12, 0.5],
  ],
  10: [
    [11, 0.7],
    [1, 0.6],
    [14, 0.3],
  ],
});

describe('recommendations for a shopper', () => {
  const history = [
    { item: 1, signal: 'view' as const }, // weight 1
    { item: 2, signal: 'purchase' as const }, // weight 5
  ];

  it('sums weighted similarities over the history and explains each result', () => {
    const recs = recommendForUser(neighbours, history);
    // 11: 1×0.8 + 5×0.6 = 3.8 (strongest: 2 → bought); 13: 5×0.9 = 4.5 (bought 2);
    // 12: 1×0.5 + 5×0.5 = 3.0 (bought 2); 10: 1×1 = 1 (viewed 1)
    expect(recs.map((r) => [r.item, Number(r.score.toFixed(4))])).toEqual([
      [13, 4.5],
      [11, 3.8],
      [12, 3],
      [10, 1],
    ]);
    expect(recs.map((r) => r.reason)).toEqual([
      { kind: 'because_bought', sourceItem: 2 },
      { kind: 'because_bought', sourceItem: 2 },
      { kind: 'because_bought', sourceItem: 2 },
      { kind: 'because_viewed', sourceItem: 1 },
    ]);
  });

  it('never recommends owned, in-cart or history items', () => {
    const recs = recommendForUser(neighbours, history, { exclude: [13, 11] });
    const items = recs.map((r) => r.item);
    expect(items).toEqual([12, 10]);
    expect(items).not.toContain(2); // 1 → 2 is a neighbour, but 2 is in the history
  });

  it('keeps history items when asked (e.g. viewed, not bought)', () => {
    const recs = recommendForUser(neighbours, [{ item: 1, signal: 'view' }], { excludeHistory: false });
    expect(recs.map((r) => r.item)).toContain(2);
  });

  it('takes the strongest signal of an item seen several times', () => {
    const recs = recommendForUser(neighbours, [
      { item: 1, signal: 'view' },
      { item: 1, signal: 'purchase' },
    ]);
    expect(recs[0]).toEqual({ item: 10, score: 5, reason: { kind: 'because_bought', sourceItem: 1 } });
  });

  it('caps results per group (artist) and fills the rest from fallbacks', () => {
    const artist: Record<number, string> = { 13: 'a', 11: 'a', 12: 'a', 10: 'b', 14: 'a', 15: 'c' };
    const recs = recommendForUser(neighbours, history, {
      k: 5,
      groupOf: (item) => artist[item],
      maxPerGroup: 2,
      fallback: [
        { kind: 'trending', items: [14, 15] },
        { kind: 'popular', items: [15, 16, 13] },
      ],
    });
    expect(recs.map((r) => r.item)).toEqual([13, 11, 10, 15, 16]);
    expect(recs.filter((r) => artist[r.item] === 'a')).toHaveLength(2);
    expect(recs.slice(3).map((r) => r.reason)).toEqual([{ kind: 'trending' }, { kind: 'popular' }]);
  });

  it('serves a shopper without history (cold start) from trending and popular lists', () => {
    const recs = recommendForUser(neighbours, [], {
      k: 3,
      exclude: [15],
      fallback: [
        { kind: 'trending', items: [15, 14] },
        { kind: 'popular', items: [14, 16, 10] },
      ],
    });
    expect(recs).toEqual([
      { item: 14, score: 0, reason: { kind: 'trending' } },
      { item: 16, score: 0, reason: { kind: 'popular' } },
      { item: 10, score: 0, reason: { kind: 'popular' } },
    ]);
  });

  it('ignores history items unknown to the table', () => {
    expect(recommendForUser(neighbours, [{ item: 999, signal: 'purchase' }])).toEqual([]);
  });
});

describe('similar items', () => {
  it("lists the product's neighbours with a 'similar' reason, excluding the product", () => {
    const recs = similarItems(neighbours, 10, { exclude: [14] });
    expect(recs).toEqual([
      { item: 11, score: expect.closeTo(0.7, 5), reason: { kind: 'similar', sourceItem: 10 } },
      { item: 1, score: expect.closeTo(0.6, 5), reason: { kind: 'similar', sourceItem: 10 } },
    ]);
  });
});

describe('diversify', () => {
  it('keeps at most maxPerGroup per group, in rank order; ungrouped items are free', () => {
    const ranked = [1, 2, 3, 4, 5, 6, 7].map((item) => ({ item }));
    const group = (i: number) => (i <= 4 ? 'x' : i === 5 ? undefined : 'y');
    expect(diversify(ranked, group, 2, 10).map((r) => r.item)).toEqual([1, 2, 5, 6, 7]);
    expect(diversify(ranked, group, 1, 3).map((r) => r.item)).toEqual([1, 5, 6]);
  });
});
