import 'server-only';
import { and, eq, gte, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import { env } from '@/lib/env';
import { downloadCounts, downloads } from './schema';

/**
 * Counting downloads: each file of an entitlement can be downloaded LIBRARY_DOWNLOAD_LIMIT times (5
 * unless set; `download_counts.limit_override` when an admin gave one entitlement another limit).
 * A download takes one of them by ONE conditional statement — an insert of the first count, or an
 * update `where used < limit` of the row already there — in the transaction that also logs the
 * download (user, file, IP, bytes). However many start at once, PostgreSQL applies them one after
 * the other on the row, so with 5 left exactly 5 succeed.
 *
 * Which requests count (app/api/v1/library/downloads/[token]/route.ts): a request that starts at the
 * first byte (no Range, or a Range from byte 0) is a new download and counts; a Range request from a
 * later byte resumes one and does not count, but only while a counted download of the same file and
 * entitlement was started within the link's lifetime (`mayResume`) — so a resume never costs a
 * download, and a link can never be used to fetch a file piece by piece without ever counting.
 */

/** Downloads of each file per entitlement (LIBRARY_DOWNLOAD_LIMIT). */
export function downloadLimit(): number {
  return env.LIBRARY_DOWNLOAD_LIMIT;
}

export type TakenDownload = { ok: true; used: number; limit: number } | { ok: false; refusal: 'exhausted' };

/**
 * Takes one download of `fileId` for `entitlementId` and logs it, in one transaction; `exhausted`
 * (and nothing written) when every download was used. The caller has checked that the entitlement is
 * the user's, active, and covers the file (./entitlements.ts findDownloadTarget).
 */
export async function takeDownload(input: {
  entitlementId: number;
  fileId: number;
  userId: number;
  ip: string | null;
  bytes: number;
  now: Date;
}): Promise<TakenDownload> {
  const limit = downloadLimit();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const allowed = sql`coalesce(${downloadCounts.limitOverride}, ${limit})`;
    const [counted] = await tx
      .insert(downloadCounts)
      .values({ entitlementId: input.entitlementId, fileId: input.fileId, used: 1, updatedAt: input.now })
      .onConflictDoUpdate({
        target: [downloadCounts.entitlementId, downloadCounts.fileId],
        set: { used: sql`${downloadCounts.used} + 1`, updatedAt: input.now },
        setWhere: sql`${downloadCounts.used} < ${allowed}`,
      })
      .returning({ used: downloadCounts.used, limit: sql<number>`${allowed}::int` });
    if (!counted) return { ok: false, refusal: 'exhausted' } as const;
    await tx.insert(downloads).values({
      entitlementId: input.entitlementId,
      fileId: input.fileId,
      userId: input.userId,
      ip: input.ip,
      bytes: input.bytes,
      startedAt: input.now,
    });
    return { ok: true, used: counted.used, limit: counted.limit } as const;
  });
}

/** Whether a counted download of this file for this entitlement started at or after `since` (a resume may follow it). */
export async function mayResume(
  executor: Executor,
  input: { entitlementId: number; fileId: number; since: Date },
): Promise<boolean> {
  const [row] = await executor
    .select({ id: downloads.id })
    .from(downloads)
    .where(
      and(
        eq(downloads.entitlementId, input.entitlementId),
        eq(downloads.fileId, input.fileId),
        gte(downloads.startedAt, input.since),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** How many downloads of each file an entitlement has used and may use: for the library page and the admin. */
export async function downloadsLeft(
  executor: Executor,
  input: { entitlementId: number; fileId: number },
): Promise<{ used: number; limit: number }> {
  const [row] = await executor
    .select({ used: downloadCounts.used, limitOverride: downloadCounts.limitOverride })
    .from(downloadCounts)
    .where(and(eq(downloadCounts.entitlementId, input.entitlementId), eq(downloadCounts.fileId, input.fileId)));
  return { used: row?.used ?? 0, limit: row?.limitOverride ?? downloadLimit() };
}
