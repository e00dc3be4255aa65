import { describe, expect, it } from 'vitest';
import { roundHalfEven, temporalSplit } from '@/lib/recommendations';
import { must } from '@/lib/must';

const rows = (user: number, times: number[]) => times.map((time, k) => ({ user, item: k + 1, time }));

describe('temporal split', () => {
  it('holds out the last max(1, round(0.2 n)) interactions of each user', () => {
    const data = [
      ...rows(1, [50, 10, 40, 20, 30]), // n = 5 → 1: the item at time 50
      ...rows(2, [1, 2, 3, 4, 5, 6, 7, 8]), // n = 8 → round(1.6) = 2
      ...rows(3, [1, 2, 3, 4, 5, 6, 7]), // n = 7 → round(1.4) = 1
      ...rows(4, [5, 9]), // n = 2 → max(1, round(0.4)) = 1
      ...rows(5, [3]), // n = 1 → stays in train
    ];
    const { train, test } = temporalSplit(data);
    const testOf = (u: number) => test.filter((r) => r.user === u).map((r) => r.time);
    expect(testOf(1)).toEqual([50]);
    expect(testOf(2)).toEqual([7, 8]);
    expect(testOf(3)).toEqual([7]);
    expect(testOf(4)).toEqual([9]);
    expect(testOf(5)).toEqual([]);
    expect(train.length + test.length).toBe(data.length);
    expect(train.filter((r) => r.user === 5)).toHaveLength(1);
  });

  it('breaks ties in time by input order (the later row goes to test)', () => {
    const data = [
      { user: 1, item: 1, time: 10 },
      { user: 1, item: 2, time: 20 },
      { user: 1, item: 3, time: 20 },
      { user: 1, item: 4, time: 5 },
      { user: 1, item: 5, time: 20 },
    ];
    expect(temporalSplit(data).test.map((r) => r.item)).toEqual([5]);
    const reordered = [0, 4, 2, 1, 3].map((i) => must(data[i], `row ${i}`));
    expect(temporalSplit(reordered).test.map((r) => r.item)).toEqual([2]);
  });

  it('supports another fraction', () => {
    expect(temporalSplit(rows(1, [1, 2, 3, 4]), 0.5).test.map((r) => r.time)).toEqual([3, 4]);
  });
});

describe('round half to even (numpy round)', () => {
  it('rounds halves to the even neighbour', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6, 1].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3, 1]);
  });
});
