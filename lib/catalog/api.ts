import 'server-only';
import { env } from '@/lib/env';
import type { ProductCard, ProductDetail, ProductList } from './types';

/**
 * Shapes of the public JSON API (/api/v1). Prices are integer minor units with their currency, so
 * clients never parse formatted strings.
 */
const money = (amountMinor: number | null) =>
  amountMinor === null ? null : { amountMinor, currency: env.STORE_CURRENCY };

export function productCardJson(card: ProductCard) {
  const { fromPriceMinor, ...rest } = card;
  return { ...rest, url: `/products/${card.slug}`, price: money(fromPriceMinor) };
}

export function productListJson(list: ProductList, pageSize: number) {
  return {
    items: list.items.map(productCardJson),
    total: list.total,
    page: list.page,
    pageSize,
    pageCount: list.pageCount,
    facets: list.facets,
    didYouMean: list.didYouMean,
    corrected: list.corrected,
  };
}

export function productDetailJson(product: ProductDetail) {
  return {
    ...product,
    editions: product.editions.map(({ priceMinor, rentalPriceMinor, ...edition }) => ({
      ...edition,
      price: money(priceMinor),
      rentalPrice: money(rentalPriceMinor),
    })),
    moreBy: product.moreBy ? { ...product.moreBy, items: product.moreBy.items.map(productCardJson) } : null,
  };
}
