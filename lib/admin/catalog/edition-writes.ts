import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '@/db';
import { editions } from '@/lib/catalog/schema';
import { stockMovements } from '@/lib/inventory/schema';
import type { EditionInput } from './validation';

/** Edition rows as the product editor and the CSV import write them. */

function editionValues(edition: EditionInput) {
  return {
    sku: edition.sku,
    format: edition.format,
    name: edition.name,
    barcode: edition.barcode,
    catalogNumber: edition.catalogNumber,
    discCount: edition.discCount,
    packaging: edition.packaging,
    vinylWeightGrams: edition.vinylWeightGrams,
    vinylSpeedRpm: edition.vinylSpeedRpm,
    vinylColour: edition.vinylColour,
    regionCode: edition.regionCode,
    audioLanguages: edition.audioLanguages,
    subtitleLanguages: edition.subtitleLanguages,
    platform: edition.platform,
    priceMinor: edition.priceMinor,
    status: edition.status,
    releaseDate: edition.releaseDate,
    rentable: edition.rentable,
    rentalPriceMinor: edition.rentalPriceMinor,
    digital: edition.digital,
    availableFrom: edition.availableFrom,
    availableUntil: edition.availableUntil,
    territories: edition.territories,
  };
}

/**
 * Inserts new editions with their starting stock: `initialStock` becomes the edition's stock and
 * an `initial` row of the stock ledger in the same transaction (the ledger's sum is the stock).
 */
export async function insertEditions(
  tx: Executor,
  list: readonly { productId: number; edition: EditionInput }[],
  actorUserId: number,
): Promise<void> {
  // 26 parameters a row: 1,000 rows stay well under Postgres' 65,535 parameters per statement.
  for (let start = 0; start < list.length; start += 1000) {
    const inserted = await tx
      .insert(editions)
      .values(
        list.slice(start, start + 1000).map(({ productId, edition }) => ({
          ...editionValues(edition),
          productId,
          stock: edition.initialStock ?? 0,
        })),
      )
      .returning({ id: editions.id, stock: editions.stock });
    const movements = inserted
      .filter((row) => row.stock > 0)
      .map((row) => ({
        editionId: row.id,
        delta: row.stock,
        reason: 'initial' as const,
        note: 'initial stock',
        actorUserId,
      }));
    if (movements.length) await tx.insert(stockMovements).values(movements);
  }
}

/** Writes an edition's fields (never its stock: that changes through the ledger). */
export async function updateEdition(tx: Executor, id: number, edition: EditionInput): Promise<void> {
  await tx
    .update(editions)
    .set({ ...editionValues(edition), updatedAt: sql`now()` })
    .where(eq(editions.id, id));
}
