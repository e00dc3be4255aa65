import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import { cardColumnsReading, editionAggregate, sellableEdition } from '@/lib/catalog/listing-sql';
import type { ProductCard } from '@/lib/catalog/types';
import { must } from '@/lib/must';
import { POSITIVE_RATING, SIGNAL_WEIGHTS, type SignalType } from './signals';
import { LISTS_STATE_KEY, type RankedLists } from './state';

// Raw SQL of the shopper's lists: one statement gathers the setting, the recent distinct positive
// items with their neighbour lists, the exclusions and the fallback lists (CTEs, distinct on, JSON
// built in the database); the cards read a lateral aggregate over editions. Neither is something the
// query builder can say. The row types are declared here, once;
// tests/integration/recommendations-flow.test.ts reads them from a real database.

/** History items whose neighbours are walked (most recent first), and events read per shopper. */
const SOURCES = 20;
const EVENTS = 300;

/** Who is asking: a signed-in user, or an anonymous visitor (cookie), with their cart if any. */
export type Shopper = { userId: number | null; visitorId: string | null; cartId: string | null };

const intArray = (ids: readonly number[]) => `{${ids.filter(Number.isInteger).join(',')}}`;

const weightSql = sql.raw(`case ev.type
  when 'purchase' then ${SIGNAL_WEIGHTS.purchase}
  when 'rating' then case when coalesce(ev.value, 0) >= ${POSITIVE_RATING} then ${SIGNAL_WEIGHTS.rating} else 0 end
  when 'wishlist' then ${SIGNAL_WEIGHTS.wishlist}
  when 'add_to_cart' then ${SIGNAL_WEIGHTS.add_to_cart}
  else ${SIGNAL_WEIGHTS.view} end`);

/**
 * The columns of a ProductCard (as lib/catalog/listing-sql's `cardColumns`), with the lead credit's
 * name looked up by primary key: over a small `people` table the planner otherwise hashes all of it
 * once per card, which made the cards the slowest part of "for you".
 */
const cardColumns = cardColumnsReading(
  sql`select (select pe.name from people pe where pe.id = c.person_id) from credits c`,
);

/** Active, sellable products as cards, by id. */
export async function cardsByIds(executor: Executor, ids: readonly number[]): Promise<Map<number, ProductCard>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<ProductCard>(
    executor,
    sql`select ${cardColumns} from products p ${editionAggregate(sql`e.product_id = p.id and ${sellableEdition}`)}
      where p.id = any(${intArray(ids)}::int[]) and p.status = 'active' and agg.from_price is not null`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** A source item of the shopper's lists: what they did with it, and its hybrid neighbours. */
export type SourceRow = {
  id: number;
  type: SignalType;
  w: number;
  slug: string;
  title: string;
  ids: number[] | null;
  scores: number[] | null;
};

/** The row of readShopper; the JSON columns arrive parsed from postgres.js and as text from PGlite. */
type ShopperRow = {
  personalization: boolean;
  sources: SourceRow[] | string;
  exclude: number[] | string;
  lists: RankedLists | string | null;
};

const parseJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export type ShopperLists = {
  personalization: boolean;
  sources: SourceRow[];
  exclude: number[];
  lists: RankedLists | null;
};

/**
 * One statement: the shopper's setting, their most recent distinct positive items (strongest
 * signal each) with their hybrid neighbour lists, what they own or have in the cart, and the
 * ranked fallback lists. `mode: 'cart'` takes the cart's items as the sources instead.
 */
export async function readShopper(
  executor: Executor,
  shopper: Shopper,
  mode: 'history' | 'cart',
): Promise<ShopperLists> {
  const who: SQL | null = shopper.userId
    ? sql`ev.user_id = ${shopper.userId}`
    : shopper.visitorId
      ? sql`ev.visitor_id = ${shopper.visitorId}`
      : null;
  const cart = shopper.userId
    ? sql`select l.edition_id from carts c join cart_lines l on l.cart_id = c.id where c.user_id = ${shopper.userId}`
    : shopper.cartId
      ? sql`select l.edition_id from carts c join cart_lines l on l.cart_id = c.id
          where c.id = ${shopper.cartId}::uuid and c.user_id is null`
      : sql`select null::int as edition_id where false`;
  const history =
    mode === 'cart'
      ? sql`select e.product_id as id, 'add_to_cart'::interaction_type as type, ${SIGNAL_WEIGHTS.add_to_cart} as w, now() as at
          from editions e where e.id in (${cart}) group by e.product_id`
      : who
        ? sql`select distinct on (id) id, type, w, at from (
            select ev.product_id as id, ev.type, ${weightSql} as w, ev.created_at as at from (
              select * from interaction_events ev where ${who} order by ev.created_at desc limit ${EVENTS}
            ) ev) x
            where w > 0 and (select enabled from setting)
            order by id, w desc, at desc`
        : sql`select null::int as id, null::interaction_type as type, 0 as w, now() as at where false`;
  const [row] = await queryRows<ShopperRow>(
    executor,
    sql`with setting as (
        select coalesce((select personalization from users where id = ${shopper.userId ?? 0}), true) as enabled
      ),
      hist as (${history}),
      src as (select * from hist order by at desc limit ${SOURCES})
      select (select enabled from setting) as personalization,
        coalesce((select json_agg(json_build_object('id', s.id, 'type', s.type, 'w', s.w, 'slug', p.slug,
            'title', p.title, 'ids', n.hybrid_ids, 'scores', n.hybrid_scores) order by s.at desc)
          from src s join products p on p.id = s.id left join item_neighbours n on n.product_id = s.id), '[]') as sources,
        coalesce((select json_agg(distinct x.id) from (
            select product_id as id from interaction_events
              where user_id = ${shopper.userId ?? 0} and type = 'purchase'
            union all select e.product_id from editions e where e.id in (${cart})) x), '[]') as exclude,
        (select value from recommender_state where key = ${LISTS_STATE_KEY}) as lists`,
  );
  // A select without a from clause returns exactly one row.
  const { personalization, sources, exclude, lists } = must(row, 'shopper row');
  return {
    personalization,
    sources: parseJson(sources),
    exclude: parseJson(exclude),
    lists: lists === null ? null : parseJson(lists),
  };
}
