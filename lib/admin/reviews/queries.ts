import 'server-only';
import { pick, getDb } from '@/db';
import { and, count, desc, eq, ilike, or } from 'drizzle-orm';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { requireAdmin } from '@/lib/auth/session';
import { products } from '@/lib/catalog/schema';
import { reviews } from '@/lib/reviews/schema';
import { containsPattern, type Page, pageWithin } from '@/lib/admin/paging';

import { REVIEWS_PAGE_SIZE, type ReviewFilters } from './validation';

type Review = typeof reviews.$inferSelect;

const REVIEW_COLUMNS = [
  'id',
  'rating',
  'title',
  'body',
  'status',
  'verifiedPurchase',
  'createdAt',
  'updatedAt',
] as const;

const productFields = { productTitle: products.title, productSlug: products.slug };
const authorFields = { authorId: users.id, authorDisplayName: users.displayName, authorName: users.username };

export type ModerationReview = Pick<Review, (typeof REVIEW_COLUMNS)[number]> & {
  productTitle: string;
  productSlug: string;
  authorId: number;
  authorName: string;
};

/**
 * Reviews for moderation, newest first, REVIEWS_PAGE_SIZE to a page, filtered by status, product
 * (title or slug contains), rating, or one review id. Hidden reviews are included (that is the
 * point). Admins only (requireAdmin throws otherwise).
 */
export async function listReviewsForModeration(filters: ReviewFilters): Promise<Page<ModerationReview>> {
  await requireAdmin();
  const db = await getDb();
  const pattern = filters.product ? containsPattern(filters.product) : null;
  const where = and(
    filters.status ? eq(reviews.status, filters.status) : undefined,
    filters.rating ? eq(reviews.rating, filters.rating) : undefined,
    filters.review ? eq(reviews.id, filters.review) : undefined,
    pattern ? or(ilike(products.title, pattern), ilike(products.slug, pattern)) : undefined,
  );
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(reviews)
    .innerJoin(products, eq(products.id, reviews.productId))
    .where(where);
  const { page, pageCount } = pageWithin(total, filters.page, REVIEWS_PAGE_SIZE);
  const rows = await db
    .select({ ...pick(reviews, REVIEW_COLUMNS), ...productFields, ...authorFields })
    .from(reviews)
    .innerJoin(products, eq(products.id, reviews.productId))
    .innerJoin(users, eq(users.id, reviews.userId))
    .where(where)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(REVIEWS_PAGE_SIZE)
    .offset((page - 1) * REVIEWS_PAGE_SIZE);
  return {
    items: rows.map(({ authorDisplayName, ...row }) => ({
      ...row,
      authorName: nameOrUsername(authorDisplayName, row.authorName),
    })),
    total,
    page,
    pageCount,
  };
}
