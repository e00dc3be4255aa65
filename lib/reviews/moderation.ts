import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin } from '@/lib/audit/staff';
import { products } from '@/lib/catalog/schema';
import { reviews } from './schema';

export type ReviewStatus = (typeof reviews.$inferSelect)['status'];

export type ModerationResult =
  | { ok: true; changed: boolean; productSlug: string; productId: number }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Hides a review from the product page, or shows it again, with an audit row ("review.hide" /
 * "review.show", before and after status) in the same transaction. The review's `updated_at` is
 * left alone: it is the author's last edit, not the moderator's. Returns the product's slug so the
 * caller can invalidate its cache tags (./invalidate.ts, CATALOG_TAG). The back office calls it
 * (lib/actions/admin/reviews.ts, after asAdmin); it checks the admin role again.
 */
export async function setReviewStatus(
  admin: { id: number; role: string },
  input: { reviewId: number; status: ReviewStatus },
): Promise<ModerationResult> {
  assertAdmin(admin, 'setReviewStatus');
  const db = await getDb();
  return db.transaction(async (tx): Promise<ModerationResult> => {
    const [review] = await tx
      .select({ status: reviews.status, productSlug: products.slug, productId: products.id })
      .from(reviews)
      .innerJoin(products, eq(products.id, reviews.productId))
      .where(eq(reviews.id, input.reviewId))
      .for('update', { of: reviews });
    if (!review) return { ok: false, fieldErrors: { form: 'notFound' } };
    const { productSlug, productId } = review;
    if (review.status === input.status) return { ok: true, changed: false, productSlug, productId };
    await tx.update(reviews).set({ status: input.status }).where(eq(reviews.id, input.reviewId));
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: input.status === 'hidden' ? 'review.hide' : 'review.show',
      entity: 'review',
      entityId: input.reviewId,
      before: { status: review.status, productId },
      after: { status: input.status, productId },
    });
    return { ok: true, changed: true, productSlug, productId };
  });
}
