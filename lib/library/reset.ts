import 'server-only';
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { downloadLimit } from './downloads';
import { downloadCounts } from './schema';

/** Which count to reset: one file of one entitlement (whole positive ids). */
export const resetDownloadsSchema = z.object({
  entitlementId: z.number().int().positive().max(2_147_483_647),
  fileId: z.number().int().positive().max(2_147_483_647),
});

export type ResetResult =
  { ok: true; usedBefore: number; limit: number } | { ok: false; error: 'invalid' | 'nothingToReset' };

/**
 * An admin gives a shopper their downloads of one file back (a broken download, a new computer): the
 * count of that file for that entitlement goes back to 0, by a conditional update (only a count above
 * 0 changes, so a double click resets once), with an audit row saying how many had been used. The
 * download log keeps every download. Not yet called from a page (the library's back office is to come).
 */
export async function resetDownloadCount(admin: StaffUser, input: unknown, now: Date): Promise<ResetResult> {
  assertAdmin(admin, 'resetDownloadCount');
  const parsed = resetDownloadsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { entitlementId, fileId } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ used: downloadCounts.used, limitOverride: downloadCounts.limitOverride })
      .from(downloadCounts)
      .where(
        and(
          eq(downloadCounts.entitlementId, entitlementId),
          eq(downloadCounts.fileId, fileId),
          gt(downloadCounts.used, 0),
        ),
      )
      .for('update');
    if (!before) return { ok: false, error: 'nothingToReset' } as const;
    await tx
      .update(downloadCounts)
      .set({ used: 0, updatedAt: now })
      .where(and(eq(downloadCounts.entitlementId, entitlementId), eq(downloadCounts.fileId, fileId)));
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'library.reset_downloads',
      entity: 'entitlement',
      entityId: entitlementId,
      before: { fileId, used: before.used },
      after: { fileId, used: 0 },
    });
    return { ok: true, usedBefore: before.used, limit: before.limitOverride ?? downloadLimit() } as const;
  });
}
