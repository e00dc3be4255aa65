import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows, type Transaction } from '@/db';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { sellableEdition } from '@/lib/catalog/listing-sql';
import { env } from '@/lib/env';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { toLocale } from '@/lib/i18n/config';

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

export type WishlistNotificationKind = 'back_in_stock' | 'released' | 'cheaper';

export const LOOKBACK_DAYS = 7;
/** Candidates handled per kind and run; the rest wait for the next run. */
const BATCH = 500;

type Candidate = {
  kind: WishlistNotificationKind;
  userId: number;
  email: string;
  /** Stored (encrypted) display name and username: `name` is chosen from them after decryption. */
  displayName: string | null;
  username: string;
  locale: string | null;
  editionId: number;
  marker: string;
  title: string;
  slug: string;
  format: string;
  editionName: string | null;
  priceMinor: number;
  releaseDate: string | null;
  previousPriceMinor: number | null;
};

/** Shoppers who can be mailed, their wished products that are on sale, and those products' editions. */
const recipients = sql`join users u on u.id = w.user_id and u.deleted_at is null and u.disabled_at is null
    and u.email is not null
  join products p on p.id = w.product_id and p.status = 'active'`;

const candidateColumns = sql`w.user_id as "userId", u.email, u.display_name as "displayName", u.username,
  u.preferred_locale as locale, e.id as "editionId", p.title, p.slug, e.format::text as format,
  e.name as "editionName", e.price_minor as "priceMinor"`;

const notMailed = (kind: WishlistNotificationKind, marker: SQL) => sql`not exists (
  select 1 from wishlist_notifications n
  where n.user_id = w.user_id and n.edition_id = e.id and n.kind = ${kind} and n.marker = ${marker})`;

const onlyEdition = (editionId: number | null, column: SQL) =>
  editionId === null ? sql`true` : sql`${column} = ${editionId}`;

function backInStock(db: Executor, editionId: number | null): Promise<Candidate[]> {
  return queryRows<Candidate>(
    db,
    sql`with latest as (
        select distinct on (m.edition_id) m.edition_id, m.id, m.created_at
        from stock_movements m
        where m.reason in ('restock', 'return', 'cancel', 'expired') and m.delta > 0
          and m.created_at > now() - make_interval(days => ${LOOKBACK_DAYS})
          and ${onlyEdition(editionId, sql`m.edition_id`)}
          and coalesce((select sum(b.delta) from stock_movements b where b.edition_id = m.edition_id and b.id < m.id), 0) = 0
        order by m.edition_id, m.id desc
      )
      select 'back_in_stock' as kind, ${candidateColumns}, l.id::text as marker,
        null::text as "releaseDate", null::int as "previousPriceMinor"
      from latest l
      join editions e on e.id = l.edition_id and ${sellableEdition} and not e.digital and e.stock > 0
      join wishlist_items w on w.product_id = e.product_id and w.created_at < l.created_at
      ${recipients}
      where ${notMailed('back_in_stock', sql`l.id::text`)}
      order by l.id, w.user_id
      limit ${BATCH}`,
  );
}

function released(db: Executor, editionId: number | null): Promise<Candidate[]> {
  return queryRows<Candidate>(
    db,
    sql`select 'released' as kind, ${candidateColumns}, e.release_date::text as marker,
        e.release_date::text as "releaseDate", null::int as "previousPriceMinor"
      from editions e
      join wishlist_items w on w.product_id = e.product_id
      ${recipients}
      where ${sellableEdition} and ${onlyEdition(editionId, sql`e.id`)}
        and e.release_date <= current_date
        and e.release_date > current_date - ${LOOKBACK_DAYS}::int
        and e.release_date > (w.created_at at time zone 'UTC')::date
        and ${notMailed('released', sql`e.release_date::text`)}
      order by e.id, w.user_id
      limit ${BATCH}`,
  );
}

function cheaper(db: Executor, editionId: number | null): Promise<Candidate[]> {
  return queryRows<Candidate>(
    db,
    sql`select * from (
        select 'cheaper' as kind, ${candidateColumns}, e.price_minor::text as marker, null::text as "releaseDate",
          least(w.price_seen_minor, (
            select min(n.marker::int) from wishlist_notifications n join editions e2 on e2.id = n.edition_id
            where n.user_id = w.user_id and n.kind = 'cheaper' and e2.product_id = w.product_id
              and n.created_at >= w.created_at)) as "previousPriceMinor"
        from wishlist_items w
        ${recipients}
        join lateral (
          select e.* from editions e where e.product_id = w.product_id and ${sellableEdition}
          order by e.price_minor, e.id limit 1
        ) e on true
        where w.price_seen_minor is not null and ${onlyEdition(editionId, sql`e.id`)}
      ) c
      where c."priceMinor" < c."previousPriceMinor"
      order by c."editionId", c."userId"
      limit ${BATCH}`,
  );
}

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
  const inserted = await queryRows<{ id: number }>(
    tx,
    sql`insert into wishlist_notifications (user_id, edition_id, kind, marker)
      values (${c.userId}, ${c.editionId}, ${c.kind}, ${c.marker})
      on conflict do nothing returning id`,
  );
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

async function findCandidates(db: Executor, editionId: number | null): Promise<Candidate[]> {
  // One after the other: a transaction (notifyWishlistsForEdition) runs one statement at a time.
  return [...(await backInStock(db, editionId)), ...(await released(db, editionId)), ...(await cheaper(db, editionId))];
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
