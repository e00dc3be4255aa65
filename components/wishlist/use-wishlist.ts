'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { addToWishlistAction, removeFromWishlistAction } from '@/lib/actions/wishlist';

export type WishlistState = { signedIn: boolean; productIds: number[] };

/** One cache entry for the viewer's wishlist: the product page toggles and /account/wishlist share it. */
export const WISHLIST_QUERY_KEY = ['wishlist'] as const;

/** Whether the viewer is signed in and which products they wished (/api/v1/wishlist). */
export function useWishlist() {
  return useQuery<WishlistState>({
    queryKey: WISHLIST_QUERY_KEY,
    queryFn: async () => {
      const response = await fetch('/api/v1/wishlist', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
  });
}

/** An action's error key (`wishlist.errors.*`). */
export class WishlistError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/**
 * Adds (`wish: true`) or removes a product, updating the shared cache at once and putting it back if
 * the server refuses; then reads the wishlist again.
 */
export function useSetWished() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ productId, wish }: { productId: number; wish: boolean }) => {
      const result = wish ? await addToWishlistAction(productId) : await removeFromWishlistAction(productId);
      if (!result.ok) throw new WishlistError(result.error);
      return result;
    },
    onMutate: async ({ productId, wish }) => {
      await client.cancelQueries({ queryKey: WISHLIST_QUERY_KEY });
      const previous = client.getQueryData<WishlistState>(WISHLIST_QUERY_KEY);
      if (previous) {
        const others = previous.productIds.filter((id) => id !== productId);
        client.setQueryData<WishlistState>(WISHLIST_QUERY_KEY, {
          ...previous,
          productIds: wish ? [productId, ...others] : others,
        });
      }
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) client.setQueryData(WISHLIST_QUERY_KEY, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: WISHLIST_QUERY_KEY }),
  });
}
