import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';
import { placeOrder, type PlaceOrderResult } from '@/lib/checkout/place-order';
import { env } from '@/lib/env';
import { cancelOrderAsCustomer, payDemoOrder } from '@/lib/orders/mutations';
import { checkoutContext, createCart, createTestEdition, guestCheckout, stockOf } from '../support/commerce';
import { requestContext } from '../support/request-context';
import { itOnPostgres } from '../support/concurrency';
import { at, take } from '@/tests/support/lists';
import { createTestShopper } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let shopper: SessionUser;

beforeAll(async () => {
  shopper = await createTestShopper({ prefix: 'ul' });
});

beforeEach(() => requestContext.reset());

/** A cart holding one copy of a fresh edition (each order its own edition, so stock never serializes them). */
async function oneItemCart(): Promise<{ cartId: string; editionId: number }> {
  const { editionId } = await createTestEdition({ stock: 5 });
  return { cartId: await createCart([{ editionId, quantity: 1 }]), editionId };
}

/** Puts one copy of a fresh edition in an existing cart (a visitor shopping again with the same cookie). */
async function refill(cartId: string): Promise<number> {
  const { editionId } = await createTestEdition({ stock: 5 });
  const db = await getDb();
  await db.execute(sql`insert into cart_lines (cart_id, edition_id, quantity, price_seen_minor)
    select ${cartId}, id, 1, price_minor from editions where id = ${editionId}`);
  return editionId;
}

const keyOf = (result: PlaceOrderResult) =>
  result.ok ? (new URL(result.redirectUrl, 'http://x').searchParams.get('key') ?? '') : '';

async function unpaidOrders(where: { email?: string; userId?: number }): Promise<number> {
  const db = await getDb();
  const row = await queryRow<{ n: number }>(
    db,
    sql`select count(*)::int as n from orders where status = 'pending_payment'
      and ${where.email ? sql`email = ${where.email}` : sql`user_id = ${where.userId ?? 0}`}`,
  );
  return row.n;
}

describe('caps on unpaid orders', () => {
  it('refuses a guest’s fourth unpaid order from the same cart, keeps nothing of it, and allows one again once an order is paid or cancelled', async () => {
    expect(env.ORDER_UNPAID_PER_VISITOR).toBe(3);
    const { cartId } = await oneItemCart();
    const placed: PlaceOrderResult[] = [];
    for (let i = 0; i < 3; i++) {
      if (i > 0) await refill(cartId);
      placed.push(await placeOrder(guestCheckout(), checkoutContext(cartId)));
    }
    expect(placed.every((result) => result.ok)).toBe(true);

    const editionId = await refill(cartId);
    const refused = await placeOrder(guestCheckout(), checkoutContext(cartId));
    expect(refused).toEqual({ ok: false, error: 'unpaidLimit' });
    expect(await stockOf(editionId)).toEqual({ stock: 5, ledger: 5 });
    const db = await getDb();
    const lines = await queryRow<{ n: number }>(
      db,
      sql`select count(*)::int as n from cart_lines where cart_id = ${cartId}`,
    );
    expect(lines.n).toBe(1);

    const [firstOrder, secondOrder] = take(placed, 2, 'order');
    if (!firstOrder.ok || !secondOrder.ok) throw new Error('unreachable');
    expect(await payDemoOrder(firstOrder.number, keyOf(firstOrder))).toEqual({ ok: true });
    expect((await placeOrder(guestCheckout(), checkoutContext(cartId))).ok).toBe(true);
    await refill(cartId);
    expect(await placeOrder(guestCheckout(), checkoutContext(cartId))).toEqual({ ok: false, error: 'unpaidLimit' });
    expect(await cancelOrderAsCustomer(secondOrder.number, keyOf(secondOrder))).toEqual({ ok: true });
    expect((await placeOrder(guestCheckout(), checkoutContext(cartId))).ok).toBe(true);
  });

  it('counts per email address, in any case, across carts', async () => {
    const email = `Cap.${randomUUID().slice(0, 8)}@Example.com`;
    for (let i = 0; i < 3; i++) {
      const { cartId } = await oneItemCart();
      expect((await placeOrder(guestCheckout({ email }), checkoutContext(cartId))).ok).toBe(true);
    }
    const { cartId } = await oneItemCart();
    expect(await placeOrder(guestCheckout({ email: email.toLowerCase() }), checkoutContext(cartId))).toEqual({
      ok: false,
      error: 'unpaidLimit',
    });
    expect(await unpaidOrders({ email })).toBe(3);
  });

  it('counts per signed-in shopper, whatever the cart', async () => {
    for (let i = 0; i < 3; i++) {
      const { cartId } = await oneItemCart();
      expect((await placeOrder(guestCheckout(), checkoutContext(cartId, { user: shopper }))).ok).toBe(true);
    }
    const { cartId } = await oneItemCart();
    expect(await placeOrder(guestCheckout(), checkoutContext(cartId, { user: shopper }))).toEqual({
      ok: false,
      error: 'unpaidLimit',
    });
  });

  it('counts per client IP, and puts clients with no known IP in one shared bucket', async () => {
    expect(env.ORDER_UNPAID_PER_IP).toBe(10);
    for (const ip of ['203.0.113.7', null]) {
      for (let i = 0; i < 10; i++) {
        const { cartId } = await oneItemCart();
        expect((await placeOrder(guestCheckout(), checkoutContext(cartId, { ip }))).ok).toBe(true);
      }
      const { cartId } = await oneItemCart();
      expect(await placeOrder(guestCheckout(), checkoutContext(cartId, { ip }))).toEqual({
        ok: false,
        error: 'unpaidLimitNetwork',
      });
    }
    // Another address is not affected.
    const { cartId } = await oneItemCart();
    expect((await placeOrder(guestCheckout(), checkoutContext(cartId, { ip: '203.0.113.8' }))).ok).toBe(true);
  });

  it('does not count orders whose payment window has passed', async () => {
    const email = `late.${randomUUID().slice(0, 8)}@example.com`;
    const db = await getDb();
    for (let i = 0; i < 3; i++) {
      const { cartId } = await oneItemCart();
      const result = await placeOrder(guestCheckout({ email }), checkoutContext(cartId));
      if (!result.ok) throw new Error('not placed');
      await db.execute(sql`update orders set expires_at = now() - interval '1 second' where id = ${result.orderId}`);
    }
    const { cartId } = await oneItemCart();
    expect((await placeOrder(guestCheckout({ email }), checkoutContext(cartId))).ok).toBe(true);
  });
});

