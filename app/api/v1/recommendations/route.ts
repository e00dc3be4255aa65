import { getProduct } from '@/lib/catalog/detail-queries';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http/errors';
import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import {
  getForYou,
  getProductRecommendations,
  type ReasonView,
  type RecommendedCard,
} from '@/lib/recommendations/queries';
import { currentShopper } from '@/lib/recommendations/shopper';
import { recommendationsQuerySchema } from '@/lib/recommendations/validation';

// GET /api/v1/recommendations?product={slug}: a product's "also bought" and "more like this" (public,
// cached like the page). ?for=me: the caller's own recommendations, from their session or visitor
// cookie (private, never cached). Each item has slug, title, kind, price (minor units) and its reason.
export const GET = route({ query: recommendationsQuerySchema }, async ({ query }) => {
  if (query.product) {
    const product = await getProduct(query.product);
    if (!product) throw HttpError.of('notFound', 'product not found', { product: 'productNotFound' });
    const lists = await getProductRecommendations(product.id);
    return jsonOk({
      product: product.slug,
      alsoBought: lists.alsoBought.map(itemJson),
      moreLikeThis: lists.moreLikeThis.map(itemJson),
    });
  }
  const forYou = await getForYou(await currentShopper());
  return jsonOk(
    {
      personalization: forYou.personalization,
      personal: forYou.personal,
      items: forYou.recommended.map(itemJson),
      becauseViewed: forYou.becauseViewed
        ? { source: forYou.becauseViewed.source, items: forYou.becauseViewed.items.map(itemJson) }
        : null,
    },
    { cache: 'private' },
  );
});

function itemJson({ card, reason }: RecommendedCard) {
  return {
    slug: card.slug,
    title: card.title,
    kind: card.kind,
    url: `/products/${card.slug}`,
    coverUrl: card.coverUrl,
    price: card.fromPriceMinor === null ? null : { amountMinor: card.fromPriceMinor, currency: env.STORE_CURRENCY },
    reason: reason satisfies ReasonView,
  };
}
