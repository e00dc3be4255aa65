import { describe, expect, it } from 'vitest';
import { rankPopular, rankTrending, signalWeight, type Interaction } from '@/lib/recommendations';

const NOW = 1_700_000_000;
const DAY = 86_400;
const ev = (item: number, daysAgo: number, weight = 1, user = 1): Interaction => ({
  user,
  item,
  weight,
  time: NOW - daysAgo * DAY,
});

describe('popularity', () => {
  const kinds: Record<number, string> = { 1: 'album', 2: 'album', 3: 'film', 4: 'film' };
  const events = [
    ev(1, 400, 5),
    ev(1, 400, 5), // two old purchases: 10
    ev(2, 1, 1),
    ev(2, 1, 1),
    ev(2, 1, 2), // recent views and an add-to-cart: 4
    ev(3, 10, 3), // wishlist: 3
    ev(4, 0, 1), // view: 1
  ];

  it('ranks by total signal weight, overall and per kind', () => {
    const ranked = rankPopular(events, { kindOf: (i) => kinds[i], now: NOW });
    expect(ranked.all.map((r) => [r.item, r.score])).toEqual([
      [1, 10],
      [2, 4],
      [3, 3],
      [4, 1],
    ]);
    expect(ranked.album?.map((r) => r.item)).toEqual([1, 2]);
    expect(ranked.film?.map((r) => r.item)).toEqual([3, 4]);
  });

  it('favours recent activity with a half-life', () => {
    const ranked = rankPopular(events, { halfLifeDays: 30, now: NOW });
    expect(ranked.all[0]?.item).toBe(2); // 10 × 2^(−400/30) ≈ 0 < 4 × 2^(−1/30)
    expect(ranked.all.find((r) => r.item === 1)?.score).toBeLessThan(0.001);
  });

  it('limits the list', () => {
    expect(rankPopular(events, { limit: 2 }).all).toHaveLength(2);
  });

  it('breaks ties by item id', () => {
    expect(rankPopular([ev(9, 0), ev(5, 0)]).all.map((r) => r.item)).toEqual([5, 9]);
  });
});

describe('trending', () => {
  it('lists rising items, not steady sellers', () => {
    const events: Interaction[] = [];
    // item 1 sells one a day, every day for a year: a steady seller
    for (let d = 0; d < 365; d++) events.push(ev(1, d + 0.5));
    // item 2 sold five times in the last three days, never before
    for (let d = 0; d < 5; d++) events.push(ev(2, d * 0.6));
    const trending = rankTrending(events, { now: NOW, halfLifeDays: 7, baselineHalfLifeDays: 90 });
    expect(trending.all.map((r) => r.item)).toEqual([2]);
    // item 2: recent ≈ 5 × 2^(−1.2/7) ≈ 4.4, minus baseline × 7/90 ≈ 0.39 → ≈ 4
    const [rising] = trending.all;
    expect(rising?.score).toBeGreaterThan(3.5);
    expect(rising?.score).toBeLessThan(5);
    // item 1's recent rate (≈ 10.1 decayed events) is only ~1.06× its usual one (≈ 9.5)
    const loose = rankTrending(events, { now: NOW, minLift: 1 });
    expect(loose.all.map((r) => r.item)).toEqual([2, 1]);
    expect(loose.all[1]?.score).toBeLessThan(1);
  });

  it('groups by kind', () => {
    const t = rankTrending([ev(1, 0), ev(2, 0)], { kindOf: (i) => (i === 1 ? 'game' : 'album') });
    expect(t.game?.map((r) => r.item)).toEqual([1]);
    expect(t.album?.map((r) => r.item)).toEqual([2]);
  });
});

describe('signal weights', () => {
  it('maps events to the default weights, dropping low ratings', () => {
    expect(signalWeight('purchase')).toBe(5);
    expect(signalWeight('rating', 5)).toBe(4);
    expect(signalWeight('rating', 3)).toBe(0);
    expect(signalWeight('wishlist')).toBe(3);
    expect(signalWeight('add_to_cart')).toBe(2);
    expect(signalWeight('view')).toBe(1);
  });
});
