// Benchmark of the recommendations (called by scripts/bench.ts; standalone: see the bottom).
// On a scratch database of the PostgreSQL server: N products (the demo seed plus generated ones),
// M users and E synthetic interaction events drawn from taste clusters; then it times
//  1. the rebuild (reading the events and the catalog, computing, writing the tables), goal ≤ 10 s;
//  2. "for you" for one user, in process, database reads included, p95 over many users, goal ≤ 10 ms;
//  3. (unless page: false) a product page with its recommendation rails against a product page
//     without any, served by `next start` on the same database, goal ≥ 0.9× the throughput.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Database, queryRows, setDb } from '@/db';
import { env } from '@/lib/env';
import * as schema from '@/db/schema';
import { Rng } from '@/db/seed/random';
import { getForYou } from '@/lib/recommendations/queries';
import { rebuildRecommendations, type RebuildSummary } from '@/lib/recommendations/rebuild';
import { createScratchDatabase, runScript } from './lib/databases';
import { measureThroughput, percentile } from './lib/measure';
import { buildApp, hasBuild, startServer, throwawayProductionEnv } from './lib/server';
import { must } from '@/lib/must';

export type BenchRecommendationsOptions = {
  /** PostgreSQL server URL (a scratch database is created on it and dropped at the end). */
  serverUrl: string;
  products?: number;
  users?: number;
  events?: number;
  /** Users timed for "for you". */
  samples?: number;
  /** Also measure the product page ratio with `next start` (needs a build). Default true. */
  page?: boolean;
  /** Build the app first: 'auto' builds when there is no build. Default 'auto'. */
  build?: 'auto' | 'always' | 'never';
  port?: number;
  durationSeconds?: number;
  connections?: number;
  log?: (line: string) => void;
};

export type BenchRecommendationsResult = {
  products: number;
  users: number;
  events: number;
  rebuild: { totalMs: number; timings: RebuildSummary['timings']; rows: RebuildSummary['rows']; goalMs: number };
  forYou: { users: number; p50Ms: number; p95Ms: number; maxMs: number; goalP95Ms: number };
  page: {
    withRecommendations: { path: string; requestsPerSecond: number; bytes: number; rounds: number[] };
    without: { path: string; requestsPerSecond: number; bytes: number; rounds: number[] };
    ratio: number;
    goal: number;
  } | null;
};

const round = (ms: number) => Math.round(ms * 100) / 100;
/** Alternating measurement rounds per page in the product-page comparison. */
const ROUNDS = 3;
const literal = (values: ArrayLike<number>) => `{${Array.from(values).join(',')}}`;

