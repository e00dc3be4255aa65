import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { markOrderDeliveredAction, refundOrderAction, shipOrderAction } from '@/lib/actions/admin/orders';
import {
  approveReturnAction,
  receiveReturnAction,
  rejectReturnAction,
  retryReturnRefundAction,
} from '@/lib/actions/admin/returns';
import { getReturnForAdmin, listReturnsForAdmin } from '@/lib/admin/returns/queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { payDemoOrder } from '@/lib/orders/mutations';
import { receiveReturn } from '@/lib/orders/return-receipt';
import { requestReturn } from '@/lib/orders/returns';
import { getOrderForViewer } from '@/lib/orders/queries';
import { demoProvider } from '@/lib/payments/demo';
import { addToWishlist } from '@/lib/wishlist/mutations';
import { createCart, createTestEdition, guestCheckout, stockOf, checkoutContext } from '../support/commerce';
import { formData } from '../support/forms';
import { asOutsiders, requestContext, signInAs } from '../support/request-context';
import { outboxMails } from '../support/outbox';
import { at, first, take } from '@/tests/support/lists';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let adminId: number;
let customerId: number;

beforeAll(async () => {
  adminId = (await createTestUser({ role: 'admin', prefix: 'rma' })).id;
  customerId = (await createTestUser({ prefix: 'cust' })).id;
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(adminId);
});

afterEach(() => vi.restoreAllMocks());

const form = formData;

/**
 * A delivered order of two editions (2 × A at 10.00, 1 × B at 15.00; stock 5 each) with a return
 * request for `returned` units of each line, as its shopper asks for it.
 */
async function deliveredOrderWithReturn(returned: [number, number]) {
  const a = await createTestEdition({ stock: 5, priceMinor: 1000 });
  const b = await createTestEdition({ stock: 5, priceMinor: 1500 });
  const cartId = await createCart([
    { editionId: a.editionId, quantity: 2 },
    { editionId: b.editionId, quantity: 1 },
  ]);
  const placed = await placeOrder(guestCheckout(), checkoutContext(cartId));
  if (!placed.ok) throw new Error('not placed');
  const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key') ?? '';
  expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });
  expect(
    await shipOrderAction(null, form({ orderId: placed.orderId, carrier: 'dhl', trackingNumber: 'JD014600003' })),
  ).toEqual({ ok: true });
  expect(await markOrderDeliveredAction(null, form({ orderId: placed.orderId }))).toEqual({ ok: true });
  const view = await getOrderForViewer(placed.number, key);
  const [lineA, lineB] = take(view!.lines, 2, 'order line');
  const lines = [
    { orderLineId: lineA.id, quantity: first(returned) },
    { orderLineId: lineB.id, quantity: at(returned, 1) },
  ].filter((line) => line.quantity > 0);
  expect(
    await requestReturn(placed.number, key, { requestKey: randomUUID(), reason: 'Arrived scratched', lines }),
  ).toEqual({ ok: true });
  const db = await getDb();
  const ret = await queryRow<{ id: number }>(
    db,
    sql`select id from returns where order_id = ${placed.orderId} order by id desc limit 1`,
  );
  const admin = await getReturnForAdmin(ret.id);
  return {
    orderId: placed.orderId,
    number: placed.number,
    key,
    a: a.editionId,
    b: b.editionId,
    returnId: ret.id,
    admin: admin!,
  };
}

async function mails(dedupeKey: string) {
  return outboxMails({ dedupeKey });
}

