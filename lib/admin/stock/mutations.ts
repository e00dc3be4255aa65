import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { recordAudit } from '@/lib/admin/audit';
import { type AdminResult, fail } from '@/lib/admin/orders/result';
import type { SessionUser } from '@/lib/auth/session';
import { afterRestock } from './hooks';
import type { AdjustStockInput } from './validation';

export type StockAdjusted = {
  stock: number;
  productSlug: string;
  /** The edition sold out or came back: lists and search need to refresh too. */
  availabilityChanged: boolean;
};

/**
 * Applies a stock adjustment as a delta, in one transaction: `stock = stock + delta` only where the
 * result stays at or above zero (so a sale that happened while the form was open is never
 * overwritten, and the stock never goes negative), the ledger row (reason, note, the admin), and the
 * audit row. Going from zero to positive calls the back-in-stock hook (./hooks.ts). Refused with a
 * field error on `delta` when it would take the stock below zero, and for digital editions (which
 * have no stock). Admins only; the caller invalidates the product's cache tags with the result.
 */
export async function adjustStock(admin: SessionUser, input: AdjustStockInput): Promise<AdminResult<StockAdjusted>> {
  if (admin?.role !== 'admin') throw new Error('adjustStock: an admin is required');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [edition] = await queryRows<{ digital: boolean; slug: string }>(
      tx,
      sql`select e.digital, p.slug from editions e join products p on p.id = e.product_id where e.id = ${input.editionId}`,
    );
    if (!edition) return fail('editionNotFound');
    if (edition.digital) return fail('invalid', { delta: 'digitalEdition' });
    const [updated] = await queryRows<{ stock: number }>(
      tx,
      sql`update editions set stock = stock + ${input.delta}, updated_at = now()
        where id = ${input.editionId} and stock + ${input.delta} >= 0 returning stock`,
    );
    if (!updated) return fail('invalid', { delta: 'belowZero' });
    const after = updated.stock;
    const before = after - input.delta;
    await tx.execute(sql`insert into stock_movements (edition_id, delta, reason, note, actor_user_id)
      values (${input.editionId}, ${input.delta}, ${input.reason}, ${input.note || null}, ${admin.id})`);
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'stock.adjust',
      entity: 'edition',
      entityId: input.editionId,
      before: { stock: before },
      after: { stock: after, delta: input.delta, reason: input.reason, note: input.note || null },
    });
    if (before <= 0 && after > 0) await afterRestock(tx, input.editionId);
    return {
      ok: true as const,
      stock: after,
      productSlug: edition.slug,
      availabilityChanged: before <= 0 !== after <= 0,
    };
  });
}
