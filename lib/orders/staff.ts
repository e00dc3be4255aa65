import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import type { StaffUser } from '@/lib/audit/staff';
import type { Actor } from './lifecycle';
import { orderLines, type orderStatus } from './schema';

/**
 * What staff changes to orders and returns share (./fulfilment.ts, ./refunds.ts, ./staff-cancel.ts,
 * ./review.ts, ./notes.ts, ./return-decisions.ts, ./return-receipt.ts). Each of them takes the
 * acting admin, checks the role itself (`assertAdmin`), and writes the order event (actor admin),
 * the audit row and the customer's mail in the transaction of the change.
 */

export type OrderStatus = (typeof orderStatus.enumValues)[number];

export const staffActor = (admin: StaffUser): Actor => ({ kind: 'admin', userId: admin.id });

/** Product slugs of an order's physical lines (for cache invalidation after its stock moved). */
export async function orderProductSlugs(executor: Executor, orderId: number): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ slug: orderLines.productSlug })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), eq(orderLines.digital, false)));
  return rows.map((row) => row.slug);
}

type Audited = 'order' | 'return';

/**
 * The audit row of a staff change to an order or a return: `action` is `<entity>.<verb>` (the entity
 * is the part before the dot), with what the change found and what it left.
 */
export function auditStaffChange(
  executor: Executor,
  admin: StaffUser,
  action: `${Audited}.${string}`,
  entityId: number,
  change: { before?: Record<string, unknown>; after: Record<string, unknown> },
): Promise<void> {
  const entity = action.slice(0, action.indexOf('.'));
  return recordAudit(executor, { actorUserId: admin.id, action, entity, entityId, ...change });
}
