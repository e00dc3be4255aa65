import { after } from 'next/server';
import { HttpError } from '@/lib/http/errors';
import { route } from '@/lib/api/route';
import { recordProductView } from '@/lib/recommendations/mutations';
import { currentShopper } from '@/lib/recommendations/shopper';
import { viewEventSchema } from '@/lib/recommendations/validation';
import { checkViewLimits } from '@/lib/recommendations/view-limits';
import { clientIp } from '@/lib/security/client-ip';

// POST /api/v1/events/view {productId}: the product page's view beacon (same-site JSON, at most 1 KB).
// Rate-limited per shopper and per client address (429); the view is recorded after the response
// (once per shopper, product and day; never when personalisation is off; anonymous visitors only
// with a server-signed visitor id).
export const POST = route({ body: viewEventSchema, maxBytes: 1024 }, async ({ request, body }) => {
  const shopper = await currentShopper();
  const limit = await checkViewLimits(shopper, clientIp(request.headers));
  if (!limit.allowed) {
    throw HttpError.throttled('too many view events, try again later', limit.retryAfterSeconds);
  }
  after(async () => {
    await recordProductView({ userId: shopper.userId, visitorId: shopper.visitorId }, body.productId);
  });
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
});
