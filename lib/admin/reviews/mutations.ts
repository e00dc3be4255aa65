import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { AuthError, type SessionUser } from '@/lib/auth/session';
import type { ReviewStatus } from './validation';

export type ModerationResult =
  | { ok: true; changed: boolean; productSlug: string; productId: number }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Hides a review from the product page, or shows it again, with an audit row ("review.hide" /
 * "review.show", before and after status) in the same transaction. The review's `updated_at` is
 * left alone: it is the author's last edit, not the moderator's. Returns the product's slug so the
 * caller can invalidate its cache tags (lib/reviews/invalidate.ts, CATALOG_TAG).
 * Caller: an admin action (asAdmin), which passes the acting admin.
 */
export async function setReviewStatus(
  admin: SessionUser,
  input: { reviewId: number; status: ReviewStatus },
): Promise<ModerationResult> {
  if (admin.role !== 'admin') throw new AuthError('forbidden');
  const db = await getDb();
  return db.transaction(async (tx): Promise<ModerationResult> => {
    const [review] = await queryRows<{ status: ReviewStatus; productSlug: string; productId: number }>(
      tx,
      sql`select r.status, p.slug as "productSlug", p.id as "productId"
          from reviews r join products p on p.id = r.product_id
          where r.id = ${input.reviewId}
          for update of r`,
    );
    if (!review) return { ok: false, fieldErrors: { form: 'notFound' } };
    if (review.status === input.status)
      return { ok: true, changed: false, productSlug: review.productSlug, productId: review.productId };
    await tx.execute(sql`update reviews set status = ${input.status} where id = ${input.reviewId}`);
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: input.status === 'hidden' ? 'review.hide' : 'review.show',
      entity: 'review',
      entityId: input.reviewId,
      before: { status: review.status, productId: review.productId },
      after: { status: input.status, productId: review.productId },
    });
    return { ok: true, changed: true, productSlug: review.productSlug, productId: review.productId };
  });
}
