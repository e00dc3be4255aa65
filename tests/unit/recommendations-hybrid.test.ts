import { describe, expect, it } from 'vitest';
import {
  blendNeighbours,
  buildCollaborative,
  buildContentModel,
  contentNeighbours,
  createItemIndex,
  interactionCounts,
  neighboursOf,
  type Interaction,
  type NeighbourTable,
} from '@/lib/recommendations';
import { neighbourTable } from '@/tests/support/neighbour-table';

const round = (list: { item: number; score: number }[]) =>
  list.map(({ item, score }) => [item, Number(score.toFixed(5))]);

describe('hybrid blend', () => {
  // Items 1 and 2 are well known (1000 shoppers each), 3 is rare (2), 9 is new (0).
  const index = createItemIndex([1, 2, 3, 9]);
  const cf = neighbourTable(index, {
    1: [
      [2, 1],
      [3, 0.5],
    ],
    2: [[1, 1]],
    3: [[1, 1]],
  });
  const content = neighbourTable(index, {
    1: [
      [9, 0.9],
      [2, 0.3],
    ],
    2: [[1, 0.3]],
    9: [[1, 0.9]],
  });
  const counts = [1000, 1000, 2, 0];
  const hybrid = blendNeighbours(cf, content, counts, { evidence: 10, contentScale: 1 });

  it('leans to CF for well-known items and to content for new ones', () => {
    // 1→2: cf 1 + content 0.3 × β/(n+β) = 10/1010 → 1.00297 (almost pure CF)
    // 1→9: no CF, evidence min(1000, 0) = 0 → all content: 0.9
    // 1→3: CF only: 0.5
    expect(round(neighboursOf(hybrid, 1))).toEqual([
      [2, 1.00297],
      [9, 0.9],
      [3, 0.5],
    ]);
    // the new item's own list is its content list
    expect(round(neighboursOf(hybrid, 9))).toEqual([[1, 0.9]]);
  });

  it('reaches items collaborative filtering cannot', () => {
    const reachable = (t: NeighbourTable) => new Set(t.targets);
    expect(reachable(cf).has(index.indexOf.get(9)!)).toBe(false);
    expect(reachable(hybrid).has(index.indexOf.get(9)!)).toBe(true);
    expect(reachable(hybrid).size).toBeGreaterThan(reachable(cf).size);
  });

  it('scales content by λ', () => {
    const louder = blendNeighbours(cf, content, counts, { evidence: 10, contentScale: 2 });
    // 0.9 × 2 = 1.8 now outranks the CF neighbour 2 (1 + 0.6 × 10/1010 = 1.00594)
    expect(round(neighboursOf(louder, 1)).slice(0, 2)).toEqual([
      [9, 1.8],
      [2, 1.00594],
    ]);
  });

  it('rejects tables over different catalogs', () => {
    const other = neighbourTable(createItemIndex([1, 2]), {});
    expect(() => blendNeighbours(cf, other, counts)).toThrow(/share one item index/);
  });

  it('works end to end from interactions and features', () => {
    const T = 1_700_000_000;
    const events: Interaction[] = [];
    for (let u = 0; u < 30; u++) {
      events.push({ user: u, item: 1, weight: 1, time: T }, { user: u, item: 2, weight: 1, time: T });
    }
    const idx = createItemIndex([1, 2, 3]);
    const counted = interactionCounts([...events, { user: 0, item: 1, weight: 5, time: T }], idx);
    expect(Array.from(counted)).toEqual([30, 30, 0]); // distinct users, not events
    const model = buildContentModel(
      [
        { item: 1, tokens: ['genre:jazz', 'person:1'] },
        { item: 2, tokens: ['genre:rock'] },
        { item: 3, tokens: ['genre:jazz', 'person:1'] }, // new release of the same artist
      ],
      { index: idx },
    );
    const blended = blendNeighbours(buildCollaborative(events, { index: idx }), contentNeighbours(model), counted);
    expect(neighboursOf(blended, 1).map((n) => n.item)).toEqual([2, 3]);
    expect(neighboursOf(blended, 3).map((n) => n.item)).toEqual([1]);
  });
});
