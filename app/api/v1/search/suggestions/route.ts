import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import { cleanQuery } from '@/lib/catalog/search/normalize';
import { getSuggestions } from '@/lib/catalog/search/queries';

// GET /api/v1/search/suggestions?q=…: products and people for search-as-you-type.
export const GET = route({}, async ({ request }) => {
  const q = cleanQuery(new URL(request.url).searchParams.get('q'));
  if (q.length < 2) return jsonOk({ products: [], people: [] });
  return jsonOk(await getSuggestions(q));
});
