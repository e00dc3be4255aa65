import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import { users } from '@/lib/accounts/schema';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { products } from '@/lib/catalog/schema';
import { productTag } from '@/lib/catalog/tags';
import { must } from '@/lib/must';
import { isId } from '@/lib/validation/ids';
import { reviews } from './schema';
import { reviewsTag } from './tags';
import type { OwnReview, ReviewPage, ReviewSummary } from './types';
import { REVIEWS_PAGE_SIZE } from './validation';

/**
 * Review reads. What product pages show (summary and pages of the list) is public and cached with
 * `'use cache'`, tagged `reviewsTag(productId)` (and the product's tag for the page's own read);
 * every write invalidates them. Only `status = 'visible'` reviews count anywhere public. The
 * viewer's own review is per-user and never cached.
 */

const iso = (value: Date) => value.toISOString();

/** `count(*) filter (where …)` as an int. */
const countWhere = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;

async function summaryOf(db: Executor, productId: number): Promise<ReviewSummary> {
  const [row] = await db
    .select({
      count: count(),
      average: sql<number | null>`round(avg(${reviews.rating})::numeric, 1)::float8`,
      r1: countWhere(eq(reviews.rating, 1)),
      r2: countWhere(eq(reviews.rating, 2)),
      r3: countWhere(eq(reviews.rating, 3)),
      r4: countWhere(eq(reviews.rating, 4)),
      r5: countWhere(eq(reviews.rating, 5)),
    })
    .from(reviews)
    .where(and(eq(reviews.productId, productId), eq(reviews.status, 'visible')));
  const { r1, r2, r3, r4, r5, ...totals } = must(row, 'review summary');
  return {
    count: totals.count,
    average: totals.average === null ? null : Number(totals.average),
    distribution: [r1, r2, r3, r4, r5],
  };
}

async function pageOf(db: Executor, productId: number, page: number): Promise<ReviewPage> {
  // A deleted account keeps its row with a placeholder name: its reviews show "Deleted account".
  const rows = await db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      title: reviews.title,
      body: reviews.body,
      verifiedPurchase: reviews.verifiedPurchase,
      createdAt: reviews.createdAt,
      updatedAt: reviews.updatedAt,
      authorDisplayName: sql<string | null>`case when ${users.deletedAt} is null then ${users.displayName} end`,
      author: sql<string | null>`case when ${users.deletedAt} is null then ${users.username} end`,
    })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.userId))
    .innerJoin(products, and(eq(products.id, reviews.productId), eq(products.status, 'active')))
    .where(and(eq(reviews.productId, productId), eq(reviews.status, 'visible')))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(REVIEWS_PAGE_SIZE + 1)
    .offset((page - 1) * REVIEWS_PAGE_SIZE);
  return {
    items: rows.slice(0, REVIEWS_PAGE_SIZE).map((row) => ({
      id: row.id,
      rating: row.rating,
      title: row.title,
      body: row.body,
      author: nameOrUsername(row.authorDisplayName, row.author),
      verifiedPurchase: row.verifiedPurchase,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
    })),
    page,
    hasMore: rows.length > REVIEWS_PAGE_SIZE,
  };
}

// Cached functions can be called from outside as server references: what came in is checked first.
const NO_REVIEWS: { summary: ReviewSummary; first: ReviewPage } = {
  summary: { count: 0, average: null, distribution: [0, 0, 0, 0, 0] },
  first: { items: [], page: 1, hasMore: false },
};

/** What a product page shows: the summary of visible reviews and their first page. Cached. */
export async function getProductReviews(
  productId: number,
  slug: string,
): Promise<{ summary: ReviewSummary; first: ReviewPage }> {
  'use cache';
  cacheLife('catalog');
  if (!isId(productId) || typeof slug !== 'string' || !/^[a-z0-9-]{1,200}$/.test(slug)) return NO_REVIEWS;
  cacheTag(productTag(slug), reviewsTag(productId));
  const db = await getDb();
  const [summary, first] = await Promise.all([summaryOf(db, productId), pageOf(db, productId, 1)]);
  return { summary, first };
}

/** One page (1-based, REVIEWS_PAGE_SIZE per page, newest first) of a product's visible reviews. Cached. */
export async function listProductReviews(productId: number, page: number): Promise<ReviewPage> {
  'use cache';
  cacheLife('catalog');
  if (!isId(productId) || !isId(page) || page > 10_000) return { ...NO_REVIEWS.first, page: 1 };
  cacheTag(reviewsTag(productId));
  return pageOf(await getDb(), productId, page);
}

/** The user's own review of a product (hidden ones too, flagged), or null. Not cached. */
export async function getOwnReview(userId: number, productId: number): Promise<OwnReview | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      rating: reviews.rating,
      title: reviews.title,
      body: reviews.body,
      verifiedPurchase: reviews.verifiedPurchase,
      hidden: sql<boolean>`${reviews.status} = 'hidden'`,
      updatedAt: reviews.updatedAt,
    })
    .from(reviews)
    .where(and(eq(reviews.userId, userId), eq(reviews.productId, productId)));
  return row ? { ...row, updatedAt: iso(row.updatedAt) } : null;
}
