import { productDetailJson } from '@/lib/catalog/api';
import { getProduct } from '@/lib/catalog/detail-queries';
import { HttpError } from '@/lib/http/errors';
import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import { slugParams } from '@/lib/catalog/api-params';

// GET /api/v1/products/{slug}: one active product with its sellable editions, tracks and credits.
export const GET = route({ params: slugParams }, async ({ params }) => {
  const product = await getProduct(params.slug);
  if (!product) throw HttpError.of('notFound', 'product not found');
  return jsonOk(productDetailJson(product));
});
