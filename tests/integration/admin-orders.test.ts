import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { registerUser } from '@/lib/accounts/mutations';
import {
  addOrderNoteAction,
  cancelOrderAction,
  markOrderDeliveredAction,
  refundOrderAction,
  resolveOrderAction,
  retryOrderRefundsAction,
  shipOrderAction,
} from '@/lib/actions/admin/orders';
import { getOrderForAdmin } from '@/lib/admin/orders/detail-queries';
import { listOrdersForAdmin } from '@/lib/admin/orders/queries';
import { readOrderFilters } from '@/lib/admin/orders/validation';
import { AuthError } from '@/lib/auth/errors';
import { placeOrder } from '@/lib/checkout/place-order';
import { applyPaymentSucceeded } from '@/lib/orders/lifecycle';
import { payDemoOrder } from '@/lib/orders/mutations';
import { getOrderForViewer } from '@/lib/orders/queries';
import { demoProvider } from '@/lib/payments/demo';
import { createCart, createTestEdition, guestCheckout, stockOf, checkoutContext } from '../support/commerce';
import { formData } from '../support/forms';
import { asOutsiders, requestContext, signInAs } from '../support/request-context';
import { rowOf } from '../support/rows';
import { outboxMails } from '../support/outbox';
import { itOnPostgres } from '../support/concurrency';
import { at, first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let adminId: number;
let customerId: number;

async function createUser(prefix: string, role: 'admin' | 'customer') {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user = await registerUser(
    { username: `${prefix}${suffix}`, email: `${prefix}.${suffix}@example.com`, password: 'a long enough passphrase' },
    'en',
  );
  if (!user.ok) throw new Error(JSON.stringify(user.fieldErrors));
  if (role === 'admin') {
    const db = await getDb();
    await db.execute(sql`update users set role = 'admin', display_name = 'Ops Admin' where id = ${user.userId}`);
  }
  return user.userId;
}

beforeAll(async () => {
  adminId = await createUser('ops', 'admin');
  customerId = await createUser('shopper', 'customer');
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(adminId);
});

afterEach(() => vi.restoreAllMocks());

const form = formData;

type Placed = { orderId: number; number: string; key: string; editions: number[] };

/** A guest order, paid through the demo provider: `quantities[i]` units of a fresh edition each. */
async function placePaidOrder(
  quantities: number[] = [1],
  { priceMinor = 1000, stock = 5, pay = true, email = 'buyer@example.com' } = {},
): Promise<Placed> {
  const editions: number[] = [];
  for (const _quantity of quantities) editions.push((await createTestEdition({ stock, priceMinor })).editionId);
  const cartId = await createCart(editions.map((editionId, i) => ({ editionId, quantity: at(quantities, i) })));
  const placed = await placeOrder(guestCheckout({ email }), checkoutContext(cartId));
  if (!placed.ok) throw new Error(`not placed: ${placed.error}`);
  const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key') ?? '';
  if (pay) expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });
  return { orderId: placed.orderId, number: placed.number, key, editions };
}

const orderRow = (orderId: number) =>
  rowOf<{ status: string; refundedMinor: number; totalMinor: number }>(
    sql`select status, refunded_minor as "refundedMinor", total_minor as "totalMinor" from orders where id = ${orderId}`,
  );

async function mailsWith(dedupeKey: string) {
  return outboxMails({ dedupeKey });
}

async function auditRows(action: string, entityId: number) {
  const db = await getDb();
  return queryRows<{ actorUserId: number; before: Record<string, unknown>; after: Record<string, unknown> }>(
    db,
    sql`select actor_user_id as "actorUserId", before, after from audit_log
      where action = ${action} and entity_id = ${String(entityId)} order by id`,
  );
}

const ship = (orderId: number, carrier = 'ups', trackingNumber = '1Z999AA10123456784') =>
  shipOrderAction(null, form({ orderId, carrier, trackingNumber }));

