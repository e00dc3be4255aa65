import { describe, expect, it } from 'vitest';
import {
  buildContentModel,
  contentNeighbours,
  createItemIndex,
  neighboursOf,
  scoreProfile,
  type ItemFeatures,
} from '@/lib/recommendations';
import { must } from '@/lib/must';

const features: ItemFeatures[] = [
  { item: 1, tokens: ['kind:album', 'genre:jazz', 'decade:1960', 'label:blue-note', 'person:7'] },
  { item: 2, tokens: ['kind:album', 'genre:jazz', 'decade:1960', 'label:blue-note'] },
  { item: 3, tokens: ['kind:album', 'genre:jazz', 'decade:1990'] },
  { item: 4, tokens: ['kind:album', 'genre:metal', 'decade:1990'] },
  { item: 5, tokens: ['kind:film', 'genre:drama', 'decade:1990'], text: 'Kind of Blue' },
  { item: 6, tokens: ['kind:film', 'genre:drama', 'decade:1990'], text: 'So what: a film about Kind of Blue' },
  { item: 7, tokens: ['kind:film', 'genre:drama', 'decade:1990'], text: 'Heat' },
];

describe('content-based similarity', () => {
  const model = buildContentModel(features);
  const table = contentNeighbours(model, { neighbours: 10 });

  it('ranks items sharing more (and rarer) features higher', () => {
    // 2 shares jazz, 1960 and the label; 3 only jazz; 4 only the (common) kind; never itself.
    expect(neighboursOf(table, 1).map((n) => n.item)).toEqual([2, 3, 4]);
    const [first, second, third] = neighboursOf(table, 1).map((n) => n.score);
    expect(first).toBeGreaterThan(must(second, 'second score'));
    expect(second).toBeGreaterThan(must(third, 'third score'));
    expect(first).toBeLessThanOrEqual(1);
  });

  it('uses the words of the text to tell otherwise identical items apart', () => {
    expect(neighboursOf(table, 5)[0]?.item).toBe(6);
    const withoutText = contentNeighbours(buildContentModel(features, { textWeight: 0 }));
    const [first, second] = neighboursOf(withoutText, 5);
    expect(first?.score).toBeCloseTo(must(second, 'second neighbour').score, 6); // 6 and 7 tie without text
  });

  it('gives items nothing in common no similarity', () => {
    // 7 (a 1990s drama film) shares no token with the 1960s jazz albums 1 and 2.
    expect(
      neighboursOf(table, 7)
        .map((n) => n.item)
        .sort(),
    ).toEqual([3, 4, 5, 6]);
  });

  it('weights a token prefix up', () => {
    const byPerson = buildContentModel(
      [
        { item: 1, tokens: ['person:1', 'genre:a'] },
        { item: 2, tokens: ['person:1', 'genre:b'] },
        { item: 3, tokens: ['person:2', 'genre:a'] },
      ],
      { prefixWeights: { person: 3 } },
    );
    expect(neighboursOf(contentNeighbours(byPerson), 1)[0]?.item).toBe(2);
  });

  it('scores items against a profile built from the user’s items', () => {
    const scores = new Float64Array(model.index.ids.length);
    const idx = (id: number) => must(model.index.indexOf.get(id), `item ${id}`);
    const score = (id: number) => must(scores[idx(id)], `score of item ${id}`);
    scoreProfile(model, [idx(1), idx(3)], [1, 1], scores);
    expect(score(2)).toBeGreaterThan(score(4));
    expect(score(4)).toBeGreaterThan(score(7));
  });

  it('finds the same neighbours when candidates come only from rare tokens', () => {
    const approx = contentNeighbours(model, { neighbours: 10, maxPostings: 2 });
    // kind:album/jazz/1990/drama are on more than 2 items; label:blue-note finds 2, and the
    // score still counts every shared token.
    expect(neighboursOf(approx, 1)[0]).toEqual(neighboursOf(table, 1)[0]);
    // item 4's rarest token (genre:metal) is on no other item: it has no candidates.
    expect(neighboursOf(approx, 4)).toEqual([]);
  });

  it('only vectorises catalog items', () => {
    const m = buildContentModel(features, { index: createItemIndex([1, 2]) });
    expect(neighboursOf(contentNeighbours(m), 1).map((n) => n.item)).toEqual([2]);
  });
});
