import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as rentalsRoute } from '@/app/api/v1/products/[slug]/rentals/route';
import { getDb } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { listProducts } from '@/lib/catalog/queries';
import { readFilters } from '@/lib/catalog/validation';
import { changeCopyStatus } from '@/lib/rentals/copies';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { rentalCopies, rentalTerms } from '@/lib/rentals/schema';
import type { StaffUser } from '@/lib/audit/staff';
import { getRentalOffers, listRentalsForUser, rentalState } from '@/lib/rentals/shopper-queries';
import { first } from '../support/lists';
import { at, BERLIN, createRentableEdition, deskAdmin } from '../support/rentals';
import { createTestShopper } from '../support/users';

// The rentals route reads the session (a signed-out visitor here: no cookie).
vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());

let admin: StaffUser;
beforeAll(async () => {
  admin = await deskAdmin();
});

async function slugOf(editionId: number): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ slug: products.slug })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .where(eq(editions.id, editionId));
  if (!row) throw new Error(`No edition ${editionId}`);
  return row.slug;
}

async function rentableProduct(options: Parameters<typeof createRentableEdition>[0] = {}) {
  const edition = await createRentableEdition(options);
  return { ...edition, slug: await slugOf(edition.editionId) };
}

describe('rental offers', () => {
  it('gives each offered period its fee, the sale price as deposit, the default late fee and the free copies', async () => {
    const { editionId, slug } = await rentableProduct({ copies: 3, feeMinor: 499, priceMinor: 2999 });
    expect(await getRentalOffers(slug, [7, 14])).toEqual([
      {
        editionId,
        periods: [
          { days: 7, feeMinor: 499 },
          { days: 14, feeMinor: 998 },
        ],
        depositMinor: 2999,
        lateFeePerDayMinor: 72, // 499 over 7 days, rounded up
        freeCopies: 3,
        waiting: 0,
        copiesInService: 3,
      },
    ]);
    expect((await getRentalOffers(slug, [7, 14, 28]))[0]?.periods.at(-1)).toEqual({ days: 28, feeMinor: 1996 });
  });

  it('uses the edition’s own deposit and late fee, and counts only copies on the shelf', async () => {
    const { editionId, slug, codes } = await rentableProduct({ copies: 3 });
    const db = await getDb();
    await db.insert(rentalTerms).values({ editionId, depositMinor: 1500, lateFeePerDayMinor: 100 });
    const user = await createTestShopper();
    const reserved = await reserveCopy({ editionId, userId: user.id, periodDays: 7, now: new Date() }, BERLIN);
    expect(reserved.ok).toBe(true);
    expect(await changeCopyStatus(admin, { code: codes[2] ?? '', to: 'damaged', now: new Date() })).toMatchObject({
      ok: true,
    });
    expect(first(await getRentalOffers(slug, [7, 14]))).toMatchObject({
      depositMinor: 1500,
      lateFeePerDayMinor: 100,
      freeCopies: 1,
    });
  });

  it('offers nothing for an edition not rentable, without a copy in service, or a sellable edition', async () => {
    const db = await getDb();
    const forSale = await rentableProduct({ copies: 1 });
    await db
      .update(editions)
      .set({ rentable: false, rentalPriceMinor: null })
      .where(eq(editions.id, forSale.editionId));
    expect(await getRentalOffers(forSale.slug)).toEqual([]);

    const retired = await rentableProduct({ copies: 2 });
    for (const [code, to] of [
      [retired.codes[0], 'retired'],
      [retired.codes[1], 'lost'],
    ] as const) {
      expect(await changeCopyStatus(admin, { code: code ?? '', to, now: new Date() })).toMatchObject({ ok: true });
    }
    expect(await getRentalOffers(retired.slug)).toEqual([]);

    // Its only copy kept by the shopper who rented it: nothing left to rent.
    const sold = await rentableProduct({ copies: 1 });
    await db.update(rentalCopies).set({ status: 'sold' }).where(eq(rentalCopies.editionId, sold.editionId));
    expect(await getRentalOffers(sold.slug)).toEqual([]);

    const draft = await rentableProduct({ copies: 1 });
    await db.update(editions).set({ status: 'draft' }).where(eq(editions.id, draft.editionId));
    expect(await getRentalOffers(draft.slug)).toEqual([]);

    // Every copy out with other shoppers: still offered (the cart then says none is free).
    const busy = await rentableProduct({ copies: 1 });
    const user = await createTestShopper();
    await reserveCopy({ editionId: busy.editionId, userId: user.id, periodDays: 7, now: new Date() }, BERLIN);
    expect(first(await getRentalOffers(busy.slug))).toMatchObject({ editionId: busy.editionId, freeCopies: 0 });
    expect(await getRentalOffers('Not a slug!')).toEqual([]);
  });

  it('badges and filters "For rent" only products with an edition rentable now', async () => {
    const rentable = await rentableProduct({ copies: 1 });
    const retired = await rentableProduct({ copies: 1 });
    await changeCopyStatus(admin, { code: first(retired.codes), to: 'retired', now: new Date() });
    const sold = await rentableProduct({ copies: 1 });
    await (
      await getDb()
    )
      .update(rentalCopies)
      .set({ status: 'sold' })
      .where(eq(rentalCopies.editionId, sold.editionId));
    const list = await listProducts({
      ...readFilters(new URLSearchParams('avail=rentable&pageSize=100')),
      kind: 'album',
    });
    const slugs = list.items.map((item) => item.slug);
    expect(slugs).toContain(rentable.slug);
    expect(slugs).not.toContain(retired.slug);
    expect(slugs).not.toContain(sold.slug);
    expect(list.items.every((item) => item.rentable)).toBe(true);
    const all = await listProducts({ ...readFilters(new URLSearchParams('decade=2020&pageSize=100')), kind: 'album' });
    expect(all.items.find((item) => item.slug === retired.slug)?.rentable).toBe(false);
  });
});

