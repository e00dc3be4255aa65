import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb, queryRows } from '@/db';
import type { StaffUser } from '@/lib/audit/staff';
import { editions } from '@/lib/catalog/schema';
import { addCopies, changeCopyStatus, gradeCopy } from '@/lib/rentals/copies';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { depositRefundKey } from '@/lib/rentals/deposit';
import { rentalTerms } from '@/lib/rentals/schema';
import { createTestEdition } from '../support/commerce';
import { itOnPostgres } from '../support/concurrency';
import { databaseDigest } from '../support/faults';
import { first } from '../support/lists';
import {
  at,
  BERLIN,
  copyCodes,
  copyStatuses,
  createRentableEdition,
  deskAdmin,
  linkToPaidOrder,
  refundsOf,
  rentalsOf,
} from '../support/rentals';
import { createTestUser } from '../support/users';

// The clock and the configuration are given: a shop in Berlin renting for 7 or 14 days (BERLIN).

let shoppers: number[] = [];
let admin: StaffUser;
beforeAll(async () => {
  admin = await deskAdmin();
  shoppers = [];
  for (let i = 0; i < 30; i++) shoppers.push((await createTestUser({ prefix: 'rent' })).id);
});

/** Reserves and dispatches the one copy of a fresh edition; returns the rental and the copy's code. */
async function rentedOut(dispatchedAt: Date) {
  const { editionId, codes } = await createRentableEdition({ copies: 1 });
  const reserved = await reserveCopy({ editionId, userId: first(shoppers), periodDays: 7, now: dispatchedAt }, BERLIN);
  if (!reserved.ok) throw new Error(reserved.error);
  const dispatched = await dispatchRental(admin, { rentalId: reserved.rental.id, now: dispatchedAt }, BERLIN);
  if (!dispatched.ok) throw new Error(dispatched.error);
  return { editionId, code: first(codes), rental: dispatched.rental };
}

describe('rental copies', () => {
  it('adds copies by code, all or none, refusing a code that is taken or invalid', async () => {
    const { editionId } = await createRentableEdition({ copies: 0 });
    const [a = '', b = ''] = copyCodes(2);
    const added = await addCopies(admin, {
      editionId,
      codes: [` ${a.toLowerCase()} `, b],
      grade: 'mint',
      now: new Date(),
    });
    expect(added.ok && added.copies.map((c) => [c.code, c.grade, c.status])).toEqual([
      [a, 'mint', 'available'],
      [b, 'mint', 'available'],
    ]);
    const [c = ''] = copyCodes(1);
    expect(await addCopies(admin, { editionId, codes: [c, a.toLowerCase()], now: new Date() })).toEqual({
      ok: false,
      error: 'duplicate_code',
      code: a,
    });
    expect(await addCopies(admin, { editionId, codes: [c, c], now: new Date() })).toMatchObject({
      error: 'duplicate_code',
    });
    expect(await addCopies(admin, { editionId, codes: [c, 'no spaces!'], now: new Date() })).toMatchObject({
      error: 'invalid_code',
    });
    expect(await copyStatuses(editionId)).toEqual(['available', 'available']); // nothing of the refused batches
    const { editionId: forSale } = await createTestEdition();
    expect(await addCopies(admin, { editionId: forSale, codes: [c], now: new Date() })).toEqual({
      ok: false,
      error: 'not_rentable',
    });
  });

  it('grades, retires and marks copies lost or damaged only from the states that allow it', async () => {
    const { editionId, codes } = await createRentableEdition({ copies: 3 });
    const [one = '', two = '', three = ''] = codes;
    const now = new Date();
    expect(await gradeCopy(admin, { code: one, grade: 'fair', now })).toMatchObject({
      ok: true,
      copy: { grade: 'fair' },
    });
    expect(await changeCopyStatus(admin, { code: one, to: 'damaged', now })).toMatchObject({ ok: true });
    expect(await changeCopyStatus(admin, { code: one, to: 'lost', now })).toEqual({ ok: false, error: 'not_allowed' });
    expect(await changeCopyStatus(admin, { code: one, to: 'retired', now })).toMatchObject({ ok: true });
    expect(await gradeCopy(admin, { code: one, grade: 'good', now })).toEqual({ ok: false, error: 'not_allowed' });
    expect(await changeCopyStatus(admin, { code: two, to: 'lost', now })).toMatchObject({ ok: true });
    expect(await changeCopyStatus(admin, { code: two, to: 'available', now })).toEqual({
      ok: false,
      error: 'not_allowed',
    });
    expect(await changeCopyStatus(admin, { code: 'NO-SUCH-COPY', to: 'retired', now })).toEqual({
      ok: false,
      error: 'unknown_code',
    });
    const reserved = await reserveCopy({ editionId, userId: null, periodDays: 7, now }, BERLIN);
    expect(reserved).toMatchObject({ ok: true });
    for (const to of ['retired', 'lost', 'damaged'] as const) {
      expect(await changeCopyStatus(admin, { code: three, to, now })).toEqual({ ok: false, error: 'not_allowed' });
    }
    expect(await copyStatuses(editionId)).toEqual(['retired', 'lost', 'reserved']);
  });
});

