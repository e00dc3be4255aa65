import 'server-only';
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { COPY_OUT_OF_SERVICE, rentalCopies, rentals, rentalWaitlist, type RentalWaitlistStatus } from './schema';
import type { Refusal } from './settings';
import { rentableEdition } from './terms';

/**
 * The rental waitlist of an edition. When no copy is free, a signed-in shopper joins the line; when a
 * copy comes back it is held (`reserved`, with no rental yet) for the first in line, who gets a mail
 * and RENTAL_WAITLIST_HOLD_HOURS to check out; a hold that runs out passes the copy to the next, and
 * the last one's back to the shelf. Fair order: shoppers with no rental reserved or out go first, then
 * first come first served ({@link lineOrder}).
 *
 * A copy becomes free for renting in one place, {@link freeCopyIn}: the desk putting a checked copy
 * back and new copies call it in their transactions; copies freed elsewhere (an order cancelled or
 * expired before dispatch, in lib/orders, which may not import this module) and expired holds are
 * swept by the `offer-rental-copies` job ({@link runWaitlist}). Every place change is a conditional
 * update in a transaction (`where status = 'waiting'` / `'offered'`), rows are picked `for update skip
 * locked`, and one active place per shopper and edition and one offer per held copy are unique
 * indexes, so several instances (or a retried request) apply each change once. The clock is the
 * caller's (`now`).
 */

export type WaitlistEntry = typeof rentalWaitlist.$inferSelect;

const ACTIVE: RentalWaitlistStatus[] = ['waiting', 'offered'];
const HOUR = 3_600_000;

/** 1 when the waiting shopper has a rental reserved or out now (they go after those who have none), else 0. */
export const hasRentalNow = sql<number>`(case when exists (select 1 from ${rentals} r
  where r.user_id = ${rentalWaitlist.userId} and r.status in ('reserved', 'out')) then 1 else 0 end)`;

/** The line's order: shoppers with no rental reserved or out first, then who joined first. */
const lineOrder = [asc(hasRentalNow), asc(rentalWaitlist.createdAt), asc(rentalWaitlist.id)];

export type JoinRefusal = 'not_rentable' | 'copy_free';

/**
 * Puts the signed-in shopper in the edition's line (status `waiting`). Joining again returns the
 * place they have (one active place per shopper and edition, a unique index: two joins at once make
 * one). Refused for an edition that cannot be rented now or has no copy in service (`not_rentable`),
 * and when a copy is free for them right now (`copy_free`: they should just rent it).
 */
export async function joinWaitlist(
  user: { id: number },
  editionId: number,
  now: Date,
): Promise<{ ok: true; entry: WaitlistEntry } | Refusal<JoinRefusal>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const edition = await rentableEdition(tx, editionId, now, user.id);
    if (!edition) return { ok: false as const, error: 'not_rentable' as const };
    const [inService] = await tx
      .select({ id: rentalCopies.id })
      .from(rentalCopies)
      .where(and(eq(rentalCopies.editionId, editionId), notInArray(rentalCopies.status, [...COPY_OUT_OF_SERVICE])))
      .limit(1);
    if (!inService) return { ok: false as const, error: 'not_rentable' as const };
    const had = await activeEntry(tx, user.id, editionId);
    if (had) return { ok: true as const, entry: had };
    if (edition.freeCopies > 0) return { ok: false as const, error: 'copy_free' as const };
    const [joined] = await tx
      .insert(rentalWaitlist)
      .values({ editionId, userId: user.id, status: 'waiting', createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    // A join at the same moment won the unique index: its committed row is the place.
    const entry = joined ?? (await activeEntry(tx, user.id, editionId));
    if (!entry) throw new Error(`Waitlist place of user ${user.id} for edition ${editionId} vanished`);
    return { ok: true as const, entry };
  });
}

async function activeEntry(tx: Transaction, userId: number, editionId: number) {
  const [entry] = await tx
    .select()
    .from(rentalWaitlist)
    .where(
      and(
        eq(rentalWaitlist.userId, userId),
        eq(rentalWaitlist.editionId, editionId),
        inArray(rentalWaitlist.status, ACTIVE),
      ),
    );
  return entry ?? null;
}

/**
 * The shopper steps out of line (`left`), only from their own active place; a copy held for them
 * passes to the next in line (or back to the shelf) in the same transaction. A second leave, or
 * someone else's entry, is refused (`not_found`) and changes nothing.
 */
