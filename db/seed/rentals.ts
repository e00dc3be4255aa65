/**
 * Rental copies for the demo: every rentable physical edition of the base catalog gets two or three
 * copies on the shelf, so that a fresh demo can rent. Codes are deterministic, `R-<SKU>-<n>` (the
 * edition's SKU; `R-E<edition id>-<n>` when that would not be a valid copy code), graded from
 * excellent to fair, all available.
 */
import { sql } from 'drizzle-orm';
import { queryRow, type Transaction } from '@/db';

/** A valid copy code (lib/rentals/copies.ts `normalizeCopyCode`), checked in SQL. */
const COPY_CODE = '^[A-Z0-9][A-Z0-9._-]{2,63}$';

export async function insertRentalCopies(tx: Transaction, productIds: readonly number[]): Promise<number> {
  if (productIds.length === 0) return 0;
  const row = await queryRow<{ copies: number }>(
    tx,
    sql`with rentable as (
          select e.id, upper(e.sku) as sku, row_number() over (order by e.sku) as position
          from editions e
          where e.rentable and not e.digital and e.product_id = any(${`{${productIds.join(',')}}`}::int[])
        ), inserted as (
          insert into rental_copies (edition_id, code, grade)
          select r.id,
            case when ('R-' || r.sku || '-' || n) ~ ${COPY_CODE} then 'R-' || r.sku || '-' || n
              else 'R-E' || r.id || '-' || n end,
            (case n when 1 then 'excellent' when 2 then 'good' else 'fair' end)::rental_copy_grade
          from rentable r cross join lateral generate_series(1, 2 + (r.position % 2)::int) as n
          returning 1
        )
        select count(*)::int as copies from inserted`,
  );
  return row.copies;
}

export const rentalCopiesStep = {
  name: 'rental copies',
  async run(tx: Transaction, context: { productIds: ReadonlyMap<string, number>; log: (line: string) => void }) {
    const copies = await insertRentalCopies(tx, [...context.productIds.values()]);
    context.log(`Rental copies: ${copies} copies of the rentable editions, all on the shelf.`);
  },
};