describe('shipping and delivery', () => {
  it('ships with a tracking link the shopper sees and a mail, then delivers', async () => {
    const order = await placePaidOrder([2]);
    expect(await ship(order.orderId)).toEqual({ ok: true });

    // The shopper (signed out, with the order's key) sees the tracking link.
    requestContext.reset();
    const view = await getOrderForViewer(order.number, order.key);
    expect(view?.status).toBe('shipped');
    expect(view?.shipments).toEqual([
      expect.objectContaining({
        carrier: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
      }),
    ]);
    expect(view?.canCancel).toBe(false);
    const mail = first(await mailsWith(`order-shipped:${order.orderId}`));
    expect(mail).toMatchObject({ template: 'orderShipped', to: 'buyer@example.com' });
    expect(mail.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(mail.text).toContain(order.number);

    await signInAs(adminId);
    const [audit] = await auditRows('order.ship', order.orderId);
    expect(audit).toMatchObject({ actorUserId: adminId, before: { status: 'paid' }, after: { status: 'shipped' } });
    // A second shipment of the same order is refused and writes nothing.
    expect(await ship(order.orderId, 'dhl', 'JD0000000001')).toMatchObject({ ok: false, error: 'cannotShip' });
    expect((await getOrderForAdmin(order.number))?.shipments).toHaveLength(1);

    expect(await markOrderDeliveredAction(null, form({ orderId: order.orderId }))).toEqual({ ok: true });
    expect(await markOrderDeliveredAction(null, form({ orderId: order.orderId }))).toMatchObject({
      ok: false,
      error: 'cannotDeliver',
    });
    const admin = await getOrderForAdmin(order.number);
    expect(admin?.status).toBe('delivered');
    expect(first(admin!.shipments).deliveredAt).not.toBeNull();
    expect(admin?.events.filter((e) => e.type === 'delivered')).toEqual([
      expect.objectContaining({ actor: 'admin', actorName: 'Ops Admin', internal: false }),
    ]);
    expect(await mailsWith(`order-delivered:${order.orderId}`)).toHaveLength(1);
  });

  it('answers bad shipping input with field errors and changes nothing', async () => {
    const order = await placePaidOrder();
    expect(
      await shipOrderAction(null, form({ orderId: order.orderId, carrier: 'pigeon', trackingNumber: '' })),
    ).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { carrier: 'carrierRequired', trackingNumber: 'trackingRequired' },
    });
    expect(
      await shipOrderAction(null, form({ orderId: order.orderId, carrier: 'other', trackingNumber: 'a b<script>' })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { carrierName: 'carrierNameRequired', trackingNumber: 'trackingInvalid' },
    });
    expect(await ship(order.orderId + 1_000_000)).toMatchObject({ ok: false, error: 'orderNotFound' });
    expect((await orderRow(order.orderId)).status).toBe('paid');
    expect(await auditRows('order.ship', order.orderId)).toHaveLength(0);
    // "Other" carriers have no tracking page.
    expect(
      await shipOrderAction(
        null,
        form({ orderId: order.orderId, carrier: 'other', carrierName: 'Local Courier', trackingNumber: 'LC-42-0001' }),
      ),
    ).toEqual({ ok: true });
    const shipped = await getOrderForAdmin(order.number);
    expect(shipped?.shipments[0]).toMatchObject({ carrier: 'Local Courier', trackingUrl: null });
  });

  it('refuses to ship an unpaid order', async () => {
    const order = await placePaidOrder([1], { pay: false });
    expect(await ship(order.orderId)).toMatchObject({ ok: false, error: 'cannotShip' });
  });
});

