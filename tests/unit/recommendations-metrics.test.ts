import { describe, expect, it } from 'vitest';
import { catalogCoverage, hitAtK, ndcgAtK, recallAtK, summarize } from '@/lib/recommendations';

describe('ranking metrics (worked example)', () => {
  // Recommended 5, 1, 7, 3, 9; relevant {1, 3, 4}; K = 5.
  // Hits at ranks 2 and 4.
  //   DCG  = 1/log2(3) + 1/log2(5)          = 0.63093 + 0.43068        = 1.06161
  //   IDCG = 1/log2(2) + 1/log2(3) + 1/log2(4) (min(|rel|, K) = 3) = 1 + 0.63093 + 0.5 = 2.13093
  //   NDCG = 1.06161 / 2.13093 = 0.49819;  Recall = 2/3;  Hit = 1
  const ranked = [5, 1, 7, 3, 9];
  const relevant = new Set([1, 3, 4]);

  it('computes NDCG with the log2 discount and an ideal over min(|relevant|, K)', () => {
    expect(ndcgAtK(ranked, relevant, 5)).toBeCloseTo(0.49819, 5);
    // K = 2: DCG = 0.63093, IDCG = 1 + 0.63093 → 0.38685
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(0.38685, 5);
    expect(ndcgAtK([1, 3, 4], relevant, 5)).toBe(1);
  });

  it('computes recall and hit rate', () => {
    expect(recallAtK(ranked, relevant, 5)).toBeCloseTo(2 / 3, 10);
    expect(recallAtK(ranked, relevant, 1)).toBe(0);
    expect(hitAtK(ranked, relevant, 5)).toBe(1);
    expect(hitAtK(ranked, relevant, 1)).toBe(0);
  });

  it('returns 0 without relevant items', () => {
    expect(ndcgAtK(ranked, new Set(), 5)).toBe(0);
    expect(recallAtK(ranked, new Set(), 5)).toBe(0);
  });

  it('measures catalog coverage over the top K of every list', () => {
    // top-2 lists: {5, 1} and {1, 2} → 3 distinct of 10
    expect(catalogCoverage([ranked, [1, 2, 8]], 10, 2)).toBeCloseTo(0.3, 10);
  });

  it('averages over users', () => {
    const m = summarize(
      [
        { ranked, relevant },
        { ranked: [8, 9], relevant: new Set([2]) },
        { ranked: [1], relevant: new Set() }, // no held-out items: not a user of the evaluation
      ],
      10,
      5,
    );
    expect(m.users).toBe(2);
    expect(m.ndcg).toBeCloseTo(0.49819 / 2, 5);
    expect(m.recall).toBeCloseTo(1 / 3, 10);
    expect(m.hitRate).toBe(0.5);
    expect(m.coverage).toBeCloseTo(0.6, 10); // 5, 1, 7, 3, 9, 8 → 6 of 10
  });
});
