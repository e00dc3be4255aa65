/**
 * Synthetic shoppers for the demo: a few hundred accounts (no password, so nobody can sign in as
 * them; emails at example.invalid) whose histories follow believable tastes — 80s synth-pop, jazz
 * classics, Asian pop and drama, strategy games… — so that the demo's recommendations make sense
 * ("because you bought" a jazz record leads to more jazz). Histories are interaction events only
 * (views, carts, wishlists, purchases, ratings over the last 180 days; purchases without orders),
 * drawn deterministically from the base catalog, so every seed gives the same store.
 */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows, type Transaction } from '@/db';
import { normalizeKey } from '@/lib/security/normalize-key';
import { must } from '@/lib/must';
import { rebuildRecommendations } from '@/lib/recommendations/rebuild';
import { Rng } from './random';

/** A taste: products of these kinds and genres (and eras, and optionally only CJK originals). */
export type Taste = {
  name: string;
  /** Product kinds and genres the taste likes (at least one of each). */
  kinds: readonly [string, ...string[]];
  genres: readonly [string, ...string[]];
  decades?: readonly number[];
  /** Only products with an original (Chinese, Japanese, Korean) title. */
  cjk?: boolean;
};

export const TASTES: readonly Taste[] = [
  { name: '80s synth-pop', kinds: ['album'], genres: ['pop', 'electronic', 'city-pop'], decades: [1980] },
  { name: 'jazz classics', kinds: ['album'], genres: ['jazz', 'blues', 'soul-rnb'], decades: [1950, 1960, 1970] },
  { name: 'classic rock', kinds: ['album'], genres: ['rock', 'metal', 'folk', 'blues'], decades: [1960, 1970, 1980] },
  {
    name: 'hip-hop and soul',
    kinds: ['album'],
    genres: ['hip-hop', 'soul-rnb', 'reggae'],
    decades: [1990, 2000, 2010, 2020],
  },
  { name: 'classical and ambient', kinds: ['album'], genres: ['classical', 'ambient', 'soundtrack'] },
  { name: 'Asian pop', kinds: ['album'], genres: ['c-pop', 'j-pop', 'k-pop', 'city-pop'] },
  { name: 'Asian drama', kinds: ['series', 'film'], genres: ['drama', 'romance', 'comedy'], cjk: true },
  { name: 'anime', kinds: ['series', 'film'], genres: ['anime', 'animation', 'fantasy'] },
  {
    name: 'sci-fi and thrillers',
    kinds: ['film', 'series'],
    genres: ['science-fiction', 'thriller', 'action', 'horror'],
  },
  { name: 'crime series', kinds: ['series'], genres: ['crime', 'thriller', 'drama'] },
  { name: 'arthouse and documentary', kinds: ['film'], genres: ['drama', 'documentary', 'romance'] },
  { name: 'strategy and simulation', kinds: ['game'], genres: ['strategy', 'simulation', 'rpg', 'puzzle'] },
  {
    name: 'action games',
    kinds: ['game'],
    genres: ['action-adventure', 'shooter', 'platformer', 'fighting', 'racing'],
  },
];

export const SHOPPER_COUNT = 300;
const DAY = 86_400_000;

type CatalogItem = { id: number; kind: string; decade: number | null; cjk: boolean; genres: string[] };

function matches(taste: Taste, item: CatalogItem): boolean {
  return (
    taste.kinds.includes(item.kind) &&
    item.genres.some((g) => taste.genres.includes(g)) &&
    (!taste.decades || (item.decade !== null && taste.decades.includes(item.decade))) &&
    (!taste.cjk || item.cjk)
  );
}

type Event = {
  user: number;
  product: number;
  type: 'view' | 'add_to_cart' | 'wishlist' | 'purchase' | 'rating';
  value: number | null;
  at: Date;
};

/**
 * The histories: each shopper has one taste (a third of them a second one) and shops in sessions
 * over 180 days. A session views a few products of a taste (the better-liked ones more often),
 * sometimes puts one in the cart, buys about half of what it carts, and rates some purchases;
 * one view in ten wanders off-taste. Pure: the same inputs give the same events.
 */
