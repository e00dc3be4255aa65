import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows } from '@/db';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { productTag } from '@/lib/catalog/tags';
import { reviewsTag } from './tags';
import type { OwnReview, ReviewPage, ReviewSummary, ReviewView } from './types';
import { REVIEWS_PAGE_SIZE } from './validation';

/**
 * Review reads. What product pages show (summary and pages of the list) is public and cached with
 * `'use cache'`, tagged `reviewsTag(productId)` (and the product's tag for the page's own read);
 * every write invalidates them. Only `status = 'visible'` reviews count anywhere public. The
 * viewer's own review is per-user and never cached.
 */

type ReviewRow = Omit<ReviewView, 'createdAt' | 'updatedAt'> & {
  createdAt: Date | string;
  updatedAt: Date | string;
  authorDisplayName: string | null;
};

const iso = (value: Date | string) => new Date(value).toISOString();

async function summaryOf(db: Executor, productId: number): Promise<ReviewSummary> {
  const [row] = await queryRows<{
    count: number;
    average: number | null;
    r1: number;
    r2: number;
    r3: number;
    r4: number;
    r5: number;
  }>(
    db,
    sql`select count(*)::int as count, round(avg(rating)::numeric, 1)::float8 as average,
        count(*) filter (where rating = 1)::int as r1, count(*) filter (where rating = 2)::int as r2,
        count(*) filter (where rating = 3)::int as r3, count(*) filter (where rating = 4)::int as r4,
        count(*) filter (where rating = 5)::int as r5
      from reviews where product_id = ${productId} and status = 'visible'`,
  );
  return {
    count: Number(row.count),
    average: row.average === null ? null : Number(row.average),
    distribution: [row.r1, row.r2, row.r3, row.r4, row.r5].map(Number) as ReviewSummary['distribution'],
  };
}

async function pageOf(db: Executor, productId: number, page: number): Promise<ReviewPage> {
  // A deleted account keeps its row with a placeholder name: its reviews show "Deleted account".
  const rows = await queryRows<ReviewRow>(
    db,
    sql`select r.id, r.rating, r.title, r.body, r.verified_purchase as "verifiedPurchase",
        r.created_at as "createdAt", r.updated_at as "updatedAt",
        case when u.deleted_at is null then u.display_name end as "authorDisplayName",
        case when u.deleted_at is null then u.username end as author
      from reviews r join users u on u.id = r.user_id join products p on p.id = r.product_id and p.status = 'active'
      where r.product_id = ${productId} and r.status = 'visible'
      order by r.created_at desc, r.id desc
      limit ${REVIEWS_PAGE_SIZE + 1} offset ${(page - 1) * REVIEWS_PAGE_SIZE}`,
  );
  return {
    items: rows.slice(0, REVIEWS_PAGE_SIZE).map((row) => ({
      id: row.id,
      rating: Number(row.rating),
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
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
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
  const [row] = await queryRows<Omit<OwnReview, 'updatedAt'> & { updatedAt: Date | string }>(
    db,
    sql`select rating, title, body, verified_purchase as "verifiedPurchase", status = 'hidden' as hidden,
        updated_at as "updatedAt"
      from reviews where user_id = ${userId} and product_id = ${productId}`,
  );
  return row ? { ...row, rating: Number(row.rating), updatedAt: iso(row.updatedAt) } : null;
}

/**
 * Whether the user bought (or rented) any edition of the product in an order that was paid: paid,
 * shipped, delivered, or refunded after payment. Cancelled, unpaid and held orders do not count.
 */
export async function hasPurchasedProduct(db: Executor, userId: number, productId: number): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from orders o
      join order_lines l on l.order_id = o.id
      join editions e on e.id = l.edition_id
      where o.user_id = ${userId} and e.product_id = ${productId}
        and o.status in ('paid', 'shipped', 'delivered', 'refunded') and o.paid_at is not null
      limit 1`,
  );
  return rows.length > 0;
}
