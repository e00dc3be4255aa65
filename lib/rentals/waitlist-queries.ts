import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { rentalWaitlist, type RentalWaitlistStatus } from './schema';
import { hasRentalNow } from './waitlist';

/**
 * What a shopper sees of their waitlist places (the rent offer, /account/rentals): reads only. A
 * waiting place's position counts the places before it in the line's order (lib/rentals/waitlist.ts:
 * shoppers with no rental reserved or out first, then who joined first), 1 for the first in line.
 */

export type WaitlistPlace = {
  id: number;
  editionId: number;
  status: Extract<RentalWaitlistStatus, 'waiting' | 'offered'>;
  /** Place in line (1 = next) while waiting; null once offered. */
  position: number | null;
  /** When the copy held for an offered place goes to the next in line. */
  holdUntil: Date | null;
  productTitle: string;
  productSlug: string;
  format: (typeof editions.$inferSelect)['format'];
  editionName: string | null;
  createdAt: Date;
};

/** The shopper's active places (waiting or offered), newest first; of the given editions only when named. */
export async function listWaitlistPlaces(
  userId: number,
  options: { editionIds?: number[]; executor?: Executor } = {},
): Promise<WaitlistPlace[]> {
  const executor = options.executor ?? (await getDb());
  const mine = and(
    eq(rentalWaitlist.userId, userId),
    inArray(rentalWaitlist.status, ['waiting', 'offered']),
    options.editionIds ? inArray(rentalWaitlist.editionId, options.editionIds) : undefined,
  );
  if (options.editionIds?.length === 0) return [];
  const line = executor
    .select({
      id: rentalWaitlist.id,
      position: sql<number>`(row_number() over (partition by ${rentalWaitlist.editionId}
        order by ${hasRentalNow}, ${rentalWaitlist.createdAt}, ${rentalWaitlist.id}))::int`.as('position'),
    })
    .from(rentalWaitlist)
    .where(
      and(
        eq(rentalWaitlist.status, 'waiting'),
        inArray(
          rentalWaitlist.editionId,
          executor.select({ editionId: rentalWaitlist.editionId }).from(rentalWaitlist).where(mine),
        ),
      ),
    )
    .as('line');
  const rows = await executor
    .select({
      id: rentalWaitlist.id,
      editionId: rentalWaitlist.editionId,
      status: rentalWaitlist.status,
      position: line.position,
      holdUntil: rentalWaitlist.offerExpiresAt,
      productTitle: products.title,
      productSlug: products.slug,
      format: editions.format,
      editionName: editions.name,
      createdAt: rentalWaitlist.createdAt,
    })
    .from(rentalWaitlist)
    .innerJoin(editions, eq(editions.id, rentalWaitlist.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(line, eq(line.id, rentalWaitlist.id))
    .where(mine)
    .orderBy(desc(rentalWaitlist.createdAt), desc(rentalWaitlist.id));
  return rows.map((row) => ({
    ...row,
    status: row.status === 'offered' ? 'offered' : 'waiting',
    position: row.status === 'waiting' ? (row.position ?? null) : null,
    holdUntil: row.status === 'offered' ? row.holdUntil : null,
  }));
}
