import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { requireAdmin } from '@/lib/auth/session';
import { REVIEWS_PAGE_SIZE, type ReviewFilters, type ReviewStatus } from './validation';

export type ModerationReview = {
  id: number;
  rating: number;
  title: string | null;
  body: string;
  status: ReviewStatus;
  verifiedPurchase: boolean;
  createdAt: Date;
  updatedAt: Date;
  productTitle: string;
  productSlug: string;
  authorId: number;
  authorName: string;
};

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * Reviews for moderation, newest first, REVIEWS_PAGE_SIZE to a page, filtered by status, product
 * (title or slug contains), rating, or one review id. Hidden reviews are included (that is the
 * point). Admins only (requireAdmin throws otherwise).
 */
export async function listReviewsForModeration(filters: ReviewFilters): Promise<{
  items: ModerationReview[];
  total: number;
  page: number;
  pageCount: number;
}> {
  await requireAdmin();
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(sql`r.status = ${filters.status}`);
  if (filters.rating) conditions.push(sql`r.rating = ${filters.rating}`);
  if (filters.review) conditions.push(sql`r.id = ${filters.review}`);
  if (filters.product) {
    const pattern = likePattern(filters.product);
    conditions.push(sql`(p.title ilike ${pattern} or p.slug ilike ${pattern})`);
  }
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from reviews r join products p on p.id = r.product_id ${where}`,
  );
  const pageCount = Math.max(1, Math.ceil(Number(total) / REVIEWS_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await queryRows<
    Omit<ModerationReview, 'createdAt' | 'updatedAt'> & {
      createdAt: unknown;
      updatedAt: unknown;
      authorDisplayName: string | null;
    }
  >(
    db,
    sql`select r.id, r.rating, r.title, r.body, r.status, r.verified_purchase as "verifiedPurchase",
          r.created_at as "createdAt", r.updated_at as "updatedAt", p.title as "productTitle", p.slug as "productSlug",
          u.id as "authorId", u.display_name as "authorDisplayName", u.username as "authorName"
        from reviews r
        join products p on p.id = r.product_id
        join users u on u.id = r.user_id
        ${where}
        order by r.created_at desc, r.id desc
        limit ${REVIEWS_PAGE_SIZE} offset ${(page - 1) * REVIEWS_PAGE_SIZE}`,
  );
  return {
    items: rows.map(({ authorDisplayName, ...row }) => ({
      ...row,
      authorName: nameOrUsername(authorDisplayName, row.authorName),
      rating: Number(row.rating),
      createdAt: toDate(row.createdAt),
      updatedAt: toDate(row.updatedAt),
    })),
    total: Number(total),
    page,
    pageCount,
  };
}
