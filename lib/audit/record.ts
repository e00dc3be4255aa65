import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '@/db';

/**
 * Records an admin change in the audit log, in the caller's transaction: who (the admin's user id),
 * what (an action such as "product.update" on an entity and id), and the record before and after
 * (small plain objects; no password hashes or tokens).
 */
export async function recordAudit(
  executor: Executor,
  entry: {
    actorUserId: number;
    action: string;
    entity: string;
    entityId: string | number;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
  },
): Promise<void> {
  await executor.execute(sql`insert into audit_log (actor_user_id, action, entity, entity_id, before, after)
    values (${entry.actorUserId}, ${entry.action}, ${entry.entity}, ${String(entry.entityId)},
      ${entry.before ? JSON.stringify(entry.before) : null}::jsonb, ${entry.after ? JSON.stringify(entry.after) : null}::jsonb)`);
}
