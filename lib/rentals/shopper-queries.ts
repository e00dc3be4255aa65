import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, pick } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';
import { editions, products } from '@/lib/catalog/schema';
import { isSlug } from '@/lib/catalog/slug';
import { CATALOG_TAG, productTag } from '@/lib/catalog/tags';
import { env } from '@/lib/env';
import { orders } from '@/lib/orders/schema';
import { daysLate, dueDate, lateFeeMinor } from './amounts';
import { daysBetween, localDate } from './local-days';
import { rentalCopies, type RentalStatus, rentals, rentalTerms, rentalWaitlist } from './schema';
import { copyIsInService, editionRentable, freeCopies, rentalTermsColumns, rentalTermsFor } from './terms';

/**
 * What a shopper sees of renting: the rental offer of a product's editions (product page, its
 * availability island) and their own rentals (/account/rentals). Reads only; the cart, checkout and
 * the desk change rentals.
 */

export type RentalPeriodOffer = { days: number; feeMinor: number };

export type RentalOffer = {
  editionId: number;
  /** Every offered period (RENTAL_PERIOD_DAYS) with its fee, shortest first. */
  periods: RentalPeriodOffer[];
  /** Refunded at check-in, less late fees: rental_terms' deposit, else the sale price. */
  depositMinor: number;
  lateFeePerDayMinor: number;
  /** Copies free for a newcomer right now: available, beyond the people in the waitlist (terms.ts freeCopies). */
  freeCopies: number;
  /** People waiting in the edition's line (not yet offered a copy). */
  waiting: number;
  /** Copies not retired, lost, damaged or sold: on the shelf, held, out or being checked. */
  copiesInService: number;
};

/**
 * At least one copy of the `editions` row in scope is in service (it may be out with another shopper). With terms.ts's editionRentable, the rule of "rentable now" the
 * raw-SQL listings spell as `availabilitySql.rentable` (lib/catalog/listing-sql.ts).
 */
export function copyInService(): SQL {
  return sql`exists (select 1 from ${rentalCopies} where ${rentalCopies.editionId} = ${editions.id}
    and ${copyIsInService()})`;
}

/**
 * The rental offers of a product's editions that can be rented now (terms.ts's editionRentable and
 * a copy in service), in edition id order, with the terms of each period from terms.ts. Per
 * request: `freeCopies` changes with every reservation.
 */
export async function getRentalOffers(
  slug: string,
  periods: readonly number[] = env.RENTAL_PERIOD_DAYS,
): Promise<RentalOffer[]> {
  if (typeof slug !== 'string' || !isSlug(slug)) return [];
  const db = await getDb();
  const rows = await db
    .select({
      id: editions.id,
      ...rentalTermsColumns,
      freeCopies: freeCopies(),
      waiting: sql<number>`(select count(*)::int from ${rentalWaitlist} w
        where w.edition_id = ${editions.id} and w.status = 'waiting')`,
      copiesInService: sql<number>`(select count(*)::int from ${rentalCopies}
        where ${rentalCopies.editionId} = ${editions.id} and ${copyIsInService()})`,
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(rentalTerms, eq(rentalTerms.editionId, editions.id))
    .where(and(eq(products.slug, slug), editionRentable(), copyInService()))
    .orderBy(editions.id);
  return rows.flatMap((row) => {
    const terms = periods.map((days) => rentalTermsFor(row, days, periods));
    const [shortest] = terms;
    if (!shortest || terms.some((term) => term === null)) return [];
    return [
      {
        editionId: row.id,
        periods: terms.flatMap((term) => (term ? [{ days: term.periodDays, feeMinor: term.feeMinor }] : [])),
        depositMinor: shortest.depositMinor,
        lateFeePerDayMinor: shortest.lateFeePerDayMinor,
        freeCopies: row.freeCopies,
        waiting: row.waiting,
        copiesInService: row.copiesInService,
      },
    ];
  });
}

/**
 * The product page's offers, cached with the page's product (its tag is invalidated by catalog
 * edits): everything but the free copies, which the page's availability island reads per request.
 */
export async function getCachedRentalTerms(
  slug: string,
): Promise<Omit<RentalOffer, 'freeCopies' | 'waiting' | 'copiesInService'>[]> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG, productTag(slug));
  const offers = await getRentalOffers(slug);
  return offers.map(({ freeCopies: _free, waiting: _waiting, copiesInService: _copies, ...offer }) => offer);
}

export type ShopperRental = {
  id: number;
  status: RentalStatus;
  productTitle: string;
  productSlug: string;
  format: (typeof editions.$inferSelect)['format'];
  editionName: string | null;
  orderNumber: string | null;
  orderStatus: (typeof orders.$inferSelect)['status'] | null;
  periodDays: number;
  feeMinor: number;
  depositMinor: number;
  lateFeePerDayMinor: number;
  dueAt: Date | null;
  returnedAt: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lateFeeChargedMinor: number | null;
  damageChargeMinor: number | null;
  depositRefundMinor: number | null;
  createdAt: Date;
  /** Kept (bought out, or converted at the late-fee cap: no buy-out price) or lost, and when. */
  keptAt: Date | null;
  buyOutPriceMinor: number | null;
  lostAt: Date | null;
  /** The edition's sale price now: what "Keep it" starts from (lib/rentals/keep-quote.ts). */
  salePriceMinor: number;
  /** The last order asked to pay a buy-out's shortfall, if any: its number, status and amount. */
  buyOutOrderNumber: string | null;
  buyOutOrderStatus: (typeof orders.$inferSelect)['status'] | null;
  buyOutOrderTotalMinor: number | null;
};

