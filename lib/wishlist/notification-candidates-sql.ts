import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import { sellableEdition } from '@/lib/catalog/listing-sql';

// Raw SQL: finding wishlist events (distinct-on over the ledger, a lateral cheapest edition, anti-joins
// on what was already mailed) is beyond the query builder. Each query returns Candidate rows, the
// one row type of this file; tests/integration/wishlist.test.ts reads them from a real database.

export type WishlistNotificationKind = 'back_in_stock' | 'released' | 'cheaper';

/** Events older than this many days are not mailed. */
export const LOOKBACK_DAYS = 7;
/** One event for one shopper, as the three queries below return it. */
export type Candidate = {
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

/** Each kind's query (of one edition, or of all with null), in its order of events; the limit is added by findCandidates. */
const EVENT_QUERIES: Record<WishlistNotificationKind, (editionId: number | null) => SQL> = {
  back_in_stock: (editionId) =>
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
      order by l.id, w.user_id`,
  released: (editionId) =>
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
      order by e.id, w.user_id`,
  cheaper: (editionId) =>
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
      order by c."editionId", c."userId"`,
};

/** Candidates handled per kind and run; the rest wait for the next run. */
const BATCH = 500;

/** Every event not mailed yet (of one edition, or of all with null). */
export async function findCandidates(db: Executor, editionId: number | null): Promise<Candidate[]> {
  // One after the other: a transaction (notifyWishlistsForEdition) runs one statement at a time.
  const found: Candidate[] = [];
  for (const kind of ['back_in_stock', 'released', 'cheaper'] as const) {
    found.push(...(await queryRows<Candidate>(db, sql`${EVENT_QUERIES[kind](editionId)} limit ${BATCH}`)));
  }
  return found;
}
