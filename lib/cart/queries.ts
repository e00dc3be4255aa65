import 'server-only';
import { sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { type Executor, getDb, queryRows } from '@/db';
import { SECURE_COOKIES } from '@/lib/auth/cookies';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';

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

export type CartLineView = {
  id: number;
  editionId: number;
  quantity: number;
  slug: string;
  title: string;
  format: string;
  editionName: string | null;
  kind: string;
  coverUrl: string | null;
  unitPriceMinor: number;
  priceSeenMinor: number;
  lineTotalMinor: number;
  digital: boolean;
  stock: number;
  preorder: boolean;
  releaseDate: string | null;
  problems: CartProblem[];
};

export type CartView = {
  id: string | null;
  lines: CartLineView[];
  itemCount: number;
  subtotalMinor: number;
  /** Lines that stop checkout until the shopper deals with them (price changes only warn). */
  blocking: boolean;
  maxQuantity: number;
};

type LineRow = Omit<CartLineView, 'problems' | 'lineTotalMinor'> & { sellable: boolean };

/** The lines of a cart with their live price, stock and availability. */
async function loadLines(executor: Executor, cartId: string): Promise<CartLineView[]> {
  const rows = await queryRows<LineRow>(
    executor,
    sql`select cl.id, cl.edition_id as "editionId", cl.quantity, cl.kind, cl.price_seen_minor as "priceSeenMinor",
        p.slug, p.title, e.format, e.name as "editionName", e.price_minor as "unitPriceMinor", e.digital, e.stock,
        coalesce(e.release_date > current_date, false) as preorder, e.release_date::text as "releaseDate",
        (e.status = 'active' and p.status = 'active'
          and (e.available_from is null or e.available_from <= now())
          and (e.available_until is null or e.available_until > now())) as sellable,
        (select m.url from media m where m.product_id = p.id and m.kind = 'cover' order by m.sort_order limit 1) as "coverUrl"
      from cart_lines cl join editions e on e.id = cl.edition_id join products p on p.id = e.product_id
      where cl.cart_id = ${cartId}
      order by cl.id`,
  );
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
    const [row] = await queryRows<{ id: string }>(db, sql`select id from carts where user_id = ${user.id}`);
    return row?.id ?? null;
  }
  const cookieId = (await cookies()).get(CART_COOKIE)?.value;
  if (!cookieId || !UUID.test(cookieId)) return null;
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from carts where id = ${cookieId} and user_id is null`,
  );
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
