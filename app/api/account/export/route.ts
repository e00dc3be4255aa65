import { HttpError } from '@/lib/http/errors';
import { route } from '@/lib/api/route';
import { exportMyData } from '@/lib/privacy/export';

// GET /api/account/export: everything the store holds about the signed-in shopper, as a JSON file
// ("Download my data" in the account centre). 401 for visitors, 429 when asked too often; never cached.
export const GET = route({ auth: 'user' }, async () => {
  const result = await exportMyData();
  if (!result.ok)
    throw HttpError.throttled('too many downloads of your data; try again later', result.retryAfterSeconds);
  return new Response(JSON.stringify(result.data, null, 2), {
    headers: {
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.filename}"`,
    },
  });
});
