import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import { products } from '@/lib/catalog/schema';
import { must } from '@/lib/must';
import { consumeRateLimits, type Limit } from '@/lib/security/rate-limit';
import { hasPurchasedProduct } from './purchase-sql';
import { reviews } from './schema';
import type { OwnReview } from './types';
import type { ReviewInput } from './validation';

/** Review writes (saves and deletions) per user: generous for a person, a wall for a script. */
export const reviewWriteLimit = (userId: number): Limit => ({
  key: `reviews:write:${userId}`,
  limit: 20,
  windowSeconds: 60 * 60,
});

export type ReviewWriteResult =
  | { ok: true; review: OwnReview; productId: number; slug: string; created: boolean }
  | { ok: false; fieldErrors: Record<string, string> };

const productGone = { ok: false, fieldErrors: { form: 'productNotFound' } } as const;
const throttled = { ok: false, fieldErrors: { form: 'throttled' } } as const;

async function activeProduct(db: Executor, productId: number): Promise<{ id: number; slug: string } | null> {
  const [row] = await db
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.status, 'active')));
  return row ?? null;
}

/**
 * Writes the user's review of a product: creates it, or edits the one they already have (one per
 * user per product, by the unique key, so two saves at once still leave one row). `verified_purchase`
 * is computed here from the user's paid orders; the moderation status is kept, so editing a hidden
 * review does not publish it. Counts against `reviewWriteLimit`. The caller authenticated the user,
 * validated `input` (reviewInputSchema) and must invalidate `productTag(slug)` and
 * `reviewsTag(productId)` afterwards.
 */
export async function saveReview(userId: number, input: ReviewInput): Promise<ReviewWriteResult> {
  const db = await getDb();
  const product = await activeProduct(db, input.productId);
  if (!product) return productGone;
  if (!(await consumeRateLimits([reviewWriteLimit(userId)])).allowed) return throttled;
  const verified = await hasPurchasedProduct(db, userId, product.id);
  const [row] = await db
    .insert(reviews)
    .values({
      productId: product.id,
      userId,
      rating: input.rating,
      title: input.title,
      body: input.body,
      verifiedPurchase: verified,
    })
    .onConflictDoUpdate({
      target: [reviews.productId, reviews.userId],
      set: {
        rating: input.rating,
        title: input.title,
        body: input.body,
        verifiedPurchase: verified,
        updatedAt: sql`now()`,
      },
    })
    .returning({
      rating: reviews.rating,
      title: reviews.title,
      body: reviews.body,
      verifiedPurchase: reviews.verifiedPurchase,
      status: reviews.status,
      createdAt: reviews.createdAt,
      updatedAt: reviews.updatedAt,
    });
  const saved = must(row, 'saved review');
  return {
    ok: true,
    productId: product.id,
    slug: product.slug,
    created: saved.createdAt.getTime() === saved.updatedAt.getTime(),
    review: {
      rating: saved.rating,
      title: saved.title,
      body: saved.body,
      verifiedPurchase: saved.verifiedPurchase,
      hidden: saved.status === 'hidden',
      updatedAt: saved.updatedAt.toISOString(),
    },
  };
}

/**
 * Deletes the user's own review of a product. Returns the product's slug for cache invalidation
 * (`productTag(slug)`, `reviewsTag(productId)`), or `notFound` when there was none.
 */
export async function deleteOwnReview(
  userId: number,
  productId: number,
): Promise<{ ok: true; slug: string } | { ok: false; fieldErrors: Record<string, string> }> {
  if (!(await consumeRateLimits([reviewWriteLimit(userId)])).allowed) return throttled;
  const db = await getDb();
  // A subquery builder keeps its columns' tables (see lib/catalog/queries.ts, getCoverArtInfo).
  const slugOfProduct = db.select({ slug: products.slug }).from(products).where(eq(products.id, reviews.productId));
  const [row] = await db
    .delete(reviews)
    .where(and(eq(reviews.productId, productId), eq(reviews.userId, userId)))
    .returning({ slug: sql<string>`${slugOfProduct}` });
  return row ? { ok: true, slug: row.slug } : { ok: false, fieldErrors: { form: 'reviewNotFound' } };
}

/**
 * The products a user has reviewed (for account deletion: their reviews stay, anonymized as
 * "Deleted account", and these products' review caches must be expired).
 */
export async function listReviewedProducts(db: Executor, userId: number): Promise<number[]> {
  const rows = await db.select({ productId: reviews.productId }).from(reviews).where(eq(reviews.userId, userId));
  return rows.map((r) => r.productId);
}
