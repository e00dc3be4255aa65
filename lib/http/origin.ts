import { env } from '@/lib/env';

/**
 * Whether a request was sent by a page of another site (cross-site request forgery: a form or
 * `fetch` elsewhere that rides on the shopper's or admin's cookies). The browser says so in
 * `Sec-Fetch-Site` (every current browser); without it, `Origin` is compared with the store's own
 * origins: SITE_URL, and the Host the request was sent to (a server reached under another name).
 * Neither header: not a browser (curl, a server), which holds no one else's cookies, so allowed.
 * Same idea as Go's http.CrossOriginProtection.
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  if (origin === SITE_ORIGIN) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true; // "null" (a sandboxed frame, a redirect across sites) or garbage
  }
  return host !== request.headers.get('host') && host !== new URL(request.url).host;
}

const SITE_ORIGIN = new URL(env.SITE_URL).origin;
