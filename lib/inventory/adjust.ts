import 'server-only';
import { and, eq, gte, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { editions, products } from '@/lib/catalog/schema';
import { fail, type MutationResult } from '@/lib/http/result';
import type { StockReason } from './movements';
import { stockMovements } from './schema';

export type StockAdjusted = {
  stock: number;
  productSlug: string;
  /** The edition sold out or came back: lists and search need to refresh too. */
  availabilityChanged: boolean;
};

/** What staff change by hand (the ledger's other reasons come from orders). */
export type StockAdjustment = {
  editionId: number;
  delta: number;
  reason: Extract<StockReason, 'restock' | 'damaged' | 'correction'>;
  note: string;
};

/**
 * Called in the transaction that brought an edition back in stock (from zero to more). Inventory sits
 * below the wishlists and the mail, so the caller hands it in (lib/orders/back-in-stock.ts).
 */
export type OnBackInStock = (tx: Transaction, editionId: number) => Promise<void>;

/**
 * Applies a stock adjustment as a delta, in one transaction: `stock = stock + delta` only where the
 * result stays at or above zero (so a sale that happened while the form was open is never
 * overwritten, and the stock never goes negative), the ledger row (reason, note, the admin), and the
 * audit row. Going from zero to positive calls `onBackInStock`. Refused with a field error on `delta`
 * when it would take the stock below zero, and for digital editions (which have no stock). Admins
 * only; the caller invalidates the product's cache tags with the result.
 */
export async function adjustStock(
  admin: StaffUser,
  input: StockAdjustment,
  onBackInStock: OnBackInStock,
): Promise<MutationResult<StockAdjusted>> {
  assertAdmin(admin, 'adjustStock');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [edition] = await tx
      .select({ digital: editions.digital, slug: products.slug })
      .from(editions)
      .innerJoin(products, eq(products.id, editions.productId))
      .where(eq(editions.id, input.editionId));
    if (!edition) return fail('editionNotFound');
    if (edition.digital) return fail('invalid', { delta: 'digitalEdition' });
    const [updated] = await tx
      .update(editions)
      .set({ stock: sql`${editions.stock} + ${input.delta}`, updatedAt: sql`now()` })
      .where(and(eq(editions.id, input.editionId), gte(sql`${editions.stock} + ${input.delta}`, 0)))
      .returning({ stock: editions.stock });
    if (!updated) return fail('invalid', { delta: 'belowZero' });
    const after = updated.stock;
    const before = after - input.delta;
    await tx.insert(stockMovements).values({
      editionId: input.editionId,
      delta: input.delta,
      reason: input.reason,
      note: input.note || null,
      actorUserId: admin.id,
    });
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'stock.adjust',
      entity: 'edition',
      entityId: input.editionId,
      before: { stock: before },
      after: { stock: after, delta: input.delta, reason: input.reason, note: input.note || null },
    });
    if (before <= 0 && after > 0) await onBackInStock(tx, input.editionId);
    return {
      ok: true as const,
      stock: after,
      productSlug: edition.slug,
      availabilityChanged: before <= 0 !== after <= 0,
    };
  });
}