export async function leaveWaitlist(
  user: { id: number },
  entryId: number,
  now: Date,
): Promise<{ ok: true } | Refusal<'not_found'>> {
  const db = await getDb();
  const done = await db.transaction((tx) => leaveIn(tx, user.id, entryId, now));
  if (done === 'offered') sendMailSoon();
  return done === null ? { ok: false, error: 'not_found' } : { ok: true };
}

/** {@link leaveWaitlist} in a transaction: null when not the shopper's active place; `offered` when its held copy went to the next. */
async function leaveIn(tx: Transaction, userId: number, entryId: number, now: Date) {
  const [left] = await tx
    .update(rentalWaitlist)
    .set({ status: 'left', updatedAt: now })
    .where(
      and(eq(rentalWaitlist.id, entryId), eq(rentalWaitlist.userId, userId), inArray(rentalWaitlist.status, ACTIVE)),
    )
    .returning({ copyId: rentalWaitlist.copyId });
  if (!left) return null;
  // Only an offered place has a copy (waiting ones have none): that copy was held for it.
  const offered = left.copyId !== null && (await releaseHeldCopy(tx, left.copyId, now));
  return offered ? ('offered' as const) : ('left' as const);
}

/**
 * Places of shoppers whose account was deleted or disabled since they joined: they leave the line
 * (a copy held for one passes on), so that nobody keeps copies on the shelf for them. Returns how many.
 */
export async function dropDepartedShoppers(now: Date, limit = 200): Promise<number> {
  const db = await getDb();
  const gone = await db
    .select({ id: rentalWaitlist.id, userId: rentalWaitlist.userId })
    .from(rentalWaitlist)
    .innerJoin(users, eq(users.id, rentalWaitlist.userId))
    .where(and(inArray(rentalWaitlist.status, ACTIVE), or(isNotNull(users.deletedAt), isNotNull(users.disabledAt))))
    .orderBy(rentalWaitlist.id)
    .limit(limit);
  let dropped = 0;
  for (const place of gone) {
    if (await db.transaction((tx) => leaveIn(tx, place.userId, place.id, now))) dropped++;
  }
  return dropped;
}

export type FreedCopy = { status: 'offered'; entry: WaitlistEntry } | { status: 'available' } | { status: 'gone' };

/**
 * THE place where a copy becomes free for renting, in the caller's transaction: the copy `copyId`,
 * which is `available` (the caller has just put it back on the shelf, or the sweep found it there),
 * goes to the first shopper in its edition's line — the copy `reserved` with no rental, their place
 * `offered` until `now` + `holdHours`, an offer mail queued (deduplicated per place) — or stays
 * available when nobody waits or the edition cannot be rented now. The copy row is locked and every
 * update is conditional, so two sweeps at once offer a copy once; the line is read `for update skip
 * locked`, so two copies freed at once go to two different shoppers. `gone` when the copy was not
 * available (someone took it first).
 */
