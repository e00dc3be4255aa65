import { revalidateTag, updateTag } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { markRentalLostAction } from '@/lib/actions/admin/rental-keep';
import { keepRentalAction } from '@/lib/actions/rentals';
import { parseRange, rentalUtilization } from '@/lib/admin/rentals/report';
import type { StaffUser } from '@/lib/audit/staff';
import { addCopies, changeCopyStatus } from '@/lib/rentals/copies';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { convertCappedRentals } from '@/lib/rentals/convert';
import { keepRental } from '@/lib/rentals/keep';
import { markRentalLost } from '@/lib/rentals/lost';
import { getDb } from '@/db';
import { rentalTerms } from '@/lib/rentals/schema';
import { databaseDigest } from '../support/faults';
import { formData } from '../support/forms';
import { first } from '../support/lists';
import {
  at,
  BERLIN,
  copyCodes,
  copyStatuses,
  createRentableEdition,
  linkToPaidOrder,
  refundsOf,
} from '../support/rentals';
import { asOutsiders, requestContext, signInAs } from '../support/request-context';
import { createTestUser } from '../support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/*
 * The utilization report's numbers on a small fixture, and the keep and mark-lost actions as the
 * pages call them (who may, what they answer, nothing changed when refused).
 */

let admin: StaffUser;
let shopper: number;
let other: number;
beforeAll(async () => {
  admin = { id: (await createTestUser({ role: 'admin', prefix: 'rrep' })).id, role: 'admin' };
  shopper = (await createTestUser({ prefix: 'rkeep' })).id;
  other = (await createTestUser({ prefix: 'rother' })).id;
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(admin.id);
});

/** A copy of `editionId` rented by `userId` through a paid order, dispatched at `dispatchedAt`. */
async function rentOut(editionId: number, dispatchedAt: Date, userId = shopper) {
  const reserved = await reserveCopy({ editionId, userId, periodDays: 7, now: dispatchedAt }, BERLIN);
  if (!reserved.ok) throw new Error(reserved.error);
  const order = await linkToPaidOrder(reserved.rental.id);
  const out = await dispatchRental(admin, { rentalId: reserved.rental.id, now: dispatchedAt }, BERLIN);
  if (!out.ok) throw new Error(out.error);
  return { rentalId: reserved.rental.id, ...order };
}

