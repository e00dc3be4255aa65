import 'server-only';
import { getDb, type Transaction } from '@/db';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { env } from '@/lib/env';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { toLocale } from '@/lib/i18n/config';
import { type Candidate, findCandidates } from './notification-candidates-sql';
import { wishlistNotifications } from './schema';

/**
 * Wishlist mails: a wished edition is back in stock, released, or cheaper. Each event mails each
 * shopper who wished the product once per edition: the mail is written to the outbox in the same
 * transaction as a `wishlist_notifications` row whose unique key (user, edition, kind, marker) is the
 * event, and with a matching outbox dedupe key, so two instances running the job at once (or the job
 * and an admin restock) cannot both mail. Events:
 * - back_in_stock: an active physical edition has stock now, and its latest restock / return /
 *   cancel / expired movement that took it up from 0 came after the product was wished (marker: the
 *   movement id);
 * - released: a pre-order edition's release date has come, and it was still to come when the product
 *   was wished (marker: the date);
 * - cheaper: the lowest price of the product's editions on sale fell below both the price seen when
 *   it was wished (`price_seen_minor`) and every price already mailed about since (marker: the new
 *   price, on the cheapest edition). `price_seen_minor` itself stays the price when wished, so
 *   /account/wishlist can show the drop since then; a further drop mails again, the same price twice
 *   does not.
 * Events older than LOOKBACK_DAYS are not mailed (a store switching this on, or a job that was down
 * for weeks, does not mail about old news).
 */

const TEMPLATES = {
  back_in_stock: 'wishlistBackInStock',
  released: 'wishlistReleased',
  cheaper: 'wishlistCheaper',
} as const;

/**
 * Records one event for one shopper and writes its mail, inside `tx`. Returns false when it was
 * already recorded (by an earlier run, or a concurrent one that committed first: the insert waits
 * for it and then finds the key taken).
 */
async function notify(tx: Transaction, c: Candidate): Promise<boolean> {
  const inserted = await tx
    .insert(wishlistNotifications)
    .values({ userId: c.userId, editionId: c.editionId, kind: c.kind, marker: c.marker })
    .onConflictDoNothing()
    .returning({ id: wishlistNotifications.id });
  if (inserted.length === 0) return false;
  const common = {
    name: nameOrUsername(c.displayName, c.username),
    title: c.title,
    format: c.format,
    editionName: c.editionName,
    productUrl: `/products/${encodeURIComponent(c.slug)}`,
    priceMinor: Number(c.priceMinor),
    currency: env.STORE_CURRENCY,
  };
  const base = {
    to: c.email,
    locale: toLocale(c.locale),
    userId: c.userId,
    dedupeKey: `wishlist:${c.kind}:${c.userId}:${c.editionId}:${c.marker}`,
  };
  if (c.kind === 'released') {
    await enqueueMail(tx, { ...base, template: TEMPLATES.released, data: { ...common, releaseDate: c.releaseDate! } });
  } else if (c.kind === 'cheaper') {
    await enqueueMail(tx, {
      ...base,
      template: TEMPLATES.cheaper,
      data: { ...common, previousPriceMinor: Number(c.previousPriceMinor) },
    });
  } else {
    await enqueueMail(tx, { ...base, template: TEMPLATES.back_in_stock, data: common });
  }
  return true;
}

const describe = (c: Candidate) => `${c.kind} user ${c.userId} edition ${c.editionId} (${c.marker})`;

/**
 * The background job (every few minutes, on any number of instances): finds every wishlist event
 * not yet mailed and mails it, each in its own transaction, then starts delivery. One bad candidate
 * (e.g. an address the outbox refuses) is logged and skipped. Returns how many mails were written.
 */
export async function notifyWishlists(): Promise<{ mailed: number }> {
  const db = await getDb();
  let mailed = 0;
  for (const candidate of await findCandidates(db, null)) {
    try {
      if (await db.transaction((tx) => notify(tx, candidate))) mailed++;
    } catch (error) {
      console.error(`[wishlist] could not notify ${describe(candidate)}`, error);
    }
  }
  if (mailed > 0) sendMailSoon();
  return { mailed };
}

/**
 * The same for one edition, inside the caller's transaction, so that a change that makes an event
 * (an admin restock: call it from the restock transaction after its ledger row is written) mails at
 * once instead of at the next job run; the job would otherwise send it. Each shopper is handled in a
 * savepoint, so a refused address never rolls the caller's change back. Call `sendMailSoon()` (from
 * lib/mail/mutations) after the transaction commits. Returns how many mails were written.
 */
export async function notifyWishlistsForEdition(tx: Transaction, editionId: number): Promise<number> {
  let mailed = 0;
  for (const candidate of await findCandidates(tx, editionId)) {
    try {
      if (await tx.transaction((savepoint) => notify(savepoint, candidate))) mailed++;
    } catch (error) {
      console.error(`[wishlist] could not notify ${describe(candidate)}`, error);
    }
  }
  return mailed;
}
