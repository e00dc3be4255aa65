'use server';

import { actionArg, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { recordInteraction } from '@/lib/recommendations/signals-store';
import { addToWishlist, removeFromWishlist } from '@/lib/wishlist/mutations';
import type { WishlistActionResult } from '@/lib/wishlist/types';
import { wishlistProductIdSchema } from '@/lib/wishlist/validation';

/*
 * Server actions of the wishlist (product page toggle, /account/wishlist). Each one authenticates
 * (getCurrentUser: only the signed-in user's own wishlist changes), parses the product id with zod and
 * calls one lib/wishlist function. No cache tag changes: the wishlist is per-user and never cached.
 * Errors are message keys under `wishlist.errors`.
 */

type SignedInUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** A wishlist action on one product: the signed-in user and the parsed product id, or the matching error. */
function wishlistAction(name: string, run: (user: SignedInUser, productId: number) => Promise<WishlistActionResult>) {
  return valueAction(
    name,
    z.tuple([actionArg]),
    async (productId: unknown): Promise<WishlistActionResult> => {
      const user = await getCurrentUser();
      if (!user) return { ok: false, error: 'unauthenticated' };
      const id = wishlistProductIdSchema.safeParse(productId);
      if (!id.success) return { ok: false, error: 'productNotFound' };
      return run(user, id.data);
    },
    INVALID_INPUT,
  );
}

/** Puts a product on the signed-in shopper's wishlist (and records a `wishlist` signal when it is new). */
export const addToWishlistAction = wishlistAction('addToWishlist', async (user, productId) => {
  const result = await addToWishlist(user.id, productId);
  if (!result.ok) return result;
  if (result.added) await recordInteraction({ type: 'wishlist', productId, user });
  return { ok: true, wished: true };
});

/** Takes a product off the signed-in shopper's wishlist. */
export const removeFromWishlistAction = wishlistAction('removeFromWishlist', async (user, productId) => {
  await removeFromWishlist(user.id, productId);
  return { ok: true, wished: false };
});
