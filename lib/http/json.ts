/** JSON responses of the public API, with one error shape: { error: { param?, message } }. */

export function jsonOk(body: unknown, init: { status?: number; cache?: 'public' | 'private' } = {}): Response {
  return Response.json(body, {
    status: init.status ?? 200,
    headers: {
      'Cache-Control':
        init.cache === 'private' ? 'private, no-store' : 'public, max-age=0, s-maxage=60, stale-while-revalidate=300',
    },
  });
}

export function jsonError(status: number, message: string, param?: string): Response {
  return Response.json(
    { error: param ? { param, message } : { message } },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}