describe('refunds', () => {
  itOnPostgres(
    'never refunds more than is left, even with concurrent refunds, and uses the refund id as idempotency key',
    async () => {
      const refund = vi.spyOn(demoProvider, 'refund');
      for (let round = 0; round < 5; round++) {
        const order = await placePaidOrder([2]); // 2 × 10.00 + 4.99 shipping = 24.99
        const { totalMinor } = await orderRow(order.orderId);
        expect(totalMinor).toBe(2499);
        const results = await Promise.all(
          ['15.00', '12.50', '9.99'].map((amount) => refundOrderAction(null, form({ orderId: order.orderId, amount }))),
        );
        const succeeded = results.filter((r) => r.ok).length;
        expect(succeeded).toBeGreaterThanOrEqual(1);
        for (const result of results.filter((r) => !r.ok)) {
          expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors: { amount: 'amountTooHigh' } });
        }
        const row = await orderRow(order.orderId);
        expect(row.refundedMinor).toBeLessThanOrEqual(row.totalMinor);
        const db = await getDb();
        const refunds = await queryRows<{ id: number; amountMinor: number; providerRef: string | null }>(
          db,
          sql`select id, amount_minor as "amountMinor", provider_ref as "providerRef" from refunds where order_id = ${order.orderId}`,
        );
        expect(refunds).toHaveLength(succeeded);
        expect(refunds.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(row.refundedMinor);
        for (const r of refunds) {
          expect(r.providerRef).not.toBeNull();
          expect(refund).toHaveBeenCalledWith(
            expect.objectContaining({ amountMinor: r.amountMinor, idempotencyKey: `refund-${r.id}` }),
          );
          expect(await mailsWith(`refund-issued:${r.id}`)).toHaveLength(1);
        }
        expect(await auditRows('order.refund', order.orderId)).toHaveLength(succeeded);
      }
    },
  );

  it('refunds in part, then the rest; a full refund of a delivered order makes it refunded', async () => {
    const order = await placePaidOrder([1]); // 10.00 + 4.99
    await ship(order.orderId);
    await markOrderDeliveredAction(null, form({ orderId: order.orderId }));
    expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: '4.99', reason: 'late' }))).toEqual({
      ok: true,
    });
    expect((await orderRow(order.orderId)).status).toBe('delivered');
    expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: '10.01' }))).toMatchObject({
      fieldErrors: { amount: 'amountTooHigh' },
    });
    for (const amount of ['0', '-1', '1.234', 'ten', '']) {
      expect(await refundOrderAction(null, form({ orderId: order.orderId, amount }))).toMatchObject({ ok: false });
    }
    expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: '10' }))).toEqual({ ok: true });
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'refunded', refundedMinor: 1499 });
    // Each refund's mail says what this refund was and what has been refunded in all.
    const { refunds } = (await getOrderForAdmin(order.number))!;
    const inTotal = { 499: '$4.99', 1000: '$14.99' } as Record<number, string>;
    expect(refunds.map((r) => r.amountMinor).sort((a, b) => a - b)).toEqual([499, 1000]);
    for (const refund of refunds) {
      const mail = first(await mailsWith(`refund-issued:${refund.id}`));
      expect(mail.text).toContain(`This refund: $${(refund.amountMinor / 100).toFixed(2)}\n`);
      expect(mail.text).toContain(`Refunded in total: ${inTotal[refund.amountMinor]}\n`);
      expect(mail.text).toContain('Total: $14.99\n');
    }
    expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: '0.01' }))).toMatchObject({
      ok: false,
      error: 'cannotRefund',
    });
    requestContext.reset();
    const view = await getOrderForViewer(order.number, order.key);
    expect(view?.status).toBe('refunded');
    expect(view?.refundedMinor).toBe(1499);
  });

  it('keeps a refund the provider refused as pending, and retries it with the same key', async () => {
    const order = await placePaidOrder([1]);
    const refund = vi.spyOn(demoProvider, 'refund').mockRejectedValueOnce(new Error('provider down'));
    expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: '5.00' }))).toEqual({
      ok: false,
      error: 'providerFailed',
    });
    let admin = await getOrderForAdmin(order.number);
    expect(admin?.refunds).toEqual([expect.objectContaining({ amountMinor: 500, providerRef: null })]);
    expect(admin?.can.retryRefunds).toBe(true);
    expect(admin?.events.some((e) => e.type === 'refund_failed' && e.internal)).toBe(true);
    const refundId = first(admin!.refunds).id;
    expect(await mailsWith(`refund-issued:${refundId}`)).toHaveLength(0);

    expect(await retryOrderRefundsAction(null, form({ orderId: order.orderId }))).toEqual({ ok: true });
    expect(refund.mock.calls.map(([input]) => input.idempotencyKey)).toEqual([
      `refund-${refundId}`,
      `refund-${refundId}`,
    ]);
    admin = await getOrderForAdmin(order.number);
    expect(first(admin!.refunds).providerRef).not.toBeNull();
    expect(admin?.refundedMinor).toBe(500);
    expect(await mailsWith(`refund-issued:${refundId}`)).toHaveLength(1);
    expect(await retryOrderRefundsAction(null, form({ orderId: order.orderId }))).toMatchObject({
      ok: false,
      error: 'nothingToRetry',
    });
  });
});

