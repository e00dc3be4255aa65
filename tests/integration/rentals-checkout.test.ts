import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, pick, queryRow } from '@/db';
import { addRentalToCartAction } from '@/lib/actions/cart';
import { mergeGuestCartInto } from '@/lib/cart/mutations';
import { cartLines as cartLinesTable } from '@/lib/cart/schema';
import { getCurrentCart } from '@/lib/rentals/cart';
import { editions } from '@/lib/catalog/schema';
import { placeOrder } from '@/lib/checkout/place-order';
import { env } from '@/lib/env';
import { applyPaymentSucceeded, cancelUnpaidOrder, expireUnpaidOrders } from '@/lib/orders/lifecycle';
import { getOrderForViewer } from '@/lib/orders/queries';
import { orderLines, orders } from '@/lib/orders/schema';
import { markReviewedOrderPaid } from '@/lib/orders/review';
import { cancelOrderAsAdmin } from '@/lib/orders/staff-cancel';
import { checkoutSessionParams } from '@/lib/payments/stripe';
import { changeCopyStatus } from '@/lib/rentals/copies';
import { dispatchRental } from '@/lib/rentals/desk';
import {
  checkoutContext,
  countOrdersFor,
  createCart,
  createTestEdition,
  guestCheckout,
  stockOf,
} from '../support/commerce';
import { itOnPostgres } from '../support/concurrency';
import { databaseDigest, expectAllOrNothing } from '../support/faults';
import { first, only } from '../support/lists';
import { outboxMails } from '../support/outbox';
import { requestContext } from '../support/request-context';
import { copyStatuses, createRentableEdition, deskAdmin, rentalsOf } from '../support/rentals';
import { createTestShopper } from '../support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const savedTax = { TAX_RATE_PERCENT: env.TAX_RATE_PERCENT, TAX_INCLUSIVE: env.TAX_INCLUSIVE };
beforeEach(() => requestContext.reset());
afterEach(() => void Object.assign(env, savedTax));

const cartLines = async () =>
  (await getCurrentCart()).lines.map((line) => ({
    editionId: line.editionId,
    kind: line.kind,
    quantity: line.quantity,
    periodDays: line.rentalPeriodDays,
  }));

