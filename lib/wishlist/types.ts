import type { ProductKind } from '@/lib/catalog/formats';

/** What /account/wishlist shows of one wished product. */
export type WishlistEntry = {
  productId: number;
  slug: string;
  kind: ProductKind;
  title: string;
  originalTitle: string | null;
  credit: string | null;
  coverUrl: string | null;
  /** Lowest price of the editions on sale now; null when none is (or the product was withdrawn). */
  fromPriceMinor: number | null;
  /** Lowest price when the product was added. */
  priceSeenMinor: number | null;
  availability: 'in_stock' | 'preorder' | 'out_of_stock' | 'unavailable';
  addedAt: string;
};

export type WishlistActionResult = { ok: true; wished: boolean } | { ok: false; error: string };
