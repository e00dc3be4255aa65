import { after } from 'next/server';
import { recordProductView } from '@/lib/recommendations/mutations';
import { currentShopper } from '@/lib/recommendations/shopper';
import { viewEventSchema } from '@/lib/recommendations/validation';

// POST /api/v1/events/view {productId}: the product page's view beacon. Answers at once; the view is
// recorded after the response (once per shopper, product and day; never when personalisation is off).
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
  after(async () => {
    const shopper = await currentShopper();
    await recordProductView({ userId: shopper.userId, visitorId: shopper.visitorId }, parsed.data.productId);
  });
  return new Response(null, { status: 202, headers: { 'Cache-Control': 'no-store' } });
}