describe('a rental at the desk', () => {
  it('is reserved, dispatched with its due date, and checked in late with the fee kept and the rest refunded', async () => {
    const { editionId, codes } = await createRentableEdition({ copies: 1 });
    await (await getDb()).insert(rentalTerms).values({ editionId, lateFeePerDayMinor: 150 });
    const shopper = first(shoppers);
    const ordered = at('2026-03-20T09:00:00Z');
    const reserved = await reserveCopy({ editionId, userId: shopper, periodDays: 14, now: ordered }, BERLIN);
    expect(reserved).toMatchObject({
      ok: true,
      rental: { status: 'reserved', feeMinor: 998, depositMinor: 2999, lateFeePerDayMinor: 150, periodDays: 14 },
    });
    if (!reserved.ok) return;
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
    // Dispatched on Wednesday 25 March (Berlin, CET); 14 days: due by the end of 8 April (CEST, +02:00).
    const dispatched = await dispatchRental(
      admin,
      { rentalId: reserved.rental.id, now: at('2026-03-25T16:00:00Z') },
      BERLIN,
    );
    expect(dispatched.ok && dispatched.rental.dueAt?.toISOString()).toBe('2026-04-08T22:00:00.000Z');
    expect(await dispatchRental(admin, { rentalId: reserved.rental.id, now: new Date() }, BERLIN)).toEqual({
      ok: false,
      error: 'not_reserved',
    });
    expect(await copyStatuses(editionId)).toEqual(['out']);
    // Back on 11 April at 10:00 Berlin time: 3 days late, 450 kept, 100 damage, 2449 refunded.
    const returned = await checkIn(
      admin,
      { code: first(codes).toLowerCase(), now: at('2026-04-11T08:00:00Z'), damageChargeMinor: 100 },
      BERLIN,
    );
    expect(returned).toMatchObject({
      ok: true,
      rental: {
        status: 'returned',
        lateFeeChargedMinor: 450,
        damageChargeMinor: 100,
        depositRefundMinor: 2449,
        depositRefundKey: depositRefundKey(reserved.rental.id),
      },
    });
    expect(await copyStatuses(editionId)).toEqual(['returned_pending_check']);
    expect(await checkIn(admin, { code: first(codes), now: at('2026-04-12T08:00:00Z') }, BERLIN)).toEqual({
      ok: false,
      error: 'already_returned',
    });
    expect(
      await changeCopyStatus(admin, { code: first(codes), to: 'available', grade: 'good', now: new Date() }),
    ).toMatchObject({ ok: true });
    const again = await reserveCopy({ editionId, userId: shopper, periodDays: 7, now: new Date() }, BERLIN);
    expect(again).toMatchObject({ ok: true, rental: { feeMinor: 499, copyId: reserved.rental.copyId } });
  });

  it('sends another free copy of the edition when the desk scans it, with the carrier and tracking number', async () => {
    const { editionId, codes } = await createRentableEdition({ copies: 3 });
    const other = await createRentableEdition({ copies: 1 });
    const [, spare, third] = codes;
    const reserved = await reserveCopy({ editionId, userId: first(shoppers), periodDays: 7, now: new Date() }, BERLIN);
    if (!reserved.ok) throw new Error(reserved.error);
    const rentalId = reserved.rental.id;
    // The next reservation takes the second copy: not free for this dispatch.
    const otherRental = await reserveCopy({ editionId, userId: null, periodDays: 7, now: new Date() }, BERLIN);
    if (!otherRental.ok) throw new Error(otherRental.error);
    const before = await databaseDigest();
    const refused = await Promise.all(
      ['NO-SUCH-COPY', first(other.codes), spare!, '!!'].map((copyCode) =>
        dispatchRental(admin, { rentalId, now: new Date(), copyCode }, BERLIN),
      ),
    );
    expect(refused.map((r) => !r.ok && r.error)).toEqual([
      'copy_unknown',
      'copy_other_edition',
      'copy_not_free',
      'copy_unknown',
    ]);
    expect(await databaseDigest()).toEqual(before);
    const sent = await dispatchRental(
      admin,
      {
        rentalId,
        now: new Date(),
        copyCode: ` ${third!.toLowerCase()} `,
        shipment: { carrier: 'royal_mail', trackingNumber: 'AB123456789GB' },
      },
      BERLIN,
    );
    expect(sent).toMatchObject({
      ok: true,
      rental: {
        status: 'out',
        carrier: 'Royal Mail',
        trackingNumber: 'AB123456789GB',
        trackingUrl: expect.stringContaining('AB123456789GB'),
      },
    });
    // The held copy is back on the shelf; the scanned one is out; the other rental keeps its copy.
    expect(await copyStatuses(editionId)).toEqual(['available', 'reserved', 'out']);
  });

  it('caps the late fee at the deposit and refunds nothing more', async () => {
    const { code } = await rentedOut(at('2026-01-28T12:00:00Z')); // due by the end of 4 February
    const returned = await checkIn(admin, { code, now: at('2026-03-31T12:00:00Z'), damageChargeMinor: 500 }, BERLIN);
    expect(returned).toMatchObject({
      ok: true,
      rental: { lateFeeChargedMinor: 2999, damageChargeMinor: 0, depositRefundMinor: 0, lateFeePerDayMinor: 72 },
    });
  });

  it('refuses editions that cannot be rented and periods that are not offered', async () => {
    const now = new Date();
    const { editionId } = await createRentableEdition({ copies: 1 });
    expect(await reserveCopy({ editionId, userId: null, periodDays: 10, now }, BERLIN)).toEqual({
      ok: false,
      error: 'period_not_offered',
    });
    const db = await getDb();
    for (const status of ['draft', 'archived'] as const) {
      await db.update(editions).set({ status }).where(eq(editions.id, editionId));
      expect(await reserveCopy({ editionId, userId: null, periodDays: 7, now }, BERLIN)).toEqual({
        ok: false,
        error: 'not_rentable',
      });
    }
    await db
      .update(editions)
      .set({ status: 'active', availableUntil: at('2020-01-01T00:00:00Z') })
      .where(eq(editions.id, editionId));
    expect(await reserveCopy({ editionId, userId: null, periodDays: 7, now }, BERLIN)).toEqual({
      ok: false,
      error: 'not_rentable',
    });
    const { editionId: forSale } = await createTestEdition();
    expect(await reserveCopy({ editionId: forSale, userId: null, periodDays: 7, now }, BERLIN)).toEqual({
      ok: false,
      error: 'not_rentable',
    });
    expect(await copyStatuses(editionId)).toEqual(['available']);
  });

  it('refuses to check in an unknown, foreign, not-out or already-returned code, and changes nothing', async () => {
    const { editionId, codes } = await createRentableEdition({ copies: 2 });
    const { code: back } = await rentedOut(at('2026-02-01T12:00:00Z'));
    expect(await checkIn(admin, { code: back, now: at('2026-02-03T12:00:00Z') }, BERLIN)).toMatchObject({ ok: true });
    await reserveCopy({ editionId, userId: null, periodDays: 7, now: new Date() }, BERLIN);
    const [sale] = await (await getDb()).select({ sku: editions.sku }).from(editions).where(eq(editions.id, editionId));
    const before = await databaseDigest();
    const attempts: [string, string][] = [
      ['NO-SUCH-COPY', 'unknown_code'],
      [sale?.sku ?? '', 'unknown_code'], // a sale edition's code, not a rental copy
      ['', 'unknown_code'],
      ['; drop table rentals', 'unknown_code'],
      [codes[0] ?? '', 'not_out'], // reserved, not dispatched
      [codes[1] ?? '', 'not_out'], // on the shelf
      [back, 'already_returned'],
    ];
    for (const [code, error] of attempts) {
      expect(await checkIn(admin, { code, now: new Date() }, BERLIN), code).toEqual({ ok: false, error });
    }
    expect(await databaseDigest()).toEqual(before);
  });
});