describe('a rental in the cart', () => {
  it('puts one copy for a period in the cart; adding it again changes the period', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    expect(await addRentalToCartAction(editionId, 7)).toEqual({ ok: true, quantity: 1, capped: false });
    expect(await cartLines()).toEqual([{ editionId, kind: 'rental', quantity: 1, periodDays: 7 }]);
    expect(await addRentalToCartAction(String(editionId), '14')).toMatchObject({ ok: true });
    expect(await cartLines()).toEqual([{ editionId, kind: 'rental', quantity: 1, periodDays: 14 }]);
    expect(await copyStatuses(editionId)).toEqual(['available']); // the cart holds no copy
    // The cart shows the terms of the period (lib/rentals/terms.ts) and the deposit apart.
    const cart = await getCurrentCart();
    expect(only(cart.lines)).toMatchObject({
      unitPriceMinor: 998,
      lineTotalMinor: 998,
      rental: { periodDays: 14, feeMinor: 998, depositMinor: 2999, lateFeePerDayMinor: 72 },
      problems: [],
    });
    expect(cart).toMatchObject({ subtotalMinor: 998, depositMinor: 2999, blocking: false });
    // A new fee per period is flagged (as the fee for the line's period); a taken copy blocks checkout.
    const db = await getDb();
    await db.update(editions).set({ rentalPriceMinor: 599 }).where(eq(editions.id, editionId));
    expect(only((await getCurrentCart()).lines)).toMatchObject({
      priceSeenMinor: 998,
      unitPriceMinor: 1198,
      problems: ['priceChanged'],
    });
    await db.execute(sql`update rental_copies set status = 'damaged' where edition_id = ${editionId}`);
    expect(await getCurrentCart()).toMatchObject({
      blocking: true,
      lines: [{ problems: ['noCopyFree', 'priceChanged'] }],
    });
  });

  it('refuses editions that cannot be rented, periods not offered and editions with no free copy', async () => {
    const draft = await createRentableEdition();
    const archived = await createRentableEdition();
    const digital = await createRentableEdition();
    const notRentable = await createRentableEdition();
    const db = await getDb();
    await db.update(editions).set({ status: 'draft' }).where(eq(editions.id, draft.editionId));
    await db.update(editions).set({ status: 'archived' }).where(eq(editions.id, archived.editionId));
    await db.update(editions).set({ digital: true }).where(eq(editions.id, digital.editionId));
    // (A rentable edition always has a rental price: editions_rental_price.)
    await db
      .update(editions)
      .set({ rentable: false, rentalPriceMinor: null })
      .where(eq(editions.id, notRentable.editionId));
    const forSale = await createTestEdition();
    const refused = [draft, archived, digital, notRentable, forSale].map((e) => e.editionId);
    for (const id of [...refused, 999_999_999, -5, 'abc', null, '1; drop table editions']) {
      expect(await addRentalToCartAction(id, 7)).toEqual({ ok: false, error: 'editionUnavailable' });
    }

    const { editionId, codes } = await createRentableEdition({ copies: 1 });
    for (const period of [0, 1, 8, 21, -7, 7.5, '7 days', null, '']) {
      expect(await addRentalToCartAction(editionId, period)).toEqual({ ok: false, error: 'periodNotOffered' });
    }
    expect(
      await changeCopyStatus(await deskAdmin(), { code: first(codes), to: 'damaged', now: new Date() }),
    ).toMatchObject({ ok: true });
    expect(await addRentalToCartAction(editionId, 7)).toEqual({ ok: false, error: 'noCopyFree' });
    const loose = addRentalToCartAction as (...args: unknown[]) => Promise<unknown>;
    expect(await loose(editionId)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await cartLines()).toEqual([]);
  });

  it('keeps a rental and a purchase of the same edition apart, and never raises a rental above one copy', async () => {
    const { editionId } = await createRentableEdition({ copies: 2 });
    const db = await getDb();
    await db.execute(sql`update editions set stock = 5 where id = ${editionId}`);
    const { addToCartAction, updateCartLineAction } = await import('@/lib/actions/cart');
    expect(await addToCartAction(editionId, 2)).toMatchObject({ ok: true, quantity: 2 });
    expect(await addRentalToCartAction(editionId, 14)).toMatchObject({ ok: true });
    expect(await cartLines()).toEqual([
      { editionId, kind: 'purchase', quantity: 2, periodDays: null },
      { editionId, kind: 'rental', quantity: 1, periodDays: 14 },
    ]);
    const rental = (await getCurrentCart()).lines.find((line) => line.kind === 'rental');
    expect(await updateCartLineAction(rental?.id ?? 0, 2)).toEqual({ ok: false, error: 'lineNotFound' });
    expect(await cartLines()).toContainEqual({ editionId, kind: 'rental', quantity: 1, periodDays: 14 });
  });
});

/** A guest's order of `cartLines`; throws when it is refused. */
async function placed(lines: Parameters<typeof createCart>[0]) {
  const result = await placeOrder(guestCheckout(), checkoutContext(await createCart(lines)));
  if (!result.ok) throw new Error(`checkout refused: ${result.error}`);
  return result;
}