export function shopperHistories(users: readonly number[], catalog: readonly CatalogItem[], today: Date): Event[] {
  const pools = TASTES.map((taste) => catalog.filter((item) => matches(taste, item)).map((item) => item.id)).filter(
    (pool) => pool.length >= 4,
  );
  if (pools.length === 0 || catalog.length === 0) return [];
  const everything = catalog.map((item) => item.id);
  const rng = new Rng('encore-demo:shoppers');
  // A few products of each taste are the favourites: picks lean towards the start of a shuffled pool.
  const shuffled = pools.map((pool) => rng.shuffle(pool));
  const pick = (pool: readonly number[]) =>
    must(pool[Math.floor(Math.pow(rng.next(), 1.8) * pool.length)], 'product of a taste');
  const events: Event[] = [];
  for (const user of users) {
    const tastes = [rng.pick(shuffled), ...(rng.chance(0.33) ? [rng.pick(shuffled)] : [])];
    const sessions = rng.int(4, 16);
    const owned = new Set<number>();
    for (let s = 0; s < sessions; s++) {
      const started = today.getTime() - Math.pow(rng.next(), 1.4) * 180 * DAY;
      let minute = 0;
      const at = () => new Date(started + (minute += rng.int(1, 9)) * 60_000);
      const pool = rng.pick(tastes);
      const viewed = Array.from({ length: rng.int(1, 5) }, () => (rng.chance(0.1) ? rng.pick(everything) : pick(pool)));
      for (const product of viewed) events.push({ user, product, type: 'view', value: null, at: at() });
      const chosen = must(viewed[0], 'first viewed product'); // sessions view at least one
      if (rng.chance(0.12)) events.push({ user, product: chosen, type: 'wishlist', value: null, at: at() });
      if (!owned.has(chosen) && rng.chance(0.45)) {
        events.push({ user, product: chosen, type: 'add_to_cart', value: null, at: at() });
        if (rng.chance(0.6)) {
          owned.add(chosen);
          events.push({ user, product: chosen, type: 'purchase', value: 1, at: at() });
          if (rng.chance(0.4)) {
            const stars = rng.weighted([
              [5, 5],
              [4, 4],
              [3, 1],
              [2, 0.5],
            ] as const);
            events.push({ user, product: chosen, type: 'rating', value: stars, at: at() });
          }
        }
      }
    }
  }
  return events.filter((e) => e.at.getTime() <= today.getTime());
}

/** Inserts the shoppers and their histories; returns how many of each. */
export async function insertShoppers(
  executor: Executor,
  options: { today: Date; productIds: ReadonlyMap<string, number>; count?: number },
): Promise<{ shoppers: number; events: number }> {
  const count = options.count ?? SHOPPER_COUNT;
  const names = Array.from({ length: count }, (_, i) => `shopper-${String(i + 1).padStart(3, '0')}`);
  const since = new Date(options.today.getTime() - 365 * DAY).toISOString();
  const list = `{${names.map(normalizeKey).join(',')}}`;
  // Re-seeding with --force keeps the accounts (the catalog, and with it their events, is replaced).
  await executor.execute(
    sql`insert into users (username, username_key, email, email_key, personalization, created_at, updated_at)
      select n, n, n || '@example.invalid', n || '@example.invalid', true,
        ${since}::timestamptz + (i * interval '1 hour'), ${since}::timestamptz + (i * interval '1 hour')
      from unnest(${list}::text[]) with ordinality as t(n, i)
      on conflict do nothing`,
  );
  const users = (
    await queryRows<{ id: number }>(
      executor,
      sql`select id from users where username_key = any(${list}::text[]) and deleted_at is null order by id`,
    )
  ).map((r) => r.id);
  const base = new Set(options.productIds.values());
  const catalog = (
    await queryRows<{
      id: number;
      kind: string;
      decade: number | null;
      cjk: boolean;
      genres: string[] | string | null;
    }>(
      executor,
      sql`select p.id, p.kind, p.decade, p.original_title is not null as cjk,
          coalesce(array_agg(g.slug order by g.slug) filter (where g.slug is not null), '{}') as genres
        from products p left join product_genres pg on pg.product_id = p.id left join genres g on g.id = pg.genre_id
        where p.status = 'active' and p.release_date <= ${options.today.toISOString().slice(0, 10)}::date
        group by p.id order by p.id`,
    )
  )
    .filter((row) => base.has(row.id))
    .map((row) => ({
      ...row,
      genres: Array.isArray(row.genres)
        ? row.genres
        : (row.genres ?? '').replace(/[{}]/g, '').split(',').filter(Boolean),
    }));
  const events = shopperHistories(users, catalog, options.today);
  for (let from = 0; from < events.length; from += 5000) {
    const part = events.slice(from, from + 5000);
    const list = (values: (string | number | null)[]) =>
      `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
    await executor.execute(sql`insert into interaction_events (user_id, product_id, type, value, created_at)
      select u, p, t::interaction_type, v, to_timestamp(at / 1000.0)
      from unnest(${list(part.map((e) => e.user))}::int[], ${list(part.map((e) => e.product))}::int[],
        ${list(part.map((e) => e.type))}::text[], ${list(part.map((e) => e.value))}::smallint[],
        ${list(part.map((e) => e.at.getTime()))}::int8[]) as x(u, p, t, v, at)`);
  }
  return { shoppers: users.length, events: events.length };
}

/**
 * The seed step (db/seed/index.ts): the shoppers, then a first rebuild of the recommendation tables,
 * so that a fresh demo shows sensible rails at once.
 */
export const shoppersStep = {
  name: 'shoppers',
  async run(
    tx: Transaction,
    context: { today: Date; productIds: ReadonlyMap<string, number>; log: (line: string) => void },
  ): Promise<void> {
    const { shoppers, events } = await insertShoppers(tx, { today: context.today, productIds: context.productIds });
    const summary = await rebuildRecommendations(tx, { now: context.today });
    context.log(
      `Shoppers: ${shoppers} synthetic shoppers with ${events} interaction events; recommendations built for ` +
        `${summary.rows.products} products in ${(summary.totalMs / 1000).toFixed(1)} s.`,
    );
  },
};