describe('GET /api/v1/products/{slug}/rentals', () => {
  const get = (slug: string) =>
    rentalsRoute(new Request(`http://localhost/api/v1/products/${slug}/rentals`), {
      params: Promise.resolve({ slug }),
    });

  it('answers the free copies of each edition rentable now, never cached', async () => {
    const { editionId, slug } = await rentableProduct({ copies: 2 });
    const user = await createTestShopper();
    await reserveCopy({ editionId, userId: user.id, periodDays: 7, now: new Date() }, BERLIN);
    const response = await get(slug);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.json()).toEqual({
      signedIn: false,
      holdHours: 24,
      timeZone: expect.any(String),
      editions: [{ editionId, freeCopies: 1, waiting: 0, wait: 'available', place: null }],
    });
    expect(await (await get('no-such-product')).json()).toEqual({
      signedIn: false,
      holdHours: 24,
      timeZone: expect.any(String),
      editions: [],
    });
    expect((await get('Not a slug!')).status).toBe(404);
  });
});

describe("a shopper's rentals", () => {
  it('lists only the signed-in shopper’s own rentals, newest first', async () => {
    const [ana, ben] = [await createTestShopper(), await createTestShopper()];
    const { editionId } = await rentableProduct({ copies: 3 });
    const rent = (userId: number, now: Date) => reserveCopy({ editionId, userId, periodDays: 7, now }, BERLIN);
    const older = await rent(ana.id, at('2026-03-01T10:00:00Z'));
    await rent(ben.id, at('2026-03-02T10:00:00Z'));
    const newer = await rent(ana.id, at('2026-03-03T10:00:00Z'));
    const mine = await listRentalsForUser(ana);
    expect(mine.map((rental) => rental.id)).toEqual([newer.ok && newer.rental.id, older.ok && older.rental.id]);
    expect(first(mine)).toMatchObject({ status: 'reserved', feeMinor: 499, depositMinor: 2999, orderNumber: null });
    expect((await listRentalsForUser(ben)).length).toBe(1);
    expect(await listRentalsForUser(await createTestShopper())).toEqual([]);
  });

  it('says where each rental stands in the shop’s local days', async () => {
    const user = await createTestShopper();
    const { editionId, codes } = await rentableProduct({ copies: 1, feeMinor: 700, priceMinor: 1000 });
    const reserved = await reserveCopy(
      { editionId, userId: user.id, periodDays: 7, now: at('2026-03-02T09:00:00Z') },
      BERLIN,
    );
    if (!reserved.ok) throw new Error(reserved.error);
    const waiting = first(await listRentalsForUser(user));
    expect(rentalState(waiting, at('2026-03-02T12:00:00Z'), BERLIN.timeZone)).toEqual({ kind: 'awaitingDispatch' });
    const unpaid = { ...waiting, orderStatus: 'pending_payment' as const };
    expect(rentalState(unpaid, at('2026-03-02T12:00:00Z'), BERLIN.timeZone)).toEqual({ kind: 'awaitingPayment' });

    // Sent Monday 2 March, 23:30 in Berlin: due by the end of Monday 9 March, Berlin time.
    await dispatchRental(admin, { rentalId: reserved.rental.id, now: at('2026-03-02T22:30:00Z') }, BERLIN);
    const out = first(await listRentalsForUser(user));
    expect(rentalState(out, at('2026-03-05T12:00:00Z'), 'Europe/Berlin')).toEqual({
      kind: 'out',
      dueDate: '2026-03-09',
      daysLeft: 4,
    });
    expect(rentalState(out, at('2026-03-09T22:59:00Z'), 'Europe/Berlin')).toMatchObject({ kind: 'out', daysLeft: 0 });
    expect(rentalState(out, at('2026-03-11T09:00:00Z'), 'Europe/Berlin')).toEqual({
      kind: 'overdue',
      dueDate: '2026-03-09',
      daysLate: 2,
      lateFeeMinor: 200, // 100 a day
    });
    // Late for weeks: the fee so far stops at the deposit.
    expect(rentalState(out, at('2026-04-30T09:00:00Z'), 'Europe/Berlin')).toMatchObject({ lateFeeMinor: 1000 });

    await checkIn(admin, { code: first(codes), now: at('2026-03-11T09:00:00Z') }, BERLIN);
    const back = first(await listRentalsForUser(user));
    expect(rentalState(back, at('2026-03-20T09:00:00Z'), 'Europe/Berlin')).toEqual({
      kind: 'returned',
      lateFeeMinor: 200,
      damageChargeMinor: 0,
      refundMinor: 800,
    });

    // Kept: what came from the deposit is what the late fee and the refund left of it — the whole
    // price when the deposit covered it, less than the price when the shopper paid a shortfall.
    const keptAt = at('2026-03-12T09:00:00Z');
    const kept = { ...back, status: 'kept' as const, keptAt, depositMinor: 1000, lateFeeChargedMinor: 200 };
    expect(rentalState({ ...kept, buyOutPriceMinor: 300, depositRefundMinor: 500 }, keptAt, BERLIN.timeZone)).toEqual({
      kind: 'kept',
      keptAt,
      buyOutPriceMinor: 300,
      fromDepositMinor: 300,
      lateFeeMinor: 200,
      refundMinor: 500,
    });
    expect(
      rentalState({ ...kept, buyOutPriceMinor: 1300, depositRefundMinor: 0 }, keptAt, BERLIN.timeZone),
    ).toMatchObject({ buyOutPriceMinor: 1300, fromDepositMinor: 800, refundMinor: 0 });
  });
});
