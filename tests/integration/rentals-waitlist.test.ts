import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as rentalsRoute } from '@/app/api/v1/products/[slug]/rentals/route';
import { getDb, queryRows } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';
import { joinRentalWaitlistAction, leaveRentalWaitlistAction } from '@/lib/actions/rental-waitlist';
import type { StaffUser } from '@/lib/audit/staff';
import { editions, products } from '@/lib/catalog/schema';
import { placeOrder } from '@/lib/checkout/place-order';
import { addRentalToCart, getCartById } from '@/lib/rentals/cart';
import { addCopies, changeCopyStatus } from '@/lib/rentals/copies';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import type { RentalSettings } from '@/lib/rentals/settings';
import { rentalCopies, rentalWaitlist } from '@/lib/rentals/schema';
import { joinWaitlist, leaveWaitlist, runWaitlist } from '@/lib/rentals/waitlist';
import { listWaitlistPlaces } from '@/lib/rentals/waitlist-queries';
import { checkoutContext, createCart, guestCheckout } from '../support/commerce';
import { itOnPostgres } from '../support/concurrency';
import { databaseDigest } from '../support/faults';
import { first, only } from '../support/lists';
import { outboxMails } from '../support/outbox';
import { requestContext, signInAs } from '../support/request-context';
import { copyCodes, copyStatuses, createRentableEdition, deskAdmin, rentalsOf } from '../support/rentals';
import { createTestShopper } from '../support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));
vi.mock('next/cache', async (original) => ({ ...(await original<object>()), refresh: () => undefined }));

const SETTINGS: RentalSettings = { periods: [7, 14], timeZone: 'Europe/Berlin' };
const HOUR = 3_600_000;
const later = (from: Date, hours: number) => new Date(from.getTime() + hours * HOUR);

let admin: StaffUser;
beforeAll(async () => {
  admin = await deskAdmin();
});
beforeEach(() => requestContext.reset());

/** The edition's places in line, oldest first: who, status, copy held, rental. */
async function placesOf(editionId: number) {
  const db = await getDb();
  return db
    .select({
      id: rentalWaitlist.id,
      userId: rentalWaitlist.userId,
      status: rentalWaitlist.status,
      copyId: rentalWaitlist.copyId,
      rentalId: rentalWaitlist.rentalId,
      offerExpiresAt: rentalWaitlist.offerExpiresAt,
    })
    .from(rentalWaitlist)
    .where(eq(rentalWaitlist.editionId, editionId))
    .orderBy(rentalWaitlist.id);
}

const offerMails = (entryId: number) => outboxMails({ dedupeKey: `rental-waitlist-offer-${entryId}` });

async function copyIds(editionId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: rentalCopies.id })
    .from(rentalCopies)
    .where(eq(rentalCopies.editionId, editionId))
    .orderBy(rentalCopies.id);
  return rows.map((row) => row.id);
}

/** An edition whose `copies` copies are all rented out (reserved, then dispatched) by a fresh shopper each. */
async function allOut(copies = 1, now = new Date()) {
  const { editionId, codes } = await createRentableEdition({ copies });
  const rentals: number[] = [];
  for (let i = 0; i < copies; i++) {
    const renter = await createTestShopper({ prefix: 'renter' });
    const reserved = await reserveCopy({ editionId, userId: renter.id, periodDays: 7, now }, SETTINGS);
    if (!reserved.ok) throw new Error(reserved.error);
    const sent = await dispatchRental(admin, { rentalId: reserved.rental.id, now }, SETTINGS);
    if (!sent.ok) throw new Error(sent.error);
    rentals.push(reserved.rental.id);
  }
  return { editionId, codes, rentals };
}

/** The desk checks the copy in and puts it back on the shelf: where a copy comes back. */
async function bringBack(code: string, now: Date) {
  const checked = await checkIn(admin, { code, now }, SETTINGS);
  if (!checked.ok) throw new Error(checked.error);
  return changeCopyStatus(admin, { code, to: 'available', now });
}

/** A copy freed outside lib/rentals (an order cancelled before dispatch): straight back to available, as release-rentals-sql does. */
async function freeBehindTheDesk(copyId: number) {
  const db = await getDb();
  await db.execute(
    sql`update rentals set status = 'cancelled' where copy_id = ${copyId} and status in ('reserved', 'out')`,
  );
  await db.execute(sql`update rental_copies set status = 'available' where id = ${copyId}`);
}