/** Users, then events: each user has one or two tastes (a genre and an era); most events fall there. */
export async function generateShoppers(db: Database, users: number, events: number, log: (line: string) => void) {
  await db.execute(sql`insert into users (username, username_key, email, email_key, personalization)
    select 'bench-' || g, 'bench-' || g, 'bench-' || g || '@example.invalid', 'bench-' || g || '@example.invalid', true
    from generate_series(1, ${users}) g`);
  const userIds = (
    await queryRows<{ id: number }>(db, sql`select id from users where username like 'bench-%' order by id`)
  ).map((r) => r.id);
  const products = await queryRows<{ id: number; taste: string }>(
    db,
    sql`select p.id, coalesce((select g.slug from product_genres pg join genres g on g.id = pg.genre_id
        where pg.product_id = p.id order by g.slug limit 1), p.kind::text) || ':' || coalesce(p.decade / 20, 0) as taste
      from products p where p.status = 'active' order by p.id`,
  );
  const tastes = new Map<string, number[]>();
  for (const p of products) tastes.set(p.taste, [...(tastes.get(p.taste) ?? []), p.id]);
  const tasteLists = [...tastes.values()].filter((list) => list.length >= 5);
  const all = products.map((p) => p.id);
  const rng = new Rng('bench-recommendations');
  // Skewed picks: a few items (and users) get most of the activity, as in a real shop.
  const skewed = <T>(list: readonly T[]) =>
    must(list[Math.floor(Math.pow(rng.next(), 2.2) * list.length)], 'skewed pick');
  const userTastes = userIds.map(() => [rng.pick(tasteLists), ...(rng.chance(0.4) ? [rng.pick(tasteLists)] : [])]);
  const now = Math.floor(Date.now() / 1000);
  const types = [
    'view',
    'view',
    'view',
    'view',
    'view',
    'view',
    'add_to_cart',
    'add_to_cart',
    'wishlist',
    'purchase',
    'purchase',
    'rating',
  ] as const;
  const chunk = 50_000;
  const started = Date.now();
  for (let from = 0; from < events; from += chunk) {
    const n = Math.min(chunk, events - from);
    const u = new Int32Array(n);
    const p = new Int32Array(n);
    const t: string[] = new Array(n);
    const v = new Int32Array(n);
    const at = new Int32Array(n);
    for (let e = 0; e < n; e++) {
      const k = Math.floor(Math.pow(rng.next(), 1.5) * userIds.length);
      u[e] = must(userIds[k], 'user');
      p[e] = rng.chance(0.8) ? skewed(rng.pick(must(userTastes[k], 'user tastes'))) : skewed(all);
      t[e] = rng.pick(types);
      v[e] = t[e] === 'rating' ? rng.int(2, 5) : t[e] === 'purchase' ? 1 : 0;
      at[e] = now - Math.floor(Math.pow(rng.next(), 1.5) * 180 * 86_400);
    }
    await db.execute(sql`insert into interaction_events (user_id, product_id, type, value, created_at)
      select u, p, t::interaction_type, nullif(v, 0), to_timestamp(at)
      from unnest(${literal(u)}::int[], ${literal(p)}::int[], ${`{${t.join(',')}}`}::text[], ${literal(v)}::int[],
        ${literal(at)}::int8[]) as x(u, p, t, v, at)`);
    log(`  … ${from + n} events (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  await db.execute(sql`analyze`);
  return userIds;
}

/** Throughput of one page; the comparison is void if the server answered errors. */
async function throughput(url: string, durationSeconds: number, connections: number) {
  const result = await measureThroughput(url, durationSeconds, connections);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result;
}

/** Runs the benchmark and returns its numbers (see the header of this file). */
export async function benchRecommendations(options: BenchRecommendationsOptions): Promise<BenchRecommendationsResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const nProducts = options.products ?? 50_000;
  const nUsers = options.users ?? 100_000;
  const nEvents = options.events ?? 1_000_000;
  const database = await createScratchDatabase(options.serverUrl, 'encore_recs_bench');
  const appEnv = { ...throwawayProductionEnv(`http://localhost:${options.port ?? 3800}`), DATABASE_URL: database.url };
  const client = postgres(database.url, { max: 4, onnotice: () => {} });
  try {
    log(`Scratch database ${database.name}: migrating and seeding ${nProducts} products…`);
    await runScript('scripts/db-migrate.ts', [], appEnv);
    await runScript('scripts/db-seed.ts', ['--extra-products', String(Math.max(0, nProducts - 410))], appEnv);
    const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
    setDb(db);
    log(`Generating ${nUsers} users and ${nEvents} events…`);
    const userIds = await generateShoppers(db, nUsers, nEvents, log);

    log('Rebuilding (timed)…');
    const summary = await rebuildRecommendations(db);
    log(`Rebuild: ${summary.totalMs} ms ${JSON.stringify(summary.timings)}`);

    const rng = new Rng('bench-for-you');
    const active = await queryRows<{ id: number }>(
      db,
      sql`select distinct user_id as id from interaction_events where user_id = any(${literal(userIds)}::int[])`,
    );
    const samples = Array.from({ length: options.samples ?? 500 }, () => rng.pick(active).id);
    for (const id of samples.slice(0, 20)) await getForYou({ userId: id, visitorId: null, cartId: null }, db);
    const times: number[] = [];
    for (const id of samples) {
      const started = performance.now();
      await getForYou({ userId: id, visitorId: null, cartId: null }, db);
      times.push(performance.now() - started);
    }
    const forYou = {
      users: samples.length,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      maxMs: round(Math.max(...times)),
      goalP95Ms: 10,
    };
    log(`For you: p50 ${forYou.p50Ms} ms, p95 ${forYou.p95Ms} ms, max ${forYou.maxMs} ms over ${samples.length} users`);

    let page: BenchRecommendationsResult['page'] = null;
    if (options.page ?? true) {
      // Two products of the same kind among the generated ones, of similar size; the second one's
      // neighbour lists are emptied, so its page renders without any recommendation rail.
      const [a, b] = await queryRows<{ id: number; slug: string }>(
        db,
        sql`select p.id, p.slug from products p join item_neighbours n on n.product_id = p.id
          where p.kind = 'album' and p.status = 'active' and cardinality(n.collaborative_ids) > 0
            and exists (select 1 from editions e where e.product_id = p.id and e.status = 'active')
          order by (select count(*) from tracks t where t.product_id = p.id), p.id limit 2 offset 1000`,
      );
      if (!a || !b) throw new Error('The catalog has too few albums with neighbours to compare product pages.');
      await db.execute(sql`update item_neighbours set collaborative_ids = '{}',
        content_ids = '{}', hybrid_ids = '{}', hybrid_scores = '{}' where product_id = ${b.id}`);
      const build = options.build ?? 'auto';
      if (build === 'always' || (build === 'auto' && !hasBuild())) await buildApp(appEnv);
      const server = await startServer(options.port ?? 3800, appEnv);
      try {
        const duration = options.durationSeconds ?? 10;
        const connections = options.connections ?? 10;
        const withPath = `/products/${a.slug}`;
        const withoutPath = `/products/${b.slug}`;
        log(`Measuring ${withPath} (with recommendations) and ${withoutPath} (without), ${ROUNDS} rounds each…`);
        // Alternating rounds, median of each: one run of a few seconds varies by ±15% here, more
        // than the difference being measured.
        const rounds: { with: number[]; without: number[] } = { with: [], without: [] };
        let withBytes = 0;
        let withoutBytes = 0;
        // A first, discarded round warms the server up (JIT, caches): later rounds run faster.
        await throughput(server.url + withPath, duration, connections);
        await throughput(server.url + withoutPath, duration, connections);
        for (let round = 0; round < ROUNDS; round++) {
          const w = await throughput(server.url + withPath, duration, connections);
          const wo = await throughput(server.url + withoutPath, duration, connections);
          rounds.with.push(w.requestsPerSecond);
          rounds.without.push(wo.requestsPerSecond);
          withBytes = w.bytes;
          withoutBytes = wo.bytes;
        }
        const withRecs = { requestsPerSecond: percentile(rounds.with, 50), bytes: withBytes, rounds: rounds.with };
        const without = {
          requestsPerSecond: percentile(rounds.without, 50),
          bytes: withoutBytes,
          rounds: rounds.without,
        };
        page = {
          withRecommendations: { path: withPath, ...withRecs },
          without: { path: withoutPath, ...without },
          ratio: Math.round((withRecs.requestsPerSecond / without.requestsPerSecond) * 100) / 100,
          goal: 0.9,
        };
        log(
          `Product page: ${withRecs.requestsPerSecond} req/s with, ${without.requestsPerSecond} without (×${page.ratio})`,
        );
      } finally {
        await server.stop();
      }
    }
    return {
      products: summary.products,
      users: nUsers,
      events: summary.events,
      rebuild: { totalMs: summary.totalMs, timings: summary.timings, rows: summary.rows, goalMs: 10_000 },
      forYou,
      page,
    };
  } finally {
    await client.end({ timeout: 5 });
    await database.drop();
  }
}

// Standalone: DATABASE_URL=postgres://… tsx --conditions=react-server scripts/bench-recs.ts
//   [--products 50000] [--users 100000] [--events 1000000] [--no-page] [--build]
if (/bench-recs\.ts$/.test(process.argv[1] ?? '')) {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  if (!env.DATABASE_URL) {
    console.error('The recommendations benchmark needs DATABASE_URL (a PostgreSQL server).');
    process.exit(1);
  }
  benchRecommendations({
    serverUrl: env.DATABASE_URL,
    products: flag('products', 50_000),
    users: flag('users', 100_000),
    events: flag('events', 1_000_000),
    page: !args.includes('--no-page'),
    build: args.includes('--build') ? 'always' : 'auto',
  })
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      fs.mkdirSync('bench-results', { recursive: true });
      fs.writeFileSync(path.join('bench-results', 'recommendations.json'), JSON.stringify(result, null, 2));
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