describe('retrying refunds of an order in review', () => {
  // Today a refused cancellation refund is what puts an order with pending refunds in review (see
  // 'cancelling'); whatever put it there, once its refunds go through it leaves review with the
  // status its facts say.
  const cases = [
    { facts: 'paid', steps: [], refund: '5.00', expected: 'paid' },
    { facts: 'shipped', steps: ['ship'], refund: '5.00', expected: 'shipped' },
    { facts: 'delivered', steps: ['ship', 'deliver'], refund: '5.00', expected: 'delivered' },
    { facts: 'shipped, refunded in full', steps: ['ship'], refund: '14.99', expected: 'refunded' },
  ] as const;
  it.each(cases)('puts a $facts order back to $expected once its refunds go through', async (c) => {
    const order = await placePaidOrder([1]); // 14.99
    for (const step of c.steps) {
      const result =
        step === 'ship'
          ? await ship(order.orderId)
          : await markOrderDeliveredAction(null, form({ orderId: order.orderId }));
      expect(result).toEqual({ ok: true });
    }
    const refund = vi.spyOn(demoProvider, 'refund').mockRejectedValueOnce(new Error('provider down'));
    expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: c.refund }))).toEqual({
      ok: false,
      error: 'providerFailed',
    });
    const db = await getDb();
    await db.execute(
      sql`update orders set status = 'needs_review', review_reason = 'checked by hand' where id = ${order.orderId}`,
    );
    // The provider refuses again: the order stays in review.
    refund.mockRejectedValueOnce(new Error('provider still down'));
    expect(await retryOrderRefundsAction(null, form({ orderId: order.orderId }))).toMatchObject({
      ok: false,
      error: 'providerFailed',
    });
    expect((await orderRow(order.orderId)).status).toBe('needs_review');

    expect(await retryOrderRefundsAction(null, form({ orderId: order.orderId }))).toEqual({ ok: true });
    const admin = await getOrderForAdmin(order.number);
    expect(admin).toMatchObject({ status: c.expected, reviewReason: null });
    expect(admin?.events.filter((e) => e.type === 'review_resolved')).toEqual([
      expect.objectContaining({ internal: true, data: { decision: 'retryRefunds', status: c.expected } }),
    ]);
    expect(await auditRows('order.refund_retry', order.orderId)).toEqual([
      expect.objectContaining({ after: { status: 'needs_review', allSent: false } }),
      expect.objectContaining({
        before: expect.objectContaining({ status: 'needs_review' }),
        after: { status: c.expected, allSent: true },
      }),
    ]);
  });
});

