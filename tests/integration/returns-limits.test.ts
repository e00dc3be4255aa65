import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { registerUser } from '@/lib/accounts/mutations';
import { markOrderDeliveredAction, shipOrderAction } from '@/lib/actions/admin/orders';
import { receiveReturnAction, rejectReturnAction, approveReturnAction } from '@/lib/actions/admin/returns';
import { getReturnForAdmin } from '@/lib/admin/returns/queries';
import { placeOrder } from '@/lib/checkout/place-order';
import { requestReturnAction } from '@/lib/actions/orders';
import { payDemoOrder } from '@/lib/orders/mutations';
import { getOrderForViewer } from '@/lib/orders/queries';
import { checkoutContext, createCart, createTestEdition, guestCheckout } from '../support/commerce';
import { requestContext, signInAs } from '../support/request-context';
import { itOnPostgres } from '../support/concurrency';
import { at, first, take } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let adminId: number;

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const admin = await registerUser(
    { username: `rl${suffix}`, email: `rl.${suffix}@example.com`, password: 'a long enough passphrase' },
    'en',
  );
  if (!admin.ok) throw new Error('admin not created');
  adminId = admin.userId;
  const db = await getDb();
  await db.execute(sql`update users set role = 'admin' where id = ${adminId}`);
});

beforeEach(() => requestContext.reset());

const adminForm = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  return data;
};

/** The shopper's return form: `entries` may repeat a field, as a hand-made request body can. */
function returnForm(entries: [string, string][], requestKey = randomUUID()) {
  const data = new FormData();
  data.append('reason', 'Not what I expected');
  data.append('requestKey', requestKey);
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

/** A delivered guest order: 3 × A at 10.00 and 1 × B at 15.00. Returns its number, key and line ids. */
async function deliveredOrder() {
  const a = await createTestEdition({ stock: 10, priceMinor: 1000 });
  const b = await createTestEdition({ stock: 10, priceMinor: 1500 });
  const cartId = await createCart([
    { editionId: a.editionId, quantity: 3 },
    { editionId: b.editionId, quantity: 1 },
  ]);
  const placed = await placeOrder(guestCheckout(), checkoutContext(cartId));
  if (!placed.ok) throw new Error(`not placed: ${placed.error}`);
  const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key') ?? '';
  expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });
  await signInAs(adminId);
  expect(
    await shipOrderAction(null, adminForm({ orderId: placed.orderId, carrier: 'dhl', trackingNumber: 'JD0146000' })),
  ).toEqual({ ok: true });
  expect(await markOrderDeliveredAction(null, adminForm({ orderId: placed.orderId }))).toEqual({ ok: true });
  requestContext.reset();
  const view = await getOrderForViewer(placed.number, key);
  const [lineA, lineB] = take(view!.lines, 2, 'order line');
  return { orderId: placed.orderId, number: placed.number, key, lineA: lineA.id, lineB: lineB.id };
}

async function returnedUnits(orderId: number): Promise<{ orderLineId: number; quantity: number; status: string }[]> {
  const db = await getDb();
  return queryRows(
    db,
    sql`select rl.order_line_id as "orderLineId", rl.quantity, r.status from return_lines rl
      join returns r on r.id = rl.return_id where r.order_id = ${orderId} order by rl.id`,
  );
}

const total = (rows: { quantity: number }[]) => rows.reduce((sum, row) => sum + row.quantity, 0);

