import 'server-only';
import { and, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { cookies } from 'next/headers';
import { type Executor, getDb } from '@/db';
import { getCurrentUser } from '@/lib/auth/session';
import { editions, products } from '@/lib/catalog/schema';
import { editionAndProductSellable } from '@/lib/catalog/sellable';
import { env } from '@/lib/env';
import { must } from '@/lib/must';
import { CART_COOKIE, COOKIE_OPTIONS, currentCartId, UUID } from './queries';
import { cartLines, carts } from './schema';

/** How many copies of an edition one line may hold before the global limit: one digital copy, else the stock (at least 1). */
function lineLimit(edition: { digital: AnyPgColumn; stock: AnyPgColumn }): SQL<number> {
  return sql<number>`(case when ${edition.digital} then 1 else greatest(${edition.stock}, 1) end)`;
}

/** The current cart, created (and for guests, remembered in the cookie) when it does not exist yet. */
export async function ensureCurrentCart(): Promise<string> {
  const existing = await currentCartId();
  if (existing) return existing;
  const db = await getDb();
  const user = await getCurrentUser();
  if (user) {
    return upsertUserCart(db, user.id);
  }
  const [row] = await db.insert(carts).values({}).returning({ id: carts.id });
  const id = must(row, 'new guest cart').id;
  (await cookies()).set(CART_COOKIE, id, COOKIE_OPTIONS);
  return id;
}

/** The user's cart, created when missing (one per user: carts_user_key). */
async function upsertUserCart(executor: Executor, userId: number): Promise<string> {
  const [row] = await executor
    .insert(carts)
    .values({ userId })
    .onConflictDoUpdate({ target: carts.userId, set: { updatedAt: sql`now()` } })
    .returning({ id: carts.id });
  return must(row, 'user cart').id;
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
  const [edition] = await db
    .select({ price: editions.priceMinor, stock: editions.stock, digital: editions.digital })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .where(and(eq(editions.id, editionId), editionAndProductSellable()));
  if (!edition) return { ok: false, error: 'editionUnavailable' };
  if (!edition.digital && edition.stock === 0) return { ok: false, error: 'outOfStock' };
  const cartId = await ensureCurrentCart();
  const limit = edition.digital ? 1 : Math.min(env.CART_MAX_QUANTITY, edition.stock);
  const previous = db.$with('previous').as(
    db
      .select({ quantity: cartLines.quantity })
      .from(cartLines)
      .where(and(eq(cartLines.cartId, cartId), eq(cartLines.editionId, editionId), eq(cartLines.kind, 'purchase'))),
  );
  const [line] = await db
    .with(previous)
    .insert(cartLines)
    .values({ cartId, editionId, quantity: sql`least(${quantity}::int, ${limit}::int)`, priceSeenMinor: edition.price })
    .onConflictDoUpdate({
      target: [cartLines.cartId, cartLines.editionId, cartLines.kind],
      set: {
        quantity: sql`least(${cartLines.quantity} + ${quantity}::int, ${limit}::int)`,
        priceSeenMinor: sql`excluded.price_seen_minor`,
      },
    })
    .returning({
      quantity: cartLines.quantity,
      wanted: sql<number>`coalesce((select quantity from ${previous}), 0) + ${quantity}::int`,
    });
  await touch(cartId);
  const { quantity: kept, wanted } = must(line, 'upserted cart line');
  return { ok: true, quantity: kept, capped: kept < wanted };
}

/** Sets a line's quantity (capped by stock and the limit). Only purchase lines of the current cart (a rental is one copy). */
export async function setCartLineQuantity(lineId: number, quantity: number): Promise<CartChange> {
  const cartId = await currentCartId();
  if (!cartId) return { ok: false, error: 'lineNotFound' };
  const db = await getDb();
  const [line] = await db
    .update(cartLines)
    .set({
      quantity: sql`least(${quantity}::int, ${lineLimit(editions)}, ${env.CART_MAX_QUANTITY}::int)`,
      priceSeenMinor: sql`${editions.priceMinor}`,
    })
    .from(editions)
    .where(
      and(
        eq(cartLines.id, lineId),
        eq(cartLines.cartId, cartId),
        eq(cartLines.kind, 'purchase'),
        eq(editions.id, cartLines.editionId),
      ),
    )
    .returning({ quantity: cartLines.quantity });
  if (!line) return { ok: false, error: 'lineNotFound' };
  await touch(cartId);
  return { ok: true, quantity: line.quantity, capped: line.quantity < quantity };
}

/** Removes a line of the current cart. */
export async function removeCartLine(lineId: number): Promise<CartChange> {
  const cartId = await currentCartId();
  if (!cartId) return { ok: false, error: 'lineNotFound' };
  const db = await getDb();
  const removed = await db
    .delete(cartLines)
    .where(and(eq(cartLines.id, lineId), eq(cartLines.cartId, cartId)))
    .returning({ id: cartLines.id });
  if (removed.length === 0) return { ok: false, error: 'lineNotFound' };
  await touch(cartId);
  return { ok: true, quantity: 0, capped: false };
}

/** Accepts the current prices of every line (after the cart showed what changed): a rental line's is its fee per period. */
export async function acknowledgePrices(): Promise<void> {
  const cartId = await currentCartId();
  if (!cartId) return;
  const db = await getDb();
  await db
    .update(cartLines)
    .set({ priceSeenMinor: sql`${seenPrice(cartLines.kind)}` })
    .from(editions)
    .where(and(eq(cartLines.cartId, cartId), eq(editions.id, cartLines.editionId)));
}

/** The price a line of `kind` shows of the `editions` row in scope: the sale price, or a rental's fee per period. */
function seenPrice(kind: AnyPgColumn | SQL): SQL<number> {
  return sql<number>`(case when ${kind} = 'rental' then coalesce(${editions.rentalPriceMinor}, 0) else ${editions.priceMinor} end)`;
}

/** Marks the cart as used now (the retention job deletes guest carts nobody touched for long). */
export async function touch(cartId: string) {
  const db = await getDb();
  await db
    .update(carts)
    .set({ updatedAt: sql`now()` })
    .where(eq(carts.id, cartId));
}

/**
 * At sign-in: moves the guest cart's lines into the user's cart, summing quantities per edition and
 * capping by stock and the line limit (a rental line stays one copy, with the guest's period), then
 * deletes the guest cart and its cookie.
 */
export async function mergeGuestCartInto(userId: number, guestCartId: string | undefined): Promise<void> {
  if (!guestCartId || !UUID.test(guestCartId)) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [guest] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, guestCartId), isNull(carts.userId)))
      .for('update');
    if (!guest) return;
    const cartId = await upsertUserCart(tx, userId);
    const max = sql`${env.CART_MAX_QUANTITY}::int`;
    const guestLines = await tx
      .select({
        editionId: cartLines.editionId,
        kind: cartLines.kind,
        quantity: sql<number>`least(${cartLines.quantity}, ${lineLimit(editions)}, ${max})`,
        priceSeenMinor: cartLines.priceSeenMinor,
        rentalPeriodDays: cartLines.rentalPeriodDays,
      })
      .from(cartLines)
      .innerJoin(editions, eq(editions.id, cartLines.editionId))
      .where(eq(cartLines.cartId, guest.id));
    if (guestLines.length > 0) {
      const stocked = alias(editions, 'stocked');
      await tx
        .insert(cartLines)
        .values(guestLines.map((line) => ({ ...line, cartId })))
        .onConflictDoUpdate({
          target: [cartLines.cartId, cartLines.editionId, cartLines.kind],
          // A rental stays one copy, for the period the guest chose last.
          set: {
            quantity: sql`case when ${cartLines.kind} = 'rental' then 1 else least(${cartLines.quantity} + excluded.quantity,
              (select ${lineLimit(stocked)} from ${editions} as ${sql.identifier('stocked')} where ${stocked.id} = excluded.edition_id), ${max}) end`,
            rentalPeriodDays: sql`excluded.rental_period_days`,
          },
        });
    }
    await tx.delete(carts).where(eq(carts.id, guest.id));
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
