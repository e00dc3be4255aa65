import { describe, expect, it } from 'vitest';
import {
  createItemIndex,
  evaluateScorer,
  prepareEvalSet,
  runOfflineEvaluation,
  staticScorer,
  tuneModels,
  type Interaction,
  type Movie,
  type Rating,
} from '@/lib/recommendations';
import { TopK } from '@/lib/recommendations/top-k';

const ev = (user: number, item: number, time = 0): Interaction => ({ user, item, weight: 1, time });

describe('full-ranking evaluation', () => {
  const index = createItemIndex([1, 2, 3, 4, 5]);
  const train = [ev(1, 1), ev(1, 2), ev(2, 3), ev(3, 1)];
  const test = [ev(1, 3), ev(2, 5), ev(9, 1)]; // user 9 has no training rows: not evaluated
  const set = prepareEvalSet(index, train, test);
  // popularity-like static scores by dense index: 1 > 2 > 3 > 4 > 5
  const scorer = staticScorer(Float64Array.from([5, 4, 3, 2, 1]));

  it('excludes training items and ranks the rest', () => {
    const m = evaluateScorer(set, scorer, { k: 1 });
    // user 1: train {1, 2} → top-1 = 3 (hit); user 2: train {3} → top-1 = 1 (miss, wants 5)
    expect(m.users).toBe(2);
    expect(m.hitRate).toBe(0.5);
    expect(m.recall).toBe(0.5);
    expect(m.ndcg).toBe(0.5);
    expect(m.coverage).toBeCloseTo(2 / 5, 10); // items 3 and 1
  });

  it('restricts a cold-start slice to candidate and relevant items', () => {
    const cold = Uint8Array.from([0, 0, 0, 1, 1]); // items 4 and 5 have no training history
    const m = evaluateScorer(set, scorer, { k: 1, candidates: cold, relevantFilter: cold });
    // only user 2 holds out a cold item (5); among cold items the static order gives 4 first
    expect(m.users).toBe(1);
    expect(m.hitRate).toBe(0);
    expect(evaluateScorer(set, scorer, { k: 2, candidates: cold, relevantFilter: cold }).hitRate).toBe(1);
  });
});

describe('TopK', () => {
  it('keeps the k best, best first, ties to the lower index', () => {
    const top = new TopK(3);
    const pairs: [number, number][] = [
      [4, 0.5],
      [1, 0.9],
      [7, 0.5],
      [2, 0.1],
      [3, 0.5],
      [9, 1],
    ];
    pairs.forEach(([i, s]) => top.push(i, s));
    const idx = new Int32Array(3);
    const val = new Float64Array(3);
    expect(top.drain(idx, val)).toBe(3);
    expect(Array.from(idx)).toEqual([9, 1, 3]);
    expect(Array.from(val)).toEqual([1, 0.9, 0.5]);
    expect(top.length).toBe(0);
  });
});

describe('offline evaluation on a tiny catalog', () => {
  // Two taste groups over 12 films: 1–6 (genre a) and 7–12 (genre b); 40 shoppers, each rating
  // five films of their group in order; film 6 and 12 are only ever rated last (held out).
  const movies: Movie[] = Array.from({ length: 12 }, (_, k) => ({
    item: k + 1,
    title: `Film ${k < 6 ? 'Alpha' : 'Beta'} ${k + 1}`,
    year: 1990 + k,
    genres: [k < 6 ? 'A' : 'B'],
  }));
  const ratings: Rating[] = [];
  for (let u = 1; u <= 40; u++) {
    const base = u % 2 ? 0 : 6;
    const films = [1, 2, 3, 4, 5].map((f) => base + ((f + u) % 5) + 1);
    films.push(base + 6);
    films.forEach((item, t) => ratings.push({ user: u, item, rating: 5, time: 1000 * u + t }));
    ratings.push({ user: u, item: 12 - base, rating: 2, time: 1000 * u + 9 }); // negative: dropped
  }
  const grid = {
    alpha: [0.5],
    userDamping: [0],
    shrink: [0],
    neighbours: [5],
    halfLifeDays: [Infinity],
    textWeight: [0, 1],
    evidence: [10],
    contentScale: [1],
  };

  it('reports every model and the cold-start slice', () => {
    const report = runOfflineEvaluation({ ratings, movies, grid });
    expect(Object.keys(report.models)).toEqual(['popularity', 'collaborative', 'content', 'hybrid']);
    for (const m of Object.values(report.models)) {
      expect(m).toEqual({
        recall: expect.any(Number),
        ndcg: expect.any(Number),
        hitRate: expect.any(Number),
        coverage: expect.any(Number),
        buildMs: expect.any(Number),
      });
    }
    // films 6 and 12 never appear in training: a cold-start slice every user is in
    expect(report.coldStart.users).toBe(40);
    expect(report.coldStart.items).toBe(2);
    // content knows each user's genre and so finds the held-out film of that genre
    expect(report.coldStart.content.hitRate).toBe(1);
    expect(report.coldStart.content.ndcg).toBeGreaterThan(report.coldStart.popularity.ndcg);
    expect(report.coldStart.hybrid.hitRate).toBe(1);
    expect(report.data).toMatchObject({ users: 40, items: 12, positives: 240, test: 40 });
  });

  it('tunes on a split of the training data only', () => {
    const interactions = ratings
      .filter((r) => r.rating >= 4)
      .map((r) => ({ user: r.user, item: r.item, weight: 1, time: r.time }));
    const tuned = tuneModels({
      index: createItemIndex(movies.map((m) => m.item)),
      interactions,
      features: movies.map((m) => ({ item: m.item, tokens: [`genre:${m.genres[0]}`], text: m.title })),
      grid: { ...grid, neighbours: [2, 5] },
    });
    expect([2, 5]).toContain(tuned.params.collaborative.neighbours);
    expect([0, 1]).toContain(tuned.params.content.textWeight);
    expect(tuned.params.hybrid).toEqual({
      evidence: 10,
      contentScale: 1,
      neighbours: tuned.params.collaborative.neighbours,
    });
    expect(tuned.runs).toBe(2 + 2 + 1);
  });
});
