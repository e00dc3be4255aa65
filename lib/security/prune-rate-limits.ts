import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';

/**
 * Deletes up to `limit` rate-limit counters whose window started before `before`, in one statement
 * (retention job, lib/jobs/retention.ts). Rows being counted right now are skipped, not waited for.
 * Raw SQL: the table's key is two columns, which the query builder cannot match against a subquery.
 */
export async function deleteOldRateLimits(before: Date, limit: number): Promise<number> {
  const db = await getDb();
  const rows = await queryRows<{ key: string }>(
    db,
    sql`delete from rate_limits where (key, window_start) in (
        select key, window_start from rate_limits where window_start < ${before.toISOString()}::timestamptz
        limit ${limit} for update skip locked)
      returning key`,
  );
  return rows.length;
}
