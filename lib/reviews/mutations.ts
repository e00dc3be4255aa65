import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows } from '@/db';
import { consumeRateLimits, type Limit } from '@/lib/security/rate-limit';
import { hasPurchasedProduct } from './queries';
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
  const [row] = await queryRows<{ id: number; slug: string }>(
    db,
    sql`select id, slug from products where id = ${productId} and status = 'active'`,
  );
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
  return {
    ok: true,
    productId: product.id,
    slug: product.slug,
    created: row.createdAt.getTime() === row.updatedAt.getTime(),
    review: {
      rating: row.rating,
      title: row.title,
      body: row.body,
      verifiedPurchase: row.verifiedPurchase,
      hidden: row.status === 'hidden',
      updatedAt: row.updatedAt.toISOString(),
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
  const [row] = await queryRows<{ slug: string }>(
    db,
    sql`delete from reviews r using products p
      where r.product_id = ${productId} and r.user_id = ${userId} and p.id = r.product_id
      returning p.slug`,
  );
  return row ? { ok: true, slug: row.slug } : { ok: false, fieldErrors: { form: 'reviewNotFound' } };
}

/**
 * The products a user has reviewed (for account deletion: their reviews stay, anonymized as
 * "Deleted account", and these products' review caches must be expired).
 */
export async function listReviewedProducts(db: Executor, userId: number): Promise<number[]> {
  const rows = await queryRows<{ productId: number }>(
    db,
    sql`select product_id as "productId" from reviews where user_id = ${userId}`,
  );
  return rows.map((r) => r.productId);
}