describe('cancelling', () => {
  it('cancels a paid order before it ships: stock back, full refund, audit, mail', async () => {
    const order = await placePaidOrder([2], { stock: 4 });
    expect(await stockOf(first(order.editions))).toEqual({ stock: 2, ledger: 2 });
    expect(await cancelOrderAction(null, form({ orderId: order.orderId }))).toEqual({ ok: true });
    expect(await cancelOrderAction(null, form({ orderId: order.orderId }))).toMatchObject({ error: 'cannotCancel' });
    expect(await stockOf(first(order.editions))).toEqual({ stock: 4, ledger: 4 });
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'cancelled', refundedMinor: 2499 });
    expect(await auditRows('order.cancel', order.orderId)).toEqual([
      expect.objectContaining({ actorUserId: adminId, before: { status: 'paid' } }),
    ]);
    const mail = first(await mailsWith(`order-cancelled:${order.orderId}`));
    expect(mail.template).toBe('orderCancelled');
  });

  it('when the provider refuses the cancellation refund, retrying it resolves the review', async () => {
    const order = await placePaidOrder([1], { stock: 2 });
    const refund = vi.spyOn(demoProvider, 'refund').mockRejectedValueOnce(new Error('provider down'));
    expect(await cancelOrderAction(null, form({ orderId: order.orderId }))).toEqual({ ok: true });
    expect((await orderRow(order.orderId)).status).toBe('needs_review');
    let admin = await getOrderForAdmin(order.number);
    expect(admin?.can).toMatchObject({ retryRefunds: true, markPaid: false, resolve: true });
    // Cancelling again from the review is refused while the refund waits.
    expect(
      await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'cancel', amount: '0' })),
    ).toMatchObject({ ok: false, error: 'pendingRefunds' });
    expect(await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'retryRefunds' }))).toEqual({
      ok: true,
    });
    admin = await getOrderForAdmin(order.number);
    expect(admin?.status).toBe('cancelled');
    expect(admin?.refunds).toEqual([expect.objectContaining({ amountMinor: 1499 })]);
    expect(first(admin!.refunds).providerRef).not.toBeNull();
    expect(new Set(refund.mock.calls.map(([input]) => input.idempotencyKey)).size).toBe(1);
    expect(await stockOf(first(order.editions))).toEqual({ stock: 2, ledger: 2 });
  });

  it('cancels an unpaid order, and refuses a shipped one', async () => {
    const unpaid = await placePaidOrder([1], { pay: false, stock: 2 });
    expect(await cancelOrderAction(null, form({ orderId: unpaid.orderId }))).toEqual({ ok: true });
    expect(await orderRow(unpaid.orderId)).toMatchObject({ status: 'cancelled', refundedMinor: 0 });
    expect(await stockOf(first(unpaid.editions))).toEqual({ stock: 2, ledger: 2 });

    const shipped = await placePaidOrder([1]);
    await ship(shipped.orderId);
    expect(await cancelOrderAction(null, form({ orderId: shipped.orderId }))).toMatchObject({
      ok: false,
      error: 'cannotCancel',
    });
    expect((await orderRow(shipped.orderId)).status).toBe('shipped');
  });
});

describe('internal notes', () => {
  it('are on the staff timeline and never in the shopper view', async () => {
    const order = await placePaidOrder();
    const secret = 'Customer called; suspect a reshipper address.';
    expect(await addOrderNoteAction(null, form({ orderId: order.orderId, note: secret }))).toEqual({ ok: true });
    expect(await addOrderNoteAction(null, form({ orderId: order.orderId, note: '   ' }))).toMatchObject({
      fieldErrors: { note: 'noteRequired' },
    });
    const admin = await getOrderForAdmin(order.number);
    expect(admin?.events).toContainEqual(
      expect.objectContaining({ type: 'note', internal: true, data: { text: secret }, actorName: 'Ops Admin' }),
    );
    requestContext.reset();
    const view = await getOrderForViewer(order.number, order.key);
    expect(view).not.toBeNull();
    expect(view?.events.map((e) => e.type)).toEqual(['placed', 'paid']);
    expect(JSON.stringify(view)).not.toContain('reshipper');
  });
});

