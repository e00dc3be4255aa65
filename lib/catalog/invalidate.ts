import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { CATALOG_TAG, productTag } from './tags';

/**
 * After stock changed (an order, a cancellation), from a server action: the product pages show the
 * new stock on the next request (updateTag: read-your-own-writes); lists and search refresh in the
 * background only when something sold out or came back, so a busy shop does not empty the whole
 * catalog cache on every sale. Background jobs have no request to invalidate from; the pages they
 * affect refresh within the hour (cacheLife 'catalog'), and checkout always reads live stock.
 */
export function invalidateAfterStockChange(productSlugs: string[], availabilityChanged: boolean): void {
  for (const slug of productSlugs) updateTag(productTag(slug));
  if (availabilityChanged) revalidateTag(CATALOG_TAG, 'max');
}
