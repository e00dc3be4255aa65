import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import { getOwnReview } from '@/lib/reviews/queries';
import { productIdSchema } from '@/lib/reviews/validation';

// GET /api/v1/reviews/mine?productId=: whether the viewer is signed in, and their own review of the
// product (hidden ones too, flagged). Feeds the review form island of the static product page. Never cached.
export const GET = route({ query: z.object({ productId: productIdSchema }) }, async ({ query }) => {
  const user = await getCurrentUser();
  if (!user) return jsonOk({ signedIn: false, review: null }, { cache: 'private' });
  return jsonOk({ signedIn: true, review: await getOwnReview(user.id, query.productId) }, { cache: 'private' });
});