async function shoppers(count: number, prefix = 'waiter'): Promise<SessionUser[]> {
  const list: SessionUser[] = [];
  for (let i = 0; i < count; i++) list.push(await createTestShopper({ prefix }));
  return list;
}

async function joined(user: SessionUser, editionId: number, now: Date) {
  const result = await joinWaitlist(user, editionId, now);
  if (!result.ok) throw new Error(result.error);
  return result.entry;
}

describe('joining and leaving the waitlist', () => {
  it('joins once per shopper and edition, refuses when a copy is free or the edition cannot be rented', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    const [ada, bo] = await shoppers(2);
    if (!ada || !bo) throw new Error('shoppers');
    // A copy is on the shelf: rent it instead.
    expect(await joinWaitlist(ada, editionId, new Date())).toEqual({ ok: false, error: 'copy_free' });
    expect(await placesOf(editionId)).toEqual([]);
    const taken = await reserveCopy({ editionId, userId: bo.id, periodDays: 7, now: new Date() }, SETTINGS);
    expect(taken.ok).toBe(true);

    const place = await joined(ada, editionId, new Date());
    expect(place).toMatchObject({ editionId, userId: ada.id, status: 'waiting', copyId: null });
    // Again, and five times at once: still the one place.
    expect(await joined(ada, editionId, new Date())).toMatchObject({ id: place.id });
    const again = await Promise.all(Array.from({ length: 5 }, () => joinWaitlist(ada, editionId, new Date())));
    expect(again.every((r) => r.ok && r.entry.id === place.id)).toBe(true);
    expect(await placesOf(editionId)).toHaveLength(1);
    // A first join sent five times at once makes one place too.
    const cy = await createTestShopper({ prefix: 'waiter' });
    const first5 = await Promise.all(Array.from({ length: 5 }, () => joinWaitlist(cy, editionId, new Date())));
    const ids = new Set(first5.map((r) => (r.ok ? r.entry.id : r.error)));
    expect(ids.size).toBe(1);
    expect(await placesOf(editionId)).toHaveLength(2);

    expect(await joinWaitlist(ada, 2_000_000_000, new Date())).toEqual({ ok: false, error: 'not_rentable' });
    const db = await getDb();
    await db.update(editions).set({ status: 'archived' }).where(eq(editions.id, editionId));
    expect(await joinWaitlist(bo, editionId, new Date())).toEqual({ ok: false, error: 'not_rentable' });
  });

  it('leaves only the shopper’s own place, once', async () => {
    const { editionId } = await allOut(1);
    const [ada, bo] = await shoppers(2);
    if (!ada || !bo) throw new Error('shoppers');
    const place = await joined(ada, editionId, new Date());
    const before = await databaseDigest();
    expect(await leaveWaitlist(bo, place.id, new Date())).toEqual({ ok: false, error: 'not_found' });
    expect(await databaseDigest()).toEqual(before);
    expect(await leaveWaitlist(ada, place.id, new Date())).toEqual({ ok: true });
    expect(await leaveWaitlist(ada, place.id, new Date())).toEqual({ ok: false, error: 'not_found' });
    expect(only(await placesOf(editionId)).status).toBe('left');
    // Back in line later: a new place at the end.
    const back = await joined(ada, editionId, new Date());
    expect(back.id).not.toBe(place.id);
  });

  it('drops the places of deleted or disabled accounts at the next sweep, passing a held copy on', async () => {
    const { editionId, codes } = await allOut(1);
    const [ada, bo, cy] = await shoppers(3);
    if (!ada || !bo || !cy) throw new Error('shoppers');
    await joined(ada, editionId, new Date());
    await joined(bo, editionId, new Date());
    await joined(cy, editionId, new Date());
    await bringBack(first(codes), new Date());
    const db = await getDb();
    await db.execute(sql`update users set deleted_at = now() where id = ${ada.id}`);
    await db.execute(sql`update users set disabled_at = now() where id = ${bo.id}`);
    await runWaitlist(new Date());
    expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['left', 'left', 'offered']);
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
  });

  it('works as server actions for the signed-in shopper only', async () => {
    const { editionId } = await allOut(1);
    const [ada] = await shoppers(1);
    if (!ada) throw new Error('shoppers');
    expect(await joinRentalWaitlistAction(editionId)).toEqual({ ok: false, error: 'signIn' });
    await signInAs(ada.id);
    expect(await joinRentalWaitlistAction('not a number')).toEqual({ ok: false, error: 'not_rentable' });
    expect(await joinRentalWaitlistAction(editionId)).toEqual({ ok: true });
    const place = only(await placesOf(editionId));
    expect(place).toMatchObject({ userId: ada.id, status: 'waiting' });
    expect(await leaveRentalWaitlistAction('x')).toEqual({ ok: false, error: 'not_found' });
    expect(await leaveRentalWaitlistAction(place.id)).toEqual({ ok: true });
    expect(only(await placesOf(editionId)).status).toBe('left');
  });
});

