import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { type Executor, getDb, pick } from '@/db';
import { SECURE_COOKIES } from '@/lib/auth/cookies';
import { getCurrentUser } from '@/lib/auth/session';
import { coverUrl, editionAndProductSellable } from '@/lib/catalog/sellable';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
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

/** A rental line's terms for its period (lib/rentals/terms.ts works them out). */
export type CartRentalTerms = {
  periodDays: number;
  feeMinor: number;
  depositMinor: number;
  lateFeePerDayMinor: number;
};

/**
 * A cart line as the cart page shows it: the stored line with its edition's live facts. A rental
 * line's unit price and total are the fee for its period; `rental` has its terms (null when the
 * edition can no longer be rented: the line is `unavailable`).
 */
export type CartLineView = Omit<CartLineRow, 'sellable'> & {
  lineTotalMinor: number;
  rental: CartRentalTerms | null;
  problems: CartProblem[];
};
/** A cart line as stored, with its edition's live sale facts (`sellable`: on sale as a purchase now). */
export type CartLineRow = Awaited<ReturnType<typeof selectCartLines>>[number];

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

/**
 * The lines of a cart with their editions' live price, stock and availability, in the order they were
 * added. The whole view, rentals priced too, is lib/rentals/cart.ts's (`getCurrentCart`): the rental
 * terms live a tier above the cart.
 */
export function selectCartLines(executor: Executor, cartId: string) {
  return executor
    .select({
      ...pick(cartLines, 'id editionId quantity kind priceSeenMinor rentalPeriodDays'),
      ...pick(products, 'slug title'),
      format: editions.format,
      editionName: editions.name,
      unitPriceMinor: editions.priceMinor,
      ...pick(editions, 'digital stock'),
      preorder: sql<boolean>`coalesce(${editions.releaseDate} > current_date, false)`,
      releaseDate: editions.releaseDate,
      sellable: sql<boolean>`${editionAndProductSellable()}`,
      coverUrl: coverUrl(),
    })
    .from(cartLines)
    .innerJoin(editions, eq(editions.id, cartLines.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(cartLines.id);
}

/** A purchase line: its live price and stock. */
export function purchaseLine({ sellable, ...line }: CartLineRow): CartLineView {
  const problems: CartProblem[] = [];
  if (!sellable) problems.push('unavailable');
  else if (!line.digital && line.stock === 0) problems.push('outOfStock');
  else if (!line.digital && line.stock < line.quantity) problems.push('notEnoughStock');
  if (line.priceSeenMinor !== line.unitPriceMinor) problems.push('priceChanged');
  return { ...line, lineTotalMinor: line.unitPriceMinor * line.quantity, rental: null, problems };
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
