import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Database, getDb, queryRow, queryRows } from '@/db';
import { applyMigrations } from '@/db/migrate';
import { loadDemoCatalogIfEmpty } from '@/db/seed/auto';
import * as schema from '@/db/schema';
import { DEMO_USERS } from '@/db/seed/users';
import { placeOrder } from '@/lib/checkout/place-order';
import { env } from '@/lib/env';
import { payDemoOrder } from '@/lib/orders/mutations';
import { getOrderForViewer } from '@/lib/orders/queries';

import { createCart, createTestEdition, guestCheckout, checkoutContext } from '../support/commerce';
import { requestContext } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const saved = { NODE_ENV: env.NODE_ENV, DEMO_PAYMENTS: env.DEMO_PAYMENTS, STRIPE_SECRET_KEY: env.STRIPE_SECRET_KEY };
beforeEach(() => requestContext.reset());
afterEach(() => {
  Object.assign(env, saved);
});

/** A guest order placed while the demo provider is on, with the key from its payment link. */
async function demoOrder() {
  const { editionId } = await createTestEdition({ stock: 3, priceMinor: 1500 });
  const cartId = await createCart([{ editionId, quantity: 1 }]);
  const placed = await placeOrder(guestCheckout(), checkoutContext(cartId, { user: null }));
  if (!placed.ok) throw new Error('not placed');
  expect(placed.redirectUrl).toMatch(/^\/pay\//);
  return { ...placed, key: new URL(placed.redirectUrl, 'http://x').searchParams.get('key') };
}

async function statusOf(orderId: number) {
  const row = await queryRow<{ status: string }>(await getDb(), sql`select status from orders where id = ${orderId}`);
  return row.status;
}

describe('demo payments', () => {
  it('refuses to pay an order placed under the demo provider once Stripe is configured', async () => {
    const order = await demoOrder();
    env.STRIPE_SECRET_KEY = 'sk_test_now_configured';

    expect(await payDemoOrder(order.number, order.key)).toEqual({ ok: false, error: 'cannotPay' });
    expect(await statusOf(order.orderId)).toBe('pending_payment');
    // The order page says why instead of offering a "Pay now" that leads to the demo page.
    expect(await getOrderForViewer(order.number, order.key)).toMatchObject({ canPay: false, demoPaymentOff: true });
    env.STRIPE_SECRET_KEY = saved.STRIPE_SECRET_KEY;
    expect(await getOrderForViewer(order.number, order.key)).toMatchObject({ canPay: true, demoPaymentOff: false });
    expect(await payDemoOrder(order.number, order.key)).toEqual({ ok: true });
    expect(await statusOf(order.orderId)).toBe('paid');
  });

  it('in production, takes demo payments only when DEMO_PAYMENTS=1 chose them', async () => {
    const order = await demoOrder();
    Object.assign(env, { NODE_ENV: 'production', DEMO_PAYMENTS: false, STRIPE_SECRET_KEY: undefined });
    expect(await payDemoOrder(order.number, order.key)).toEqual({ ok: false, error: 'cannotPay' });
    expect(await statusOf(order.orderId)).toBe('pending_payment');
    env.DEMO_PAYMENTS = true;
    expect(await payDemoOrder(order.number, order.key)).toEqual({ ok: true });
  });
});

describe('demo accounts', () => {
  it('are never created when the server prepares an empty embedded database', async () => {
    const client = await PGlite.create('memory://', { extensions: { pg_trgm } });
    try {
      const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
      await applyMigrations(db);
      await loadDemoCatalogIfEmpty(db);
      const { products } = await queryRow<{ products: number }>(
        db,
        sql`select count(*)::int as products from products`,
      );
      expect(products).toBeGreaterThan(100);
      const demo = await queryRows<{ email: string }>(
        db,
        sql`select email from users where email_key in (${sql.join(
          DEMO_USERS.map((u) => sql`${u.email}`),
          sql`, `,
        )}) or password_hash is not null`,
      );
      expect(demo).toEqual([]);
    } finally {
      await client.close();
    }
  });
});