describe('the utilization report', () => {
  it('adds up rentals, fees, late fees, charges, buy-outs, conversions and idle copies per edition', async () => {
    // Sale 2999, fee 499 (7 days), deposit 2999, 72 a day late; four copies, rented in turn.
    const { editionId, codes } = await createRentableEdition({ copies: 4 });
    await rentOut(editionId, at('2026-03-02T10:00:00Z')); // due by the end of 9 March
    const kept = await rentOut(editionId, at('2026-03-03T10:00:00Z'));
    const lost = await rentOut(editionId, at('2026-03-04T10:00:00Z')); // due by the end of 11 March
    const converted = await rentOut(editionId, at('2026-02-01T10:00:00Z')); // due by the end of 8 February
    // 12 March: 3 days late (216) and 100 for damage.
    const back = await checkIn(
      admin,
      { code: first(codes), now: at('2026-03-12T10:00:00Z'), damageChargeMinor: 100 },
      BERLIN,
    );
    expect(back).toMatchObject({ ok: true, rental: { lateFeeChargedMinor: 216 } });
    expect(
      await keepRental({ id: shopper }, { rentalId: kept.rentalId, now: at('2026-03-05T10:00:00Z') }, BERLIN),
    ).toMatchObject({ ok: true, quote: { priceMinor: 2500 } });
    // 20 March: 9 days late (648), 1000 for the copy.
    expect(
      await markRentalLost(
        admin,
        { rentalId: lost.rentalId, chargeMinor: 1000, now: at('2026-03-20T10:00:00Z') },
        BERLIN,
      ),
    ).toMatchObject({ ok: true, lateFeeMinor: 648, chargeMinor: 1000 });
    // 22 March: 42 days late, 3024 ≥ 2999: converted, the whole deposit kept.
    expect((await convertCappedRentals({ now: at('2026-03-22T12:00:00Z') }, BERLIN)).converted).toContain(
      converted.rentalId,
    );
    // The returned copy is checked and back on offer; a fifth copy was never rented.
    await changeCopyStatus(admin, { code: first(codes), to: 'available', now: at('2026-03-13T10:00:00Z') });
    const added = await addCopies(admin, { editionId, codes: copyCodes(1), now: at('2026-03-01T10:00:00Z') });
    expect(added.ok).toBe(true);
    expect(await copyStatuses(editionId)).toEqual(['available', 'sold', 'lost', 'sold', 'available']);

    const now = at('2026-03-31T12:00:00Z');
    const march = { from: '2026-03-01', to: '2026-03-31', idleDays: 30 };
    const row = (await rentalUtilization(march, now, 'Europe/Berlin')).find((r) => r.editionId === editionId);
    expect(row).toMatchObject({
      rentals: 3, // the three sent in March (the converted one went out in February)
      feesMinor: 3 * 499,
      lateFeesMinor: 216 + 648 + 2999,
      chargesMinor: 100 + 1000,
      buyOuts: 1,
      buyOutsMinor: 2500,
      converted: 1,
      copiesInService: 2, // on the shelf: the checked copy and the new one; sold and lost ones are gone
      copiesIdle: 1, // the new one: the checked copy was rented on 2 March, within 30 days
    });
    const february = { from: '2026-02-01', to: '2026-02-28', idleDays: 60 };
    expect(
      (await rentalUtilization(february, now, 'Europe/Berlin')).find((r) => r.editionId === editionId),
    ).toMatchObject({ rentals: 1, feesMinor: 499, lateFeesMinor: 0, buyOuts: 0, converted: 0, copiesIdle: 1 });
    const april = { from: '2026-04-01', to: '2026-04-30', idleDays: 1 };
    expect(
      (await rentalUtilization(april, at('2026-05-01T12:00:00Z'), 'Europe/Berlin')).find(
        (r) => r.editionId === editionId,
      ),
    ).toMatchObject({ rentals: 0, feesMinor: 0, lateFeesMinor: 0, chargesMinor: 0, copiesIdle: 2 });
  });

  it('reads its range from the query, falling back to the last 30 days on nonsense', () => {
    const now = at('2026-03-31T22:30:00Z'); // 1 April in Berlin
    expect(parseRange({}, now, 'Europe/Berlin')).toEqual({
      range: { from: '2026-03-03', to: '2026-04-01', idleDays: 30 },
      invalid: false,
    });
    expect(parseRange({ from: '2026-02-01', to: '2026-02-28', idle: '7' }, now, 'Europe/Berlin')).toEqual({
      range: { from: '2026-02-01', to: '2026-02-28', idleDays: 7 },
      invalid: false,
    });
    for (const bad of [
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-03-05', to: '2026-03-01' },
      { from: '2026-03-01', to: '2026-05-01' }, // after today
      { from: '1990-01-01', to: '2026-03-01' },
      { from: "'; drop table rentals; --" },
      { idle: '0' },
      { idle: '9999' },
    ]) {
      expect(parseRange(bad, now, 'Europe/Berlin'), JSON.stringify(bad)).toMatchObject({ invalid: true });
    }
  });

  it('is refused to a customer', async () => {
    await signInAs(shopper);
    await expect(
      rentalUtilization({ from: '2026-03-01', to: '2026-03-31', idleDays: 30 }, new Date(), 'UTC'),
    ).rejects.toThrow();
  });
});

/** The keep form as the page posts it: the rental and the quote it showed (on time: 2999 − 499, no late fee). */
const keepForm = (rentalId: string | number, quote = { priceMinor: 2500, lateFeeMinor: 0 }) =>
  formData({ rentalId, ...quote });

