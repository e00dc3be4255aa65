import { describe, expect, it } from 'vitest';
import {
  buildCollaborative,
  buildUserItemMatrix,
  createItemIndex,
  neighbourRows,
  neighboursOf,
  type Interaction,
} from '@/lib/recommendations';

const T = 1_700_000_000;
const DAY = 86_400;
const ev = (user: number, item: number, weight = 1, time = T): Interaction => ({ user, item, weight, time });

// Items A=1, B=2, C=3, D=4.
//   u1: A B C    u2: A B    u3: B C    u4: A D
// Users per item: A {u1,u2,u4} = 3, B {u1,u2,u3} = 3, C {u1,u3} = 2, D {u4} = 1.
// Common users: AB 2, AC 1, AD 1, BC 2, BD 0, CD 0.
// Plain cosine c / √(nᵢ nⱼ):
//   AB = 2/√9 = 0.6667   AC = 1/√6 = 0.4082   AD = 1/√3 = 0.5774   BC = 2/√6 = 0.8165
const data: Interaction[] = [ev(1, 1), ev(1, 2), ev(1, 3), ev(2, 1), ev(2, 2), ev(3, 2), ev(3, 3), ev(4, 1), ev(4, 4)];
const plain = { alpha: 0.5, shrink: 0, userDamping: 0, normalize: false, halfLifeDays: Infinity };

const rounded = (list: { item: number; score: number }[]) =>
  list.map(({ item, score }) => [item, Number(score.toFixed(4))]);

describe('item-to-item collaborative filtering', () => {
  it('computes the cosine neighbours of the hand-worked example', () => {
    const table = buildCollaborative(data, plain);
    expect(rounded(neighboursOf(table, 1))).toEqual([
      [2, 0.6667],
      [4, 0.5774],
      [3, 0.4082],
    ]);
    expect(rounded(neighboursOf(table, 2))).toEqual([
      [3, 0.8165],
      [1, 0.6667],
    ]);
    expect(rounded(neighboursOf(table, 3))).toEqual([
      [2, 0.8165],
      [1, 0.4082],
    ]);
    expect(rounded(neighboursOf(table, 4))).toEqual([[1, 0.5774]]);
  });

  it('normalises each list so that its best neighbour scores 1', () => {
    const table = buildCollaborative(data, { ...plain, normalize: true });
    // A: B 0.6667/0.6667, D 0.5774/0.6667, C 0.4082/0.6667
    expect(rounded(neighboursOf(table, 1))).toEqual([
      [2, 1],
      [4, 0.866],
      [3, 0.6124],
    ]);
  });

  it('shrinks pairs with few common users', () => {
    // × n/(n + 1): AB 0.6667 × 2/3 = 0.4444, AD 0.5774 × 1/2 = 0.2887, AC 0.4082 × 1/2 = 0.2041
    const table = buildCollaborative(data, { ...plain, shrink: 1 });
    expect(rounded(neighboursOf(table, 1))).toEqual([
      [2, 0.4444],
      [4, 0.2887],
      [3, 0.2041],
    ]);
  });

  it('with alpha = 1 turns into the conditional probability P(j | i)', () => {
    // c / nᵢ: A→B 2/3, A→C 1/3, A→D 1/3 (tie: lower id first); D→A 1/1
    const table = buildCollaborative(data, { ...plain, alpha: 1 });
    expect(rounded(neighboursOf(table, 1))).toEqual([
      [2, 0.6667],
      [3, 0.3333],
      [4, 0.3333],
    ]);
    expect(rounded(neighboursOf(table, 4))).toEqual([[1, 1]]);
  });

  it('damps users with many items', () => {
    // userDamping 1: u1 (3 items) counts 1/3, u2, u3, u4 count 1/2.
    // ‖A‖² = ‖B‖² = 1/3 + 1/2 + 1/2 = 4/3, ‖D‖² = 1/2; c(A,B) = 1/3 + 1/2 = 5/6, c(A,D) = 1/2.
    // AB = (5/6)/(4/3) = 0.625, AD = 0.5/√(2/3) = 0.6124: u1's contribution to AB now counts less.
    const table = buildCollaborative(data, { ...plain, userDamping: 1 });
    expect(rounded(neighboursOf(table, 1)).slice(0, 2)).toEqual([
      [2, 0.625],
      [4, 0.6124],
    ]);
  });

  it('keeps only the k best neighbours', () => {
    const table = buildCollaborative(data, { ...plain, neighbours: 1 });
    expect(neighboursOf(table, 1).map((n) => n.item)).toEqual([2]);
    expect([...neighbourRows(table)]).toEqual([
      { item: 1, neighbour: 2, score: expect.closeTo(0.6667, 4), rank: 1 },
      { item: 2, neighbour: 3, score: expect.closeTo(0.8165, 4), rank: 1 },
      { item: 3, neighbour: 2, score: expect.closeTo(0.8165, 4), rank: 1 },
      { item: 4, neighbour: 1, score: expect.closeTo(0.5774, 4), rank: 1 },
    ]);
  });

  it('keeps catalog items without history (no neighbours) and ignores items outside it', () => {
    const index = createItemIndex([1, 2, 3, 9]);
    const table = buildCollaborative(data, { ...plain, index });
    expect(neighboursOf(table, 9)).toEqual([]);
    expect(neighboursOf(table, 1).map((n) => n.item)).toEqual([2, 3]);
    expect(neighboursOf(table, 4)).toEqual([]);
  });
});

describe('user × item matrix', () => {
  it('keeps the strongest signal per pair and decays it by age', () => {
    const m = buildUserItemMatrix([ev(1, 1, 1, T), ev(1, 1, 5, T - 2 * DAY), ev(1, 2, 2, T - DAY), ev(1, 2, 1, T)], {
      halfLifeDays: 1,
      now: T,
    });
    // item 1: view now = 1 vs purchase two half-lives ago = 5/4 → 1.25; item 2: max(2/2, 1) = 1
    expect(Array.from(m.rowValues)).toEqual([1.25, 1]);
    expect(Array.from(m.rowTimes)).toEqual([T, T]);
    expect(Array.from(m.colOffsets)).toEqual([0, 1, 2]);
  });

  it("keeps a heavy user's most recent items only", () => {
    const m = buildUserItemMatrix([ev(1, 1, 1, T - 3), ev(1, 2, 1, T - 1), ev(1, 3, 1, T - 2)], {
      maxItemsPerUser: 2,
    });
    expect(
      Array.from(m.rowItems)
        .map((i) => m.index.ids[i])
        .sort(),
    ).toEqual([2, 3]);
  });

  it('drops non-positive weights', () => {
    const m = buildUserItemMatrix([ev(1, 1, 0), ev(1, 2, -1), ev(1, 3, 2)]);
    expect(Array.from(m.rowItems).map((i) => m.index.ids[i])).toEqual([3]);
  });
});
