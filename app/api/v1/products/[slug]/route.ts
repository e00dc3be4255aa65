import { productDetailJson } from '@/lib/catalog/api';
import { getProduct } from '@/lib/catalog/queries';
import { jsonError, jsonOk } from '@/lib/http/json';

// GET /api/v1/products/{slug}: one active product with its sellable editions, tracks and credits.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || slug.length > 200) return jsonError(404, 'product not found');
  const product = await getProduct(slug);
  if (!product) return jsonError(404, 'product not found');
  return jsonOk(productDetailJson(product));
}
