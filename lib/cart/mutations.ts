import 'server-only';
import { and, inArray, isNull, lt, sql } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { getDb, queryRows } from '@/db';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { CART_COOKIE, COOKIE_OPTIONS, currentCartId, UUID } from './queries';
import { carts } from './schema';

/** The current cart, created (and for guests, remembered in the cookie) when it does not exist yet. */
export async function ensureCurrentCart(): Promise<string> {
  const existing = await currentCartId();
  if (existing) return existing;
  const db = await getDb();
  const user = await getCurrentUser();
  if (user) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into carts (user_id) values (${user.id})
        on conflict (user_id) do update set updated_at = now() returning id`,
    );
    return row.id;
  }
  const [row] = await queryRows<{ id: string }>(db, sql`insert into carts default values returning id`);
  (await cookies()).set(CART_COOKIE, row.id, COOKIE_OPTIONS);
  return row.id;
}

export type CartChange =
  | { ok: true; quantity: number; capped: boolean }
  | { ok: false; error: 'editionUnavailable' | 'outOfStock' | 'lineNotFound' };

/**
 * Adds an edition to the current cart (or raises its quantity), capped by the line limit and the
 * stock; a digital edition is one copy. Only active, sellable editions of active products.
 */
export async function addToCart(editionId: number, quantity: number): Promise<CartChange> {
  const db = await getDb();
  const [edition] = await queryRows<{ price: number; stock: number; digital: boolean }>(
    db,
    sql`select e.price_minor as price, e.stock, e.digital from editions e join products p on p.id = e.product_id
      where e.id = ${editionId} and e.status = 'active' and p.status = 'active'
        and (e.available_from is null or e.available_from <= now())
        and (e.available_until is null or e.available_until > now())`,
  );
  if (!edition) return { ok: false, error: 'editionUnavailable' };
  if (!edition.digital && edition.stock === 0) return { ok: false, error: 'outOfStock' };
  const cartId = await ensureCurrentCart();
  const limit = edition.digital ? 1 : Math.min(env.CART_MAX_QUANTITY, edition.stock);
  const [line] = await queryRows<{ quantity: number; wanted: number }>(
    db,
    sql`with previous as (
        select quantity from cart_lines where cart_id = ${cartId}::uuid and edition_id = ${editionId}::int and kind = 'purchase'
      )
      insert into cart_lines (cart_id, edition_id, quantity, price_seen_minor)
      values (${cartId}::uuid, ${editionId}::int, least(${quantity}::int, ${limit}::int), ${edition.price}::int)
      on conflict (cart_id, edition_id, kind) do update
        set quantity = least(cart_lines.quantity + ${quantity}::int, ${limit}::int), price_seen_minor = excluded.price_seen_minor
      returning quantity, coalesce((select quantity from previous), 0) + ${quantity}::int as wanted`,
  );
  await touch(cartId);
  return { ok: true, quantity: line.quantity, capped: line.quantity < line.wanted };
}

/** Sets a line's quantity (capped by stock and the limit). Only lines of the current cart. */
export async function setCartLineQuantity(lineId: number, quantity: number): Promise<CartChange> {
  const cartId = await currentCartId();
  if (!cartId) return { ok: false, error: 'lineNotFound' };
  const db = await getDb();
  const [line] = await queryRows<{ quantity: number }>(
    db,
    sql`update cart_lines cl set quantity = least(${quantity}::int, case when e.digital then 1 else greatest(e.stock, 1) end, ${env.CART_MAX_QUANTITY}::int),
        price_seen_minor = e.price_minor
      from editions e
      where cl.id = ${lineId} and cl.cart_id = ${cartId} and e.id = cl.edition_id
      returning cl.quantity`,
  );
  if (!line) return { ok: false, error: 'lineNotFound' };
  await touch(cartId);
  return { ok: true, quantity: line.quantity, capped: line.quantity < quantity };
}

/** Removes a line of the current cart. */
export async function removeCartLine(lineId: number): Promise<CartChange> {
  const cartId = await currentCartId();
  if (!cartId) return { ok: false, error: 'lineNotFound' };
  const db = await getDb();
  const removed = await queryRows<{ id: number }>(
    db,
    sql`delete from cart_lines where id = ${lineId} and cart_id = ${cartId} returning id`,
  );
  if (removed.length === 0) return { ok: false, error: 'lineNotFound' };
  await touch(cartId);
  return { ok: true, quantity: 0, capped: false };
}

/** Accepts the current prices of every line (after the cart showed what changed). */
export async function acknowledgePrices(): Promise<void> {
  const cartId = await currentCartId();
  if (!cartId) return;
  const db = await getDb();
  await db.execute(sql`update cart_lines cl set price_seen_minor = e.price_minor from editions e
    where cl.cart_id = ${cartId} and e.id = cl.edition_id`);
}

async function touch(cartId: string) {
  const db = await getDb();
  await db.execute(sql`update carts set updated_at = now() where id = ${cartId}`);
}

/**
 * At sign-in: moves the guest cart's lines into the user's cart, summing quantities per edition and
 * capping by stock and the line limit, then deletes the guest cart and its cookie.
 */
export async function mergeGuestCartInto(userId: number, guestCartId: string | undefined): Promise<void> {
  if (!guestCartId || !UUID.test(guestCartId)) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [guest] = await queryRows<{ id: string }>(
      tx,
      sql`select id from carts where id = ${guestCartId} and user_id is null for update`,
    );
    if (!guest) return;
    const [cart] = await queryRows<{ id: string }>(
      tx,
      sql`insert into carts (user_id) values (${userId}) on conflict (user_id) do update set updated_at = now() returning id`,
    );
    await tx.execute(sql`
      insert into cart_lines (cart_id, edition_id, kind, quantity, price_seen_minor)
      select ${cart.id}::uuid, g.edition_id, g.kind,
        least(g.quantity, case when e.digital then 1 else greatest(e.stock, 1) end, ${env.CART_MAX_QUANTITY}::int), g.price_seen_minor
      from cart_lines g join editions e on e.id = g.edition_id
      where g.cart_id = ${guest.id}
      on conflict (cart_id, edition_id, kind) do update
        set quantity = least(cart_lines.quantity + excluded.quantity,
          (select case when e2.digital then 1 else greatest(e2.stock, 1) end from editions e2 where e2.id = excluded.edition_id),
          ${env.CART_MAX_QUANTITY}::int)`);
    await tx.execute(sql`delete from carts where id = ${guest.id}`);
  });
}

/**
 * Deletes up to `limit` guest carts nobody touched since `before`, with their lines, in one statement
 * (retention job, lib/jobs/retention.ts). A shopper's own cart stays until it is emptied or the
 * account is deleted. Carts in use right now are skipped, not waited for.
 */
export async function deleteAbandonedGuestCarts(before: Date, limit: number): Promise<number> {
  const db = await getDb();
  const stale = db
    .select({ id: carts.id })
    .from(carts)
    .where(and(isNull(carts.userId), lt(carts.updatedAt, before)))
    .limit(limit)
    .for('update', { skipLocked: true });
  const deleted = await db.delete(carts).where(inArray(carts.id, stale)).returning({ id: carts.id });
  return deleted.length;
}