describe('the deposit of a rental paid through an order', () => {
  /** A copy reserved for an order paid with the demo provider, then dispatched. */
  async function paidAndOut(dispatchedAt: Date, orderStatus = 'paid') {
    const { editionId, codes } = await createRentableEdition({ copies: 1 });
    const reserved = await reserveCopy(
      { editionId, userId: first(shoppers), periodDays: 7, now: dispatchedAt },
      BERLIN,
    );
    if (!reserved.ok) throw new Error(reserved.error);
    const order = await linkToPaidOrder(reserved.rental.id, { status: orderStatus });
    return { editionId, code: first(codes), rentalId: reserved.rental.id, ...order };
  }

  it('is refunded at check-in through the provider, less the late fee, once', async () => {
    const { code, rentalId, orderId } = await paidAndOut(at('2026-03-01T10:00:00Z'));
    expect(await dispatchRental(admin, { rentalId, now: at('2026-03-01T10:00:00Z') }, BERLIN)).toMatchObject({
      ok: true,
    });
    // Due by the end of 8 March; back on 10 March: 2 days × 72 kept, 2999 − 144 = 2855 refunded.
    const returned = await checkIn(admin, { code, now: at('2026-03-10T10:00:00Z') }, BERLIN);
    expect(returned).toMatchObject({
      ok: true,
      rental: { lateFeeChargedMinor: 144, depositRefundMinor: 2855 },
      refund: { status: 'sent', amountMinor: 2855 },
    });
    expect(await refundsOf(orderId)).toMatchObject({
      refunded: 2855,
      status: 'paid',
      refunds: [{ amount: 2855, reason: `rental:${rentalId}`, ref: expect.stringMatching(/^demo_refund_/) }],
    });
    expect(await checkIn(admin, { code, now: at('2026-03-10T10:05:00Z') }, BERLIN)).toEqual({
      ok: false,
      error: 'already_returned',
    });
    expect((await refundsOf(orderId)).refunds).toHaveLength(1);
    const db = await getDb();
    const audit = await queryRows<{ action: string; after: Record<string, unknown> }>(
      db,
      sql`select action, after from audit_log where entity = 'rental' and entity_id = ${String(rentalId)} order by id`,
    );
    expect(audit).toMatchObject([
      { action: 'rental.dispatch', after: { status: 'out' } },
      { action: 'rental.check_in', after: { depositRefundMinor: 2855, refund: 'pending' } },
    ]);
  });

  it('is not refunded when the late fee took it all, nor claimed from an order that is no longer paid', async () => {
    const late = await paidAndOut(at('2026-01-28T12:00:00Z'));
    await dispatchRental(admin, { rentalId: late.rentalId, now: at('2026-01-28T12:00:00Z') }, BERLIN);
    expect(await checkIn(admin, { code: late.code, now: at('2026-03-31T12:00:00Z') }, BERLIN)).toMatchObject({
      ok: true,
      rental: { depositRefundMinor: 0 },
      refund: { status: 'none' },
    });
    expect(await refundsOf(late.orderId)).toMatchObject({ refunded: 0, refunds: [] });

    const refunded = await paidAndOut(at('2026-03-01T10:00:00Z'));
    await dispatchRental(admin, { rentalId: refunded.rentalId, now: at('2026-03-01T10:00:00Z') }, BERLIN);
    await (await getDb()).execute(sql`update orders set status = 'needs_review' where id = ${refunded.orderId}`);
    expect(await checkIn(admin, { code: refunded.code, now: at('2026-03-05T10:00:00Z') }, BERLIN)).toMatchObject({
      ok: true,
      refund: { status: 'not_claimed', amountMinor: 2999 },
    });
    expect(await refundsOf(refunded.orderId)).toMatchObject({ refunded: 0, refunds: [] });
  });

  it('cannot be dispatched before its order is paid', async () => {
    const { rentalId, editionId } = await paidAndOut(new Date(), 'pending_payment');
    const before = await databaseDigest();
    expect(await dispatchRental(admin, { rentalId, now: new Date() }, BERLIN)).toEqual({
      ok: false,
      error: 'order_not_paid',
    });
    expect(await databaseDigest()).toEqual(before);
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
  });

  it('is refused to anyone but an admin, changing nothing', async () => {
    const { rentalId, code } = await paidAndOut(new Date());
    const customer = { id: first(shoppers), role: 'customer' } as unknown as StaffUser;
    const before = await databaseDigest();
    await expect(dispatchRental(customer, { rentalId, now: new Date() }, BERLIN)).rejects.toThrow(/admin/);
    await expect(checkIn(customer, { code, now: new Date() }, BERLIN)).rejects.toThrow(/admin/);
    expect(await databaseDigest()).toEqual(before);
  });
});