describe('orders waiting for review', () => {
  async function reviewOrder(amountMinor: number) {
    const order = await placePaidOrder([1], { pay: false, stock: 3 });
    const db = await getDb();
    const outcome = await db.transaction((tx) =>
      applyPaymentSucceeded(tx, { orderId: order.orderId, amountMinor, currency: 'USD', provider: 'demo' }),
    );
    expect(outcome).toBe('needs_review');
    return order;
  }

  it('marks a checked order paid and sends the confirmation once', async () => {
    const order = await reviewOrder(1);
    expect(await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'markPaid' }))).toEqual({
      ok: true,
    });
    expect((await orderRow(order.orderId)).status).toBe('paid');
    expect(await mailsWith(`order-paid:${order.orderId}`)).toHaveLength(1);
    expect(await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'markPaid' }))).toMatchObject({
      ok: false,
      error: 'cannotResolve',
    });
    expect(await stockOf(first(order.editions))).toEqual({ stock: 2, ledger: 2 });
  });

  it('keeps an order in review when another payment report arrives: no confirmation, the first reason stays', async () => {
    const order = await reviewOrder(1);
    const db = await getDb();
    const reason = await queryRow<{ reason: string }>(
      db,
      sql`select review_reason as reason from orders where id = ${order.orderId}`,
    );
    expect(reason.reason).toBe('paid 1 USD, expected 1499 USD');
    // The full amount reported afterwards (a second attempt, a redelivery) does not confirm the order.
    const outcome = await db.transaction((tx) =>
      applyPaymentSucceeded(tx, { orderId: order.orderId, amountMinor: 1499, currency: 'USD', provider: 'demo' }),
    );
    expect(outcome).toBe('needs_review');
    expect((await orderRow(order.orderId)).status).toBe('needs_review');
    expect(await mailsWith(`order-paid:${order.orderId}`)).toHaveLength(0);
    const admin = await getOrderForAdmin(order.number);
    expect(admin?.events.map((e) => e.type)).toEqual(['placed', 'needs_review']);
    expect(admin?.reviewReason).toBe('paid 1 USD, expected 1499 USD');
  });

  it('answers "already paid" to a payment report for a shipped, delivered or refunded order, and changes nothing', async () => {
    const order = await placePaidOrder([1]); // 14.99
    const report = (amountMinor: number) =>
      getDb().then((db) =>
        db.transaction((tx) =>
          applyPaymentSucceeded(tx, { orderId: order.orderId, amountMinor, currency: 'USD', provider: 'demo' }),
        ),
      );
    const steps: [string, () => Promise<unknown>][] = [
      ['shipped', () => ship(order.orderId)],
      ['delivered', () => markOrderDeliveredAction(null, form({ orderId: order.orderId }))],
      ['refunded', () => refundOrderAction(null, form({ orderId: order.orderId, amount: '14.99' }))],
    ];
    for (const [status, step] of steps) {
      expect(await step()).toEqual({ ok: true });
      // The right amount, and a different one: neither confirms again nor sends the order to review.
      expect(await report(1499), status).toBe('already_paid');
      expect(await report(1), status).toBe('already_paid');
      expect((await orderRow(order.orderId)).status).toBe(status);
    }
    const admin = await getOrderForAdmin(order.number);
    expect(admin?.events.filter((e) => e.type === 'paid' || e.type === 'needs_review')).toHaveLength(1);
    expect(await mailsWith(`order-paid:${order.orderId}`)).toHaveLength(1);
  });

  it('takes the stock again when a late payment is accepted, or refuses when it is gone', async () => {
    const order = await placePaidOrder([2], { pay: false, stock: 2 });
    const db = await getDb();
    await db.execute(sql`update orders set expires_at = now() - interval '1 minute' where id = ${order.orderId}`);
    const { expireUnpaidOrders } = await import('@/lib/orders/lifecycle');
    await expireUnpaidOrders();
    await db.transaction((tx) =>
      applyPaymentSucceeded(tx, { orderId: order.orderId, amountMinor: 2499, currency: 'USD', provider: 'demo' }),
    );
    expect((await orderRow(order.orderId)).status).toBe('needs_review');
    expect(await stockOf(first(order.editions))).toEqual({ stock: 2, ledger: 2 });
    // Someone else buys one meanwhile: not enough left to reserve the order again.
    const other = await createCart([{ editionId: first(order.editions), quantity: 1 }]);
    expect((await placeOrder(guestCheckout(), checkoutContext(other))).ok).toBe(true);
    expect(await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'markPaid' }))).toMatchObject({
      ok: false,
      error: 'outOfStock',
    });
    expect((await orderRow(order.orderId)).status).toBe('needs_review');
    expect(await stockOf(first(order.editions))).toEqual({ stock: 1, ledger: 1 });
    // Cancel and refund what was paid instead.
    expect(
      await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'cancel', amount: '24.99' })),
    ).toEqual({ ok: true });
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'cancelled', refundedMinor: 2499 });
    expect(await stockOf(first(order.editions))).toEqual({ stock: 1, ledger: 1 });
  });

  it('cancels with a refund of what was actually paid, and puts the stock back', async () => {
    const order = await reviewOrder(900);
    expect(
      await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'cancel', amount: '99.00' })),
    ).toMatchObject({ fieldErrors: { amount: 'amountTooHigh' } });
    expect(await resolveOrderAction(null, form({ orderId: order.orderId, decision: 'cancel', amount: '9' }))).toEqual({
      ok: true,
    });
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'cancelled', refundedMinor: 900 });
    expect(await stockOf(first(order.editions))).toEqual({ stock: 3, ledger: 3 });
    const admin = await getOrderForAdmin(order.number);
    expect(admin?.refunds).toEqual([expect.objectContaining({ amountMinor: 900, reason: 'review' })]);
    expect(first(admin!.refunds).providerRef).not.toBeNull();
  });
});

