import { productListJson } from '@/lib/catalog/api';
import { listProducts } from '@/lib/catalog/queries';
import { jsonOk } from '@/lib/http/json';
import { browseQuery } from '@/lib/catalog/api-params';
import { route } from '@/lib/api/route';

// GET /api/v1/products?kind=&format=&genre=&decade=&price=&avail=&sort=&page=&pageSize=&q=
// The browse listing for other clients. Bad parameters: 400 naming the parameter in `fields`.
export const GET = route({}, async ({ request }) => {
  const filters = browseQuery(request);
  const list = await listProducts(filters);
  return jsonOk(productListJson(list, filters.pageSize));
});
