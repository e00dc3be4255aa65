import { sql } from 'drizzle-orm';
import { revalidateTag, updateTag } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db';
import { addCopiesAction, changeCopyAction, checkInAction, dispatchRentalAction } from '@/lib/actions/admin/rentals';
import type { StaffUser } from '@/lib/audit/staff';
import { dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { deskCounts, getRentalEdition, listOut, listRentalEditions, listToDispatch } from '@/lib/admin/rentals/queries';
import { databaseDigest } from '../support/faults';
import { formData } from '../support/forms';
import { first } from '../support/lists';
import { copyCodes, copyStatuses, createRentableEdition, linkToPaidOrder, refundsOf } from '../support/rentals';
import { asOutsiders, requestContext, signInAs } from '../support/request-context';
import { createTestUser } from '../support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/*
 * The rental desk's queries and actions (/admin/rentals), through the server actions as the pages
 * call them: what each list holds, what each action answers and records (audit rows, refunds), and
 * that a visitor or a customer is refused with nothing changed.
 */

let admin: StaffUser;
let customerId: number;

beforeAll(async () => {
  admin = { id: (await createTestUser({ role: 'admin', prefix: 'rdesk' })).id, role: 'admin' };
  customerId = (await createTestUser({ prefix: 'rcust' })).id;
});

beforeEach(async () => {
  requestContext.reset();
  await signInAs(admin.id);
});

const DAY = 86_400_000;

/** A copy reserved for a rental of 7 days (`at` the moment), its order in `orderStatus` (or no order). */
async function reserved(orderStatus: string | null = 'paid', at = new Date()) {
  const { editionId, codes } = await createRentableEdition({ copies: 1 });
  const rental = await reserveCopy({ editionId, userId: customerId, periodDays: 7, now: at });
  if (!rental.ok) throw new Error(rental.error);
  const order = orderStatus ? await linkToPaidOrder(rental.rental.id, { status: orderStatus }) : null;
  return { editionId, code: first(codes), rentalId: rental.rental.id, orderId: order?.orderId ?? null, order };
}

const auditOf = (entity: string, entityId: number) =>
  getDb().then((db) =>
    queryRows<{ action: string; actor: number; before: unknown; after: Record<string, unknown> }>(
      db,
      sql`select action, actor_user_id as actor, before, after from audit_log
          where entity = ${entity} and entity_id = ${String(entityId)} order by id`,
    ),
  );

describe('the rental desk lists', () => {
  it('offers to dispatch the reserved rentals of paid orders only, then shows them out with their due date', async () => {
    const paid = await reserved('paid');
    const unpaid = await reserved('pending_payment');
    const noOrder = await reserved(null);
    const before = await deskCounts(new Date());
    const toSend = (await listToDispatch()).items.map((row) => row.rentalId);
    expect(toSend).toContain(paid.rentalId);
    expect(toSend).not.toContain(unpaid.rentalId);
    expect(toSend).not.toContain(noOrder.rentalId);
    const row = (await listToDispatch()).items.find((r) => r.rentalId === paid.rentalId);
    expect(row).toMatchObject({
      code: paid.code,
      orderNumber: paid.order?.number,
      periodDays: 7,
      sku: expect.any(String),
    });

    const answer = await dispatchRentalAction(null, formData({ rentalId: paid.rentalId }));
    const now = new Date();
    expect(answer).toMatchObject({ ok: true, dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(await copyStatuses(paid.editionId)).toEqual(['out']);
    const out = (await listOut({ overdue: false, now })).items.find((r) => r.rentalId === paid.rentalId);
    expect(out).toMatchObject({ daysLate: 0, daysLeft: 7, lateFeeSoFarMinor: 0, dueDate: answer.ok && answer.dueDate });
    expect((await listOut({ overdue: true, now })).items.map((r) => r.rentalId)).not.toContain(paid.rentalId);
    expect(await deskCounts(now)).toMatchObject({ dispatch: before.dispatch - 1, out: before.out + 1 });
    expect(await auditOf('rental', paid.rentalId)).toMatchObject([
      { action: 'rental.dispatch', actor: admin.id, after: { status: 'out' } },
    ]);

    // Twice, or an unpaid order's rental: refused, nothing changes.
    const digest = await databaseDigest();
    expect(await dispatchRentalAction(null, formData({ rentalId: paid.rentalId }))).toEqual({
      ok: false,
      error: 'not_reserved',
    });
    expect(await dispatchRentalAction(null, formData({ rentalId: unpaid.rentalId }))).toEqual({
      ok: false,
      error: 'order_not_paid',
    });
    expect(await dispatchRentalAction(null, formData({ rentalId: 'x' }))).toMatchObject({
      ok: false,
      error: 'invalid',
    });
    expect(await databaseDigest()).toEqual(digest);
  });

  it('shows an overdue copy with its days late and the late fee so far, capped at the deposit', async () => {
    const now = new Date();
    const late = await reserved('paid', new Date(now.getTime() - 12 * DAY));
    await dispatchRental(admin, { rentalId: late.rentalId, now: new Date(now.getTime() - 12 * DAY) });
    const longLost = await reserved('paid', new Date(now.getTime() - 200 * DAY));
    await dispatchRental(admin, { rentalId: longLost.rentalId, now: new Date(now.getTime() - 200 * DAY) });
    const overdue = (await listOut({ overdue: true, now })).items;
    const row = overdue.find((r) => r.rentalId === late.rentalId);
    // Dispatched 12 days ago for 7 days: due by the end of day 7 after, so 4 or 5 local days late (time of day).
    expect(row?.daysLate).toBeGreaterThanOrEqual(4);
    expect(row?.daysLate).toBeLessThanOrEqual(5);
    expect(row).toMatchObject({ daysLeft: 0, lateFeeSoFarMinor: (row?.daysLate ?? 0) * 72, depositMinor: 2999 });
    expect(overdue.find((r) => r.rentalId === longLost.rentalId)).toMatchObject({ lateFeeSoFarMinor: 2999 });
  });
});

describe('check-in at the desk', () => {
  it('answers with the title, days late, late fee and the deposit refunded, once', async () => {
    const now = Date.now();
    const rental = await reserved('paid', new Date(now - 10 * DAY));
    await dispatchRental(admin, { rentalId: rental.rentalId, now: new Date(now - 10 * DAY) });
    const answer = await checkInAction(null, formData({ code: ` ${rental.code.toLowerCase()} `, damage: '1.00' }));
    expect(answer).toMatchObject({ ok: true, code: rental.code, productTitle: expect.stringMatching(/^Test Item/) });
    if (!answer.ok) return;
    expect(answer.daysLate).toBeGreaterThanOrEqual(2);
    expect(answer.lateFeeMinor).toBe(answer.daysLate * 72);
    expect(answer.damageChargeMinor).toBe(100);
    const refunded = 2999 - answer.lateFeeMinor - 100;
    expect(answer.refund).toEqual({ status: 'sent', refundId: expect.any(Number), amountMinor: refunded });
    expect(await refundsOf(rental.orderId ?? 0)).toMatchObject({ refunded, refunds: [{ amount: refunded }] });
    expect(await copyStatuses(rental.editionId)).toEqual(['returned_pending_check']);
    expect((await listRentalEditions()).find((row) => row.editionId === rental.editionId)).toMatchObject({
      copies: { returned_pending_check: 1, available: 0 },
      usage: { rentals: 1, feesMinor: 499, lateFeesMinor: answer.lateFeeMinor, damageMinor: 100 },
    });
    expect(await auditOf('rental', rental.rentalId)).toMatchObject([
      { action: 'rental.dispatch' },
      { action: 'rental.check_in', actor: admin.id, after: { damageChargeMinor: 100, depositRefundMinor: refunded } },
    ]);

    const digest = await databaseDigest();
    expect(await checkInAction(null, formData({ code: rental.code }))).toEqual({
      ok: false,
      error: 'already_returned',
    });
    expect(await checkInAction(null, formData({ code: 'NO-SUCH-COPY' }))).toEqual({ ok: false, error: 'unknown_code' });
    const shelf = await reserved(null);
    expect(await checkInAction(null, formData({ code: shelf.code }))).toEqual({ ok: false, error: 'not_out' });
    expect(await databaseDigest()).not.toEqual(digest); // the reservation above
    const again = await databaseDigest();
    expect(await checkInAction(null, formData({ code: shelf.code, damage: '1.005' }))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { damage: 'amountInvalid' },
    });
    expect(await checkInAction(null, formData({ code: '' }))).toMatchObject({ fieldErrors: { code: 'codeRequired' } });
    expect(await databaseDigest()).toEqual(again);
  });
});

describe('rental copies at the desk', () => {
  it('adds copies by code, all or none naming the bad code, then grades and moves them with audit rows', async () => {
    const { editionId } = await createRentableEdition({ copies: 0 });
    const [slug] = await queryRows<{ slug: string }>(
      await getDb(),
      sql`select p.slug from editions e join products p on p.id = e.product_id where e.id = ${editionId}`,
    );
    const [a = '', b = '', c = ''] = copyCodes(3);
    vi.mocked(updateTag).mockClear();
    vi.mocked(revalidateTag).mockClear();
    expect(
      await addCopiesAction(null, formData({ editionId, codes: `${a}\n\n ${b.toLowerCase()} \n`, grade: 'mint' })),
    ).toEqual({ ok: true, added: 2 });
    // The shop's rent offer, badge and filter are cached: new copies refresh the product and the lists.
    expect(updateTag).toHaveBeenCalledWith(`product:${slug?.slug}`);
    expect(revalidateTag).toHaveBeenCalledTimes(1);
    const digest = await databaseDigest();
    expect(await addCopiesAction(null, formData({ editionId, codes: `${c}\n${a}`, grade: 'good' }))).toEqual({
      ok: false,
      error: 'duplicate_code',
      code: a,
    });
    expect(await addCopiesAction(null, formData({ editionId, codes: `${c}\nno spaces!`, grade: 'good' }))).toEqual({
      ok: false,
      error: 'invalid_code',
      code: 'no spaces!',
    });
    expect(await addCopiesAction(null, formData({ editionId, codes: ' \n', grade: 'good' }))).toMatchObject({
      fieldErrors: { codes: 'codesRequired' },
    });
    expect(await addCopiesAction(null, formData({ editionId, codes: c, grade: 'shiny' }))).toMatchObject({
      fieldErrors: { grade: 'gradeRequired' },
    });
    expect(await databaseDigest()).toEqual(digest);

    expect(await changeCopyAction(null, formData({ code: a, change: 'grade', grade: 'fair' }))).toEqual({
      ok: true,
      status: 'available',
      grade: 'fair',
    });
    expect(await changeCopyAction(null, formData({ code: b, change: 'lost' }))).toMatchObject({
      ok: true,
      status: 'lost',
    });
    expect(revalidateTag).toHaveBeenCalledTimes(2);
    expect(await changeCopyAction(null, formData({ code: b, change: 'available' }))).toEqual({
      ok: false,
      error: 'not_allowed',
    });
    expect(await changeCopyAction(null, formData({ code: 'NO-SUCH-COPY', change: 'retired' }))).toEqual({
      ok: false,
      error: 'unknown_code',
    });
    const found = await getRentalEdition(editionId);
    expect(found?.copies.map((copy) => [copy.code, copy.grade, copy.status])).toEqual([
      [a, 'fair', 'available'],
      [b, 'mint', 'lost'],
    ]);
    const listed = (await listRentalEditions()).find((row) => row.editionId === editionId);
    expect(listed?.copies).toMatchObject({ available: 1, lost: 1, out: 0 });
    const copyId = found?.copies[1]?.id ?? 0;
    expect(await auditOf('rental_copy', copyId)).toMatchObject([
      { action: 'rental_copy.add', after: { code: b, grade: 'mint' } },
      { action: 'rental_copy.lost', before: { status: 'available' }, after: { status: 'lost' } },
    ]);
  });
});

describe('the rental desk for anyone but an admin', () => {
  it('refuses every action to a visitor and a customer, and changes nothing', async () => {
    const out = await reserved('paid');
    await dispatchRental(admin, { rentalId: out.rentalId, now: new Date() });
    const waiting = await reserved('paid');
    const [fresh = ''] = copyCodes(1);
    // Signing the customer in makes a session; anything else changing is a failure.
    const withoutSessions = ({ sessions: _sessions, ...rest }: Record<string, string>) => rest;
    const digest = withoutSessions(await databaseDigest());
    await asOutsiders(customerId, async (expected) => {
      const refusal = { ok: false, error: expected };
      expect(await checkInAction(null, formData({ code: out.code }))).toEqual(refusal);
      expect(await dispatchRentalAction(null, formData({ rentalId: waiting.rentalId }))).toEqual(refusal);
      expect(await addCopiesAction(null, formData({ editionId: out.editionId, codes: fresh, grade: 'good' }))).toEqual(
        refusal,
      );
      expect(await changeCopyAction(null, formData({ code: out.code, change: 'lost' }))).toEqual(refusal);
    });
    expect(withoutSessions(await databaseDigest())).toEqual(digest);
    // Still signed in as the customer: the desk's reads are refused too.
    await expect(listToDispatch()).rejects.toThrow();
  });
});
