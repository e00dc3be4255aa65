// Rental benchmarks on PostgreSQL, run by scripts/bench.ts (and alone by scripts/bench-rentals-once.ts):
// rentals placed per second by concurrent shoppers through the real checkout (placeOrder with a rental
// line, which reserves a free copy, then the demo provider's payment), and check-ins per second at the
// rental desk (checkIn by copy code: the return, the late fee, the deposit refund claimed and sent
// through the demo provider) on many rentals that are out.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type Database, queryRow, queryRows, setDb } from '@/db';
import * as schema from '@/db/schema';
import type { StaffUser } from '@/lib/audit/staff';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { placeOrder } from '@/lib/checkout/place-order';
import { applyPaymentSucceeded } from '@/lib/orders/lifecycle';
import { checkIn, dispatchRental } from '@/lib/rentals/desk';
import { rentalCopies, rentals } from '@/lib/rentals/schema';
import { editionRentable } from '@/lib/rentals/terms';
import { must } from '@/lib/must';

const DAY_MS = 86_400_000;

/** Runs `task(0..count-1)` on `concurrency` workers; returns the seconds it took. */
async function timed(count: number, concurrency: number, task: (n: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

const perSecond = (count: number, seconds: number) => Math.round(count / seconds);

/**
 * On a migrated, seeded database: `rentals` rentals placed by `concurrency` shoppers at once, all on
 * the same two rentable editions (enough copies added first, so every rental finds one and all of
 * them race for the same editions' copies), each one a guest checkout of one rental line for the
 * shortest period paid with the demo provider. Then every copy is checked: no copy is held by two
 * rentals. Then the rentals are dispatched (not timed) and checked in by code, `concurrency` at once,
 * on time, so each check-in refunds the whole deposit through the demo provider.
 */
export async function measureRentals(databaseUrl: string, { rentals: count = 300, concurrency = 10 } = {}) {
  const client = postgres(databaseUrl, { max: concurrency, onnotice: () => {} });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
  setDb(db, () => client.end());
  try {
    const rented = await db
      .select({ id: editions.id })
      .from(editions)
      .innerJoin(products, eq(products.id, editions.productId))
      .where(editionRentable())
      .orderBy(editions.id)
      .limit(2);
    if (rented.length === 0) throw new Error('The benchmark database has no rentable edition');
    const run = randomUUID().slice(0, 6).toUpperCase();
    for (const edition of rented) {
      await db.execute(sql`insert into rental_copies (edition_id, code)
        select ${edition.id}, ${`BENCH-${run}-${edition.id}-`} || n from generate_series(1, ${count}) as n`);
    }

    // Each shopper's cart: one rental line (the shortest period), as "Rent" on the product page puts it.
    const period = must(env.RENTAL_PERIOD_DAYS[0], 'a rental period');
    const carts: string[] = [];
    for (let i = 0; i < count; i++) {
      const edition = must(rented[i % rented.length], 'a rented edition');
      const cart = must(await queryRow<{ id: string }>(db, sql`insert into carts default values returning id`), 'cart');
      await db.execute(sql`insert into cart_lines (cart_id, edition_id, kind, quantity, price_seen_minor, rental_period_days)
        values (${cart.id}::uuid, ${edition.id}, 'rental', 1,
          (select rental_price_minor from editions where id = ${edition.id}), ${period})`);
      carts.push(cart.id);
    }
    const address = {
      fullName: 'Bench Renter',
      line1: '1 Load Street',
      city: 'Testville',
      postalCode: '12345',
      country: 'US',
    };
    let placed = 0;
    const placing = await timed(count, concurrency, async (n) => {
      const cartId = must(carts[n], 'cart of the next rental');
      // One shopper per rental (own email and IP), so the caps on unpaid orders do not stop the run.
      const result = await placeOrder(
        { checkoutKey: randomUUID(), email: `renter.${n}@example.com`, shippingMethod: 'standard', address },
        { user: null, cartId, locale: 'en', ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
      );
      if (!result.ok) return;
      const order = must(
        await queryRow<{ total: number; currency: string }>(
          db,
          sql`select total_minor as total, currency from orders where id = ${result.orderId}`,
        ),
        'the placed order',
      );
      const paid = await db.transaction((tx) =>
        applyPaymentSucceeded(tx, {
          orderId: result.orderId,
          amountMinor: order.total,
          currency: order.currency,
          provider: 'demo',
        }),
      );
      if (paid === 'paid') placed += 1;
    });
    const editionIds = rented.map((e) => e.id);
    const doubleBooked = await queryRows<{ copyId: number }>(
      db,
      sql`select copy_id as "copyId" from rentals where status in ('reserved', 'out')
        group by copy_id having count(*) > 1`,
    );
    const held = await queryRow<{ rentals: number; copies: number }>(
      db,
      sql`select (select count(*)::int from rentals where status = 'reserved' and edition_id in (${sql.join(editionIds, sql`, `)})) as rentals,
        (select count(*)::int from rental_copies where status = 'reserved' and edition_id in (${sql.join(editionIds, sql`, `)})) as copies`,
    );

    // The desk sends every rental (not timed), then checks them in by code, `concurrency` at once.
    const admin = await benchAdmin(db, run);
    const toSend = await db
      .select({ id: rentals.id, code: rentalCopies.code })
      .from(rentals)
      .innerJoin(rentalCopies, eq(rentalCopies.id, rentals.copyId))
      .where(and(inArray(rentals.editionId, editionIds), eq(rentals.status, 'reserved')))
      .orderBy(rentals.id);
    const sentAt = new Date();
    await timed(toSend.length, concurrency, async (n) => {
      const rental = must(toSend[n], 'rental to send');
      const sent = await dispatchRental(admin, { rentalId: rental.id, now: sentAt });
      if (!sent.ok) throw new Error(`Could not dispatch rental ${rental.id}: ${sent.error}`);
    });
    const backAt = new Date(sentAt.getTime() + 3 * DAY_MS);
    let checkedIn = 0;
    let refunded = 0;
    const checking = await timed(toSend.length, concurrency, async (n) => {
      const result = await checkIn(admin, { code: must(toSend[n], 'rental to check in').code, now: backAt });
      if (!result.ok) return;
      checkedIn += 1;
      if (result.refund.status === 'sent') refunded += 1;
    });
    return {
      placed: {
        rentals: placed,
        concurrency,
        seconds: Math.round(placing * 10) / 10,
        rentalsPerSecond: perSecond(placed, placing),
        doubleBookedCopies: doubleBooked.length,
        reservedRentals: held.rentals,
        reservedCopies: held.copies,
      },
      checkIns: {
        checkIns: checkedIn,
        refundsSent: refunded,
        concurrency,
        seconds: Math.round(checking * 10) / 10,
        checkInsPerSecond: perSecond(checkedIn, checking),
      },
    };
  } finally {
    await client.end();
  }
}

/** The admin working the desk in the benchmark (the audit rows name them). */
async function benchAdmin(db: Database, run: string): Promise<StaffUser> {
  const name = `bench-desk-${run.toLowerCase()}`;
  const row = await queryRow<{ id: number }>(
    db,
    sql`insert into users (username, username_key, role) values (${name}, ${name}, 'admin') returning id`,
  );
  return { id: row.id, role: 'admin' };
}
