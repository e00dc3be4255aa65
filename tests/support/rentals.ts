import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { editions } from '@/lib/catalog/schema';
import { addCopies } from '@/lib/rentals/copies';
import { rentalCopies, rentals } from '@/lib/rentals/schema';
import { createTestEdition } from './commerce';

/** Fixtures for the rental tests: a rentable edition with copies, and reads of their state. */

const RUN = randomUUID().slice(0, 6).toUpperCase();
let sequence = 0;

/** Copy codes no other test uses. */
export function copyCodes(count: number): string[] {
  sequence += 1;
  return Array.from({ length: count }, (_, i) => `T${RUN}-${sequence}-${i + 1}`);
}

/** A rentable CD edition (sale price 2999, 499 per period) with `copies` available copies. */
export async function createRentableEdition(options: { copies?: number; feeMinor?: number; priceMinor?: number } = {}) {
  const { copies = 1, feeMinor = 499, priceMinor = 2999 } = options;
  const { editionId } = await createTestEdition({ priceMinor, stock: 0 });
  const db = await getDb();
  await db.update(editions).set({ rentable: true, rentalPriceMinor: feeMinor }).where(eq(editions.id, editionId));
  const codes = copyCodes(copies);
  if (copies > 0) {
    const added = await addCopies({ editionId, codes, now: new Date() });
    if (!added.ok) throw new Error(`Could not add copies: ${added.error}`);
  }
  return { editionId, codes };
}

export async function copyStatuses(editionId: number): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ status: rentalCopies.status })
    .from(rentalCopies)
    .where(eq(rentalCopies.editionId, editionId))
    .orderBy(rentalCopies.id);
  return rows.map((row) => row.status);
}

export async function rentalsOf(editionId: number) {
  const db = await getDb();
  return db.select().from(rentals).where(eq(rentals.editionId, editionId)).orderBy(rentals.id);
}
