import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';
import { markOrderDelivered, shipOrder } from '@/lib/orders/fulfilment';
import { refundOrder, retryOrderRefunds } from '@/lib/orders/refunds';
import { approveReturn } from '@/lib/orders/return-decisions';
import { receiveReturn, retryReturnRefund } from '@/lib/orders/return-receipt';
import { placeOrder } from '@/lib/checkout/place-order';
import { payDemoOrder } from '@/lib/orders/mutations';
import { requestReturn } from '@/lib/orders/returns';
import { checkoutContext, createCart, createTestEdition, guestCheckout, stockOf } from '../support/commerce';
import { expectAllOrNothing } from '../support/faults';
import { requestContext } from '../support/request-context';
import { createTestShopper } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/**
 * The money and stock operations are all or nothing at every step: each is failed at each of its
 * statements in turn (tests/support/faults.ts), and each time the failed transaction must have left
 * every table as it was, and a retry must complete the operation exactly once.
 */

let admin: SessionUser & { role: 'admin' };

beforeAll(async () => {
  admin = await createTestShopper({ role: 'admin', prefix: 'aon' });
});

beforeEach(() => requestContext.reset());

type Placed = { orderId: number; number: string; key: string | null };

const keyOf = (redirectUrl: string) => new URL(redirectUrl, 'http://x').searchParams.get('key');

/** A guest order of 2 × A (10.00) and 1 × B (15.00), standard shipping: total 39.99. */
async function checkoutFixture() {
  const a = await createTestEdition({ stock: 5, priceMinor: 1000 });
  const b = await createTestEdition({ stock: 3, priceMinor: 1500 });
  const cartId = await createCart([
    { editionId: a.editionId, quantity: 2 },
    { editionId: b.editionId, quantity: 1 },
  ]);
  return { a: a.editionId, b: b.editionId, cartId, input: guestCheckout(), context: checkoutContext(cartId) };
}

async function placed(fixture: Awaited<ReturnType<typeof checkoutFixture>>): Promise<Placed> {
  const result = await placeOrder(fixture.input, fixture.context);
  if (!result.ok) throw new Error(`order not placed: ${result.error}`);
  return { orderId: result.orderId, number: result.number, key: keyOf(result.redirectUrl) };
}

async function orderState(orderId: number) {
  const db = await getDb();
  const order = await queryRow<{ status: string; totalMinor: number; refundedMinor: number }>(
    db,
    sql`select status, total_minor as "totalMinor", refunded_minor as "refundedMinor" from orders where id = ${orderId}`,
  );
  const events = await queryRows<{ type: string }>(
    db,
    sql`select type from order_events where order_id = ${orderId} order by id`,
  );
  const refunds = await queryRows<{ amountMinor: number; providerRef: string | null }>(
    db,
    sql`select amount_minor as "amountMinor", provider_ref as "providerRef" from refunds where order_id = ${orderId} order by id`,
  );
  const mails = await queryRow<{ keys: string[] }>(
    db,
    sql`select coalesce(array_agg(dedupe_key order by id), '{}') as keys from mail_outbox
      where dedupe_key like ${`%:${orderId}`} or dedupe_key like 'refund-issued:%' and dedupe_key in (
        select 'refund-issued:' || id from refunds where order_id = ${orderId})`,
  );
  return { ...order, events: events.map((e) => e.type), refunds, mails: mails.keys };
}

async function ordersWithCheckoutKey(checkoutKey: string): Promise<number> {
  const db = await getDb();
  const row = await queryRow<{ n: number }>(
    db,
    sql`select count(*)::int as n from orders where checkout_key = ${checkoutKey}`,
  );
  return row.n;
}

/** A paid, shipped and delivered order of the checkout fixture. */
async function deliveredOrder() {
  const fixture = await checkoutFixture();
  const order = await placed(fixture);
  expect(await payDemoOrder(order.number, order.key)).toEqual({ ok: true });
  expect(await shipOrder(admin, { orderId: order.orderId, carrier: 'ups', trackingNumber: '1Z999' })).toMatchObject({
    ok: true,
  });
  expect(await markOrderDelivered(admin, order.orderId)).toMatchObject({ ok: true });
  return { ...fixture, ...order };
}

