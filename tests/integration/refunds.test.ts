import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db';
import { placeOrder } from '@/lib/checkout/place-order';
import { payDemoOrder } from '@/lib/orders/mutations';
import { claimRefund, executeRefund, refundOrder } from '@/lib/orders/refunds';
import { demoProvider } from '@/lib/payments/demo';
import { checkoutContext, createCart, createTestEdition, guestCheckout } from '../support/commerce';
import { requestContext } from '../support/request-context';
import { rowOf } from '../support/rows';
import { createTestUser } from '../support/users';

// The refund functions called directly, as the back office and the rental desk do: the guards
// they keep themselves (whatever the form in front of them already checked), what they record, and
// how a refund that was already sent, or does not exist, is left alone.

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let admin: { id: number; role: 'admin' };

beforeAll(async () => {
  const user = await createTestUser({ role: 'admin' });
  admin = { id: user.id, role: 'admin' };
});

afterEach(() => vi.restoreAllMocks());

/** A guest order of one 10.00 edition (+ 4.99 shipping), paid through the demo provider. */
async function paidOrder(): Promise<number> {
  requestContext.reset();
  const { editionId } = await createTestEdition({ stock: 3, priceMinor: 1000 });
  const placed = await placeOrder(guestCheckout(), checkoutContext(await createCart([{ editionId, quantity: 1 }])));
  if (!placed.ok) throw new Error(`not placed: ${placed.error}`);
  const key = new URL(placed.redirectUrl, 'http://x').searchParams.get('key') ?? '';
  expect(await payDemoOrder(placed.number, key)).toEqual({ ok: true });
  return placed.orderId;
}

const refundedOf = async (orderId: number) =>
  (
    await rowOf<{ refundedMinor: number }>(
      sql`select refunded_minor as "refundedMinor" from orders where id = ${orderId}`,
    )
  ).refundedMinor;

async function refundRows(orderId: number) {
  const db = await getDb();
  return queryRows<{ id: number; amountMinor: number; reason: string | null; actorUserId: number | null }>(
    db,
    sql`select id, amount_minor as "amountMinor", reason, actor_user_id as "actorUserId"
      from refunds where order_id = ${orderId} order by id`,
  );
}

describe('refundOrder, called directly', () => {
  it.each([0, -500, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])(
    'refuses the amount %s and changes nothing',
    async (amountMinor) => {
      const orderId = await paidOrder();
      const refund = vi.spyOn(demoProvider, 'refund');
      expect(await refundOrder(admin, { orderId, amountMinor, reason: '' })).toEqual({
        ok: false,
        error: 'invalid',
        fieldErrors: { amount: 'amountInvalid' },
      });
      expect(await refundedOf(orderId)).toBe(0);
      expect(await refundRows(orderId)).toEqual([]);
      expect(refund).not.toHaveBeenCalled();
    },
  );

  it('says an unknown order is not found', async () => {
    expect(await refundOrder(admin, { orderId: 2_000_000_000, amountMinor: 100, reason: 'x' })).toEqual({
      ok: false,
      error: 'orderNotFound',
    });
  });

  it('records the reason (none as null), the acting admin, and the audit row before and after', async () => {
    const orderId = await paidOrder();
    const first = await refundOrder(admin, { orderId, amountMinor: 300, reason: '' });
    const second = await refundOrder(admin, { orderId, amountMinor: 200, reason: 'scratched sleeve' });
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });
    const rows = await refundRows(orderId);
    expect(rows).toEqual([
      expect.objectContaining({ amountMinor: 300, reason: null, actorUserId: admin.id }),
      expect.objectContaining({ amountMinor: 200, reason: 'scratched sleeve', actorUserId: admin.id }),
    ]);
    const db = await getDb();
    const audit = await queryRows<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      db,
      sql`select before, after from audit_log where action = 'order.refund' and entity_id = ${String(orderId)} order by id`,
    );
    expect(audit).toEqual([
      {
        before: { status: 'paid', refundedMinor: 0 },
        after: { status: 'paid', refundedMinor: 300, refundId: rows[0]!.id, amountMinor: 300, reason: null },
      },
      {
        before: { status: 'paid', refundedMinor: 300 },
        after: {
          status: 'paid',
          refundedMinor: 500,
          refundId: rows[1]!.id,
          amountMinor: 200,
          reason: 'scratched sleeve',
        },
      },
    ]);
    const events = await queryRows<{ data: Record<string, unknown> }>(
      db,
      sql`select data from order_events where order_id = ${orderId} and type = 'refunded' order by id`,
    );
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ amountMinor: 300 }),
      expect.objectContaining({ amountMinor: 200 }),
    ]);
  });
});

describe('claimRefund and executeRefund', () => {
  it.each([0, -1, 2.5])('claims nothing for the amount %s', async (amountMinor) => {
    const orderId = await paidOrder();
    const db = await getDb();
    const claimed = await db.transaction((tx) =>
      claimRefund(tx, { orderId, amountMinor, reason: null, actor: { kind: 'system' }, statuses: ['paid'] }),
    );
    expect(claimed).toBeNull();
    expect(await refundedOf(orderId)).toBe(0);
    expect(await refundRows(orderId)).toEqual([]);
  });

  it('returns false for a refund that does not exist, and true without paying again for one already sent', async () => {
    const refund = vi.spyOn(demoProvider, 'refund');
    expect(await executeRefund(2_000_000_000, { kind: 'system' })).toBe(false);
    expect(refund).not.toHaveBeenCalled();
    const orderId = await paidOrder();
    const done = await refundOrder(admin, { orderId, amountMinor: 100, reason: '' });
    if (!done.ok) throw new Error('refund refused');
    expect(refund).toHaveBeenCalledTimes(1);
    expect(await executeRefund(done.refundId, { kind: 'system' })).toBe(true);
    expect(refund).toHaveBeenCalledTimes(1);
    expect(await refundedOf(orderId)).toBe(100);
  });
});
