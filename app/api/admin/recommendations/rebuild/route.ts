import { route } from '@/lib/api/route';
import { rebuildRecommendationsNow } from '@/lib/recommendations/mutations';
import { refreshRecommendationCaches } from '@/lib/recommendations/refresh';

// POST /api/admin/recommendations/rebuild: an admin recomputes the recommendation tables now (instead
// of waiting for the job), e.g. after importing a catalog. Answers with the rebuild's summary.
export const POST = route({ auth: 'admin' }, async () => {
  const summary = await rebuildRecommendationsNow();
  if (summary.ran) refreshRecommendationCaches();
  return Response.json({ ran: summary.ran, summary }, { headers: { 'Cache-Control': 'no-store' } });
});
