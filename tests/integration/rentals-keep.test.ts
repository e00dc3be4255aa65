import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db';
import type { StaffUser } from '@/lib/audit/staff';
import { applyPaymentSucceeded, cancelUnpaidOrder } from '@/lib/orders/lifecycle';
import { cancelPaidOrder } from '@/lib/orders/mutations';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { settleBuyOutPayments } from '@/lib/rentals/buy-out-order';
import { convertCappedRentals } from '@/lib/rentals/convert';
import { keepRental } from '@/lib/rentals/keep';
import { markRentalLost } from '@/lib/rentals/lost';
import { rentalTerms } from '@/lib/rentals/schema';
import { itOnPostgres } from '../support/concurrency';
import { databaseDigest } from '../support/faults';
import { first } from '../support/lists';
import { outboxMails } from '../support/outbox';
import {
  at,
  BERLIN,
  copyStatuses,
  createRentableEdition,
  deskAdmin,
  linkToPaidOrder,
  refundsOf,
  rentalsOf,
} from '../support/rentals';
import { createTestUser } from '../support/users';

// A shop in Berlin renting for 7 or 14 days (BERLIN); the clock is given. The edition: sale price 2999, fee 499
// for 7 days, deposit 2999 (the sale price), late fee 72 a day (499 / 7, rounded up).

let admin: StaffUser;
let shopper: { id: number; email: string };
let stranger: { id: number; email: string };
beforeAll(async () => {
  admin = await deskAdmin();
  shopper = await createTestUser({ prefix: 'keeper' });
  stranger = await createTestUser({ prefix: 'stranger' });
});

/**
 * One copy of a fresh edition rented by `shopper` through a paid order and dispatched on 1 March 2026
 * (due by the end of 8 March, Berlin). `deposit` overrides the deposit (rental_terms).
 */
async function paidAndOut(options: { deposit?: number; dispatchedAt?: Date } = {}) {
  const dispatchedAt = options.dispatchedAt ?? at('2026-03-01T10:00:00Z');
  const { editionId, codes } = await createRentableEdition({ copies: 1 });
  if (options.deposit !== undefined) {
    await (await getDb()).insert(rentalTerms).values({ editionId, depositMinor: options.deposit });
  }
  const reserved = await reserveCopy({ editionId, userId: shopper.id, periodDays: 7, now: dispatchedAt }, BERLIN);
  if (!reserved.ok) throw new Error(reserved.error);
  const order = await linkToPaidOrder(reserved.rental.id);
  const dispatched = await dispatchRental(admin, { rentalId: reserved.rental.id, now: dispatchedAt }, BERLIN);
  if (!dispatched.ok) throw new Error(dispatched.error);
  return { editionId, code: first(codes), rentalId: reserved.rental.id, ...order };
}

/** The demo provider's report that an order was paid (what its pay page does). */
async function pay(orderId: number, amountMinor: number) {
  const db = await getDb();
  return db.transaction((tx) => applyPaymentSucceeded(tx, { orderId, amountMinor, currency: 'EUR', provider: 'demo' }));
}

async function buyOutOrder(orderId: number) {
  const db = await getDb();
  const [order] = await queryRows<{ status: string; total: number; tax: number; shipping: number; userId: number }>(
    db,
    sql`select status, total_minor as total, tax_minor as tax, shipping_minor as shipping, user_id as "userId"
      from orders where id = ${orderId}`,
  );
  const lines = await queryRows(
    db,
    sql`select edition_id as "editionId", digital, quantity, unit_price_minor as "unitPrice", kind
      from order_lines where order_id = ${orderId}`,
  );
  return { ...order, lines };
}

async function editionStock(editionId: number): Promise<number> {
  const [row] = await queryRows<{ stock: number }>(
    await getDb(),
    sql`select stock from editions where id = ${editionId}`,
  );
  return row?.stock ?? -1;
}

async function auditRows(action: string, rentalId: number) {
  return queryRows<{ actor: number; after: Record<string, unknown> }>(
    await getDb(),
    sql`select actor_user_id as actor, after from audit_log where action = ${action} and entity = 'rental'
      and entity_id = ${String(rentalId)} order by id`,
  );
}