describe('rentals at the same moment', () => {
  itOnPostgres('30 shoppers reserving the last copy at once make exactly one rental (20 rounds)', async () => {
    for (let round = 0; round < 20; round++) {
      const { editionId } = await createRentableEdition({ copies: 3 });
      for (let i = 0; i < 2; i++)
        await reserveCopy({ editionId, userId: null, periodDays: 7, now: new Date() }, BERLIN);
      const results = await Promise.all(
        shoppers.map((userId) => reserveCopy({ editionId, userId, periodDays: 7, now: new Date() }, BERLIN)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(Array(29).fill({ ok: false, error: 'no_copy_free' }));
      expect(await rentalsOf(editionId)).toHaveLength(3);
      expect(await copyStatuses(editionId)).toEqual(['reserved', 'reserved', 'reserved']);
    }
  });

  itOnPostgres('a dispatch submitted 5 times at once sends the copy once, with one audit row', async () => {
    for (let round = 0; round < 10; round++) {
      const { editionId } = await createRentableEdition({ copies: 1 });
      const reserved = await reserveCopy({ editionId, userId: null, periodDays: 7, now: new Date() }, BERLIN);
      if (!reserved.ok) throw new Error(reserved.error);
      await linkToPaidOrder(reserved.rental.id);
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          dispatchRental(admin, { rentalId: reserved.rental.id, now: new Date() }, BERLIN),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(Array(4).fill({ ok: false, error: 'not_reserved' }));
      expect(await copyStatuses(editionId)).toEqual(['out']);
      const audits = await queryRows<{ n: number }>(
        await getDb(),
        sql`select count(*)::int as n from audit_log where action = 'rental.dispatch' and entity_id = ${String(reserved.rental.id)}`,
      );
      expect(audits).toEqual([{ n: 1 }]);
    }
  });

  itOnPostgres('two dispatches scanning the same free copy at once send it once (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const { editionId, codes } = await createRentableEdition({ copies: 3 });
      const held = [];
      for (let i = 0; i < 2; i++) {
        const reserved = await reserveCopy({ editionId, userId: null, periodDays: 7, now: new Date() }, BERLIN);
        if (!reserved.ok) throw new Error(reserved.error);
        held.push(reserved.rental.id);
      }
      const results = await Promise.all(
        held.map((rentalId) => dispatchRental(admin, { rentalId, now: new Date(), copyCode: codes[2] }, BERLIN)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'copy_not_free' }]);
      const statuses = await copyStatuses(editionId);
      expect(statuses[2]).toBe('out');
      expect([...statuses].sort()).toEqual(['available', 'out', 'reserved']);
    }
  });

  itOnPostgres('a check-in submitted 5 times at once records one return and one refund', async () => {
    for (let round = 0; round < 10; round++) {
      const { editionId, code, rental: out } = await rentedOut(at('2026-03-01T10:00:00Z')); // due by the end of 8 March
      const { orderId } = await linkToPaidOrder(out.id);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => checkIn(admin, { code, now: at('2026-03-10T10:00:00Z') }, BERLIN)),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(Array(4).fill({ ok: false, error: 'already_returned' }));
      const [rental] = await rentalsOf(editionId);
      expect(rental).toMatchObject({ status: 'returned', lateFeeChargedMinor: 144, depositRefundMinor: 2855 });
      expect(await copyStatuses(editionId)).toEqual(['returned_pending_check']);
      expect(await refundsOf(orderId)).toMatchObject({
        refunded: 2855,
        refunds: [{ amount: 2855, ref: expect.stringMatching(/^demo_refund_/) }],
      });
    }
  });
});
