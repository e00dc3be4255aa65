import { after } from 'next/server';
import { recordProductView } from '@/lib/recommendations/mutations';
import { currentShopper } from '@/lib/recommendations/shopper';
import { viewEventSchema } from '@/lib/recommendations/validation';
import { checkViewLimits } from '@/lib/recommendations/view-limits';
import { clientIp } from '@/lib/security/client-ip';

// POST /api/v1/events/view {productId}: the product page's view beacon. Rate-limited per shopper and
// per client address (429); the view is recorded after the response (once per shopper, product and
// day; never when personalisation is off; anonymous visitors only with a server-signed visitor id).
export async function POST(request: Request) {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return new Response(null, { status: 403 });
  let body: unknown;
  try {
    body = JSON.parse((await request.text()).slice(0, 1000));
  } catch {
    return Response.json({ error: { message: 'invalid JSON' } }, { status: 400 });
  }
  const parsed = viewEventSchema.safeParse(body);
  if (!parsed.success)
    return Response.json({ error: { param: 'productId', message: 'invalid product id' } }, { status: 400 });
  const shopper = await currentShopper();
  const limit = await checkViewLimits(shopper, clientIp(request.headers));
  if (!limit.allowed) {
    return Response.json(
      { error: { message: 'too many view events, try again later' } },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds), 'Cache-Control': 'no-store' } },
    );
  }
  after(async () => {
    await recordProductView({ userId: shopper.userId, visitorId: shopper.visitorId }, parsed.data.productId);
  });
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}
