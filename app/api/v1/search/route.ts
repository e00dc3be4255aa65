import { productListJson } from '@/lib/catalog/api';
import { listProducts } from '@/lib/catalog/queries';
import { HttpError } from '@/lib/http/errors';
import { jsonOk } from '@/lib/http/json';
import { browseQuery } from '@/lib/catalog/api-params';
import { route } from '@/lib/api/route';
import { searchPeople } from '@/lib/catalog/search/queries';

// GET /api/v1/search?q=…: full-text search with the browse filters; q is required.
export const GET = route({}, async ({ request }) => {
  const filters = browseQuery(request);
  if (!filters.q) throw HttpError.of('invalidRequest', 'a search query is required', { q: 'required' });
  const [list, people] = await Promise.all([listProducts(filters), searchPeople(filters.q)]);
  return jsonOk({ query: filters.q, ...productListJson(list, filters.pageSize), people });
});