const buyOutOrders = alias(orders, 'buy_out_orders');

/** The signed-in shopper's rentals, newest first: only theirs, whatever else is asked. */
export async function listRentalsForUser(user: SessionUser, limit = 100): Promise<ShopperRental[]> {
  const db = await getDb();
  return db
    .select({
      ...pick(
        rentals,
        'id status periodDays feeMinor depositMinor lateFeePerDayMinor dueAt returnedAt carrier trackingNumber trackingUrl',
      ),
      ...pick(rentals, 'lateFeeChargedMinor damageChargeMinor depositRefundMinor createdAt'),
      ...pick(rentals, 'keptAt buyOutPriceMinor lostAt'),
      salePriceMinor: editions.priceMinor,
      buyOutOrderNumber: buyOutOrders.number,
      buyOutOrderStatus: buyOutOrders.status,
      buyOutOrderTotalMinor: buyOutOrders.totalMinor,
      productTitle: products.title,
      productSlug: products.slug,
      format: editions.format,
      editionName: editions.name,
      orderNumber: orders.number,
      orderStatus: orders.status,
    })
    .from(rentals)
    .innerJoin(editions, eq(editions.id, rentals.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(orders, eq(orders.id, rentals.orderId))
    .leftJoin(buyOutOrders, eq(buyOutOrders.id, rentals.buyOutOrderId))
    .where(eq(rentals.userId, user.id))
    .orderBy(desc(rentals.createdAt), desc(rentals.id))
    .limit(limit);
}

export type RentalState =
  | { kind: 'awaitingPayment' }
  | { kind: 'awaitingDispatch' }
  | { kind: 'out'; dueDate: string; daysLeft: number }
  | { kind: 'overdue'; dueDate: string; daysLate: number; lateFeeMinor: number }
  | { kind: 'returned'; lateFeeMinor: number; damageChargeMinor: number; refundMinor: number }
  | { kind: 'cancelled' }
  | {
      kind: 'kept';
      keptAt: Date;
      /** Null when it converted by itself at the late-fee cap (the whole deposit kept). */
      buyOutPriceMinor: number | null;
      /** What the price took from the deposit (the rest of the price, if any, was paid as a shortfall). */
      fromDepositMinor: number;
      lateFeeMinor: number;
      refundMinor: number;
    }
  | { kind: 'lost'; lostAt: Date; lateFeeMinor: number; chargeMinor: number; refundMinor: number };

/**
 * Where a rental stands at `now`, in the shop's local days: due dates as `YYYY-MM-DD`, the days
 * left (0 on the due date), the days late and the late fee so far (capped at the deposit).
 */
export function rentalState(rental: ShopperRental, now: Date, timeZone: string = env.SHOP_TIME_ZONE): RentalState {
  if (rental.status === 'cancelled') return { kind: 'cancelled' };
  if (rental.status === 'returned') {
    return {
      kind: 'returned',
      lateFeeMinor: rental.lateFeeChargedMinor ?? 0,
      damageChargeMinor: rental.damageChargeMinor ?? 0,
      refundMinor: rental.depositRefundMinor ?? 0,
    };
  }
  if (rental.status === 'kept' && rental.keptAt) {
    return {
      kind: 'kept',
      keptAt: rental.keptAt,
      buyOutPriceMinor: rental.buyOutPriceMinor,
      fromDepositMinor: Math.max(
        0,
        rental.depositMinor - (rental.lateFeeChargedMinor ?? 0) - (rental.depositRefundMinor ?? 0),
      ),
      lateFeeMinor: rental.lateFeeChargedMinor ?? 0,
      refundMinor: rental.depositRefundMinor ?? 0,
    };
  }
  if (rental.status === 'lost' && rental.lostAt) {
    return {
      kind: 'lost',
      lostAt: rental.lostAt,
      lateFeeMinor: rental.lateFeeChargedMinor ?? 0,
      chargeMinor: rental.damageChargeMinor ?? 0,
      refundMinor: rental.depositRefundMinor ?? 0,
    };
  }
  if (rental.status !== 'out' || !rental.dueAt) {
    return { kind: rental.orderStatus === 'pending_payment' ? 'awaitingPayment' : 'awaitingDispatch' };
  }
  const due = dueDate(rental.dueAt, timeZone);
  const late = daysLate(rental.dueAt, now, timeZone);
  if (late === 0) return { kind: 'out', dueDate: due, daysLeft: daysBetween(localDate(now, timeZone), due) };
  return {
    kind: 'overdue',
    dueDate: due,
    daysLate: late,
    lateFeeMinor: lateFeeMinor(late, rental.lateFeePerDayMinor, rental.depositMinor),
  };
}
