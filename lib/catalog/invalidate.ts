import 'server-only';
import { revalidateTag } from 'next/cache';
import { CATALOG_TAG, productTag } from './tags';

/**
 * After stock changed (an order, a cancellation): the product pages refresh; lists and search only
 * when something sold out or came back, so a busy shop does not empty the whole catalog cache on
 * every sale. Stale-while-revalidate: the next visitor triggers the refresh. Call from actions and
 * route handlers (background jobs have no request to invalidate from; pages refresh hourly anyway).
 */
export function invalidateAfterStockChange(productSlugs: string[], availabilityChanged: boolean): void {
  for (const slug of productSlugs) revalidateTag(productTag(slug), 'max');
  if (availabilityChanged) revalidateTag(CATALOG_TAG, 'max');
}
