'use client';

/** Add to / remove from the wishlist, on product pages (a client island: catalog pages are static). */
export function WishlistButton(_props: { productId: number; title: string }) {
  return null;
}
