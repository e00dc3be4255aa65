import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows } from '@/db';
import { editionAggregate, sellableEdition } from '@/lib/catalog/listing-sql';
import { CATALOG_TAG, productTag } from '@/lib/catalog/tags';
import type { ProductCard } from '@/lib/catalog/types';
import { must } from '@/lib/must';
import { createItemIndex } from './item-index';
import { diversify, recommendForUser, type HistoryItem } from './rank';
import { POSITIVE_RATING, SIGNAL_WEIGHTS, type SignalType } from './signals';
import { BUILD_STATE_KEY, type BuildState, LISTS_STATE_KEY, type RankedLists } from './state';
import { RECOMMENDATIONS_TAG } from './tags';
import type { NeighbourTable, Recommendation } from './types';

/**
 * Reads of the recommendations: the lists precomputed by the rebuild (lib/recommendations/rebuild.ts)
 * turned into product cards with their reasons. Product-page lists are the same for everyone and
 * cached with the page (tags: catalog, the product, `recommendations`); a shopper's lists are read on
 * every request and never cached: two indexed statements (history, exclusions, neighbour lists and
 * fallbacks in one; the cards in the other).
 */

/** Why a card is shown, ready to be put into words. */
export type ReasonView =
  | { kind: 'because_bought' | 'because_viewed' | 'goes_with'; source: { slug: string; title: string } }
  | { kind: 'popular' | 'trending'; productKind: ProductCard['kind'] }
  | { kind: 'similar' | 'also_bought' };

export type RecommendedCard = { card: ProductCard; reason: ReasonView };

/** Who is asking: a signed-in user, or an anonymous visitor (cookie), with their cart if any. */
export type Shopper = { userId: number | null; visitorId: string | null; cartId: string | null };

export type ForYou = {
  /** False when the shopper turned personalisation off: the lists are then popular items only. */
  personalization: boolean;
  /** True when the main list comes from the shopper's own history. */
  personal: boolean;
  recommended: RecommendedCard[];
  /** Items like the one the shopper viewed last, when there is one with neighbours. */
  becauseViewed: { source: { slug: string; title: string }; items: RecommendedCard[] } | null;
};

export type ProductRecommendations = { alsoBought: RecommendedCard[]; moreLikeThis: RecommendedCard[] };

/** Cards per rail, candidates read per rail (room for the diversity cap and for unsellable items). */
const RAIL = 12;
const CANDIDATES = 40;
/** History items whose neighbours are walked (most recent first), and events read per shopper. */
const SOURCES = 20;
const EVENTS = 300;
/** At most this many cards by one artist / director / developer per rail. */
const PER_CREDIT = 2;

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
const cardColumns = sql`p.id, p.slug, p.kind, p.title, p.original_title as "originalTitle",
  extract(year from p.release_date)::int as year,
  (select (select pe.name from people pe where pe.id = c.person_id) from credits c
     where c.product_id = p.id and c.role in ('artist', 'director', 'writer', 'developer')
     order by array_position(array['artist', 'director', 'writer', 'developer']::credit_role[], c.role), c.sort_order
     limit 1) as credit,
  (select m.url from media m where m.product_id = p.id and m.kind = 'cover' order by m.sort_order limit 1) as "coverUrl",
  agg.from_price as "fromPriceMinor", coalesce(agg.preorder, false) as preorder,
  coalesce(agg.in_stock, false) as "inStock", coalesce(agg.rentable, false) as rentable,
  coalesce(agg.digital, false) as digital`;

/** Active, sellable products as cards, by id. */
async function cardsByIds(executor: Executor, ids: readonly number[]): Promise<Map<number, ProductCard>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<ProductCard>(
    executor,
    sql`select ${cardColumns} from products p ${editionAggregate(sql`e.product_id = p.id and ${sellableEdition}`)}
      where p.id = any(${intArray(ids)}::int[]) and p.status = 'active' and agg.from_price is not null`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** The diversity group of a card: its lead credit within its kind (no credit: no group). */
const creditGroup = (card: ProductCard | undefined) => (card?.credit ? `${card.kind}:${card.credit}` : null);

/** Recommendations → cards, in order, unsellable ones dropped, at most PER_CREDIT per credit, RAIL long. */
function toCards(
  ranked: readonly Recommendation[],
  cards: Map<number, ProductCard>,
  reason: (rec: Recommendation, card: ProductCard) => ReasonView | null,
  taken: Set<number> = new Set(),
): RecommendedCard[] {
  const available = ranked.filter((r) => cards.has(r.item) && !taken.has(r.item));
  const picked = diversify(available, (item) => creditGroup(cards.get(item)), PER_CREDIT, RAIL);
  const out: RecommendedCard[] = [];
  for (const rec of picked) {
    const card = cards.get(rec.item)!;
    const why = reason(rec, card);
    if (!why) continue;
    taken.add(rec.item);
    out.push({ card, reason: why });
  }
  return out;
}

type SourceRow = {
  id: number;
  type: SignalType;
  w: number;
  slug: string;
  title: string;
  ids: number[] | null;
  scores: number[] | null;
};

type ShopperRow = {
  personalization: boolean;
  sources: SourceRow[] | string;
  exclude: number[] | string;
  lists: RankedLists | string | null;
};

const parseJson = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * One statement: the shopper's setting, their most recent distinct positive items (strongest
 * signal each) with their hybrid neighbour lists, what they own or have in the cart, and the
 * ranked fallback lists. `mode: 'cart'` takes the cart's items as the sources instead.
 */
