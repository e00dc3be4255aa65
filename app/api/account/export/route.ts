import { AuthError } from '@/lib/auth/session';
import { exportMyData } from '@/lib/privacy/export';

// GET /api/account/export: everything the store holds about the signed-in shopper, as a JSON file
// ("Download my data" in the account centre). 401 for visitors, 429 when asked too often; never cached.
export async function GET() {
  const noStore = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' };
  try {
    const result = await exportMyData();
    if (!result.ok) {
      return Response.json(
        { error: { code: 'throttled', message: 'Too many downloads of your data; try again later.' } },
        { status: 429, headers: { ...noStore, 'Retry-After': String(result.retryAfterSeconds) } },
      );
    }
    return new Response(JSON.stringify(result.data, null, 2), {
      headers: {
        ...noStore,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${result.filename}"`,
      },
    });
  } catch (error) {
    if (error instanceof AuthError) {
      return Response.json(
        { error: { code: 'unauthenticated', message: 'Sign in to download your data.' } },
        { status: 401, headers: noStore },
      );
    }
    throw error;
  }
}
