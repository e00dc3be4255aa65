import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { rateLimits } from './schema';

/**
 * Deletes up to `limit` rate-limit counters whose window started before `before`, in one statement
 * (retention job, lib/jobs/retention.ts). Rows being counted right now are skipped, not waited for.
 * The table's key is two columns: the rows are matched as a row value against the locked subquery.
 */
export async function deleteOldRateLimits(before: Date, limit: number): Promise<number> {
  const db = await getDb();
  const old = db
    .select({ key: rateLimits.key, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(lt(rateLimits.windowStart, before))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .delete(rateLimits)
    .where(sql`(${rateLimits.key}, ${rateLimits.windowStart}) in ${old}`)
    .returning({ key: rateLimits.key });
  return rows.length;
}
