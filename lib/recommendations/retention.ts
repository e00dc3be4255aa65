import 'server-only';
import { and, inArray, isNull, lt } from 'drizzle-orm';
import { getDb } from '@/db';
import { interactionEvents } from './schema';

/**
 * Deletes up to `limit` interaction events of anonymous visitors (no account) older than `before`,
 * in one statement (retention job, lib/jobs/retention.ts). Events of accounts stay: they are the
 * shopper's history, deleted with the account.
 */
export async function deleteOldVisitorEvents(before: Date, limit: number): Promise<number> {
  const db = await getDb();
  const old = db
    .select({ id: interactionEvents.id })
    .from(interactionEvents)
    .where(and(isNull(interactionEvents.userId), lt(interactionEvents.createdAt, before)))
    .limit(limit)
    .for('update', { skipLocked: true });
  const deleted = await db
    .delete(interactionEvents)
    .where(inArray(interactionEvents.id, old))
    .returning({ id: interactionEvents.id });
  return deleted.length;
}
