import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { type Executor, pick, type Transaction } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { orderLines } from '@/lib/orders/schema';
import { reserveCopyIn } from '@/lib/rentals/desk';
import { rentalTerms } from '@/lib/rentals/schema';
import { editionRentable, type RentalTerms, rentalTermsColumns, rentalTermsFor } from '@/lib/rentals/terms';
import { CheckoutAbort } from './order-lines';

/**
 * The rental lines of placeOrder's transaction (./place-order.ts): read each rented edition and its
 * terms for the chosen period as they are now (lib/rentals/terms.ts), then — after the order row —
 * write each rental's order line and reserve a free copy for it (reserveCopyIn, in the same
 * transaction). No free copy, or terms that moved between the two reads, aborts the whole checkout.
 */

export type RentalRequest = { editionId: number; periodDays: number };

/** The rented editions as they are now, with the terms of their period; aborts with `cartChanged` when one cannot be rented. */
export async function readRentalLines(tx: Executor, requests: readonly RentalRequest[], now: Date) {
  if (requests.length === 0) return [];
  const rows = await tx
    .select({
      id: editions.id,
      ...pick(editions, 'format'),
      editionName: editions.name,
      ...pick(products, 'title slug'),
      ...rentalTermsColumns,
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(rentalTerms, eq(rentalTerms.editionId, editions.id))
    .where(
      and(
        inArray(
          editions.id,
          requests.map((r) => r.editionId),
        ),
        editionRentable(now),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return [...requests]
    .sort((a, b) => a.editionId - b.editionId)
    .map((request) => {
      const edition = byId.get(request.editionId);
      const terms = edition ? rentalTermsFor(edition, request.periodDays, env.RENTAL_PERIOD_DAYS) : null;
      if (!edition || !terms) throw new CheckoutAbort('cartChanged');
      return { edition, terms };
    });
}

export type RentalLine = Awaited<ReturnType<typeof readRentalLines>>[number];

/** The sum of the rentals' deposits (the order's `deposit_minor`). */
export const depositOf = (rentals: readonly RentalLine[]) => rentals.reduce((sum, r) => sum + r.terms.depositMinor, 0);

const sameTerms = (a: RentalTerms, b: Pick<RentalTerms, 'feeMinor' | 'depositMinor' | 'lateFeePerDayMinor'>) =>
  a.feeMinor === b.feeMinor && a.depositMinor === b.depositMinor && a.lateFeePerDayMinor === b.lateFeePerDayMinor;

/**
 * Each rental's order line (the fee for its period, quantity 1, the deposit beside it), then a free
 * copy reserved for it with the order and line named on the rental. Aborts with `noCopyFree` when
 * every copy of an edition is taken (or held by a checkout running now), `cartChanged` when the
 * edition's terms changed since they were read.
 */
export async function reserveRentalLines(
  tx: Transaction,
  order: { id: number; userId: number | null },
  rentals: readonly RentalLine[],
  now: Date,
): Promise<void> {
  for (const { edition, terms } of rentals) {
    const [line] = await tx
      .insert(orderLines)
      .values({
        orderId: order.id,
        editionId: edition.id,
        kind: 'rental',
        productSlug: edition.slug,
        title: edition.title,
        format: edition.format,
        editionName: edition.editionName,
        digital: false,
        unitPriceMinor: terms.feeMinor,
        quantity: 1,
        lineTotalMinor: terms.feeMinor,
        rentalPeriodDays: terms.periodDays,
        rentalDepositMinor: terms.depositMinor,
      })
      .returning({ id: orderLines.id });
    const reserved = await reserveCopyIn(tx, {
      editionId: edition.id,
      userId: order.userId,
      periodDays: terms.periodDays,
      now,
      orderId: order.id,
      orderLineId: line?.id ?? null,
    });
    if (!reserved.ok) throw new CheckoutAbort(reserved.error === 'no_copy_free' ? 'noCopyFree' : 'cartChanged');
    if (!sameTerms(terms, reserved.rental)) throw new CheckoutAbort('cartChanged');
  }
}
