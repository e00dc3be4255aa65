// Checkout benchmarks, run by scripts/bench.ts: add-to-cart latency through the real server action
// (HTTP, cookies, database), and orders placed per second by concurrent buyers on PostgreSQL (the
// order transaction itself: stock decrements, lines, ledger, events).
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type Database, queryRows, setDb } from '@/db';
import * as schema from '@/db/schema';
import { placeOrder } from '@/lib/checkout/place-order';
import { percentile } from './lib/measure';
import { must } from '@/lib/must';

/** The id Next gave a server action at build time (from the server reference manifest). */
function actionId(exportedName: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join('.next', 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${exportedName} not found in the build`);
  return entry[0];
}

/**
 * p50/p95 of "Add to cart" as a browser does it: POST to the product page with the action id, each
 * worker keeping its own guest cart cookie.
 */
export async function measureAddToCart(baseUrl: string, { requests = 400, concurrency = 10 } = {}) {
  const id = actionId('addToCartAction');
  const product = (await (await fetch(`${baseUrl}/api/v1/products/neon-harbour`)).json()) as {
    editions: { id: number; digital: boolean }[];
  };
  const editionIds = product.editions.filter((e) => !e.digital).map((e) => e.id);
  const timings: number[] = [];
  let failures = 0;
  let next = 0;
  async function worker() {
    let cookie = '';
    while (next < requests) {
      next += 1;
      const started = performance.now();
      const response = await fetch(`${baseUrl}/products/neon-harbour`, {
        method: 'POST',
        headers: {
          'Next-Action': id,
          'Content-Type': 'text/plain;charset=UTF-8',
          Accept: 'text/x-component',
          Cookie: cookie,
        },
        body: JSON.stringify([editionIds[next % editionIds.length], 1]),
      });
      await response.arrayBuffer();
      timings.push(performance.now() - started);
      if (!response.ok) failures += 1;
      const setCookie = response.headers.get('set-cookie');
      const cart = setCookie ? /encore_cart=([^;]+)/.exec(setCookie) : null;
      if (cart) cookie = `encore_cart=${cart[1]}`;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return {
    requests: timings.length,
    failures,
    p50Ms: Math.round(percentile(timings, 50) * 10) / 10,
    p95Ms: Math.round(percentile(timings, 95) * 10) / 10,
  };
}

/**
 * Orders per second placed by `concurrency` buyers at once on PostgreSQL, each order one transaction
 * with two editions (stock plentiful, so every order succeeds and all of them contend on the same rows).
 */
export async function measureOrdersPerSecond(databaseUrl: string, { orders = 600, concurrency = 10 } = {}) {
  const client = postgres(databaseUrl, { max: concurrency, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
  setDb(db, () => client.end());
  const editions = await queryRows<{ id: number }>(
    db,
    sql`select e.id from editions e join products p on p.id = e.product_id
      where e.status = 'active' and p.status = 'active' and not e.digital and e.stock > 0
        and (e.release_date is null or e.release_date <= current_date) order by e.id limit 2`,
  );
  await db.execute(
    sql`update editions set stock = stock + 1000000 where id in (${sql.join(
      editions.map((e) => sql`${e.id}`),
      sql`, `,
    )})`,
  );
  const carts: string[] = [];
  for (let i = 0; i < orders; i++) {
    const [row] = await queryRows<{ id: string }>(db, sql`insert into carts default values returning id`);
    const cart = must(row, 'the inserted cart');
    for (const edition of editions) {
      await db.execute(sql`insert into cart_lines (cart_id, edition_id, quantity, price_seen_minor)
        select ${cart.id}::uuid, id, 1, price_minor from editions where id = ${edition.id}`);
    }
    carts.push(cart.id);
  }
  const address = {
    fullName: 'Bench Buyer',
    line1: '1 Load Street',
    city: 'Testville',
    postalCode: '12345',
    country: 'US',
  };
  let index = 0;
  let placed = 0;
  const started = performance.now();
  async function buyer() {
    while (index < carts.length) {
      const n = index++;
      const cartId = must(carts[n], 'cart of the next order');
      // One buyer per order (own email and IP), so the caps on unpaid orders do not stop the run.
      const result = await placeOrder(
        { checkoutKey: randomUUID(), email: `bench.${n}@example.com`, shippingMethod: 'standard', address },
        { user: null, cartId, locale: 'en', ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
      );
      if (result.ok) placed += 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, buyer));
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return {
    orders: placed,
    concurrency,
    seconds: Math.round(seconds * 10) / 10,
    ordersPerSecond: Math.round(placed / seconds),
  };
}
