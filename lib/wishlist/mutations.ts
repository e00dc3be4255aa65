import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { editionSellable } from '@/lib/catalog/sellable';
import { wishlistItems } from './schema';
import { WISHLIST_MAX_ITEMS } from './validation';

/**
 * Adds an active product to the user's wishlist, remembering its lowest price now (`price_seen_minor`,
 * what "cheaper" mails and the "price drop" on /account/wishlist compare with). Adding it again changes
 * nothing. `added` is true only when this call added it. At most WISHLIST_MAX_ITEMS products.
 */
export async function addToWishlist(
  userId: number,
  productId: number,
): Promise<{ ok: true; added: boolean } | { ok: false; error: 'productNotFound' | 'wishlistFull' }> {
  const db = await getDb();
  const lowestPrice = db
    .select({ price: sql<number>`min(${editions.priceMinor})::int` })
    .from(editions)
    .where(and(eq(editions.productId, products.id), editionSellable()));
  const [product] = await db
    .select({ id: products.id, price: sql<number | null>`${lowestPrice}` })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.status, 'active')));
  if (!product) return { ok: false, error: 'productNotFound' };
  if ((await db.$count(wishlistItems, eq(wishlistItems.userId, userId))) >= WISHLIST_MAX_ITEMS) {
    const [already] = await db
      .select({ id: wishlistItems.productId })
      .from(wishlistItems)
      .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)));
    return already ? { ok: true, added: false } : { ok: false, error: 'wishlistFull' };
  }
  const inserted = await db
    .insert(wishlistItems)
    .values({ userId, productId: product.id, priceSeenMinor: product.price })
    .onConflictDoNothing()
    .returning({ productId: wishlistItems.productId });
  return { ok: true, added: inserted.length > 0 };
}

/** Removes a product from the user's wishlist (only theirs). `removed` is false when it was not there. */
export async function removeFromWishlist(userId: number, productId: number): Promise<{ ok: true; removed: boolean }> {
  const db = await getDb();
  const removed = await db
    .delete(wishlistItems)
    .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)))
    .returning({ productId: wishlistItems.productId });
  return { ok: true, removed: removed.length > 0 };
}
