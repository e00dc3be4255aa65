import { productListJson } from '@/lib/catalog/api';
import { listProducts } from '@/lib/catalog/queries';
import { parseBrowseParams } from '@/lib/catalog/validation';
import { jsonError, jsonOk } from '@/lib/http/json';

// GET /api/v1/products?kind=&format=&genre=&decade=&price=&avail=&sort=&page=&pageSize=&q=
// The browse listing for other clients. Bad parameters: 400 naming the parameter.
export async function GET(request: Request) {
  const parsed = parseBrowseParams(new URL(request.url).searchParams, { strict: true });
  if (!parsed.ok) return jsonError(400, parsed.message, parsed.param);
  const list = await listProducts(parsed.filters);
  return jsonOk(productListJson(list, parsed.filters.pageSize));
}
