import { getCurrentUser } from '@/lib/auth/session';
import { jsonError, jsonOk } from '@/lib/http/json';
import { getOwnReview } from '@/lib/reviews/queries';
import { productIdSchema } from '@/lib/reviews/validation';

// GET /api/v1/reviews/mine?productId=: whether the viewer is signed in, and their own review of the
// product (hidden ones too, flagged). Feeds the review form island of the static product page. Never cached.
export async function GET(request: Request) {
  const productId = productIdSchema.safeParse(new URL(request.url).searchParams.get('productId') ?? '');
  if (!productId.success) return jsonError(400, 'productId must be a product id', 'productId');
  const user = await getCurrentUser();
  if (!user) return jsonOk({ signedIn: false, review: null }, { cache: 'private' });
  return jsonOk({ signedIn: true, review: await getOwnReview(user.id, productId.data) }, { cache: 'private' });
}
