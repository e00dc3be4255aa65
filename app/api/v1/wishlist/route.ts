import { getCurrentUser } from '@/lib/auth/session';
import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import { listWishlistProductIds } from '@/lib/wishlist/queries';

// GET /api/v1/wishlist: whether the viewer is signed in, and the ids of the products on their
// wishlist (the toggles on static product pages and /account/wishlist share it). Never cached.
export const GET = route({}, async () => {
  const user = await getCurrentUser();
  if (!user) return jsonOk({ signedIn: false, productIds: [] }, { cache: 'private' });
  return jsonOk({ signedIn: true, productIds: await listWishlistProductIds(user.id) }, { cache: 'private' });
});
