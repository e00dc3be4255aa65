import 'server-only';
import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { type Executor, pick } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { editionAndProductSellable } from '@/lib/catalog/sellable';
import { stockMovements } from '@/lib/inventory/schema';
import { orderLines } from '@/lib/orders/schema';

/**
 * The steps of placeOrder's transaction (./place-order.ts) that deal with the cart's editions: read
 * and price them, take their stock, write the order's lines and the ledger. Each takes the
 * transaction; placeOrder calls them in this order, so the statements run as they always have.
 */

/** Why placeOrder's transaction gave up (rolled back); the code goes back to the shopper. */
export class CheckoutAbort extends Error {
  constructor(readonly code: 'outOfStock' | 'noCopyFree' | 'cartChanged' | 'unpaidLimit' | 'unpaidLimitNetwork') {
    super(code);
  }
}

/**
 * The cart's editions as they are now (price, format, titles), one per edition in `editionIds`
 * order with its summed quantity; aborts with `cartChanged` when one is no longer sellable.
 */
export async function readPricedLines(tx: Executor, editionIds: number[], quantities: Map<number, number>) {
  if (editionIds.length === 0) return [];
  const sellable = await tx
    .select({
      ...pick(editions, 'id priceMinor digital format'),
      editionName: editions.name,
      ...pick(products, 'title slug'),
    })
    .from(editions)
    .innerJoin(products, eq(products.id, editions.productId))
    .where(and(inArray(editions.id, editionIds), editionAndProductSellable()));
  if (sellable.length !== editionIds.length) throw new CheckoutAbort('cartChanged');
  const byId = new Map(sellable.map((e) => [e.id, e]));
  return editionIds.map((id) => ({ edition: byId.get(id)!, quantity: quantities.get(id)! }));
}

export type PricedLine = Awaited<ReturnType<typeof readPricedLines>>[number];

/**
 * Takes the stock, edition by edition in the lines' (id) order, each decrement conditional on what
 * is left (digital editions keep theirs); aborts with `outOfStock` when one is short and with
 * `cartChanged` when a price moved since it was read. True when a physical edition sold out.
 */
export async function takeStock(tx: Executor, priced: readonly PricedLine[]): Promise<boolean> {
  let soldOut = false;
  for (const { edition, quantity } of priced) {
    const [taken] = await tx
      .update(editions)
      .set({
        stock: sql`case when ${editions.digital} then ${editions.stock} else ${editions.stock} - ${quantity} end`,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(editions.id, edition.id),
          eq(editions.status, 'active'),
          or(eq(editions.digital, true), gte(editions.stock, quantity)),
        ),
      )
      .returning(pick(editions, 'priceMinor stock'));
    if (!taken) throw new CheckoutAbort('outOfStock');
    if (taken.priceMinor !== edition.priceMinor) throw new CheckoutAbort('cartChanged');
    if (!edition.digital && taken.stock === 0) soldOut = true;
  }
  return soldOut;
}

/** The order's purchase lines, titles, formats and prices frozen; then a ledger row per physical edition. */
export async function writeOrderLines(
  tx: Executor,
  orderId: number,
  priced: readonly PricedLine[],
  actorUserId: number | null,
) {
  if (priced.length === 0) return;
  await tx.insert(orderLines).values(
    priced.map(({ edition, quantity }) => ({
      orderId,
      editionId: edition.id,
      productSlug: edition.slug,
      title: edition.title,
      format: edition.format,
      editionName: edition.editionName,
      digital: edition.digital,
      unitPriceMinor: edition.priceMinor,
      quantity,
      lineTotalMinor: edition.priceMinor * quantity,
    })),
  );
  const physical = priced.filter(({ edition }) => !edition.digital);
  if (physical.length > 0) {
    await tx.insert(stockMovements).values(
      physical.map(({ edition, quantity }) => ({
        editionId: edition.id,
        delta: -quantity,
        reason: 'order' as const,
        orderId,
        actorUserId,
      })),
    );
  }
}
