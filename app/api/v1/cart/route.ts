import { getCurrentCart } from '@/lib/rentals/cart';
import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';

// GET /api/v1/cart: the current visitor's cart (by session or cart cookie), for the header's
// mini-cart and other clients. Never cached.
export const GET = route({}, async () => {
  const cart = await getCurrentCart();
  return jsonOk(
    {
      itemCount: cart.itemCount,
      subtotalMinor: cart.subtotalMinor,
      depositMinor: cart.depositMinor,
      blocking: cart.blocking,
      lines: cart.lines.map((line) => ({
        id: line.id,
        editionId: line.editionId,
        slug: line.slug,
        title: line.title,
        format: line.format,
        kind: line.kind,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        rental: line.rental,
        coverUrl: line.coverUrl,
        problems: line.problems,
      })),
    },
    { cache: 'private' },
  );
});