describe('the order of the line', () => {
  it('puts shoppers with no rental out before earlier ones with a rental out; otherwise first come first served', async () => {
    const start = new Date('2026-03-02T09:00:00Z');
    const { editionId, codes } = await allOut(1, start);
    const [busy, ada, bo] = await shoppers(3);
    if (!busy || !ada || !bo) throw new Error('shoppers');
    // `busy` has another title out, and joined first.
    const other = await createRentableEdition({ copies: 1 });
    expect(
      (await reserveCopy({ editionId: other.editionId, userId: busy.id, periodDays: 7, now: start }, SETTINGS)).ok,
    ).toBe(true);
    const busyPlace = await joined(busy, editionId, later(start, 1));
    const adaPlace = await joined(ada, editionId, later(start, 2));
    const boPlace = await joined(bo, editionId, later(start, 3));
    const positions = async (user: SessionUser) => only(await listWaitlistPlaces(user.id)).position;
    expect([await positions(ada), await positions(bo), await positions(busy)]).toEqual([1, 2, 3]);

    const back = later(start, 48);
    expect(await bringBack(first(codes), back)).toMatchObject({ ok: true, copy: { status: 'reserved' } });
    const places = await placesOf(editionId);
    expect(places.map((p) => [p.id, p.status])).toEqual([
      [busyPlace.id, 'waiting'],
      [adaPlace.id, 'offered'],
      [boPlace.id, 'waiting'],
    ]);
    expect(places[1]?.offerExpiresAt).toEqual(later(back, 24));
    expect(await positions(bo)).toBe(1);
    expect(only(await listWaitlistPlaces(ada.id))).toMatchObject({ status: 'offered', position: null });
  });
});

describe('a copy coming back', () => {
  it('is held for the first in line with one offer mail, in the shopper’s language', async () => {
    const { editionId, codes } = await allOut(1);
    const [ada, bo] = await shoppers(2);
    if (!ada || !bo) throw new Error('shoppers');
    const db = await getDb();
    await db.execute(sql`update users set preferred_locale = 'zh' where id = ${ada.id}`);
    const adaPlace = await joined(ada, editionId, new Date());
    await joined(bo, editionId, new Date());
    const now = new Date();
    await bringBack(first(codes), now);
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
    const [held] = await placesOf(editionId);
    expect(held).toMatchObject({ status: 'offered', copyId: first(await copyIds(editionId)), rentalId: null });
    const mail = only(await offerMails(adaPlace.id));
    expect(mail).toMatchObject({ to: ada.email, template: 'rentalWaitlistOffer', locale: 'zh', userId: ada.id });
    expect(mail.text).toMatch(/\/products\//);
    // The sweep finds nothing more to do, however often it runs.
    await Promise.all([runWaitlist(now), runWaitlist(now)]);
    expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['offered', 'waiting']);
    expect(await offerMails(adaPlace.id)).toHaveLength(1);
  });

  it('goes to the line when copies are added', async () => {
    const { editionId } = await allOut(1);
    const [ada] = await shoppers(1);
    if (!ada) throw new Error('shoppers');
    await joined(ada, editionId, new Date());
    const added = await addCopies(admin, { editionId, codes: copyCodes(2), now: new Date() });
    expect(added.ok && added.copies.map((c) => c.status)).toEqual(['reserved', 'available']);
    expect(only(await placesOf(editionId)).status).toBe('offered');
  });

  itOnPostgres('freed outside the desk, is offered once by the job however many run at once (10 rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const { editionId } = await allOut(1);
      const [ada, bo] = await shoppers(2);
      if (!ada || !bo) throw new Error('shoppers');
      const adaPlace = await joined(ada, editionId, new Date());
      const boPlace = await joined(bo, editionId, new Date());
      await freeBehindTheDesk(first(await copyIds(editionId)));
      const now = new Date();
      await Promise.all([runWaitlist(now), runWaitlist(now), runWaitlist(now)]);
      expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['offered', 'waiting']);
      expect(await copyStatuses(editionId)).toEqual(['reserved']);
      expect(await offerMails(adaPlace.id)).toHaveLength(1);
      expect(await offerMails(boPlace.id)).toHaveLength(0);
    }
  });
});

