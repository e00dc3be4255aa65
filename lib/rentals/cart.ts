import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import { ensureCurrentCart, touch } from '@/lib/cart/mutations';
import {
  type CartLineRow,
  type CartLineView,
  type CartProblem,
  type CartView,
  currentCartId,
  purchaseLine,
  selectCartLines,
  summarize,
} from '@/lib/cart/queries';
import { cartLines, carts } from '@/lib/cart/schema';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { rentalTerms } from './schema';
import { editionRentable, freeCopies, rentableEdition, rentalTermsColumns, rentalTermsFor } from './terms';

/**
 * Rentals in the cart. The cart (lib/cart) stores a rental line like any other (kind `rental`, one
 * copy, its period); the terms of renting live here, a tier above it, so the whole cart view — every
 * line priced, rentals with their terms, free copies and problems — is read through this module.
 */

export type RentalCartChange =
  { ok: true } | { ok: false; error: 'editionUnavailable' | 'periodNotOffered' | 'noCopyFree' };

/**
 * Puts a rental of the edition for `periodDays` days (one of RENTAL_PERIOD_DAYS) in the current
 * cart: one rental line per edition, quantity 1; adding it again changes the period. Refused for an
 * edition that cannot be rented now (draft, archived, digital, not rentable, no rental price) and
 * when no copy is free at this moment (checkout reserves the copy; it may still be gone by then).
 */
export async function addRentalToCart(
  editionId: number,
  periodDays: number,
  userId: number | null = null,
): Promise<RentalCartChange> {
  if (!env.RENTAL_PERIOD_DAYS.includes(periodDays)) return { ok: false, error: 'periodNotOffered' };
  const db = await getDb();
  // Free for this shopper: a copy held for them by the waitlist counts, copies kept for the line do not.
  const edition = await rentableEdition(db, editionId, undefined, userId);
  if (edition?.rentalPriceMinor == null) return { ok: false, error: 'editionUnavailable' };
  if (edition.freeCopies === 0) return { ok: false, error: 'noCopyFree' };
  const cartId = await ensureCurrentCart();
  // The price seen on a rental line is the fee per period (the cart flags a change of it).
  await db
    .insert(cartLines)
    .values({
      cartId,
      editionId,
      kind: 'rental',
      quantity: 1,
      priceSeenMinor: edition.rentalPriceMinor,
      rentalPeriodDays: periodDays,
    })
    .onConflictDoUpdate({
      target: [cartLines.cartId, cartLines.editionId, cartLines.kind],
      set: { rentalPeriodDays: sql`excluded.rental_period_days`, priceSeenMinor: sql`excluded.price_seen_minor` },
    });
  await touch(cartId);
  return { ok: true };
}

/** The rented editions' terms sources, whether they can be rented now, and their free copies. */
async function rentalFacts(executor: Executor, editionIds: number[], userId: number | null) {
  if (editionIds.length === 0) return new Map();
  const rows = await executor
    .select({
      id: editions.id,
      ...rentalTermsColumns,
      rentable: sql<boolean>`${editionRentable()}`,
      freeCopies: freeCopies(userId),
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(rentalTerms, eq(rentalTerms.editionId, editions.id))
    .where(inArray(editions.id, editionIds));
  return new Map(rows.map((row) => [row.id, row]));
}

type RentalFacts = Awaited<ReturnType<typeof rentalFacts>> extends Map<number, infer F> ? F : never;

/**
 * A rental line: the terms of its period today (./terms.ts), `unavailable` when the edition can no
 * longer be rented or the period is no longer offered, `noCopyFree` when every copy is taken,
 * `priceChanged` when the fee per period moved since the line was added (both prices shown as the fee
 * for the line's period).
 */
function rentalLine({ sellable: _sellable, ...line }: CartLineRow, facts: RentalFacts | undefined): CartLineView {
  const periods = env.RENTAL_PERIOD_DAYS;
  const terms = facts?.rentable ? rentalTermsFor(facts, line.rentalPeriodDays ?? 0, periods) : null;
  const problems: CartProblem[] = [];
  if (!terms || !facts) problems.push('unavailable');
  else if (facts.freeCopies === 0) problems.push('noCopyFree');
  if (terms && facts?.rentalPriceMinor !== line.priceSeenMinor) problems.push('priceChanged');
  const fee = terms?.feeMinor ?? 0;
  // What the shopper saw, as the fee for this period (the line stores the fee per period).
  const seen =
    terms && facts
      ? rentalTermsFor({ ...facts, rentalPriceMinor: line.priceSeenMinor }, terms.periodDays, periods)
      : null;
  return {
    ...line,
    priceSeenMinor: seen?.feeMinor ?? fee,
    unitPriceMinor: fee,
    lineTotalMinor: fee,
    rental: terms,
    problems,
  };
}

/** A cart's view: purchase lines with their live price and stock, rental lines with their terms and free copies. */
export async function getCartById(executor: Executor, cartId: string): Promise<CartView> {
  const rows = await selectCartLines(executor, cartId);
  const rented = rows.filter((row) => row.kind === 'rental').map((row) => row.editionId);
  // The cart's shopper: a copy the waitlist holds for them is free for their rental line.
  const [owner] =
    rented.length > 0 ? await executor.select({ userId: carts.userId }).from(carts).where(eq(carts.id, cartId)) : [];
  const facts = await rentalFacts(executor, rented, owner?.userId ?? null);
  return summarize(
    cartId,
    rows.map((row) => (row.kind === 'rental' ? rentalLine(row, facts.get(row.editionId)) : purchaseLine(row))),
  );
}

/** The current request's cart (lib/cart/queries.ts `currentCartId`); an empty view when there is none. */
export async function getCurrentCart(): Promise<CartView> {
  const id = await currentCartId();
  if (!id) return summarize(null, []);
  return getCartById(await getDb(), id);
}