async function orderRow(orderId: number) {
  const db = await getDb();
  const [order] = await db
    .select({
      status: orders.status,
      subtotal: orders.subtotalMinor,
      shipping: orders.shippingMinor,
      tax: orders.taxMinor,
      deposit: orders.depositMinor,
      total: orders.totalMinor,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  return order;
}

describe('a rental in a guest cart at sign-in', () => {
  it('stays one copy, with the period the guest chose', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    const shopper = await createTestShopper();
    const userCart = await createCart([{ editionId, quantity: 1, kind: 'rental', periodDays: 14 }], shopper.id);
    const guestCart = await createCart([{ editionId, quantity: 1, kind: 'rental', periodDays: 7 }]);
    await mergeGuestCartInto(shopper.id, guestCart);
    const db = await getDb();
    const lines = await db
      .select({ kind: cartLinesTable.kind, quantity: cartLinesTable.quantity, period: cartLinesTable.rentalPeriodDays })
      .from(cartLinesTable)
      .where(eq(cartLinesTable.cartId, userCart));
    expect(lines).toEqual([{ kind: 'rental', quantity: 1, period: 7 }]);
  });
});

describe('checking out a rental with purchases', () => {
  it('charges purchases + fee + deposit + shipping + tax on all but the deposit, and reserves a copy for the order', async () => {
    Object.assign(env, { TAX_RATE_PERCENT: 10, TAX_INCLUSIVE: false });
    const rent = await createRentableEdition({ copies: 2, feeMinor: 499, priceMinor: 2999 });
    const buy = await createTestEdition({ stock: 3, priceMinor: 1999 });
    const result = await placed([
      { editionId: buy.editionId, quantity: 1 },
      { editionId: rent.editionId, quantity: 1, kind: 'rental', periodDays: 14 },
    ]);
    // 14 days = 2 × 499; standard shipping 499 (under the free-shipping threshold); tax 10 % of
    // 1999 + 998 + 499 = 349.6 → 350; the deposit (the sale price, 2999) untaxed.
    expect(await orderRow(result.orderId)).toEqual({
      status: 'pending_payment',
      subtotal: 1999 + 998,
      shipping: 499,
      tax: 350,
      deposit: 2999,
      total: 1999 + 998 + 499 + 350 + 2999,
    });
    const db = await getDb();
    const lines = await db
      .select({
        ...pick(orderLines, 'id editionId kind'),
        unit: orderLines.unitPriceMinor,
        quantity: orderLines.quantity,
        total: orderLines.lineTotalMinor,
        period: orderLines.rentalPeriodDays,
        deposit: orderLines.rentalDepositMinor,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, result.orderId))
      .orderBy(orderLines.id);
    expect(lines.map(({ id: _id, ...line }) => line)).toEqual([
      { editionId: buy.editionId, kind: 'purchase', unit: 1999, quantity: 1, total: 1999, period: null, deposit: null },
      { editionId: rent.editionId, kind: 'rental', unit: 998, quantity: 1, total: 998, period: 14, deposit: 2999 },
    ]);
    const rental = only(await rentalsOf(rent.editionId));
    expect(rental).toMatchObject({
      status: 'reserved',
      orderId: result.orderId,
      orderLineId: lines[1]?.id,
      feeMinor: 998,
      depositMinor: 2999,
      lateFeePerDayMinor: 72, // ⌈499 / 7⌉
      periodDays: 14,
    });
    expect(await copyStatuses(rent.editionId)).toEqual(['reserved', 'available']);
    expect(await stockOf(buy.editionId)).toEqual({ stock: 2, ledger: 2 });
    expect(await stockOf(rent.editionId)).toEqual({ stock: 0, ledger: 0 }); // a rental takes a copy, not stock

    // Stripe's checkout session charges the same total: the rental's fee, then its deposit.
    const total = (await orderRow(result.orderId))?.total ?? 0;
    const session = checkoutSessionParams({
      id: result.orderId,
      number: result.number,
      email: 'ada@example.com',
      currency: 'USD',
      locale: 'en',
      lines: lines.map((line) => ({
        title: 'Item',
        format: 'cd',
        unitPriceMinor: line.unit,
        quantity: line.quantity,
        rentalPeriodDays: line.period,
        rentalDepositMinor: line.deposit,
      })),
      shippingMinor: 499,
      addedTaxMinor: 350,
      totalMinor: total,
      returnUrl: 'http://localhost:3000/orders/x',
      cancelUrl: 'http://localhost:3000/orders/x',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(
      session.line_items?.map((item) => [item.price_data?.product_data?.name, item.price_data?.unit_amount]),
    ).toEqual([
      ['Item — CD', 1999],
      ['Item — CD · rental · 14 days', 998],
      ['Refundable deposit — Item', 2999],
      ['Tax', 350],
    ]);

    // The order page shows the rental and the deposit; the confirmation mail too, once paid.
    requestContext.cookies.clear();
    const view = await getOrderForViewer(
      result.number,
      new URL(result.redirectUrl, 'http://x').searchParams.get('key'),
    );
    expect(view).toMatchObject({ depositMinor: 2999, canCancel: true });
    expect(view?.lines.map((l) => [l.rentalPeriodDays, l.rentalDepositMinor, l.returnable])).toEqual([
      [null, null, 1],
      [14, 2999, 0],
    ]);

    // The demo provider reports the order's own total: paid, not sent to review.
    const outcome = await db.transaction((tx) =>
      applyPaymentSucceeded(tx, { orderId: result.orderId, amountMinor: total, currency: 'USD', provider: 'demo' }),
    );
    expect(outcome).toBe('paid');
    const mail = only(await outboxMails({ dedupeKey: `order-paid:${result.orderId}` }));
    expect(mail.text).toContain('rental · 14 days');
    expect(mail.text).toContain('Refundable deposit: $29.99');
  });

  it('takes stock only for the purchase of an edition that is also rented in the same cart', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    const db = await getDb();
    await db.execute(sql`update editions set stock = 2 where id = ${editionId}`);
    await db.execute(sql`insert into stock_movements (edition_id, delta, reason) values (${editionId}, 2, 'initial')`);
    const result = await placed([
      { editionId, quantity: 2 },
      { editionId, quantity: 1, kind: 'rental' },
    ]);
    expect(await stockOf(editionId)).toEqual({ stock: 0, ledger: 0 });
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
    expect(only(await rentalsOf(editionId)).orderId).toBe(result.orderId);
  });

  it('refuses the whole order, writing nothing, when the rental has no free copy or cannot be rented', async () => {
    const rent = await createRentableEdition({ copies: 1 });
    const buy = await createTestEdition({ stock: 3 });
    const cartId = await createCart([
      { editionId: buy.editionId, quantity: 1 },
      { editionId: rent.editionId, quantity: 1, kind: 'rental' },
    ]);
    const db = await getDb();
    await db.execute(sql`update rental_copies set status = 'damaged' where edition_id = ${rent.editionId}`);
    const before = await databaseDigest();
    expect(await placeOrder(guestCheckout(), checkoutContext(cartId))).toEqual({ ok: false, error: 'noCopyFree' });
    expect(await databaseDigest()).toEqual(before);
    await db.update(editions).set({ status: 'archived' }).where(eq(editions.id, rent.editionId));
    const archived = await databaseDigest();
    expect(await placeOrder(guestCheckout(), checkoutContext(cartId))).toEqual({ ok: false, error: 'cartChanged' });
    expect(await databaseDigest()).toEqual(archived);
  });

  it('is all or nothing at every statement: order, stock, rental line, reserved copy and rental', async () => {
    await expectAllOrNothing({
      setup: async () => {
        const rent = await createRentableEdition({ copies: 1 });
        const buy = await createTestEdition({ stock: 2 });
        const cartId = await createCart([
          { editionId: buy.editionId, quantity: 1 },
          { editionId: rent.editionId, quantity: 1, kind: 'rental' },
        ]);
        return { rent: rent.editionId, buy: buy.editionId, input: guestCheckout(), context: checkoutContext(cartId) };
      },
      run: (f) => placeOrder(f.input, f.context),
      check: async (f) => {
        expect(only(await rentalsOf(f.rent)).status).toBe('reserved');
        expect(await copyStatuses(f.rent)).toEqual(['reserved']);
        expect(await stockOf(f.buy)).toEqual({ stock: 1, ledger: 1 });
      },
    });
  });

  itOnPostgres(
    'gives the last copy to exactly one of 30 shoppers checking out at once, 20 times over; the others get a clear refusal and nothing is written',
    async () => {
      for (let round = 0; round < 20; round++) {
        const rent = await createRentableEdition({ copies: 1 });
        const buy = await createTestEdition({ stock: 100 });
        const carts = await Promise.all(
          Array.from({ length: 30 }, () =>
            createCart([
              { editionId: buy.editionId, quantity: 1 },
              { editionId: rent.editionId, quantity: 1, kind: 'rental' },
            ]),
          ),
        );
        const results = await Promise.all(carts.map((cartId) => placeOrder(guestCheckout(), checkoutContext(cartId))));
        const won = results.filter((r) => r.ok);
        expect(won).toHaveLength(1);
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'noCopyFree')).toBe(true);
        const rental = only(await rentalsOf(rent.editionId));
        expect(rental).toMatchObject({ status: 'reserved', orderId: won[0]?.ok ? won[0].orderId : -1 });
        expect(await copyStatuses(rent.editionId)).toEqual(['reserved']);
        // The losers' purchases were not taken either: one order, one unit.
        expect(await countOrdersFor(buy.editionId)).toBe(1);
        expect(await stockOf(buy.editionId)).toEqual({ stock: 99, ledger: 99 });
      }
    },
    240_000,
  );
});