async function readShopper(executor: Executor, shopper: Shopper, mode: 'history' | 'cart'): Promise<ShopperRow> {
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
  return must(row, 'shopper row');
}

/** A small neighbour table over the sources' lists, for the ranking functions of ./rank. */
function tableOf(sources: readonly SourceRow[]): NeighbourTable {
  const ids: number[] = [];
  for (const s of sources) ids.push(s.id, ...(s.ids ?? []));
  const index = createItemIndex(ids);
  const offsets = new Int32Array(index.ids.length + 1);
  const targets: number[] = [];
  const scores: number[] = [];
  const bySource = new Map(sources.map((s) => [s.id, s]));
  for (const [i, id] of index.ids.entries()) {
    const source = bySource.get(id);
    (source?.ids ?? []).forEach((id, r) => {
      targets.push(index.indexOf.get(id)!);
      scores.push(source?.scores?.[r] ?? 0);
    });
    offsets[i + 1] = targets.length;
  }
  return { index, offsets, targets: Int32Array.from(targets), scores: Float32Array.from(scores) };
}

const fallbackOf = (lists: RankedLists | null) => [
  { kind: 'trending' as const, items: (lists?.trending.all ?? []).slice(0, 20) },
  { kind: 'popular' as const, items: lists?.popular.all ?? [] },
];

function personalReason(
  rec: Recommendation,
  card: ProductCard,
  titles: Map<number, { slug: string; title: string }>,
  sourceKind: 'because_bought' | 'because_viewed' | 'goes_with' | null = null,
): ReasonView | null {
  const { kind, sourceItem } = rec.reason;
  if (kind === 'popular' || kind === 'trending') return { kind, productKind: card.kind };
  const source = sourceItem !== undefined ? titles.get(sourceItem) : undefined;
  if (!source) return null;
  if (sourceKind) return { kind: sourceKind, source };
  return { kind: kind === 'because_bought' ? 'because_bought' : 'because_viewed', source };
}

/**
 * "For you": the shopper's recommendations from the hybrid neighbours of their recent items
 * (a purchase counts more than a view), leaving out what they own or have in the cart, at most two
 * per artist, each with its reason; plus "because you viewed …" for the last item they viewed.
 * A new visitor, or one who turned personalisation off, gets trending and popular items instead.
 * Per-user: never cached. `shopper` must come from the request's own session or cookies.
 */
export async function getForYou(shopper: Shopper, executor?: Executor): Promise<ForYou> {
  const db = executor ?? (await getDb());
  const row = await readShopper(db, shopper, 'history');
  const sources = parseJson(row.sources);
  const exclude = parseJson(row.exclude);
  const lists = row.lists ? parseJson(row.lists) : null;
  const history: HistoryItem[] = sources.map((s) => ({ item: s.id, signal: s.type, weight: s.w }));
  const ranked = recommendForUser(tableOf(sources), history, {
    k: CANDIDATES,
    exclude,
    fallback: fallbackOf(lists),
  });
  const viewed = sources.find((s) => s.type === 'view' && (s.ids?.length ?? 0) > 0) ?? null;
  const blocked = new Set([...exclude, ...sources.map((s) => s.id)]);
  const viewedIds = viewed ? (viewed.ids ?? []).filter((id) => !blocked.has(id)).slice(0, CANDIDATES) : [];
  const cards = await cardsByIds(db, [...new Set([...ranked.map((r) => r.item), ...viewedIds])]);
  const titles = new Map(sources.map((s) => [s.id, { slug: s.slug, title: s.title }]));
  const taken = new Set<number>();
  const recommended = toCards(ranked, cards, (rec, card) => personalReason(rec, card, titles), taken);
  let becauseViewed: ForYou['becauseViewed'] = null;
  if (viewed) {
    const items = toCards(
      viewedIds.map((item, r) => ({ item, score: viewed.scores?.[r] ?? 0, reason: { kind: 'similar' as const } })),
      cards,
      () => ({ kind: 'similar' }),
      taken,
    );
    if (items.length > 0) becauseViewed = { source: { slug: viewed.slug, title: viewed.title }, items };
  }
  return {
    personalization: row.personalization,
    personal: recommended.some((r) => r.reason.kind === 'because_bought' || r.reason.kind === 'because_viewed'),
    recommended,
    becauseViewed,
  };
}

