import { describe, expect, it } from 'vitest';
import { shopperHistories, TASTES } from '@/db/seed/shoppers';
import {
  buildContentModel,
  contentNeighbours,
  createItemIndex,
  neighboursOf,
  popularityScores,
  rankTrending,
  type Interaction,
} from '@/lib/recommendations';
import { productFeatures } from '@/lib/recommendations/features';
import { scoreCatalog } from '@/lib/recommendations/popularity';
import { parseEvents } from '@/lib/recommendations/rebuild-sql';
import { rebuildDue } from '@/lib/recommendations/state';

const DAY = 86_400;

describe('when the job rebuilds', () => {
  const built = { lastEventId: 100, lastProductId: 50, builtAt: '2026-01-01T00:00:00Z' };
  const at = (hours: number) => Date.parse(built.builtAt) + hours * 3_600_000;
  const policy = { minNewEvents: 10, maxAgeMs: 3 * 3_600_000 };

  it('builds a catalog that was never built, not an empty one', () => {
    expect(rebuildDue(null, { lastEventId: 0, lastProductId: 5 }, at(0), policy)).toBe(true);
    expect(rebuildDue(null, { lastEventId: 0, lastProductId: 0 }, at(0), policy)).toBe(false);
  });

  it('rebuilds after enough new events at once, after fewer only once the tables are old', () => {
    expect(rebuildDue(built, { lastEventId: 110, lastProductId: 50 }, at(1), policy)).toBe(true);
    expect(rebuildDue(built, { lastEventId: 105, lastProductId: 50 }, at(1), policy)).toBe(false);
    expect(rebuildDue(built, { lastEventId: 105, lastProductId: 50 }, at(4), policy)).toBe(true);
    expect(rebuildDue(built, { lastEventId: 100, lastProductId: 51 }, at(4), policy)).toBe(true);
    expect(rebuildDue(built, { lastEventId: 100, lastProductId: 50 }, at(100), policy)).toBe(false);
  });
});

describe('product features', () => {
  const row = {
    id: 7,
    kind: 'album',
    decade: 1960,
    label: ' Blue Note ',
    title: 'Kind of Blue',
    description: 'Modal jazz.',
    genres: ['jazz'],
    people: [12, 13],
    formats: ['vinyl', 'cd'],
  };

  it('turns a product into tokens and text', () => {
    expect(productFeatures(row)).toEqual({
      item: 7,
      tokens: [
        'kind:album',
        'genre:jazz',
        'person:12',
        'person:13',
        'label:blue note',
        'decade:1960',
        'format:vinyl',
        'format:cd',
      ],
      text: 'Kind of Blue Modal jazz.',
    });
    expect(productFeatures(row, false).text).toBe('Kind of Blue');
    expect(productFeatures({ ...row, label: null, decade: null, description: null }).tokens).not.toContain(
      'decade:null',
    );
  });
});

describe('reading events', () => {
  it('parses the compact text the rebuild reads, dropping zero weights', () => {
    const out: Interaction[] = [];
    parseEvents('1,10,5,1700000000 -2147483648,11,0,1700000001 -7,12,1,1700000002', out);
    expect(out).toEqual([
      { user: 1, item: 10, weight: 5, time: 1700000000 },
      { user: -7, item: 12, weight: 1, time: 1700000002 },
    ]);
  });
});

describe('the large-catalog shortcut of content neighbours', () => {
  it('keeps the best neighbours when only a shortlist is scored exactly', () => {
    const features = Array.from({ length: 60 }, (_, i) => ({
      item: i + 1,
      tokens: ['kind:album', `genre:${i % 3}`, `person:${i % 10}`, `label:${i % 7}`],
    }));
    const model = buildContentModel(features);
    const exact = contentNeighbours(model, { neighbours: 5 });
    const shortlisted = contentNeighbours(model, { neighbours: 5, candidates: 20 });
    for (const item of [1, 2, 17, 42]) {
      expect(neighboursOf(shortlisted, item)[0]).toEqual(neighboursOf(exact, item)[0]);
    }
  });

  it('samples a common rarest token rather than walking all of it', () => {
    const features = Array.from({ length: 50 }, (_, i) => ({ item: i + 1, tokens: ['kind:album'] }));
    const table = contentNeighbours(buildContentModel(features), { neighbours: 100, maxPostings: 10 });
    expect(neighboursOf(table, 1).length).toBeLessThanOrEqual(10);
    expect(neighboursOf(table, 1).length).toBeGreaterThan(0);
  });
});