describe('the keep and mark-lost actions', () => {
  it('keeps the signed-in shopper’s own rental only, with a clear answer otherwise', async () => {
    const { editionId } = await createRentableEdition({ copies: 2 });
    // Dispatched now: on time, 499 of the deposit back.
    const mine = await rentOut(editionId, new Date());
    const theirs = await rentOut(editionId, new Date(), other);
    await signInAs(shopper);
    const digest = await databaseDigest();
    expect(await keepRentalAction(null, keepForm(theirs.rentalId))).toEqual({
      ok: false,
      rentalId: theirs.rentalId,
      error: 'not_found',
    });
    expect(await keepRentalAction(null, keepForm('abc'))).toEqual({ ok: false, error: 'invalid' });
    // A quote that is not today's (the price changed since the page was shown): refused, nothing changes.
    expect(await keepRentalAction(null, keepForm(mine.rentalId, { priceMinor: 2400, lateFeeMinor: 0 }))).toEqual({
      ok: false,
      rentalId: mine.rentalId,
      error: 'quote_changed',
    });
    expect(await keepRentalAction(null, formData({ rentalId: mine.rentalId }))).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(await databaseDigest()).toEqual(digest);
    expect(await keepRentalAction(null, keepForm(mine.rentalId))).toEqual({
      ok: true,
      rentalId: mine.rentalId,
      refundMinor: 499,
    });
    expect(updateTag).toHaveBeenCalled();
    expect(revalidateTag).toHaveBeenCalled();
    expect(await refundsOf(mine.orderId)).toMatchObject({ refunded: 499 });
    expect(await keepRentalAction(null, keepForm(mine.rentalId))).toMatchObject({
      ok: false,
      error: 'already_kept',
    });
    requestContext.reset();
    expect(await keepRentalAction(null, keepForm(theirs.rentalId))).toEqual({
      ok: false,
      error: 'unauthenticated',
    });
  });

  it('sends the shopper to pay a shortfall on the payment page', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    await (await getDb()).insert(rentalTerms).values({ editionId, depositMinor: 1000 });
    const out = await rentOut(editionId, new Date());
    await signInAs(shopper);
    // Next's redirect is an error it catches: the pay page of the new order (the demo provider's).
    const redirected = await keepRentalAction(null, keepForm(out.rentalId)).catch((error: unknown) => error);
    expect(String((redirected as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;replace;\/pay\/EN-\d+\?key=/);
    expect(await copyStatuses(editionId)).toEqual(['out']);
  });

  it('marks an out copy lost for an admin only, with the charge parsed and checked', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    const out = await rentOut(editionId, new Date());
    expect(await markRentalLostAction(null, formData({ rentalId: out.rentalId, charge: '12.5x' }))).toMatchObject({
      ok: false,
      fieldErrors: { charge: 'amountInvalid' },
    });
    const withoutSessions = ({ sessions: _sessions, ...rest }: Record<string, string>) => rest;
    const digest = withoutSessions(await databaseDigest());
    await asOutsiders(shopper, async (expected) => {
      expect(await markRentalLostAction(null, formData({ rentalId: out.rentalId, charge: '10.00' }))).toEqual({
        ok: false,
        error: expected,
      });
    });
    expect(withoutSessions(await databaseDigest())).toEqual(digest);
    await signInAs(admin.id);
    expect(await markRentalLostAction(null, formData({ rentalId: out.rentalId, charge: '10.00' }))).toMatchObject({
      ok: true,
      chargeMinor: 1000,
      lateFeeMinor: 0,
      refund: { status: 'sent', amountMinor: 1999 },
    });
    expect(await markRentalLostAction(null, formData({ rentalId: out.rentalId, charge: '10.00' }))).toEqual({
      ok: false,
      error: 'not_out',
    });
  });
});
