import 'server-only';
import { revalidateTag } from 'next/cache';
import { CATALOG_TAG } from '@/lib/catalog/tags';
import { rebuildIfDue } from './mutations';
import { RECOMMENDATIONS_TAG } from './tags';

/**
 * After a rebuild: product pages (cached with their "also bought" lists) refresh in the background
 * on their next visits (stale-while-revalidate). Only possible inside a request (a route handler, the
 * cron tick); from a timer there is no request, and the pages then refresh with their cache life.
 */
export function refreshRecommendationCaches(): boolean {
  try {
    revalidateTag(RECOMMENDATIONS_TAG, 'max');
    revalidateTag(CATALOG_TAG, 'max');
    return true;
  } catch {
    return false;
  }
}

/** The background job (lib/jobs): rebuild when due, then refresh the cached pages where possible. */
export async function refreshRecommendationsJob(): Promise<void> {
  const summary = await rebuildIfDue();
  if (summary) {
    refreshRecommendationCaches();
    console.log(
      `[encore] Recommendations rebuilt: ${summary.events} events, ${summary.products} products, ${summary.totalMs} ms.`,
    );
  }
}