describe('an offer running out', () => {
  it('passes the copy to the next in line, and back to the shelf after the last', async () => {
    const { editionId, codes } = await allOut(1);
    const [ada, bo] = await shoppers(2);
    if (!ada || !bo) throw new Error('shoppers');
    const adaPlace = await joined(ada, editionId, new Date());
    const boPlace = await joined(bo, editionId, new Date());
    const back = new Date();
    await bringBack(first(codes), back);

    // Not yet: the hold lasts 24 hours. (The sweep is the whole shop's: other tests' lines move too.)
    await runWaitlist(later(back, 23));
    expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['offered', 'waiting']);

    const expiry = later(back, 24);
    await Promise.all([runWaitlist(expiry), runWaitlist(expiry)]);
    const places = await placesOf(editionId);
    expect(places.map((p) => p.status)).toEqual(['expired', 'offered']);
    expect(places[1]).toMatchObject({ copyId: first(await copyIds(editionId)), offerExpiresAt: later(expiry, 24) });
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
    expect(await offerMails(boPlace.id)).toHaveLength(1);
    expect(await offerMails(adaPlace.id)).toHaveLength(1);
    // Ada's hold is over: she cannot rent the copy now held for Bo.
    const late = await reserveCopy({ editionId, userId: ada.id, periodDays: 7, now: later(expiry, 1) }, SETTINGS);
    expect(late).toEqual({ ok: false, error: 'no_copy_free' });

    await runWaitlist(later(expiry, 24));
    expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['expired', 'expired']);
    expect(await copyStatuses(editionId)).toEqual(['available']);
  });

  it('cannot be rented once past its time, even before the sweep has run', async () => {
    const { editionId, codes } = await allOut(1);
    const [ada] = await shoppers(1);
    if (!ada) throw new Error('shoppers');
    await joined(ada, editionId, new Date());
    const back = new Date();
    await bringBack(first(codes), back);
    const reserve = (now: Date) => reserveCopy({ editionId, userId: ada.id, periodDays: 7, now }, SETTINGS);
    expect(await reserve(later(back, 24))).toEqual({ ok: false, error: 'no_copy_free' });
    expect(await addRentalToCart(editionId, 7, ada.id)).toMatchObject({ ok: true }); // the hold is live now
    expect(only(await placesOf(editionId)).status).toBe('offered');
    expect(await reserve(later(back, 23))).toMatchObject({ ok: true });
    expect(only(await placesOf(editionId)).status).toBe('fulfilled');
  });

  itOnPostgres(
    'runs out once however many sweeps run at once, and either the checkout or the sweep has it (10 rounds each)',
    async () => {
      async function offeredToAda() {
        const { editionId, codes } = await allOut(1);
        const [ada, bo] = await shoppers(2);
        if (!ada || !bo) throw new Error('shoppers');
        await joined(ada, editionId, new Date());
        const boPlace = await joined(bo, editionId, new Date());
        const back = new Date();
        await bringBack(first(codes), back);
        return { editionId, ada, boPlace, expiry: later(back, 24) };
      }
      for (let round = 0; round < 10; round++) {
        const { editionId, boPlace, expiry } = await offeredToAda();
        await Promise.all([runWaitlist(expiry), runWaitlist(expiry), runWaitlist(expiry)]);
        expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['expired', 'offered']);
        expect(await copyStatuses(editionId)).toEqual(['reserved']);
        expect(await offerMails(boPlace.id)).toHaveLength(1);
      }
      for (let round = 0; round < 10; round++) {
        const { editionId, ada, expiry } = await offeredToAda();
        const [rented] = await Promise.all([
          reserveCopy({ editionId, userId: ada.id, periodDays: 7, now: later(expiry, -0.01) }, SETTINGS),
          runWaitlist(expiry),
        ]);
        const statuses = (await placesOf(editionId)).map((p) => p.status);
        expect(statuses).toEqual(rented.ok ? ['fulfilled', 'waiting'] : ['expired', 'offered']);
        expect(await copyStatuses(editionId)).toEqual(['reserved']);
        expect((await rentalsOf(editionId)).filter((r) => r.status === 'reserved')).toHaveLength(rented.ok ? 1 : 0);
      }
    },
    120_000,
  );

  it('passes on when the offered shopper leaves', async () => {
    const { editionId, codes } = await allOut(1);
    const [ada, bo] = await shoppers(2);
    if (!ada || !bo) throw new Error('shoppers');
    const adaPlace = await joined(ada, editionId, new Date());
    await joined(bo, editionId, new Date());
    await bringBack(first(codes), new Date());
    expect(await leaveWaitlist(ada, adaPlace.id, new Date())).toEqual({ ok: true });
    expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['left', 'offered']);
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
  });
});

