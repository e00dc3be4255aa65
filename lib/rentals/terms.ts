import { and, eq, gt, isNotNull, isNull, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { defaultLateFeePerDayMinor, rentalFeeMinor } from './amounts';
import { COPY_OUT_OF_SERVICE, rentalCopies, rentalTerms, rentalWaitlist } from './schema';

/**
 * An edition's rental terms for a period, in one place: the cart, checkout, reserving a copy and the
 * product page read the edition with {@link rentalTermsColumns} (editions left-joined with
 * rental_terms) and ask {@link rentalTermsFor}. The fee follows amounts.ts (one fee per shortest
 * period); the deposit is the override in rental_terms or else the sale price; the daily late fee the
 * override or else the shortest period's fee spread over its days.
 */

export type RentalTerms = { periodDays: number; feeMinor: number; depositMinor: number; lateFeePerDayMinor: number };

/** What {@link rentalTermsFor} needs of an edition: select it with {@link rentalTermsColumns}. */
export type RentalTermsSource = {
  priceMinor: number;
  rentalPriceMinor: number | null;
  depositOverrideMinor: number | null;
  lateFeeOverrideMinor: number | null;
};

/** The columns of {@link RentalTermsSource}, for a select from editions left-joined with rental_terms. */
export const rentalTermsColumns = {
  priceMinor: editions.priceMinor,
  rentalPriceMinor: editions.rentalPriceMinor,
  depositOverrideMinor: rentalTerms.depositMinor,
  lateFeeOverrideMinor: rentalTerms.lateFeePerDayMinor,
};

/** The terms of renting the edition for `periodDays` days, or null when it has no rental price or the period is not offered. */
export function rentalTermsFor(
  edition: RentalTermsSource,
  periodDays: number,
  periods: readonly number[],
): RentalTerms | null {
  const shortest = periods[0];
  const perPeriod = edition.rentalPriceMinor;
  if (perPeriod === null || shortest === undefined || !periods.includes(periodDays) || periodDays % shortest !== 0) {
    return null;
  }
  return {
    periodDays,
    feeMinor: rentalFeeMinor(perPeriod, periodDays, periods),
    depositMinor: edition.depositOverrideMinor ?? edition.priceMinor,
    lateFeePerDayMinor: edition.lateFeeOverrideMinor ?? defaultLateFeePerDayMinor(perPeriod, shortest),
  };
}

/** The `rental_copies` row in scope is in service: not retired, lost, damaged or sold (COPY_OUT_OF_SERVICE). */
export const copyIsInService = (): SQL => notInArray(rentalCopies.status, [...COPY_OUT_OF_SERVICE]);

/**
 * An edition that can be rented at `now` (the database's clock when not given), for a query that
 * joins editions with products: rentable, with a rental price, physical, active, of an active product
 * and inside its rights window.
 */
export function editionRentable(now?: Date): SQL {
  const at = now ?? sql`now()`;
  return and(
    eq(editions.rentable, true),
    isNotNull(editions.rentalPriceMinor),
    eq(editions.digital, false),
    eq(editions.status, 'active'),
    eq(products.status, 'active'),
    or(isNull(editions.availableFrom), lte(editions.availableFrom, at)),
    or(isNull(editions.availableUntil), gt(editions.availableUntil, at)),
  ) as SQL;
}

/**
 * The copies of the edition `editions` row in scope that are free to rent right now for the shopper
 * `userId` (null: a guest, or anyone who is not in line). While people wait for the edition
 * (lib/rentals/waitlist.ts), the copies on the shelf are theirs first: a newcomer may take only the
 * available copies beyond the number of people waiting (others than themselves); a shopper who holds
 * a live offer has exactly the copy held for them.
 */
export function freeCopies(userId: number | null = null, now?: Date): SQL<number> {
  const at = now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
  const available = sql`(select count(*) from ${rentalCopies}
    where ${rentalCopies.editionId} = ${editions.id} and ${rentalCopies.status} = 'available')`;
  const waiting = sql`(select count(*) from ${rentalWaitlist} w
    where w.edition_id = ${editions.id} and w.status = 'waiting'
    and ${userId === null ? sql`true` : sql`w.user_id <> ${userId}`})`;
  if (userId === null) return sql<number>`greatest(0, ${available} - ${waiting})::int`;
  return sql<number>`(case when exists (select 1 from ${rentalWaitlist} o
      where o.edition_id = ${editions.id} and o.user_id = ${userId} and o.status = 'offered'
      and o.offer_expires_at > ${at}) then 1
    else greatest(0, ${available} - ${waiting}) end)::int`;
}

/** The edition's terms source and its free copies (for `userId`: {@link freeCopies}), when it can be rented now; null otherwise. */
export async function rentableEdition(executor: Executor, editionId: number, now?: Date, userId: number | null = null) {
  const [row] = await executor
    .select({ ...rentalTermsColumns, freeCopies: freeCopies(userId, now) })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(rentalTerms, eq(rentalTerms.editionId, editions.id))
    .where(and(eq(editions.id, editionId), editionRentable(now)));
  return row ?? null;
}
