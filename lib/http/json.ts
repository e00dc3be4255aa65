/**
 * Successful JSON responses of the public API. Errors are thrown as HttpError and answered by the
 * route wrapper (lib/api/route.ts) in the one error shape of lib/http/errors.ts.
 */
export function jsonOk(body: unknown, init: { status?: number; cache?: 'public' | 'private' } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: {
      'Cache-Control':
        init.cache === 'private' ? 'private, no-store' : 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
    },
  });
}
