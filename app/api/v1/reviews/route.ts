import { jsonError, jsonOk } from '@/lib/http/json';
import { listProductReviews } from '@/lib/reviews/queries';
import { productIdSchema, reviewPageSchema } from '@/lib/reviews/validation';

// GET /api/v1/reviews?productId=&page=: one page of a product's visible reviews, newest first
// ("Show more reviews" on product pages, other clients). Public and cached like the catalog.
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const productId = productIdSchema.safeParse(params.get('productId') ?? '');
  if (!productId.success) return jsonError(400, 'productId must be a product id', 'productId');
  const page = reviewPageSchema.safeParse(params.get('page') ?? '1');
  if (!page.success) return jsonError(400, 'page must be a whole number from 1 to 2000', 'page');
  return jsonOk(await listProductReviews(productId.data, page.data));
}
