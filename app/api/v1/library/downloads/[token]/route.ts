import { z } from 'zod';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { serveDownload } from '@/lib/library/serve';
import { clientIp, UNKNOWN_CLIENT } from '@/lib/security/client-ip';

// GET /api/v1/library/downloads/{token}: a file of the signed-in shopper's digital library, by a signed
// link (lib/library/links.ts), counted (lib/library/downloads.ts) and streamed with byte ranges
// (lib/library/serve.ts). Refusals: 401 signed out; 403 downloadLinkInvalid, downloadLinkForeign,
// entitlementRevoked, downloadLimitReached; 404 downloadLinkInvalid (not a link), downloadNotFound;
// 410 downloadLinkExpired; 416 rangeNotSatisfiable. HEAD answers the same headers and counts nothing.

const download = (headOnly: boolean) =>
  route(
    { auth: 'user', params: z.object({ token: z.string().min(1).max(200) }) },
    async ({ request, user, params }) => {
      const ip = clientIp(request.headers);
      return serveDownload({
        token: params.token,
        userId: user.id,
        rangeHeader: request.headers.get('range'),
        ip: ip === UNKNOWN_CLIENT ? null : ip,
        now: now(),
        headOnly,
      });
    },
  );

export const GET = download(false);
// HEAD is its own handler (Next would otherwise answer it by running GET, counting a download).
export const HEAD = download(true);
