import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { env } from '@/lib/env';
import { minorUnitsPerMajor } from '@/lib/money/format';
import { queryCards } from './cards-sql';
import {
  cardColumns,
  editionAggregate,
  editionConditions,
  listingSource,
  orderBy,
  type TextQuery,
} from './listing-sql';
import type { BrowseFilters } from './validation';

// Raw SQL: a page of a browse or search listing (ranked matches, a lateral aggregate over editions,
// window positions) is beyond the query builder; its rows are ProductCards (cards-sql.ts), read back
// from a real database in tests/integration/catalog.test.ts.

export const minorPerMajor = () => minorUnitsPerMajor(env.STORE_CURRENCY);

/**
 * A page of a listing in two steps: first the page's ids and edition aggregates, from the products
 * (for a search: its matches, see listingSource) and their editions; then the cards of those ids only
 * (`listed` is aliased `agg`, the name cardColumns reads the aggregate by). The total comes with the
 * facets (listingCounts), so a listing in an order it can read in (a search by relevance) stops after
 * its page.
 */
export async function runListing(filters: BrowseFilters, text: TextQuery | null) {
  const offset = (filters.page - 1) * filters.pageSize;
  const editionWhere = editionConditions(filters, minorPerMajor());
  const order = orderBy(filters, text !== null);
  const source = listingSource(filters, text);
  return readCatalog((tx) =>
    queryCards(
      tx,
      sql`with listed as (
        select p.id, agg.*, row_number() over (order by ${order}) as position
        from ${source.from} ${editionAggregate(editionWhere)}
        where ${source.where} and agg.from_price is not null
        order by ${order} limit ${filters.pageSize} offset ${offset}
      )
      select ${cardColumns}
      from listed agg join products p on p.id = agg.id
      order by agg.position`,
    ),
  );
}

/**
 * One read of a listing, in its own transaction with planner settings for a catalog that is read far
 * more than written and lives in memory: index lookups priced as what they cost on SSD or cached data
 * (the default random_page_cost assumes spinning disks and turns a search over 100,000 products into
 * full-table scans), and no JIT compilation, which on the larger estimates of facet queries added up to
 * a second to a query that runs in milliseconds; and no parallel workers: a search already runs its
 * statements side by side, and workers only took cores from them (a broad word's facets went from 70
 * to 100 ms). SET LOCAL keeps this off other queries and works through connection poolers.
 */
export async function readCatalog<T>(read: (tx: Transaction) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('random_page_cost', '1.1', true), set_config('jit', 'off', true),
        set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    return read(tx);
  });
}
