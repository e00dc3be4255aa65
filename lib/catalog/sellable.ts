import { and, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { editions, media, products } from './schema';

// Typed fragments for the query builder, shared by every domain that reads editions and products
// (the raw-SQL listings spell the same rules for the aliases `e` and `p` in listing-sql.ts).

/**
 * An edition that can be sold today: active, inside its rights window, and not digital. Digital
 * editions stay out of the shop (listings, search, product pages, cart, checkout) until the store
 * can deliver downloads; the admin still manages them.
 */
export function editionSellable(): SQL {
  return and(
    eq(editions.status, 'active'),
    eq(editions.digital, false),
    or(isNull(editions.availableFrom), lte(editions.availableFrom, sql`now()`)),
    or(isNull(editions.availableUntil), gt(editions.availableUntil, sql`now()`)),
  ) as SQL;
}

/** An active edition of an active product, inside its rights window. */
export function editionAndProductSellable(): SQL {
  return and(editionSellable(), eq(products.status, 'active')) as SQL;
}

/** The first cover image of the product `products` row in scope (null when it has none). */
export function coverUrl(): SQL<string | null> {
  return sql<string | null>`(select ${media.url} from ${media} where ${media.productId} = ${products.id}
    and ${media.kind} = 'cover' order by ${media.sortOrder} limit 1)`;
}