describe('a cancelled or expired order gives its rental copy back', () => {
  async function expire(orderId: number) {
    const db = await getDb();
    await db.execute(sql`update orders set expires_at = now() - interval '1 minute' where id = ${orderId}`);
  }

  it('releases the reserved copy when the unpaid order expires, once', async () => {
    const rent = await createRentableEdition({ copies: 1 });
    const { orderId } = await placed([{ editionId: rent.editionId, quantity: 1, kind: 'rental' }]);
    await expire(orderId);
    await expireUnpaidOrders();
    await expireUnpaidOrders();
    expect(only(await rentalsOf(rent.editionId)).status).toBe('cancelled');
    expect(await copyStatuses(rent.editionId)).toEqual(['available']);
    // The copy can be rented again.
    const again = await placed([{ editionId: rent.editionId, quantity: 1, kind: 'rental' }]);
    expect((await rentalsOf(rent.editionId)).map((r) => [r.status, r.orderId])).toEqual([
      ['cancelled', orderId],
      ['reserved', again.orderId],
    ]);
  });

  it('releases it when the shopper or the payment cancels the unpaid order', async () => {
    const rent = await createRentableEdition({ copies: 1 });
    const { orderId } = await placed([{ editionId: rent.editionId, quantity: 1, kind: 'rental' }]);
    const db = await getDb();
    const cancel = () =>
      db.transaction((tx) => cancelUnpaidOrder(tx, { orderId }, 'payment_failed', { kind: 'provider' }));
    expect(await cancel()).toBe(true);
    expect(await cancel()).toBe(false);
    expect(only(await rentalsOf(rent.editionId)).status).toBe('cancelled');
    expect(await copyStatuses(rent.editionId)).toEqual(['available']);
  });

  it('releases it when staff cancel a paid order before dispatch, and refuses once the copy went out', async () => {
    const admin = await createTestShopper({ role: 'admin' });
    const db = await getDb();
    const paid = async () => {
      const rent = await createRentableEdition({ copies: 1 });
      const order = await placed([{ editionId: rent.editionId, quantity: 1, kind: 'rental' }]);
      const total = (await orderRow(order.orderId))?.total ?? 0;
      await db.transaction((tx) =>
        applyPaymentSucceeded(tx, { orderId: order.orderId, amountMinor: total, currency: 'USD', provider: 'demo' }),
      );
      return { ...rent, orderId: order.orderId };
    };
    const before = await paid();
    expect(await cancelOrderAsAdmin(admin, before.orderId)).toMatchObject({ ok: true });
    expect(only(await rentalsOf(before.editionId)).status).toBe('cancelled');
    expect(await copyStatuses(before.editionId)).toEqual(['available']);

    const out = await paid();
    const rental = only(await rentalsOf(out.editionId));
    expect(await dispatchRental(await deskAdmin(), { rentalId: rental.id, now: new Date() })).toMatchObject({
      ok: true,
    });
    expect(await cancelOrderAsAdmin(admin, out.orderId)).toEqual({ ok: false, error: 'cannotCancel' });
    expect(only(await rentalsOf(out.editionId)).status).toBe('out');
    expect(await copyStatuses(out.editionId)).toEqual(['out']);
    expect((await orderRow(out.orderId))?.status).toBe('paid');
  });

  it('holds a copy again when staff find an expired order paid after all, or refuses when none is free', async () => {
    const admin = await createTestShopper({ role: 'admin' });
    const db = await getDb();
    const paidLate = async () => {
      const rent = await createRentableEdition({ copies: 1 });
      const { orderId } = await placed([{ editionId: rent.editionId, quantity: 1, kind: 'rental' }]);
      await expire(orderId);
      await expireUnpaidOrders();
      const total = (await orderRow(orderId))?.total ?? 0;
      const outcome = await db.transaction((tx) =>
        applyPaymentSucceeded(tx, { orderId, amountMinor: total, currency: 'USD', provider: 'demo' }),
      );
      expect(outcome).toBe('needs_review');
      return { ...rent, orderId };
    };
    const free = await paidLate();
    expect(await markReviewedOrderPaid(admin, free.orderId)).toMatchObject({ ok: true });
    expect((await rentalsOf(free.editionId)).map((r) => [r.status, r.orderId, r.feeMinor])).toEqual([
      ['cancelled', free.orderId, 499],
      ['reserved', free.orderId, 499],
    ]);
    expect(await copyStatuses(free.editionId)).toEqual(['reserved']);

    const taken = await paidLate();
    await placed([{ editionId: taken.editionId, quantity: 1, kind: 'rental' }]); // someone else rents the copy
    expect(await markReviewedOrderPaid(admin, taken.orderId)).toEqual({ ok: false, error: 'outOfStock' });
    expect((await orderRow(taken.orderId))?.status).toBe('needs_review');
    expect((await rentalsOf(taken.editionId)).map((r) => r.status)).toEqual(['cancelled', 'reserved']);
  });

  itOnPostgres(
    'either dispatches the copy or cancels the paid order when both happen at once, never both',
    async () => {
      const admin = await createTestShopper({ role: 'admin' });
      const db = await getDb();
      for (let round = 0; round < 10; round++) {
        const rent = await createRentableEdition({ copies: 1 });
        const { orderId } = await placed([{ editionId: rent.editionId, quantity: 1, kind: 'rental' }]);
        const total = (await orderRow(orderId))?.total ?? 0;
        await db.transaction((tx) =>
          applyPaymentSucceeded(tx, { orderId, amountMinor: total, currency: 'USD', provider: 'demo' }),
        );
        const rental = only(await rentalsOf(rent.editionId));
        const [dispatched, cancelled] = await Promise.all([
          dispatchRental(admin, { rentalId: rental.id, now: new Date() }),
          cancelOrderAsAdmin(admin, orderId),
        ]);
        expect(dispatched.ok).not.toBe(cancelled.ok);
        const status = (await orderRow(orderId))?.status;
        if (dispatched.ok) {
          expect([status, only(await rentalsOf(rent.editionId)).status]).toEqual(['paid', 'out']);
          expect(await copyStatuses(rent.editionId)).toEqual(['out']);
        } else {
          expect([status, only(await rentalsOf(rent.editionId)).status]).toEqual(['cancelled', 'cancelled']);
          expect(await copyStatuses(rent.editionId)).toEqual(['available']);
        }
      }
    },
  );

  itOnPostgres('releases the copy once when two expiry sweeps run at once', async () => {
    for (let round = 0; round < 5; round++) {
      const rent = await createRentableEdition({ copies: 1 });
      const { orderId } = await placed([{ editionId: rent.editionId, quantity: 1, kind: 'rental' }]);
      await expire(orderId);
      await Promise.all([expireUnpaidOrders(), expireUnpaidOrders()]);
      expect(only(await rentalsOf(rent.editionId)).status).toBe('cancelled');
      expect(await copyStatuses(rent.editionId)).toEqual(['available']);
      const db = await getDb();
      const events = await queryRow<{ n: number }>(
        db,
        sql`select count(*)::int as n from order_events where order_id = ${orderId} and type = 'expired'`,
      );
      expect(events.n).toBe(1);
    }
  });
});