describe('keep it (buy-out)', () => {
  it('keeps the copy for the sale price less the fee, from the deposit, and refunds the rest once', async () => {
    const { editionId, rentalId, orderId } = await paidAndOut();
    // 11 March, Berlin: 3 days late, 216 kept. Price 2999 − 499 = 2500 from the 2783 left: 283 back.
    const kept = await keepRental(shopper, { rentalId, now: at('2026-03-11T09:00:00Z') }, BERLIN);
    expect(kept).toMatchObject({
      ok: true,
      quote: { priceMinor: 2500, lateFeeMinor: 216, fromDepositMinor: 2500, refundMinor: 283, shortfallMinor: 0 },
      refund: { status: 'sent', amountMinor: 283 },
      rental: {
        status: 'kept',
        buyOutPriceMinor: 2500,
        lateFeeChargedMinor: 216,
        depositRefundMinor: 283,
        keptAt: at('2026-03-11T09:00:00Z'),
      },
    });
    expect(await copyStatuses(editionId)).toEqual(['sold']);
    expect(await refundsOf(orderId)).toMatchObject({
      refunded: 283,
      refunds: [{ amount: 283, reason: `rental:${rentalId}:keep`, ref: expect.stringMatching(/^demo_refund_/) }],
    });
    expect(await auditRows('rental.keep', rentalId)).toMatchObject([
      { actor: shopper.id, after: { status: 'kept', buyOutPriceMinor: 2500, depositRefundMinor: 283 } },
    ]);
    const [mail] = await outboxMails({
      template: 'rentalKept',
      userId: shopper.id,
      dedupeKey: `rental-kept:${rentalId}`,
    });
    expect(mail?.text).toContain('Price: €25.00');
    expect(mail?.text).toContain('Refunded to you: €2.83');
    // Asked again: refused, nothing more refunded.
    expect(await keepRental(shopper, { rentalId, now: at('2026-03-11T09:01:00Z') }, BERLIN)).toEqual({
      ok: false,
      error: 'already_kept',
    });
    expect((await refundsOf(orderId)).refunds).toHaveLength(1);
    // The copy is the shopper's: the order that paid the rental can no longer be cancelled for a full refund.
    expect(await cancelPaidOrder(orderId, { kind: 'customer', userId: shopper.id }, 'customer')).toEqual({
      ok: false,
      error: 'cannotCancel',
    });
    expect(await refundsOf(orderId)).toMatchObject({ refunded: 283, status: 'paid' });
  });

  it('keeps only at the quote the shopper confirmed: a late day begun since then is refused, nothing changes', async () => {
    const { rentalId } = await paidAndOut();
    // Confirmed on 10 March (2 days late, 144); the click arrives on 11 March (3 days late, 216).
    const before = await databaseDigest();
    expect(
      await keepRental(
        shopper,
        { rentalId, now: at('2026-03-11T09:00:00Z'), expected: { priceMinor: 2500, lateFeeMinor: 144 } },
        BERLIN,
      ),
    ).toEqual({ ok: false, error: 'quote_changed' });
    expect(await databaseDigest()).toEqual(before);
    expect(
      await keepRental(
        shopper,
        { rentalId, now: at('2026-03-11T09:00:00Z'), expected: { priceMinor: 2500, lateFeeMinor: 216 } },
        BERLIN,
      ),
    ).toMatchObject({ ok: true, rental: { status: 'kept', lateFeeChargedMinor: 216 } });
  });

  it('refuses a rental that is not out, or not the shopper’s, and changes nothing', async () => {
    const { editionId, codes } = await createRentableEdition({ copies: 1 });
    const reserved = await reserveCopy({ editionId, userId: shopper.id, periodDays: 7, now: new Date() }, BERLIN);
    if (!reserved.ok) throw new Error(reserved.error);
    const { rentalId } = await paidAndOut();
    const before = await databaseDigest();
    expect(await keepRental(stranger, { rentalId, now: at('2026-03-05T09:00:00Z') }, BERLIN)).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await keepRental(shopper, { rentalId: reserved.rental.id, now: new Date() }, BERLIN)).toEqual({
      ok: false,
      error: 'not_out',
    });
    expect(await keepRental(shopper, { rentalId: 2_000_000_000, now: new Date() }, BERLIN)).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await databaseDigest()).toEqual(before);
    expect(codes).toHaveLength(1);
  });

  it('with a shortfall, places an order for it and keeps the copy once it is paid, at the price quoted', async () => {
    // Deposit 1000 < price 2500. 11 March: 3 days late (216 kept), 784 from the deposit, 1716 to pay.
    const { editionId, rentalId, orderId } = await paidAndOut({ deposit: 1000 });
    const asked = await keepRental(shopper, { rentalId, now: at('2026-03-11T09:00:00Z') }, BERLIN);
    expect(asked).toMatchObject({
      ok: true,
      outcome: 'payment',
      amountMinor: 1716,
      reused: false,
      quote: { priceMinor: 2500, lateFeeMinor: 216, fromDepositMinor: 784, shortfallMinor: 1716 },
    });
    if (!asked.ok || asked.outcome !== 'payment') return;
    expect(first(await rentalsOf(editionId))).toMatchObject({ status: 'out', buyOutOrderId: asked.orderId });
    expect(await buyOutOrder(asked.orderId)).toEqual({
      status: 'pending_payment',
      total: 1716,
      tax: 0,
      shipping: 0,
      userId: shopper.id,
      lines: [{ editionId: null, digital: true, quantity: 1, unitPrice: 1716, kind: 'purchase' }],
    });
    // Asked again (a doubled click, or later: the late fee grew), the same order and its quote stand.
    expect(await keepRental(shopper, { rentalId, now: at('2026-03-14T09:00:00Z') }, BERLIN)).toMatchObject({
      outcome: 'payment',
      orderId: asked.orderId,
      amountMinor: 1716,
      reused: true,
    });
    // Not paid yet: nothing to settle.
    expect((await settleBuyOutPayments({ now: at('2026-03-14T09:00:00Z') }, BERLIN)).kept).not.toContain(rentalId);
    // Paid through the demo provider, the report delivered twice (a retry); then two settlements at once.
    for (let i = 0; i < 2; i++) await pay(asked.orderId, 1716);
    const later = at('2026-03-16T09:00:00Z'); // 8 days late by now: the quote of 11 March still stands
    const runs = await Promise.all([
      settleBuyOutPayments({ now: later }, BERLIN),
      settleBuyOutPayments({ now: later }, BERLIN),
    ]);
    expect(runs.flatMap((r) => r.kept).filter((id) => id === rentalId)).toHaveLength(1);
    expect(runs.flatMap((r) => r.refunded)).not.toContain(asked.orderId);
    expect(first(await rentalsOf(editionId))).toMatchObject({
      status: 'kept',
      buyOutPriceMinor: 2500,
      lateFeeChargedMinor: 216,
      depositRefundMinor: 0,
      keptAt: later,
    });
    expect(await copyStatuses(editionId)).toEqual(['sold']);
    expect(await outboxMails({ template: 'rentalKept', dedupeKey: `rental-kept:${rentalId}` })).toHaveLength(1);
    expect((await refundsOf(orderId)).refunds).toEqual([]); // the deposit paid for it: nothing back
    expect(await settleBuyOutPayments({ now: later }, BERLIN)).toMatchObject({ kept: [], refunded: [] });
    // The shortfall paid for a copy now kept: its order cannot be cancelled for a refund.
    expect(await cancelPaidOrder(asked.orderId, { kind: 'customer', userId: shopper.id }, 'customer')).toEqual({
      ok: false,
      error: 'cannotCancel',
    });
    expect(await refundsOf(asked.orderId)).toMatchObject({ refunded: 0, status: 'paid' });
    expect(await editionStock(editionId)).toBe(0); // sale stock never moved
  });

  itOnPostgres('with a shortfall, places one order when the keep arrives 5 times at once', async () => {
    const { rentalId } = await paidAndOut({ deposit: 1000 });
    const now = at('2026-03-05T09:00:00Z');
    const results = await Promise.all(Array.from({ length: 5 }, () => keepRental(shopper, { rentalId, now }, BERLIN)));
    const orderIds = results.map((r) => (r.ok && r.outcome === 'payment' ? r.orderId : null));
    expect(new Set(orderIds).size).toBe(1);
    expect(orderIds[0]).not.toBeNull();
    const placed = await queryRows<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from orders where checkout_key like ${`rental-keep:${rentalId}:%`}`,
    );
    expect(placed).toEqual([{ n: 1 }]);
  });

  it('with a shortfall, an unpaid order that is cancelled gives nothing back to stock, and a new one is placed', async () => {
    const { editionId, rentalId } = await paidAndOut({ deposit: 1000 });
    const first_ = await keepRental(shopper, { rentalId, now: at('2026-03-05T09:00:00Z') }, BERLIN);
    if (!first_.ok || first_.outcome !== 'payment') throw new Error('expected a payment');
    const db = await getDb();
    expect(
      await db.transaction((tx) =>
        cancelUnpaidOrder(tx, { orderId: first_.orderId }, 'customer', { kind: 'customer', userId: shopper.id }),
      ),
    ).toBe(true);
    expect(await editionStock(editionId)).toBe(0);
    expect(first(await rentalsOf(editionId)).status).toBe('out');
    const second = await keepRental(shopper, { rentalId, now: at('2026-03-05T09:10:00Z') }, BERLIN);
    expect(second).toMatchObject({ ok: true, outcome: 'payment', reused: false, amountMinor: 1500 });
    expect(second.ok && second.outcome === 'payment' && second.orderId).not.toBe(first_.orderId);
  });

  it('with a shortfall paid after the copy came back, refunds that payment in full, once', async () => {
    const { editionId, code, rentalId } = await paidAndOut({ deposit: 1000 });
    const asked = await keepRental(shopper, { rentalId, now: at('2026-03-05T09:00:00Z') }, BERLIN);
    if (!asked.ok || asked.outcome !== 'payment') throw new Error('expected a payment');
    expect(await checkIn(admin, { code, now: at('2026-03-06T09:00:00Z') }, BERLIN)).toMatchObject({ ok: true });
    await pay(asked.orderId, 1500);
    const runs = await Promise.all([
      settleBuyOutPayments({ now: at('2026-03-06T10:00:00Z') }, BERLIN),
      settleBuyOutPayments({ now: at('2026-03-06T10:00:00Z') }, BERLIN),
    ]);
    expect(runs.flatMap((r) => r.kept)).not.toContain(rentalId);
    expect(await refundsOf(asked.orderId)).toMatchObject({
      refunded: 1500,
      refunds: [{ amount: 1500, reason: `rental:${rentalId}:keep`, ref: expect.stringMatching(/^demo_refund_/) }],
    });
    expect(first(await rentalsOf(editionId)).status).toBe('returned');
    expect(await copyStatuses(editionId)).toEqual(['returned_pending_check']);
  });

  it('with a shortfall not paid yet when the copy comes back, cancels that order: nothing left to pay', async () => {
    const { editionId, code, rentalId } = await paidAndOut({ deposit: 1000 });
    const asked = await keepRental(shopper, { rentalId, now: at('2026-03-05T09:00:00Z') }, BERLIN);
    if (!asked.ok || asked.outcome !== 'payment') throw new Error('expected a payment');
    // While the rental is out, the order waits for its payment.
    expect((await settleBuyOutPayments({ now: at('2026-03-05T10:00:00Z') }, BERLIN)).cancelled).toEqual([]);
    expect(await checkIn(admin, { code, now: at('2026-03-06T09:00:00Z') }, BERLIN)).toMatchObject({ ok: true });
    const runs = await Promise.all([
      settleBuyOutPayments({ now: at('2026-03-06T10:00:00Z') }, BERLIN),
      settleBuyOutPayments({ now: at('2026-03-06T10:00:00Z') }, BERLIN),
    ]);
    expect(runs.flatMap((r) => r.cancelled)).toEqual([asked.orderId]);
    const [order] = await queryRows<{ status: string }>(
      await getDb(),
      sql`select status from orders where id = ${asked.orderId}`,
    );
    expect(order?.status).toBe('cancelled');
    expect(first(await rentalsOf(editionId)).status).toBe('returned');
  });

  it('refuses while the rental’s order cannot be refunded (under review), changing nothing', async () => {
    const { rentalId, orderId } = await paidAndOut();
    await (await getDb()).execute(sql`update orders set status = 'needs_review' where id = ${orderId}`);
    const before = await databaseDigest();
    expect(await keepRental(shopper, { rentalId, now: at('2026-03-05T09:00:00Z') }, BERLIN)).toEqual({
      ok: false,
      error: 'order_not_paid',
    });
    expect(await databaseDigest()).toEqual(before);
  });

  itOnPostgres('keeps once and refunds once when the shopper’s keep arrives 5 times at once', async () => {
    const { editionId, rentalId, orderId } = await paidAndOut();
    const now = at('2026-03-05T09:00:00Z'); // on time: 2999 − 2500 = 499 back
    const results = await Promise.all(Array.from({ length: 5 }, () => keepRental(shopper, { rentalId, now }, BERLIN)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(4).fill('already_kept'));
    expect(await refundsOf(orderId)).toMatchObject({ refunded: 499, refunds: [{ amount: 499 }] });
    expect(await copyStatuses(editionId)).toEqual(['sold']);
    expect(await outboxMails({ template: 'rentalKept', dedupeKey: `rental-kept:${rentalId}` })).toHaveLength(1);
  });
});

describe('conversion when the late fee reaches the deposit', () => {
  // Dispatched 1 January, due by the end of 8 January (Berlin). 2999 / 72 → the 42nd day late:
  // 41 days (18 February) make 2952, 42 days (19 February) make 3024 ≥ 2999.
  const dispatchedAt = at('2026-01-01T10:00:00Z');

  it('converts only at the cap: kept, the whole deposit kept, no refund, the copy sold, one mail', async () => {
    const { editionId, rentalId, orderId } = await paidAndOut({ dispatchedAt });
    expect((await convertCappedRentals({ now: at('2026-02-18T12:00:00Z') }, BERLIN)).converted).not.toContain(rentalId);
    expect(first(await rentalsOf(editionId)).status).toBe('out');
    const run = await convertCappedRentals({ now: at('2026-02-19T12:00:00Z') }, BERLIN);
    expect(run.converted).toContain(rentalId);
    expect(first(await rentalsOf(editionId))).toMatchObject({
      status: 'kept',
      buyOutPriceMinor: null,
      lateFeeChargedMinor: 2999,
      depositRefundMinor: 0,
      keptAt: at('2026-02-19T12:00:00Z'),
    });
    expect(await copyStatuses(editionId)).toEqual(['sold']);
    expect((await refundsOf(orderId)).refunds).toEqual([]);
    const mails = await outboxMails({ template: 'rentalConverted', userId: shopper.id });
    expect(mails.filter((m) => m.dedupeKey === `rental-converted:${rentalId}`)).toHaveLength(1);
    // In the audit log, by the store itself.
    expect(
      await queryRows<{ actor: number | null }>(
        await getDb(),
        sql`select actor_user_id as actor from audit_log where action = 'rental.convert' and entity_id = ${String(rentalId)}`,
      ),
    ).toEqual([{ actor: null }]);
    // Run again later: nothing more.
    expect((await convertCappedRentals({ now: at('2026-03-19T12:00:00Z') }, BERLIN)).converted).not.toContain(rentalId);
  });

  itOnPostgres('converts and mails once when the job runs twice at once', async () => {
    const { editionId, rentalId } = await paidAndOut({ dispatchedAt });
    const now = at('2026-02-20T12:00:00Z');
    const runs = await Promise.all([convertCappedRentals({ now }, BERLIN), convertCappedRentals({ now }, BERLIN)]);
    expect(runs.flatMap((r) => r.converted).filter((id) => id === rentalId)).toHaveLength(1);
    expect(await copyStatuses(editionId)).toEqual(['sold']);
    expect(await outboxMails({ template: 'rentalConverted', dedupeKey: `rental-converted:${rentalId}` })).toHaveLength(
      1,
    );
  });
});

describe('a copy lost while out', () => {
  it('is charged from the deposit after the late fee, the rest refunded once, the copy out of the pool', async () => {
    const { editionId, code, rentalId, orderId } = await paidAndOut();
    // 10 March: 2 days late, 144 kept; charge 2000 asked; 2999 − 144 − 2000 = 855 back.
    const lost = await markRentalLost(admin, { code, chargeMinor: 2000, now: at('2026-03-10T10:00:00Z') }, BERLIN);
    expect(lost).toMatchObject({
      ok: true,
      lateFeeMinor: 144,
      chargeMinor: 2000,
      refund: { status: 'sent', amountMinor: 855 },
      rental: { status: 'lost', damageChargeMinor: 2000, depositRefundMinor: 855, lostAt: at('2026-03-10T10:00:00Z') },
    });
    expect(await copyStatuses(editionId)).toEqual(['lost']);
    expect(await refundsOf(orderId)).toMatchObject({
      refunded: 855,
      refunds: [{ amount: 855, reason: `rental:${rentalId}:lost` }],
    });
    expect(await auditRows('rental.lost', rentalId)).toMatchObject([
      { actor: admin.id, after: { chargeMinor: 2000, depositRefundMinor: 855 } },
    ]);
    expect(await markRentalLost(admin, { rentalId, chargeMinor: 100, now: new Date() }, BERLIN)).toEqual({
      ok: false,
      error: 'not_out',
    });
    expect((await refundsOf(orderId)).refunds).toHaveLength(1);
    expect(await cancelPaidOrder(orderId, { kind: 'admin', userId: admin.id }, 'admin')).toEqual({
      ok: false,
      error: 'cannotCancel',
    });
  });

  it('never charges more than the late fee leaves of the deposit, and refuses unknown or idle copies', async () => {
    const { rentalId, orderId } = await paidAndOut();
    const lost = await markRentalLost(
      admin,
      { rentalId, chargeMinor: 999_999, now: at('2026-03-12T10:00:00Z') },
      BERLIN,
    );
    // 4 days late: 288 kept, the charge is the 2711 left, nothing refunded.
    expect(lost).toMatchObject({ ok: true, lateFeeMinor: 288, chargeMinor: 2711, refund: { status: 'none' } });
    expect((await refundsOf(orderId)).refunds).toEqual([]);
    const { codes } = await createRentableEdition({ copies: 1 });
    const before = await databaseDigest();
    expect(await markRentalLost(admin, { code: first(codes), chargeMinor: 100, now: new Date() }, BERLIN)).toEqual({
      ok: false,
      error: 'not_out',
    });
    expect(await markRentalLost(admin, { code: 'NO-SUCH-COPY', chargeMinor: 100, now: new Date() }, BERLIN)).toEqual({
      ok: false,
      error: 'unknown_code',
    });
    expect(await databaseDigest()).toEqual(before);
  });

  itOnPostgres('refunds once when the desk submits it 5 times at once', async () => {
    const { code, orderId } = await paidAndOut();
    const now = at('2026-03-05T10:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => markRentalLost(admin, { code, chargeMinor: 500, now }, BERLIN)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await refundsOf(orderId)).toMatchObject({ refunded: 2499, refunds: [{ amount: 2499 }] });
  });

  it('is refused to anyone but an admin', async () => {
    const { rentalId } = await paidAndOut();
    await expect(
      markRentalLost({ id: shopper.id, role: 'customer' } as unknown as StaffUser, {
        rentalId,
        chargeMinor: 0,
        now: new Date(),
      }),
    ).rejects.toThrow(/admin/);
    const db = await getDb();
    const [row] = await queryRows<{ status: string }>(db, sql`select status from rentals where id = ${rentalId}`);
    expect(row?.status).toBe('out');
  });
});