describe('what a return may ask for', () => {
  it('sums an order line repeated in the form, and refuses more than was bought', async () => {
    const order = await deliveredOrder();
    // qty-A=2 twice is 4 of the 3 bought: refused, nothing saved.
    const twice = returnForm([
      [`qty-${order.lineA}`, '2'],
      [`qty-${order.lineA}`, '2'],
    ]);
    expect(await requestReturnAction(order.number, order.key, twice)).toMatchObject({
      ok: false,
      fieldErrors: { lines: 'returnQuantity' },
    });
    expect(await returnedUnits(order.orderId)).toEqual([]);

    // qty-A=1 twice is 2: one return line of 2.
    const split = returnForm([
      [`qty-${order.lineA}`, '1'],
      [`qty-${order.lineA}`, '1'],
    ]);
    expect(await requestReturnAction(order.number, order.key, split)).toEqual({ ok: true });
    expect(await returnedUnits(order.orderId)).toEqual([
      { orderLineId: order.lineA, quantity: 2, status: 'requested' },
    ]);
    // One unit of A is left to return.
    const view = await getOrderForViewer(order.number, order.key);
    expect(view?.lines.find((line) => line.id === order.lineA)?.returnable).toBe(1);
    expect(await requestReturnAction(order.number, order.key, returnForm([[`qty-${order.lineA}`, '2']]))).toMatchObject(
      { ok: false, fieldErrors: { lines: 'returnQuantity' } },
    );
  });

  it('refuses lines of another order and malformed quantities', async () => {
    const order = await deliveredOrder();
    const other = await deliveredOrder();
    for (const entries of [
      [[`qty-${other.lineA}`, '1']],
      [[`qty-${order.lineA}`, '-1']],
      [[`qty-${order.lineA}`, '1.5']],
      [[`qty-${order.lineA}`, 'abc']],
      [['qty-abc', '1']],
    ] as [string, string][][]) {
      expect((await requestReturnAction(order.number, order.key, returnForm(entries))).ok).toBe(false);
    }
    expect(await returnedUnits(order.orderId)).toEqual([]);
  });

  it('counts open and past returns, but not rejected ones', async () => {
    const order = await deliveredOrder();
    expect(await requestReturnAction(order.number, order.key, returnForm([[`qty-${order.lineA}`, '2']]))).toEqual({
      ok: true,
    });
    const firstId = first(await returnIds(order.orderId));
    await signInAs(adminId);
    expect(await approveReturnAction(null, adminForm({ returnId: firstId, message: '' }))).toEqual({ ok: true });
    const admin = await getReturnForAdmin(firstId);
    expect(
      await receiveReturnAction(
        null,
        adminForm({ returnId: firstId, [`resellable-${first(admin!.lines).id}`]: 2, amount: '20.00' }),
      ),
    ).toEqual({ ok: true });
    expect((await getReturnForAdmin(firstId))?.status).toBe('refunded');
    requestContext.reset();

    // Refunded units still count: only one of A is left.
    expect(await requestReturnAction(order.number, order.key, returnForm([[`qty-${order.lineA}`, '2']]))).toMatchObject(
      { ok: false, fieldErrors: { lines: 'returnQuantity' } },
    );
    expect(await requestReturnAction(order.number, order.key, returnForm([[`qty-${order.lineA}`, '1']]))).toEqual({
      ok: true,
    });
    const second = at(await returnIds(order.orderId), 1, 'return');

    // A rejected request gives its units back.
    await signInAs(adminId);
    expect(await rejectReturnAction(null, adminForm({ returnId: second, message: 'Not in the box.' }))).toEqual({
      ok: true,
    });
    requestContext.reset();
    expect(await requestReturnAction(order.number, order.key, returnForm([[`qty-${order.lineA}`, '1']]))).toEqual({
      ok: true,
    });
  });

  it('applies a repeated request once', async () => {
    const order = await deliveredOrder();
    const requestKey = randomUUID();
    const same = () => returnForm([[`qty-${order.lineA}`, '1']], requestKey);
    expect(await requestReturnAction(order.number, order.key, same())).toEqual({ ok: true });
    expect(await requestReturnAction(order.number, order.key, same())).toEqual({ ok: true });
    expect(await returnIds(order.orderId)).toHaveLength(1);
    expect(total(await returnedUnits(order.orderId))).toBe(1);
  });

  itOnPostgres('applies a doubled request once', async () => {
    const order = await deliveredOrder();
    const requestKey = randomUUID();
    const same = () => returnForm([[`qty-${order.lineA}`, '1']], requestKey);
    const results = await Promise.all([
      requestReturnAction(order.number, order.key, same()),
      requestReturnAction(order.number, order.key, same()),
    ]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(await requestReturnAction(order.number, order.key, same())).toEqual({ ok: true });
    expect(await returnIds(order.orderId)).toHaveLength(1);
    expect(total(await returnedUnits(order.orderId))).toBe(1);
  });

  it('pre-fills restock and refund from the return’s own lines, never the whole order', async () => {
    const order = await deliveredOrder();
    expect(await requestReturnAction(order.number, order.key, returnForm([[`qty-${order.lineA}`, '1']]))).toEqual({
      ok: true,
    });
    const id = first(await returnIds(order.orderId));
    await signInAs(adminId);
    const admin = await getReturnForAdmin(id);
    expect(admin?.lines).toEqual([expect.objectContaining({ orderLineId: order.lineA, quantity: 1 })]);
    expect(admin?.suggestedRefundMinor).toBe(1000);
  });

  it('never restocks or suggests refunding units another return already took back (requests from before the checks)', async () => {
    const order = await deliveredOrder();
    expect(await requestReturnAction(order.number, order.key, returnForm([[`qty-${order.lineA}`, '3']]))).toEqual({
      ok: true,
    });
    const firstId = first(await returnIds(order.orderId));
    // A second request for the same 3 units, as the store accepted them before requests were checked.
    const db = await getDb();
    const legacy = await queryRow<{ id: number }>(
      db,
      sql`insert into returns (order_id, status, reason) values (${order.orderId}, 'approved', 'again') returning id`,
    );
    await db.execute(
      sql`insert into return_lines (return_id, order_line_id, quantity) values (${legacy.id}, ${order.lineA}, 3)`,
    );
    await signInAs(adminId);
    expect(await approveReturnAction(null, adminForm({ returnId: firstId, message: '' }))).toEqual({ ok: true });
    const firstView = await getReturnForAdmin(firstId);
    expect(
      await receiveReturnAction(
        null,
        adminForm({ returnId: firstId, [`resellable-${first(firstView!.lines).id}`]: 3, amount: '30.00' }),
      ),
    ).toEqual({ ok: true });

    const second = await getReturnForAdmin(legacy.id);
    expect(second?.lines).toEqual([expect.objectContaining({ quantity: 3, acceptable: 0 })]);
    expect(second?.suggestedRefundMinor).toBe(0);
    expect(
      await receiveReturnAction(
        null,
        adminForm({ returnId: legacy.id, [`resellable-${first(second!.lines).id}`]: 1, amount: '0' }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { [`resellable-${first(second!.lines).id}`]: 'resellableTooMany' } });
  });
});

async function returnIds(orderId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await queryRows<{ id: number }>(db, sql`select id from returns where order_id = ${orderId} order by id`);
  return rows.map((row) => row.id);
}

describe('simultaneous return requests', () => {
  itOnPostgres('accepts at most the bought quantity in total, 10 rounds of 12 requests at once', async () => {
    for (let round = 0; round < 10; round++) {
      const order = await deliveredOrder();
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          requestReturnAction(
            order.number,
            order.key,
            returnForm(
              i % 2 === 0
                ? [[`qty-${order.lineA}`, '1']]
                : [
                    [`qty-${order.lineA}`, '1'],
                    [`qty-${order.lineB}`, '1'],
                  ],
            ),
          ),
        ),
      );
      const rows = await returnedUnits(order.orderId);
      expect(total(rows.filter((row) => row.orderLineId === order.lineA))).toBe(3);
      expect(total(rows.filter((row) => row.orderLineId === order.lineB))).toBeLessThanOrEqual(1);
      expect(results.filter((result) => result.ok).length).toBeLessThanOrEqual(3);
      expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.error === 'invalid')).toBe(
        true,
      );
    }
  });
});