describe('dense popularity and trends', () => {
  const now = 1_800_000_000;
  const events: Interaction[] = [
    ...Array.from({ length: 30 }, (_, k) => ({ user: k, item: 1, weight: 5, time: now - (100 + k) * DAY })),
    ...Array.from({ length: 10 }, (_, k) => ({ user: k, item: 2, weight: 1, time: now - k * 3600 })),
    { user: 1, item: 3, weight: 2, time: now - 20 * DAY },
    { user: 1, item: 99, weight: 5, time: now },
  ];
  const index = createItemIndex([1, 2, 3]);

  it('agrees with popularityScores and rankTrending', () => {
    const { popular, trending } = scoreCatalog(events, index, { now, popularHalfLifeDays: 30 });
    const reference = popularityScores(events, { now, halfLifeDays: 30 });
    for (const id of [1, 2, 3]) expect(popular[index.indexOf.get(id)!]).toBeCloseTo(reference.get(id)!, 9);
    const ranked = rankTrending(events, { now }).all;
    for (const id of [1, 2, 3]) {
      const expected = ranked.find((r) => r.item === id)?.score ?? 0;
      expect(trending[index.indexOf.get(id)!]).toBeCloseTo(expected, 9);
    }
    expect(trending[index.indexOf.get(2)!]).toBeGreaterThan(0);
    expect(trending[index.indexOf.get(1)!]).toBe(0);
  });
});

describe('the demo shoppers', () => {
  const catalog = TASTES.flatMap((taste, t) =>
    Array.from({ length: 12 }, (_, k) => ({
      id: t * 100 + k + 1,
      kind: taste.kinds[0],
      decade: taste.decades?.[0] ?? 2000,
      cjk: true,
      genres: [taste.genres[0]],
    })),
  );
  const users = Array.from({ length: 50 }, (_, i) => i + 1);
  const today = new Date('2026-06-01T00:00:00Z');
  const events = shopperHistories(users, catalog, today);

  it('is the same every time, within the last 180 days', () => {
    expect(shopperHistories(users, catalog, today)).toEqual(events);
    expect(events.length).toBeGreaterThan(users.length * 5);
    for (const e of events) {
      expect(e.at.getTime()).toBeLessThanOrEqual(today.getTime());
      expect(e.at.getTime()).toBeGreaterThan(today.getTime() - 181 * DAY * 1000);
    }
  });

  it('follows tastes: most of a shopper’s products come from one or two taste groups', () => {
    const tasteOf = (product: number) => Math.floor((product - 1) / 100);
    let focused = 0;
    for (const user of users) {
      const groups = new Map<number, number>();
      const mine = events.filter((e) => e.user === user);
      for (const e of mine) groups.set(tasteOf(e.product), (groups.get(tasteOf(e.product)) ?? 0) + 1);
      const top2 = [...groups.values()]
        .sort((a, b) => b - a)
        .slice(0, 2)
        .reduce((a, b) => a + b, 0);
      if (top2 / mine.length >= 0.8) focused++;
    }
    expect(focused / users.length).toBeGreaterThan(0.8);
  });

  it('buys only what was put in the cart, and rates only what was bought', () => {
    for (const e of events.filter((x) => x.type === 'purchase' || x.type === 'rating')) {
      const before = e.type === 'purchase' ? 'add_to_cart' : 'purchase';
      expect(
        events.some((x) => x.user === e.user && x.product === e.product && x.type === before && x.at <= e.at),
      ).toBe(true);
    }
  });
});
