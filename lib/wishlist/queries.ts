import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { queryCards } from '@/lib/catalog/cards-sql';
import { cardColumns, editionAggregate, sellableEdition } from '@/lib/catalog/listing-sql';
import { wishlistItems } from './schema';
import type { WishlistEntry } from './types';

/**
 * Wishlist reads. Per-user, never cached; every function takes the acting user's id (from
 * requireUser()/userOrSignIn(), never from the client) and reads only that user's rows.
 */

/** The ids of the products on the user's wishlist (for the product page toggles). */
export async function listWishlistProductIds(userId: number): Promise<number[]> {
  const db = await getDb();
  const rows = await db
    .select({ productId: wishlistItems.productId })
    .from(wishlistItems)
    .where(eq(wishlistItems.userId, userId))
    .orderBy(desc(wishlistItems.createdAt));
  return rows.map((r) => r.productId);
}

/** The user's wishlist, newest first, with what each product costs and whether it can be bought now. */
export async function listWishlist(userId: number): Promise<WishlistEntry[]> {
  const db = await getDb();
  const rows = await queryCards<{ active: boolean; priceSeenMinor: number | null; addedAt: Date | string }>(
    db,
    sql`select ${cardColumns}, p.status = 'active' as active, w.price_seen_minor as "priceSeenMinor",
        w.created_at as "addedAt"
      from wishlist_items w join products p on p.id = w.product_id
      ${editionAggregate(sql`e.product_id = p.id and ${sellableEdition}`)}
      where w.user_id = ${userId}
      order by w.created_at desc, p.id desc`,
  );
  return rows.map((row) => {
    const onSale = row.active && row.fromPriceMinor !== null;
    return {
      productId: row.id,
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      originalTitle: row.originalTitle,
      credit: row.credit,
      coverUrl: row.coverUrl,
      fromPriceMinor: onSale ? row.fromPriceMinor : null,
      priceSeenMinor: row.priceSeenMinor,
      availability: !onSale ? 'unavailable' : row.inStock ? 'in_stock' : row.preorder ? 'preorder' : 'out_of_stock',
      addedAt: new Date(row.addedAt).toISOString(),
    };
  });
}
