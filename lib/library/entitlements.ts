import 'server-only';
import { and, eq } from 'drizzle-orm';
import { type Executor, pick } from '@/db';
import { grantOrderEntitlements, revokeOrderEntitlements } from '@/lib/orders/library-sql';
import { digitalFiles, entitlements } from './schema';

/**
 * Entitlements: what a shopper owns in the digital library. They are granted and revoked by the
 * order lifecycle in the transaction that moves the order (the orders tier cannot import this one,
 * so the statements live in lib/orders/library-sql.ts, the one place that writes them for orders):
 * - granted when an order becomes paid (lib/orders/lifecycle.ts confirmPaidOrder): one per digital
 *   line and per line whose edition includes its download, once per line whatever runs it again;
 * - revoked when the paid order is cancelled (lib/orders/mutations.ts cancelPaidOrder, a reviewed
 *   order cancelled by staff) or refunded in full (lib/orders/refunds.ts claimRefund).
 */

/** Grants the entitlements of a paid order, in the caller's transaction; idempotent. Returns how many were new. */
export const grantForPaidOrder = grantOrderEntitlements;

/** Revokes the active entitlements of an order, in the caller's transaction; idempotent. Returns how many. */
export const revokeForOrder = revokeOrderEntitlements;

export type DownloadTarget = {
  entitlementId: number;
  file: Pick<typeof digitalFiles.$inferSelect, 'id' | 'title' | 'format' | 'storageKey' | 'byteSize' | 'contentType'>;
};

/**
 * The file `fileId` as entitlement `entitlementId` of `userId` may download it; `notFound` when the
 * entitlement is not the user's or the file not one of its edition's, `revoked` when the entitlement
 * was revoked (its order cancelled or refunded).
 */
export async function findDownloadTarget(
  executor: Executor,
  input: { entitlementId: number; fileId: number; userId: number },
): Promise<{ ok: true; target: DownloadTarget } | { ok: false; refusal: 'notFound' | 'revoked' }> {
  const [row] = await executor
    .select({
      status: entitlements.status,
      file: pick(digitalFiles, 'id title format storageKey byteSize contentType'),
    })
    .from(entitlements)
    .leftJoin(digitalFiles, and(eq(digitalFiles.editionId, entitlements.editionId), eq(digitalFiles.id, input.fileId)))
    .where(and(eq(entitlements.id, input.entitlementId), eq(entitlements.userId, input.userId)));
  if (!row?.file) return { ok: false, refusal: 'notFound' };
  if (row.status !== 'active') return { ok: false, refusal: 'revoked' };
  return { ok: true, target: { entitlementId: input.entitlementId, file: row.file } };
}
