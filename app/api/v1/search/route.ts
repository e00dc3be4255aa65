import { productListJson } from '@/lib/catalog/api';
import { listProducts } from '@/lib/catalog/queries';
import { parseBrowseParams } from '@/lib/catalog/validation';
import { jsonError, jsonOk } from '@/lib/http/json';
import { searchPeople } from '@/lib/search/queries';

// GET /api/v1/search?q=…: full-text search with the browse filters; q is required.
export async function GET(request: Request) {
  const parsed = parseBrowseParams(new URL(request.url).searchParams, { strict: true });
  if (!parsed.ok) return jsonError(400, parsed.message, parsed.param);
  if (!parsed.filters.q) return jsonError(400, 'a search query is required', 'q');
  const [list, people] = await Promise.all([listProducts(parsed.filters), searchPeople(parsed.filters.q)]);
  return jsonOk({ query: parsed.filters.q, ...productListJson(list, parsed.filters.pageSize), people });
}