export async function freeCopyIn(
  tx: Transaction,
  copyId: number,
  now: Date,
  holdHours: number = env.RENTAL_WAITLIST_HOLD_HOURS,
): Promise<FreedCopy> {
  const [copy] = await tx
    .select({ id: rentalCopies.id, editionId: rentalCopies.editionId })
    .from(rentalCopies)
    .where(and(eq(rentalCopies.id, copyId), eq(rentalCopies.status, 'available')))
    .for('update');
  if (!copy) return { status: 'gone' };
  if (!(await rentableEdition(tx, copy.editionId, now))) return { status: 'available' };
  const [next] = await tx
    .select({ id: rentalWaitlist.id })
    .from(rentalWaitlist)
    .innerJoin(users, eq(users.id, rentalWaitlist.userId))
    .where(
      and(
        eq(rentalWaitlist.editionId, copy.editionId),
        eq(rentalWaitlist.status, 'waiting'),
        isNull(users.deletedAt),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(...lineOrder)
    .limit(1)
    .for('update', { of: rentalWaitlist, skipLocked: true });
  if (!next) return { status: 'available' };
  const [entry] = await tx
    .update(rentalWaitlist)
    .set({
      status: 'offered',
      copyId,
      offeredAt: now,
      offerExpiresAt: new Date(now.getTime() + holdHours * HOUR),
      updatedAt: now,
    })
    .where(and(eq(rentalWaitlist.id, next.id), eq(rentalWaitlist.status, 'waiting')))
    .returning();
  if (!entry) return { status: 'available' };
  const [held] = await tx
    .update(rentalCopies)
    .set({ status: 'reserved', updatedAt: now })
    .where(and(eq(rentalCopies.id, copyId), eq(rentalCopies.status, 'available')))
    .returning({ id: rentalCopies.id });
  // The copy row is locked by this transaction since the first select: it cannot have moved.
  if (!held) throw new Error(`Copy ${copyId} left the shelf while locked`);
  await queueOfferMail(tx, entry);
  return { status: 'offered', entry };
}

/** The offer mail of a place just offered, in the shopper's language (once per place: its dedupe key). */
async function queueOfferMail(tx: Transaction, entry: WaitlistEntry): Promise<void> {
  const [to] = await tx
    .select({
      email: users.email,
      displayName: users.displayName,
      username: users.username,
      locale: users.preferredLocale,
      title: products.title,
      slug: products.slug,
      format: editions.format,
      editionName: editions.name,
    })
    .from(users)
    .innerJoin(editions, eq(editions.id, entry.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .where(eq(users.id, entry.userId));
  // A shopper without an address still has the hold: /account/rentals shows it.
  if (!to?.email || !entry.offerExpiresAt) return;
  await enqueueMail(tx, {
    to: to.email,
    locale: toLocale(to.locale),
    userId: entry.userId,
    template: 'rentalWaitlistOffer',
    dedupeKey: `rental-waitlist-offer-${entry.id}`,
    data: {
      name: nameOrUsername(to.displayName, to.username),
      title: to.title,
      format: to.format,
      editionName: to.editionName,
      productUrl: `/products/${encodeURIComponent(to.slug)}`,
      holdUntil: entry.offerExpiresAt.toISOString(),
      timeZone: env.SHOP_TIME_ZONE,
    },
  });
}

/**
 * A copy held for a place that ended without a rental (expired, left): back on the shelf and at once
 * to the next in line ({@link freeCopyIn}). True when it was offered to someone.
 */
async function releaseHeldCopy(tx: Transaction, copyId: number, now: Date): Promise<boolean> {
  const [back] = await tx
    .update(rentalCopies)
    .set({ status: 'available', updatedAt: now })
    .where(and(eq(rentalCopies.id, copyId), eq(rentalCopies.status, 'reserved')))
    .returning({ id: rentalCopies.id });
  // An offered place's copy is reserved until the place ends (only this module moves it): else a broken invariant.
  if (!back) throw new Error(`Copy ${copyId} held for a waitlist place is not reserved`);
  return (await freeCopyIn(tx, copyId, now)).status === 'offered';
}

/**
 * Checkout's side of a hold (desk.ts reserveCopyIn, in its transaction): when the shopper holds a live
 * offer for the edition, their place becomes `fulfilled` — conditional on `offered` and not expired
 * at `now`, so the expiry sweep and the checkout cannot both have it — and the held copy (still
 * `reserved`) is theirs: its id, for the rental row. Null when they hold no live offer.
 */
export async function takeHeldCopy(
  tx: Transaction,
  input: { editionId: number; userId: number; now: Date },
): Promise<{ entryId: number; copyId: number } | null> {
  const [entry] = await tx
    .update(rentalWaitlist)
    .set({ status: 'fulfilled', updatedAt: input.now })
    .where(
      and(
        eq(rentalWaitlist.editionId, input.editionId),
        eq(rentalWaitlist.userId, input.userId),
        eq(rentalWaitlist.status, 'offered'),
        gt(rentalWaitlist.offerExpiresAt, input.now),
      ),
    )
    .returning({ id: rentalWaitlist.id, copyId: rentalWaitlist.copyId });
  if (!entry?.copyId) return null;
  return { entryId: entry.id, copyId: entry.copyId };
}

/**
 * How many available copies of the edition the line keeps for the people waiting in it (others than
 * `userId`): a shopper not offered a copy may take only the ones beyond these.
 */
export async function copiesKeptForLine(tx: Transaction, editionId: number, userId: number | null): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(rentalWaitlist)
    .where(
      and(
        eq(rentalWaitlist.editionId, editionId),
        eq(rentalWaitlist.status, 'waiting'),
        userId === null ? undefined : ne(rentalWaitlist.userId, userId),
      ),
    );
  return row?.n ?? 0;
}

/**
 * After a rental was reserved for a shopper: the place it came from (`entryId`, a hold) or the place
 * they were still waiting in (a copy was free for them anyway) is fulfilled by that rental.
 */
export async function settlePlace(
  tx: Transaction,
  input: { editionId: number; userId: number; rentalId: number; entryId: number | null; now: Date },
): Promise<void> {
  await tx
    .update(rentalWaitlist)
    .set({ status: 'fulfilled', rentalId: input.rentalId, updatedAt: input.now })
    .where(
      input.entryId !== null
        ? and(eq(rentalWaitlist.id, input.entryId), eq(rentalWaitlist.status, 'fulfilled'))
        : and(
            eq(rentalWaitlist.editionId, input.editionId),
            eq(rentalWaitlist.userId, input.userId),
            eq(rentalWaitlist.status, 'waiting'),
          ),
    );
}

/**
 * Holds that ran out by `now`: each place `expired` (conditional on `offered` and past its time, so a
 * checkout at the same moment or a second sweep cannot double it) and its copy passed on. Each in its
 * own transaction. Returns how many expired and how many of their copies went to the next in line.
 */
export async function expireOffers(now: Date, limit = 200): Promise<{ expired: number; passedOn: number }> {
  const db = await getDb();
  const due = await db
    .select({ id: rentalWaitlist.id })
    .from(rentalWaitlist)
    .where(and(eq(rentalWaitlist.status, 'offered'), lte(rentalWaitlist.offerExpiresAt, now)))
    .orderBy(rentalWaitlist.offerExpiresAt, rentalWaitlist.id)
    .limit(limit);
  let expired = 0;
  let passedOn = 0;
  for (const { id } of due) {
    const outcome = await db.transaction(async (tx) => {
      const [ended] = await tx
        .update(rentalWaitlist)
        .set({ status: 'expired', updatedAt: now })
        .where(
          and(eq(rentalWaitlist.id, id), eq(rentalWaitlist.status, 'offered'), lte(rentalWaitlist.offerExpiresAt, now)),
        )
        .returning({ copyId: rentalWaitlist.copyId });
      if (!ended?.copyId) return null;
      return releaseHeldCopy(tx, ended.copyId, now);
    });
    if (outcome === null) continue;
    expired++;
    if (outcome) passedOn++;
  }
  return { expired, passedOn };
}

/**
 * Available copies of editions people wait for (freed by an order's cancellation, or on the shelf
 * when someone joined): each offered to the next in line, one copy per transaction, picked `for
 * update skip locked` so two sweeps at once take different copies. Returns how many were offered.
 */
export async function offerAvailableCopies(now: Date): Promise<number> {
  const db = await getDb();
  const wanted = await db
    .selectDistinct({ editionId: rentalWaitlist.editionId })
    .from(rentalWaitlist)
    .innerJoin(
      rentalCopies,
      and(eq(rentalCopies.editionId, rentalWaitlist.editionId), eq(rentalCopies.status, 'available')),
    )
    .where(eq(rentalWaitlist.status, 'waiting'))
    .orderBy(rentalWaitlist.editionId);
  let offered = 0;
  for (const { editionId } of wanted) {
    for (;;) {
      const freed = await db.transaction(async (tx) => {
        const [copy] = await tx
          .select({ id: rentalCopies.id })
          .from(rentalCopies)
          .where(and(eq(rentalCopies.editionId, editionId), eq(rentalCopies.status, 'available')))
          .orderBy(rentalCopies.id)
          .limit(1)
          .for('update', { skipLocked: true });
        return copy ? freeCopyIn(tx, copy.id, now) : null;
      });
      if (freed?.status !== 'offered') break;
      offered++;
    }
  }
  return offered;
}

/** The `offer-rental-copies` job: departed shoppers' places dropped, expired holds passed on, then free copies offered; mail sent soon. */
export async function runWaitlist(now: Date = new Date()) {
  const departed = await dropDepartedShoppers(now);
  const expiry = await expireOffers(now);
  const offered = await offerAvailableCopies(now);
  if (expiry.passedOn + offered > 0) sendMailSoon();
  return { departed, ...expiry, offered };
}