describe('returns', () => {
  it('approves, receives with only resellable units back in stock, and refunds through the provider', async () => {
    const refund = vi.spyOn(demoProvider, 'refund');
    const order = await deliveredOrderWithReturn([2, 1]);
    expect(order.admin.status).toBe('requested');
    expect(order.admin.suggestedRefundMinor).toBe(3500);
    expect(await stockOf(order.a)).toEqual({ stock: 3, ledger: 3 });

    expect(await approveReturnAction(null, form({ returnId: order.returnId, message: 'Keep the receipt.' }))).toEqual({
      ok: true,
    });
    expect(await approveReturnAction(null, form({ returnId: order.returnId }))).toMatchObject({
      error: 'cannotDecide',
    });
    const approved = first(await mails(`return-approved:${order.returnId}`));
    expect(approved.template).toBe('returnApproved');
    expect(approved.text).toContain(`R-${order.returnId}`);
    expect(approved.text).toContain('Keep the receipt.');

    const [lineA, lineB] = take(order.admin.lines, 2, 'return line');
    /** Receives the return: how many of A and of B can be sold again, and the amount to refund. */
    const receive = (resellableA: number, resellableB: number, amount: string) =>
      receiveReturnAction(
        null,
        form({
          returnId: order.returnId,
          [`resellable-${lineA.id}`]: resellableA,
          [`resellable-${lineB.id}`]: resellableB,
          amount,
        }),
      );
    // Bad input saves nothing: too many resellable units, then an amount beyond what is left.
    expect(await receive(3, 0, '35.00')).toMatchObject({
      ok: false,
      fieldErrors: { [`resellable-${lineA.id}`]: 'resellableTooMany' },
    });
    expect(await receive(1, 0, '40.00')).toMatchObject({ ok: false, fieldErrors: { amount: 'amountTooHigh' } });
    expect((await getReturnForAdmin(order.returnId))?.status).toBe('approved');
    expect(await stockOf(order.a)).toEqual({ stock: 3, ledger: 3 });

    // One of the two copies of A can be sold again; B is damaged.
    expect(await receive(1, 0, '35.00')).toEqual({ ok: true });
    expect(await stockOf(order.a)).toEqual({ stock: 4, ledger: 4 });
    expect(await stockOf(order.b)).toEqual({ stock: 4, ledger: 4 });
    const db = await getDb();
    const movements = await queryRows<{ delta: number; reason: string; orderId: number; actor: number }>(
      db,
      sql`select delta, reason, order_id as "orderId", actor_user_id as actor from stock_movements
        where edition_id = ${order.a} and reason = 'return'`,
    );
    expect(movements).toEqual([{ delta: 1, reason: 'return', orderId: order.orderId, actor: adminId }]);

    const after = await getReturnForAdmin(order.returnId);
    expect(after?.status).toBe('refunded');
    const row = await queryRow<{ id: number; amount: number; providerRef: string | null; status: string }>(
      db,
      sql`select f.id, f.amount_minor as amount, f.provider_ref as "providerRef", o.status from refunds f
        join orders o on o.id = f.order_id where f.order_id = ${order.orderId}`,
    );
    expect(row).toMatchObject({ amount: 3500, status: 'delivered' });
    expect(row.providerRef).not.toBeNull();
    expect(refund).toHaveBeenCalledWith(
      expect.objectContaining({ idempotencyKey: `refund-${row.id}`, amountMinor: 3500 }),
    );
    expect(await mails(`refund-issued:${row.id}`)).toHaveLength(1);

    // The shopper sees each step, and the refund.
    requestContext.reset();
    const view = await getOrderForViewer(order.number, order.key);
    expect(view?.returns).toEqual([expect.objectContaining({ id: order.returnId, status: 'refunded' })]);
    expect(view?.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['return_requested', 'return_approved', 'return_received', 'refunded']),
    );
    expect(view?.refundedMinor).toBe(3500);

    await signInAs(adminId);
    const audits = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where entity = 'return' and entity_id = ${String(order.returnId)} order by id`,
    );
    expect(audits.map((a) => a.action)).toEqual(['return.approve', 'return.receive']);
  });

  it('rejects with a reason the customer receives; a reason is required', async () => {
    const order = await deliveredOrderWithReturn([1, 0]);
    expect(await rejectReturnAction(null, form({ returnId: order.returnId, message: '' }))).toMatchObject({
      fieldErrors: { message: 'messageRequired' },
    });
    expect(
      await rejectReturnAction(
        null,
        form({ returnId: order.returnId, message: 'Opened software cannot be returned.' }),
      ),
    ).toEqual({ ok: true });
    const mail = first(await mails(`return-rejected:${order.returnId}`));
    expect(mail.template).toBe('returnRejected');
    expect(mail.text).toContain('Opened software cannot be returned.');
    expect(await receiveReturnAction(null, form({ returnId: order.returnId, amount: '0' }))).toMatchObject({
      ok: false,
      error: 'cannotReceive',
    });
    expect(await stockOf(order.a)).toEqual({ stock: 3, ledger: 3 });
  });

  it('keeps the return received when the provider refuses the refund, and retries it', async () => {
    const order = await deliveredOrderWithReturn([0, 1]);
    await approveReturnAction(null, form({ returnId: order.returnId }));
    const refund = vi.spyOn(demoProvider, 'refund').mockRejectedValueOnce(new Error('provider down'));
    const line = first(order.admin.lines, 'return line');
    expect(
      await receiveReturnAction(null, form({ returnId: order.returnId, [`resellable-${line.id}`]: 1, amount: '15' })),
    ).toEqual({ ok: false, error: 'providerFailed' });
    expect(await stockOf(order.b)).toEqual({ stock: 5, ledger: 5 });
    let ret = await getReturnForAdmin(order.returnId);
    expect(ret?.status).toBe('received');
    expect(ret?.can.retryRefund).toBe(true);
    expect(await retryReturnRefundAction(null, form({ returnId: order.returnId }))).toEqual({ ok: true });
    ret = await getReturnForAdmin(order.returnId);
    expect(ret?.status).toBe('refunded');
    const keys = refund.mock.calls.map(([input]) => input.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('puts a sold-out item back on sale and tells who wished for it; with no refund the return stays received', async () => {
    const order = await deliveredOrderWithReturn([1, 1]);
    await approveReturnAction(null, form({ returnId: order.returnId }));
    // The rest of B sells meanwhile, and a shopper wishes for it.
    const rest = await placeOrder(
      guestCheckout(),
      checkoutContext(await createCart([{ editionId: order.b, quantity: 4 }])),
    );
    expect(rest.ok).toBe(true);
    expect((await stockOf(order.b)).stock).toBe(0);
    const db = await getDb();
    const { productId } = await queryRow<{ productId: number }>(
      db,
      sql`select product_id as "productId" from editions where id = ${order.b}`,
    );
    expect(await addToWishlist(customerId, productId)).toMatchObject({ ok: true });
    const refund = vi.spyOn(demoProvider, 'refund');

    const [lineA, lineB] = take(order.admin.lines, 2, 'return line');
    const admin = { id: adminId, role: 'admin' as const };
    const result = await receiveReturn(admin, {
      returnId: order.returnId,
      lines: [
        { returnLineId: lineA.id, resellable: 0 },
        { returnLineId: lineB.id, resellable: 1 },
      ],
      refundMinor: 0,
    });
    // The shop pages of B are refreshed, and B shows as available again.
    expect(result).toEqual({
      ok: true,
      productSlugs: [expect.any(String)],
      availabilityChanged: true,
      refunded: false,
      refundFailed: false,
    });
    expect(await stockOf(order.b)).toEqual({ stock: 1, ledger: 1 });
    expect(await stockOf(order.a)).toEqual({ stock: 3, ledger: 3 });
    expect(await outboxMails({ template: 'wishlistBackInStock', userId: customerId })).toHaveLength(1);
    expect((await getReturnForAdmin(order.returnId))?.status).toBe('received');
    expect(refund).not.toHaveBeenCalled();
    const refunds = await queryRows<{ id: number }>(db, sql`select id from refunds where order_id = ${order.orderId}`);
    expect(refunds).toEqual([]);
    expect(await retryReturnRefundAction(null, form({ returnId: order.returnId }))).toMatchObject({
      ok: false,
      error: 'nothingToRetry',
    });
  });

  it('refuses lines of another return, a negative refund, and a refund of an order refunded already', async () => {
    const order = await deliveredOrderWithReturn([1, 0]);
    const other = await deliveredOrderWithReturn([1, 0]);
    await approveReturnAction(null, form({ returnId: order.returnId }));
    const admin = { id: adminId, role: 'admin' as const };
    const line = first(order.admin.lines, 'return line');
    const otherLine = first(other.admin.lines, 'return line');
    const receive = (lines: { returnLineId: number; resellable: number }[], refundMinor: number) =>
      receiveReturn(admin, { returnId: order.returnId, lines, refundMinor });

    expect(await receive([{ returnLineId: otherLine.id, resellable: 1 }], 0)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { lines: 'resellableInvalid' },
    });
    expect(await receive([{ returnLineId: line.id, resellable: 1 }], -100)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { amount: 'amountInvalid' },
    });
    expect(await receive([{ returnLineId: line.id, resellable: -1 }], 0)).toMatchObject({
      ok: false,
      fieldErrors: { [`resellable-${line.id}`]: 'resellableTooMany' },
    });
    expect((await getReturnForAdmin(order.returnId))?.status).toBe('approved');
    expect(await stockOf(order.a)).toEqual({ stock: 3, ledger: 3 });

    // The whole order was refunded meanwhile (35.00 + 4.99 shipping): the return gets no second refund.
    expect(await refundOrderAction(null, form({ orderId: order.orderId, amount: '39.99' }))).toEqual({ ok: true });
    expect(await receive([{ returnLineId: line.id, resellable: 1 }], 1000)).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { amount: 'cannotRefund' },
    });
    // Its items still come back on the shelf.
    expect(await receive([{ returnLineId: line.id, resellable: 1 }], 0)).toMatchObject({ ok: true, refunded: false });
    expect(await stockOf(order.a)).toEqual({ stock: 4, ledger: 4 });
    const db = await getDb();
    const totals = await queryRow<{ refunded: number; total: number }>(
      db,
      sql`select refunded_minor as refunded, total_minor as total from orders where id = ${order.orderId}`,
    );
    expect(totals.refunded).toBe(totals.total);
  });

  it('lists returns by status with counts, and refuses non-admins', async () => {
    const order = await deliveredOrderWithReturn([1, 1]);
    const requested = await listReturnsForAdmin({ status: 'requested', page: 1 });
    expect(requested.items.map((r) => r.id)).toContain(order.returnId);
    expect(requested.counts.requested).toBeGreaterThanOrEqual(1);

    await asOutsiders(customerId, async (expected) => {
      expect(await approveReturnAction(null, form({ returnId: order.returnId }))).toEqual({
        ok: false,
        error: expected,
      });
      expect(await receiveReturnAction(null, form({ returnId: order.returnId, amount: '25.00' }))).toEqual({
        ok: false,
        error: expected,
      });
      await expect(getReturnForAdmin(order.returnId)).rejects.toThrow();
    });
    await signInAs(adminId);
    expect((await getReturnForAdmin(order.returnId))?.status).toBe('requested');
  });
});