describe('all or nothing at every statement', () => {
  it('placing an order: stock, order, lines, ledger, event and cart', async () => {
    const steps = await expectAllOrNothing({
      setup: checkoutFixture,
      run: (f) => placeOrder(f.input, f.context),
      check: async (f) => {
        expect(await ordersWithCheckoutKey(f.input.checkoutKey)).toBe(1);
        expect(await stockOf(f.a)).toEqual({ stock: 3, ledger: 3 });
        expect(await stockOf(f.b)).toEqual({ stock: 2, ledger: 2 });
        const order = await placed(f);
        expect(await orderState(order.orderId)).toMatchObject({
          status: 'pending_payment',
          totalMinor: 2 * 1000 + 1500 + 499,
          events: ['placed'],
        });
      },
    });
    expect(steps.filter((step) => step.transaction !== null).length).toBeGreaterThanOrEqual(8);
  });

  it('fulfilling a paid order (the demo provider’s Pay)', async () => {
    await expectAllOrNothing({
      setup: async () => placed(await checkoutFixture()),
      run: (order) => payDemoOrder(order.number, order.key),
      check: async (order) => {
        expect(await orderState(order.orderId)).toMatchObject({
          status: 'paid',
          events: ['placed', 'paid'],
          mails: [`order-paid:${order.orderId}`],
        });
      },
    });
  });

  it('refunding part of a delivered order', async () => {
    await expectAllOrNothing({
      setup: deliveredOrder,
      run: (order) => refundOrder(admin, { orderId: order.orderId, amountMinor: 1200, reason: 'scratched' }),
      // Once the refund is claimed, staff retry it from the order page; before, they refund again.
      retry: async (order) =>
        (await orderState(order.orderId)).refunds.length > 0
          ? retryOrderRefunds(admin, order.orderId)
          : refundOrder(admin, { orderId: order.orderId, amountMinor: 1200, reason: 'scratched' }),
      check: async (order) => {
        const state = await orderState(order.orderId);
        expect(state).toMatchObject({ status: 'delivered', refundedMinor: 1200 });
        expect(state.refunds).toEqual([{ amountMinor: 1200, providerRef: expect.any(String) }]);
        expect(state.events.filter((type) => type === 'refunded')).toHaveLength(1);
        expect(state.mails.filter((key) => key.startsWith('refund-issued:'))).toHaveLength(1);
      },
    });
  });

  it('receiving a return: restock and refund', async () => {
    const returnOf = async () => {
      const order = await deliveredOrder();
      const db = await getDb();
      const lines = await queryRows<{ id: number; editionId: number }>(
        db,
        sql`select id, edition_id as "editionId" from order_lines where order_id = ${order.orderId} order by edition_id`,
      );
      const asked = await requestReturn(order.number, order.key, {
        requestKey: randomUUID(),
        reason: 'Not what I expected',
        lines: lines.map((line) => ({ orderLineId: line.id, quantity: 1 })),
      });
      expect(asked).toEqual({ ok: true });
      const found = await queryRow<{ id: number }>(db, sql`select id from returns where order_id = ${order.orderId}`);
      expect(await approveReturn(admin, { returnId: found.id, message: '' })).toEqual({ ok: true });
      const returnLines = await queryRows<{ id: number }>(
        db,
        sql`select id from return_lines where return_id = ${found.id} order by id`,
      );
      return { ...order, returnId: found.id, returnLines: returnLines.map((line) => line.id) };
    };
    const receive = (r: Awaited<ReturnType<typeof returnOf>>) =>
      receiveReturn(admin, {
        returnId: r.returnId,
        lines: r.returnLines.map((returnLineId) => ({ returnLineId, resellable: 1 })),
        refundMinor: 2500,
      });
    await expectAllOrNothing({
      setup: returnOf,
      run: receive,
      // Once received, the refund is retried from the return's page; before, staff receive it again.
      retry: async (r) => {
        const db = await getDb();
        const row = await queryRow<{ status: string }>(db, sql`select status from returns where id = ${r.returnId}`);
        return row.status === 'approved' ? receive(r) : retryReturnRefund(admin, r.returnId);
      },
      check: async (r) => {
        // 2 × A and 1 × B were sold; one of each came back and is on the shelf again.
        expect(await stockOf(r.a)).toEqual({ stock: 4, ledger: 4 });
        expect(await stockOf(r.b)).toEqual({ stock: 3, ledger: 3 });
        const state = await orderState(r.orderId);
        expect(state).toMatchObject({ refundedMinor: 2500 });
        expect(state.refunds).toEqual([{ amountMinor: 2500, providerRef: expect.any(String) }]);
        expect(state.events.filter((type) => type === 'return_received')).toHaveLength(1);
        const db = await getDb();
        const row = await queryRow<{ status: string }>(db, sql`select status from returns where id = ${r.returnId}`);
        expect(row.status).toBe('refunded');
      },
    });
  });
});
