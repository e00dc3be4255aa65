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

export type CartProblem = 'unavailable' | 'outOfStock' | 'notEnoughStock' | 'priceChanged';

/** A cart line as the cart page shows it: the stored line with its edition's live facts. */
export type CartLineView = Omit<LineRow, 'sellable'> & { lineTotalMinor: number; problems: CartProblem[] };
type LineRow = Awaited<ReturnType<typeof selectLines>>[number];

export type CartView = {
  id: string | null;
  lines: CartLineView[];
  itemCount: number;
  subtotalMinor: number;
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

/** The lines of a cart with their live price, stock and availability. */
async function loadLines(executor: Executor, cartId: string): Promise<CartLineView[]> {
  const rows = await selectLines(executor, cartId);
  return rows.map(({ sellable, ...row }) => {
    const problems: CartProblem[] = [];
    if (!sellable) problems.push('unavailable');
    else if (!row.digital && row.stock === 0) problems.push('outOfStock');
    else if (!row.digital && row.stock < row.quantity) problems.push('notEnoughStock');
    if (row.priceSeenMinor !== row.unitPriceMinor) problems.push('priceChanged');
    return { ...row, lineTotalMinor: row.unitPriceMinor * row.quantity, problems };
  });
}

export function summarize(id: string | null, lines: CartLineView[]): CartView {
  return {
    id,
    lines,
    itemCount: lines.reduce((n, line) => n + line.quantity, 0),
    subtotalMinor: lines.reduce((n, line) => n + line.lineTotalMinor, 0),
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