/**
 * "Complete your collection" on the cart page: neighbours of what is in the cart, not in it and not
 * owned, at most two per artist, each saying which cart item it goes with. Per-user: never cached.
 */
export async function getCartRecommendations(shopper: Shopper): Promise<RecommendedCard[]> {
  const db = await getDb();
  const row = await readShopper(db, shopper, 'cart');
  const sources = parseJson(row.sources);
  if (sources.length === 0) return [];
  const ranked = recommendForUser(
    tableOf(sources),
    sources.map((s) => ({ item: s.id, signal: s.type, weight: s.w })),
    { k: CANDIDATES, exclude: parseJson(row.exclude) },
  );
  const cards = await cardsByIds(
    db,
    ranked.map((r) => r.item),
  );
  const titles = new Map(sources.map((s) => [s.id, { slug: s.slug, title: s.title }]));
  return toCards(ranked, cards, (rec, card) => personalReason(rec, card, titles, 'goes_with'));
}

/**
 * A product's lists: "customers who bought this also bought" (collaborative) and "more like this"
 * (content, without the items of the first list). Uncached; see {@link getProductRecommendations}.
 */
export async function readProductRecommendations(
  productId: number,
  executor?: Executor,
): Promise<ProductRecommendations & { slug: string | null }> {
  const db = executor ?? (await getDb());
  const [row] = await queryRows<{ slug: string; cf: number[] | null; content: number[] | null }>(
    db,
    sql`select p.slug, n.collaborative_ids as cf, n.content_ids as content
      from products p left join item_neighbours n on n.product_id = p.id where p.id = ${productId}`,
  );
  if (!row) return { slug: null, alsoBought: [], moreLikeThis: [] };
  const cf = (row.cf ?? []).filter((id) => id !== productId).slice(0, CANDIDATES);
  const content = (row.content ?? []).filter((id) => id !== productId).slice(0, CANDIDATES);
  const cards = await cardsByIds(db, [...new Set([...cf, ...content])]);
  const asRecs = (ids: number[]) => ids.map((item) => ({ item, score: 0, reason: { kind: 'similar' as const } }));
  const taken = new Set<number>();
  const alsoBought = toCards(asRecs(cf), cards, () => ({ kind: 'also_bought' }), taken);
  const moreLikeThis = toCards(asRecs(content), cards, () => ({ kind: 'similar' }), taken);
  return { slug: row.slug, alsoBought, moreLikeThis };
}

/**
 * The product page's lists, the same for every visitor: cached like the page, under the catalog
 * tag, the product's tag and RECOMMENDATIONS_TAG (a rebuild invalidates the last).
 */
export async function getProductRecommendations(productId: number): Promise<ProductRecommendations> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG, RECOMMENDATIONS_TAG);
  const { slug, ...lists } = await readProductRecommendations(productId);
  if (slug) cacheTag(productTag(slug));
  return lists;
}

/** Whether a user lets their history shape their recommendations (the account-centre switch). */
export async function getPersonalization(userId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await queryRows<{ personalization: boolean }>(
    db,
    sql`select personalization from users where id = ${userId}`,
  );
  return row?.personalization ?? true;
}

/** The last rebuild's bookkeeping, or null before the first one (for the job and the CLI). */
export async function getBuildState(executor?: Executor): Promise<{
  state: BuildState | null;
  current: { lastEventId: number; lastProductId: number };
}> {
  const db = executor ?? (await getDb());
  const [row] = await queryRows<{
    value: BuildState | string | null;
    lastEventId: number | null;
    lastProductId: number | null;
  }>(
    db,
    sql`select (select value from recommender_state where key = ${BUILD_STATE_KEY}) as value,
      (select max(id) from interaction_events)::int8 as "lastEventId",
      (select max(id) from products)::int as "lastProductId"`,
  );
  return {
    state: row?.value ? parseJson(row.value) : null,
    current: { lastEventId: Number(row?.lastEventId ?? 0), lastProductId: Number(row?.lastProductId ?? 0) },
  };
}
