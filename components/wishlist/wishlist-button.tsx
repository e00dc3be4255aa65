import { ClientMessages } from '@/components/store/client-messages';
import { WishlistToggle } from './wishlist-toggle';

/**
 * Add to / remove from the wishlist, on product pages. Renders into the static page: the toggle is a
 * client island that asks /api/v1/wishlist who is looking.
 */
export async function WishlistButton({ productId }: { productId: number; title: string }) {
  return (
    <ClientMessages namespaces={['wishlist']}>
      <WishlistToggle productId={productId} />
    </ClientMessages>
  );
}