describe('the order list', () => {
  it('finds orders by number or email (any case), filters by status and day, and counts per status', async () => {
    const email = `Finder.${Date.now()}@Example.com`;
    const paid = await placePaidOrder([1], { email });
    const unpaid = await placePaidOrder([1], { email, pay: false });
    const byEmail = await listOrdersForAdmin(readOrderFilters({ q: email.toLowerCase() }));
    expect(byEmail.items.map((o) => o.number).sort()).toEqual([paid.number, unpaid.number].sort());
    expect(byEmail.counts).toMatchObject({ paid: 1, pending_payment: 1, shipped: 0 });
    const onlyPaid = await listOrdersForAdmin(readOrderFilters({ q: email.toUpperCase(), status: 'paid' }));
    expect(onlyPaid.items.map((o) => o.number)).toEqual([paid.number]);
    expect(onlyPaid.total).toBe(1);
    const byNumber = await listOrdersForAdmin(readOrderFilters({ q: paid.number.toLowerCase() }));
    expect(byNumber.items.map((o) => o.number)).toEqual([paid.number]);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await listOrdersForAdmin(readOrderFilters({ q: email, from: today, to: today }));
    expect(dated.total).toBe(2);
    const past = await listOrdersForAdmin(readOrderFilters({ q: email, to: '2000-01-01' }));
    expect(past.total).toBe(0);
    const junk = readOrderFilters({ status: 'bogus', from: '2024-02-31', page: '-4', customer: 'x' });
    expect(junk).toMatchObject({ status: null, from: null, page: 1, customer: null });
  });
});

describe('authorization', () => {
  it('refuses visitors and customers before anything is read or changed', async () => {
    const order = await placePaidOrder();
    await asOutsiders(customerId, async (expected) => {
      expect(await ship(order.orderId)).toEqual({ ok: false, error: expected });
      expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: '1.00' }))).toEqual({
        ok: false,
        error: expected,
      });
      expect(await cancelOrderAction(null, form({ orderId: order.orderId }))).toEqual({ ok: false, error: expected });
      expect(await addOrderNoteAction(null, form({ orderId: order.orderId, note: 'x' }))).toEqual({
        ok: false,
        error: expected,
      });
      await expect(getOrderForAdmin(order.number)).rejects.toBeInstanceOf(AuthError);
      await expect(listOrdersForAdmin(readOrderFilters({}))).rejects.toBeInstanceOf(AuthError);
    });
    expect(await orderRow(order.orderId)).toMatchObject({ status: 'paid', refundedMinor: 0 });
    await signInAs(adminId);
    const admin = await getOrderForAdmin(order.number);
    expect(admin?.events.map((e) => e.type)).toEqual(['placed', 'paid']);
    expect(admin?.refunds).toEqual([]);
  });
});