describe('payment windows', () => {
  it('gives guest orders the shorter guest window, and signed-in shoppers ORDER_PAYMENT_MINUTES', async () => {
    const guest = await placeOrder(guestCheckout(), checkoutContext((await oneItemCart()).cartId));
    const member = await placeOrder(
      guestCheckout(),
      checkoutContext((await oneItemCart()).cartId, { user: await createTestShopper({ prefix: 'pw' }) }),
    );
    if (!guest.ok || !member.ok) throw new Error('not placed');
    const db = await getDb();
    const rows = await queryRows<{ id: number; minutes: number }>(
      db,
      sql`select id, round(extract(epoch from expires_at - created_at) / 60)::int as minutes from orders
        where id in (${guest.orderId}, ${member.orderId})`,
    );
    const minutes = new Map(rows.map((row) => [row.id, row.minutes]));
    expect(minutes.get(guest.orderId)).toBe(15);
    expect(minutes.get(member.orderId)).toBe(env.ORDER_PAYMENT_MINUTES);
  });
});

describe('simultaneous checkouts', () => {
  itOnPostgres(
    'never lets one shopper, one email or one IP exceed the cap, 5 rounds of 12 checkouts at once',
    async () => {
      for (let round = 0; round < 5; round++) {
        const suffix = randomUUID().slice(0, 8);
        const email = `rush.${suffix}@example.com`;
        const ip = `192.0.2.${round + 1}`;
        const user = await createTestShopper({ prefix: 'rush' });
        const carts = await Promise.all(Array.from({ length: 36 }, () => oneItemCart()));
        const results = await Promise.all(
          carts.map(({ cartId }, i) =>
            i < 12
              ? placeOrder(guestCheckout(), checkoutContext(cartId, { user }))
              : i < 24
                ? placeOrder(guestCheckout({ email }), checkoutContext(cartId))
                : placeOrder(guestCheckout(), checkoutContext(cartId, { ip })),
          ),
        );
        const placed = (from: number, to: number) => results.slice(from, to).filter((result) => result.ok).length;
        expect(placed(0, 12)).toBe(3);
        expect(placed(12, 24)).toBe(3);
        expect(placed(24, 36)).toBe(10);
        expect(await unpaidOrders({ userId: user.id })).toBe(3);
        expect(await unpaidOrders({ email })).toBe(3);
        // Refused checkouts kept no stock.
        for (const [i, { editionId }] of carts.entries()) {
          expect((await stockOf(editionId)).stock).toBe(at(results, i).ok ? 4 : 5);
        }
      }
    },
  );
});
