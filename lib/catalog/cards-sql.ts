import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows } from '@/db';
import { cardColumns, editionAggregate, sellableEdition } from './listing-sql';
import type { ProductCard } from './types';

// Raw SQL: a product card reads a lateral aggregate over the product's sellable editions and
// correlated subqueries for its lead credit and cover (listing-sql.ts spells them), which the query
// builder cannot say. ProductCard (types.ts) is the row type, declared once;
// tests/integration/catalog.test.ts reads cards from a real database.

/** Runs a query that selects `cardColumns` (plus the columns of `Extra`) and returns its rows. */
export function queryCards<Extra extends object = object>(executor: Executor, query: SQL) {
  return queryRows<ProductCard & Extra>(executor, query);
}

/** The first `limit` cards of the products meeting `where` (on products `p`) that have a sellable edition. */
export async function listCards(where: SQL, order: SQL, limit: number): Promise<ProductCard[]> {
  const db = await getDb();
  return queryCards(
    db,
    sql`select ${cardColumns}
      from products p ${editionAggregate(sql`e.product_id = p.id and ${sellableEdition}`)}
      where ${where} and agg.from_price is not null
      order by ${order} limit ${limit}`,
  );
}

/** Products by units sold in the last 90 days, from the stock ledger. */
export function bestSellerIds(limit: number): SQL {
  return sql`select e.product_id, sum(-m.delta)::int as units
    from stock_movements m join editions e on e.id = m.edition_id
    where m.reason = 'order' and m.created_at > now() - interval '90 days'
    group by e.product_id order by units desc limit ${limit}`;
}

/** The cards of the active products a person is credited on, with the role of each credit. */
export async function listPersonCards(personId: number) {
  const db = await getDb();
  return queryCards<{ role: string }>(
    db,
    sql`select ${cardColumns}, c.role
      from credits c join products p on p.id = c.product_id
      ${editionAggregate(sql`e.product_id = p.id and ${sellableEdition}`)}
      where c.person_id = ${personId} and p.status = 'active' and agg.from_price is not null
      order by c.role, p.release_date desc nulls last`,
  );
}
