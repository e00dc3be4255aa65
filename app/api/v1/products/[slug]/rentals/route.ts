import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import { slugParams } from '@/lib/catalog/api-params';
import { getRentalOffers } from '@/lib/rentals/shopper-queries';

// GET /api/v1/products/{slug}/rentals: `{editions: [{editionId, freeCopies}]}` for the product's
// editions that can be rented now. The product page is cached; its rent offers read the free copies
// here, per request (an unknown product: an empty list). Never cached.
export const GET = route({ params: slugParams }, async ({ params }) => {
  const offers = await getRentalOffers(params.slug);
  return jsonOk(
    { editions: offers.map(({ editionId, freeCopies }) => ({ editionId, freeCopies })) },
    { cache: 'private' },
  );
});
