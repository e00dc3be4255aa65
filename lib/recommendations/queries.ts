import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { eq, max, sql } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import { users } from '@/lib/accounts/schema';
import { products } from '@/lib/catalog/schema';
import { CATALOG_TAG, productTag } from '@/lib/catalog/tags';
import type { ProductCard } from '@/lib/catalog/types';
import { createItemIndex } from './item-index';
import { diversify, recommendForUser, type HistoryItem } from './rank';
import { interactionEvents, itemNeighbours, recommenderState } from './schema';
import { cardsByIds, readShopper, type Shopper, type SourceRow } from './shopper-sql';
import { BUILD_STATE_KEY, type BuildState, type RankedLists } from './state';
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
/** At most this many cards by one artist / director / developer per rail. */
const PER_CREDIT = 2;

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
  const { sources, exclude, lists } = row;
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
  const { sources } = row;
  if (sources.length === 0) return [];
  const ranked = recommendForUser(
    tableOf(sources),
    sources.map((s) => ({ item: s.id, signal: s.type, weight: s.w })),
    { k: CANDIDATES, exclude: row.exclude },
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
  const [row] = await db
    .select({ slug: products.slug, cf: itemNeighbours.collaborativeIds, content: itemNeighbours.contentIds })
    .from(products)
    .leftJoin(itemNeighbours, eq(itemNeighbours.productId, products.id))
    .where(eq(products.id, productId));
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
  const [row] = await db.select({ personalization: users.personalization }).from(users).where(eq(users.id, userId));
  return row?.personalization ?? true;
}

/** The last rebuild's bookkeeping, or null before the first one (for the job and the CLI). */
export async function getBuildState(executor?: Executor): Promise<{
  state: BuildState | null;
  current: { lastEventId: number; lastProductId: number };
}> {
  const db = executor ?? (await getDb());
  // One row: an aggregate without group by, with the other two reads as subqueries.
  const [row] = await db
    .select({
      lastProductId: max(products.id),
      lastEventId: sql`(select max(${interactionEvents.id}) from ${interactionEvents})`.mapWith(Number),
      value: sql`(select ${recommenderState.value} from ${recommenderState}
        where ${recommenderState.key} = ${BUILD_STATE_KEY})`.mapWith(recommenderState.value),
    })
    .from(products);
  return {
    state: (row?.value as BuildState | null | undefined) ?? null,
    current: { lastEventId: row?.lastEventId ?? 0, lastProductId: row?.lastProductId ?? 0 },
  };
}
