import 'server-only';
import type { Executor } from '@/db';
import { auditLog } from './schema';

/**
 * Records a staff change in the audit log, in the caller's transaction: who (the admin's user id),
 * what (an action such as "product.update" on an entity and id), and the record before and after
 * (small plain objects; no password hashes or tokens).
 */
export async function recordAudit(
  executor: Executor,
  entry: {
    /** The admin or shopper who acted; null for the store itself (a background job). */
    actorUserId: number | null;
    action: string;
    entity: string;
    entityId: string | number;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await executor.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
