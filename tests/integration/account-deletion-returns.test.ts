import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { deleteAccount } from '@/lib/privacy/delete-account';
import { placeOrder } from '@/lib/checkout/place-order';
import { userHasOpenReturn } from '@/lib/orders/open-returns';
import { payDemoOrder } from '@/lib/orders/mutations';
import { getOrderForViewer } from '@/lib/orders/queries';
import { requestReturn } from '@/lib/orders/returns';
import { checkoutContext, createCart, createTestEdition, guestCheckout } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { itOnPostgres } from '../support/concurrency';
import { first } from '@/tests/support/lists';
import { createTestShopper, TEST_PASSWORD } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

beforeEach(() => requestContext.reset());

/** A customer with one delivered order (2 copies of one edition), signed in. */
async function customerWithDeliveredOrder() {
  const user = await createTestShopper({ prefix: 'del' });
  const { editionId } = await createTestEdition({ stock: 5 });
  const cartId = await createCart([{ editionId, quantity: 2 }], user.id);
  const placed = await placeOrder(guestCheckout(), checkoutContext(cartId, { user }));
  if (!placed.ok) throw new Error('not placed');
  await signInAs(user.id);
  expect(await payDemoOrder(placed.number, null)).toEqual({ ok: true });
  // Shipped and delivered (the back office's steps, tested elsewhere).
  const db = await getDb();
  await db.execute(sql`insert into shipments (order_id, carrier, tracking_number, delivered_at)
    values (${placed.orderId}, 'dhl', 'JD0001', now())`);
  await db.execute(sql`update orders set status = 'delivered' where id = ${placed.orderId}`);
  const view = await getOrderForViewer(placed.number, null);
  return { user, orderId: placed.orderId, number: placed.number, lineId: first(view!.lines).id };
}

const askReturn = (order: { number: string; lineId: number }) =>
  requestReturn(order.number, null, {
    requestKey: randomUUID(),
    reason: 'Wrong size box',
    lines: [{ orderLineId: order.lineId, quantity: 1 }],
  });

async function setReturnStatus(orderId: number, status: string) {
  const db = await getDb();
  await db.execute(sql`update returns set status = ${status} where order_id = ${orderId}`);
}

async function isDeleted(userId: number): Promise<boolean> {
  const db = await getDb();
  const row = await queryRow<{ deleted: boolean }>(
    db,
    sql`select deleted_at is not null as deleted from users where id = ${userId}`,
  );
  return row.deleted;
}

describe('deleting an account with a return', () => {
  it.each(['requested', 'approved', 'received'])('is refused while a return is %s', async (status) => {
    const order = await customerWithDeliveredOrder();
    expect(await askReturn(order)).toEqual({ ok: true });
    await setReturnStatus(order.orderId, status);
    expect(await userHasOpenReturn(order.user.id)).toBe(true);
    expect(await deleteAccount(order.user.id, { confirmation: TEST_PASSWORD })).toEqual({
      ok: false,
      fieldErrors: { form: 'returnOpen' },
    });
    expect(await isDeleted(order.user.id)).toBe(false);
  });

  it.each(['refunded', 'rejected'])('goes through once the return is %s', async (status) => {
    const order = await customerWithDeliveredOrder();
    expect(await askReturn(order)).toEqual({ ok: true });
    await setReturnStatus(order.orderId, status);
    expect(await userHasOpenReturn(order.user.id)).toBe(false);
    expect(await deleteAccount(order.user.id, { confirmation: TEST_PASSWORD })).toEqual({ ok: true });
    expect(await isDeleted(order.user.id)).toBe(true);
  });

  it('refuses a return request on the order of an account deleted meanwhile', async () => {
    const order = await customerWithDeliveredOrder();
    const view = await getOrderForViewer(order.number, null);
    expect(view?.canReturn).toBe(true);
    expect(await deleteAccount(order.user.id, { confirmation: TEST_PASSWORD })).toEqual({ ok: true });
    // The session is over; a key to the order still opens it, but no return can be asked for.
    const { orderAccessKey } = await import('@/lib/orders/access');
    const key = orderAccessKey(order.orderId, order.number);
    expect(
      await requestReturn(order.number, key, {
        requestKey: randomUUID(),
        reason: 'Wrong size box',
        lines: [{ orderLineId: order.lineId, quantity: 1 }],
      }),
    ).toEqual({ ok: false, error: 'cannotReturn' });
  });
});

describe('deletion and a return request at the same moment', () => {
  itOnPostgres('never ends with a deleted account and an open return, 16 rounds', async () => {
    for (let round = 0; round < 16; round++) {
      const order = await customerWithDeliveredOrder();
      // The deletion checks the password first (slow on purpose); the request starts later and later,
      // so that over the rounds it meets the deletion before, during and after its transaction.
      const [deleted, returned] = await Promise.all([
        deleteAccount(order.user.id, { confirmation: TEST_PASSWORD }),
        new Promise((resolve) => setTimeout(resolve, round * 12)).then(() => askReturn(order)),
      ]);
      expect([returned.ok, deleted.ok].filter(Boolean)).toHaveLength(1);
      const db = await getDb();
      const open = await queryRow<{ n: number }>(
        db,
        sql`select count(*)::int as n from returns where order_id = ${order.orderId}`,
      );
      expect(await isDeleted(order.user.id)).toBe(deleted.ok);
      expect(open.n).toBe(returned.ok ? 1 : 0);
    }
  });
});