describe('renting while people wait', () => {
  it('gives the offered shopper exactly the held copy, and nobody else', async () => {
    const { editionId, codes } = await allOut(2);
    const [ada, bo, newcomer] = await shoppers(3);
    if (!ada || !bo || !newcomer) throw new Error('shoppers');
    const adaPlace = await joined(ada, editionId, new Date());
    const boPlace = await joined(bo, editionId, new Date());
    await bringBack(codes[1] ?? '', new Date());
    const heldCopy = only((await placesOf(editionId)).filter((p) => p.status === 'offered')).copyId;

    // Neither the next in line nor a newcomer can take the held copy.
    for (const user of [bo, newcomer]) {
      expect(await reserveCopy({ editionId, userId: user.id, periodDays: 7, now: new Date() }, SETTINGS)).toEqual({
        ok: false,
        error: 'no_copy_free',
      });
      expect(await addRentalToCart(editionId, 7, user.id)).toEqual({ ok: false, error: 'noCopyFree' });
    }
    expect(await addRentalToCart(editionId, 7, null)).toEqual({ ok: false, error: 'noCopyFree' });

    // Ada checks out: her rental line is fine, and the order's rental is the held copy.
    const cartId = await createCart([{ editionId, quantity: 1, kind: 'rental' }], ada.id);
    expect(only((await getCartById(await getDb(), cartId)).lines).problems).toEqual([]);
    const placed = await placeOrder(guestCheckout({ email: ada.email }), checkoutContext(cartId, { user: ada }));
    expect(placed).toMatchObject({ ok: true });
    const rental = only((await rentalsOf(editionId)).filter((r) => r.userId === ada.id));
    expect(rental).toMatchObject({ copyId: heldCopy, status: 'reserved', orderId: placed.ok ? placed.orderId : -1 });
    expect((await placesOf(editionId)).map((p) => [p.id, p.status, p.rentalId])).toEqual([
      [adaPlace.id, 'fulfilled', rental.id],
      [boPlace.id, 'waiting', null],
    ]);
    // Fulfilled: the expiry sweep leaves it alone.
    await runWaitlist(later(new Date(), 48));
    expect(only((await rentalsOf(editionId)).filter((r) => r.userId === ada.id)).status).toBe('reserved');
    expect((await placesOf(editionId)).map((p) => p.status)).toEqual(['fulfilled', 'waiting']);
  });

  it('keeps copies on the shelf for the people waiting; a newcomer gets only the ones beyond them', async () => {
    const { editionId } = await allOut(2);
    const [ada, newcomer] = await shoppers(2);
    if (!ada || !newcomer) throw new Error('shoppers');
    await joined(ada, editionId, new Date());
    const [one, two] = await copyIds(editionId);
    await freeBehindTheDesk(one ?? 0); // not yet swept: available, and Ada waits
    const reserve = (userId: number) => reserveCopy({ editionId, userId, periodDays: 7, now: new Date() }, SETTINGS);
    expect(await reserve(newcomer.id)).toEqual({ ok: false, error: 'no_copy_free' });
    expect(await joinWaitlist(newcomer, editionId, new Date())).toMatchObject({ ok: true });
    await leaveWaitlist(newcomer, only(await listWaitlistPlaces(newcomer.id)).id, new Date());
    await freeBehindTheDesk(two ?? 0);
    // Two on the shelf, one person waiting: one is free for the newcomer, and Ada's place stays hers.
    expect(await reserve(newcomer.id)).toMatchObject({ ok: true });
    expect(await reserve(newcomer.id)).toEqual({ ok: false, error: 'no_copy_free' });
    // Ada, still waiting, takes the one kept for her line: her place is fulfilled by it.
    const hers = await reserve(ada.id);
    expect(hers).toMatchObject({ ok: true });
    expect((await placesOf(editionId)).filter((p) => p.userId === ada.id).map((p) => [p.status, p.rentalId])).toEqual([
      ['fulfilled', hers.ok ? hers.rental.id : -1],
    ]);
  });

  itOnPostgres(
    '30 shoppers rent the last copy at once: one rental, and the 29 others join the waitlist (20 rounds)',
    async () => {
      const crowd = await shoppers(30, 'crowd');
      for (let round = 0; round < 20; round++) {
        const { editionId } = await createRentableEdition({ copies: 1 });
        const now = new Date();
        const results = await Promise.all(
          crowd.map((user) => reserveCopy({ editionId, userId: user.id, periodDays: 7, now }, SETTINGS)),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        const losers = crowd.filter((_, i) => !results[i]?.ok);
        expect(losers).toHaveLength(29);
        expect(results.filter((r) => !r.ok)).toEqual(Array(29).fill({ ok: false, error: 'no_copy_free' }));
        const joins = await Promise.all(losers.map((user) => joinWaitlist(user, editionId, later(now, 0))));
        expect(joins.every((j) => j.ok && j.entry.status === 'waiting')).toBe(true);
        expect(await rentalsOf(editionId)).toHaveLength(1);
        expect(await copyStatuses(editionId)).toEqual(['reserved']);
        const places = await placesOf(editionId);
        expect(new Set(places.map((p) => p.userId))).toEqual(new Set(losers.map((u) => u.id)));
        // Everyone has a different number in line, 1 to 29.
        const positions = await queryRows<{ n: number }>(
          await getDb(),
          sql`select count(*)::int as n from rental_waitlist where edition_id = ${editionId} and status = 'waiting'`,
        );
        expect(positions).toEqual([{ n: 29 }]);
      }
      const numbers = await Promise.all(crowd.slice(0, 30).map((user) => listWaitlistPlaces(user.id)));
      for (const list of numbers) for (const place of list) expect(place.position).toBeGreaterThan(0);
    },
    240_000,
  );
});

describe('GET /api/v1/products/{slug}/rentals with a waitlist', () => {
  async function slugOf(editionId: number) {
    const db = await getDb();
    const [row] = await db
      .select({ slug: products.slug })
      .from(editions)
      .innerJoin(products, eq(products.id, editions.productId))
      .where(eq(editions.id, editionId));
    return row?.slug ?? '';
  }
  const get = async (slug: string) =>
    (
      await rentalsRoute(new Request(`http://localhost/api/v1/products/${slug}/rentals`), {
        params: Promise.resolve({ slug }),
      })
    ).json();

  it('shows the wait, and the signed-in shopper’s place: position, then the hold', async () => {
    const { editionId, codes } = await allOut(2);
    const slug = await slugOf(editionId);
    const [ada, bo] = await shoppers(2);
    if (!ada || !bo) throw new Error('shoppers');
    expect(await get(slug)).toMatchObject({
      signedIn: false,
      editions: [{ editionId, freeCopies: 0, waiting: 0, wait: 'shortWait', place: null }],
    });
    await joined(ada, editionId, new Date());
    await joined(bo, editionId, new Date());
    expect(await get(slug)).toMatchObject({ editions: [{ waiting: 2, wait: 'longWait' }] });
    await signInAs(bo.id);
    const waiting = await get(slug);
    expect(waiting).toMatchObject({
      signedIn: true,
      editions: [{ place: { status: 'waiting', position: 2, holdUntil: null } }],
    });
    await bringBack(first(codes), new Date());
    requestContext.reset();
    await signInAs(ada.id);
    const offered = await get(slug);
    expect(offered.editions[0].place).toMatchObject({ status: 'offered', position: null });
    expect(new Date(offered.editions[0].place.holdUntil).getTime()).toBeGreaterThan(Date.now() + 23 * HOUR);
    expect(offered.editions[0]).toMatchObject({ freeCopies: 0, waiting: 1, wait: 'shortWait' });
  });
});
