import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { type Executor, getDb, pick } from '@/db';
import { SECURE_COOKIES } from '@/lib/auth/cookies';
import { getCurrentUser } from '@/lib/auth/session';
import { coverUrl, editionAndProductSellable } from '@/lib/catalog/sellable';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { rentalTerms } from '@/lib/rentals/schema';
import { editionRentable, freeCopies, type RentalTerms, rentalTermsColumns, rentalTermsFor } from '@/lib/rentals/terms';
import { cartLines, carts } from './schema';

/**
 * Carts. Signed-in shoppers have one cart found by their user id; guests have a cart found by the
 * random id in an HttpOnly cookie. Every function here works on the cart of the current request
 * only: a cart id never comes from the client except through that cookie.
 */

export const CART_COOKIE = 'encore_cart';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: 'lax',
  secure: SECURE_COOKIES,
  path: '/',
  maxAge: 60 * 60 * 24 * 60,
} as const;

export type CartProblem = 'unavailable' | 'outOfStock' | 'notEnoughStock' | 'noCopyFree' | 'priceChanged';

/**
 * A cart line as the cart page shows it: the stored line with its edition's live facts. A rental
 * line's unit price and total are the fee for its period; `rental` has its terms (null when the
 * edition can no longer be rented: the line is `unavailable`).
 */
export type CartLineView = Omit<LineRow, RentalFacts> & {
  lineTotalMinor: number;
  rental: RentalTerms | null;
  problems: CartProblem[];
};
type RentalFacts = 'sellable' | 'rentable' | 'freeCopies' | keyof typeof rentalTermsColumns;
type LineRow = Awaited<ReturnType<typeof selectLines>>[number];

export type CartView = {
  id: string | null;
  lines: CartLineView[];
  itemCount: number;
  /** Purchases and rental fees. */
  subtotalMinor: number;
  /** The refundable deposits of the rental lines, paid at checkout besides the subtotal. */
  depositMinor: number;
  /** Lines that stop checkout until the shopper deals with them (price changes only warn). */
  blocking: boolean;
  maxQuantity: number;
};

function selectLines(executor: Executor, cartId: string) {
  return executor
    .select({
      ...pick(cartLines, 'id editionId quantity kind priceSeenMinor rentalPeriodDays'),
      ...pick(products, 'slug title'),
      format: editions.format,
      editionName: editions.name,
      unitPriceMinor: editions.priceMinor,
      ...rentalTermsColumns,
      rentable: sql<boolean>`${editionRentable()}`,
      freeCopies: freeCopies(),
      ...pick(editions, 'digital stock'),
      preorder: sql<boolean>`coalesce(${editions.releaseDate} > current_date, false)`,
      releaseDate: editions.releaseDate,
      sellable: sql<boolean>`${editionAndProductSellable()}`,
      coverUrl: coverUrl(),
    })
    .from(cartLines)
    .innerJoin(editions, eq(editions.id, cartLines.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(rentalTerms, eq(rentalTerms.editionId, editions.id))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(cartLines.id);
}

/** A row split into the line as shown and the live facts its problems come from. */
function split(row: LineRow) {
  const {
    sellable,
    rentable,
    freeCopies,
    priceMinor,
    rentalPriceMinor,
    depositOverrideMinor,
    lateFeeOverrideMinor,
    ...line
  } = row;
  const terms = { priceMinor, rentalPriceMinor, depositOverrideMinor, lateFeeOverrideMinor };
  return { line, sellable, rentable, freeCopies, terms };
}

/** A purchase line: its live price and stock. */
function purchaseLine({ line, sellable }: ReturnType<typeof split>): CartLineView {
  const problems: CartProblem[] = [];
  if (!sellable) problems.push('unavailable');
  else if (!line.digital && line.stock === 0) problems.push('outOfStock');
  else if (!line.digital && line.stock < line.quantity) problems.push('notEnoughStock');
  if (line.priceSeenMinor !== line.unitPriceMinor) problems.push('priceChanged');
  return { ...line, lineTotalMinor: line.unitPriceMinor * line.quantity, rental: null, problems };
}

/**
 * A rental line: the terms of its period today (lib/rentals/terms.ts), `unavailable` when the edition
 * can no longer be rented or the period is no longer offered, `noCopyFree` when every copy is taken,
 * `priceChanged` when the fee per period moved since the line was added (both prices shown as the
 * fee for the line's period).
 */
function rentalLine({ line, rentable, freeCopies, terms: source }: ReturnType<typeof split>): CartLineView {
  const terms = rentable ? rentalTermsFor(source, line.rentalPeriodDays ?? 0, env.RENTAL_PERIOD_DAYS) : null;
  const problems: CartProblem[] = [];
  if (!terms) problems.push('unavailable');
  else if (freeCopies === 0) problems.push('noCopyFree');
  if (terms && source.rentalPriceMinor !== line.priceSeenMinor) problems.push('priceChanged');
  const fee = terms?.feeMinor ?? 0;
  // What the shopper saw, as the fee for this period (the line stores the fee per period).
  const seen = terms
    ? rentalTermsFor({ ...source, rentalPriceMinor: line.priceSeenMinor }, terms.periodDays, env.RENTAL_PERIOD_DAYS)
    : null;
  const priceSeenMinor = seen?.feeMinor ?? fee;
  return { ...line, priceSeenMinor, unitPriceMinor: fee, lineTotalMinor: fee, rental: terms, problems };
}

/** The lines of a cart with their live price, stock and availability (rentals: terms and free copies). */
async function loadLines(executor: Executor, cartId: string): Promise<CartLineView[]> {
  const rows = await selectLines(executor, cartId);
  return rows.map((row) => (row.kind === 'rental' ? rentalLine(split(row)) : purchaseLine(split(row))));
}

export function summarize(id: string | null, lines: CartLineView[]): CartView {
  return {
    id,
    lines,
    itemCount: lines.reduce((n, line) => n + line.quantity, 0),
    subtotalMinor: lines.reduce((n, line) => n + line.lineTotalMinor, 0),
    depositMinor: lines.reduce((n, line) => n + (line.rental?.depositMinor ?? 0), 0),
    blocking: lines.some((line) => line.problems.some((p) => p !== 'priceChanged')),
    maxQuantity: env.CART_MAX_QUANTITY,
  };
}

/** The id of the current request's cart, or null when there is none yet. */
export async function currentCartId(): Promise<string | null> {
  const db = await getDb();
  const user = await getCurrentUser();
  if (user) {
    const [row] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, user.id));
    return row?.id ?? null;
  }
  const cookieId = (await cookies()).get(CART_COOKIE)?.value;
  if (!cookieId || !UUID.test(cookieId)) return null;
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.id, cookieId), isNull(carts.userId)));
  return row?.id ?? null;
}

/** The current cart with live prices, stock and problems; an empty view when there is no cart. */
export async function getCurrentCart(): Promise<CartView> {
  const id = await currentCartId();
  if (!id) return summarize(null, []);
  return summarize(id, await loadLines(await getDb(), id));
}

export async function getCartById(executor: Executor, cartId: string): Promise<CartView> {
  return summarize(cartId, await loadLines(executor, cartId));
}
