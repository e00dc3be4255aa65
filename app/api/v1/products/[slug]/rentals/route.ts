import { jsonOk } from '@/lib/http/json';
import { route } from '@/lib/api/route';
import { getCurrentUser } from '@/lib/auth/session';
import { slugParams } from '@/lib/catalog/api-params';
import { env } from '@/lib/env';
import { getRentalOffers } from '@/lib/rentals/shopper-queries';
import { waitLabel } from '@/lib/rentals/wait';
import { listWaitlistPlaces } from '@/lib/rentals/waitlist-queries';

// GET /api/v1/products/{slug}/rentals: for the product's editions that can be rented now, the copies
// free for a newcomer, the people waiting and the wait (lib/rentals/wait.ts), and — for a signed-in
// shopper — their place in each edition's waitlist (waiting with its position, or offered with the
// hold's end). The product page is cached; its rent offers read this per request (an unknown
// product: an empty list). Never cached.
export const GET = route({ params: slugParams }, async ({ params }) => {
  const [offers, user] = await Promise.all([getRentalOffers(params.slug), getCurrentUser()]);
  const places =
    user && offers.length > 0
      ? await listWaitlistPlaces(user.id, { editionIds: offers.map((offer) => offer.editionId) })
      : [];
  return jsonOk(
    {
      signedIn: user !== null,
      holdHours: env.RENTAL_WAITLIST_HOLD_HOURS,
      timeZone: env.SHOP_TIME_ZONE,
      editions: offers.map((offer) => {
        const place = places.find((p) => p.editionId === offer.editionId);
        return {
          editionId: offer.editionId,
          freeCopies: offer.freeCopies,
          waiting: offer.waiting,
          wait: waitLabel(offer),
          place: place
            ? { id: place.id, status: place.status, position: place.position, holdUntil: place.holdUntil }
            : null,
        };
      }),
    },
    { cache: 'private' },
  );
});
