import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { z } from 'zod';
import { authOptions } from '@/lib/api/auth-options';
import { parseJsonObject, readText } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';
import { route, type RouteInput } from '@/lib/api/route';

const nextAuth = NextAuth(authOptions);

/** next-auth's forms and JSON bodies are a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;

const segments = z.object({ nextauth: z.array(z.string().max(100)).min(1).max(3) });

/** Ids of the credentials providers (next-auth keeps the id given to CredentialsProvider in `options`). */
const credentialProviders = new Set(
  authOptions.providers
    .filter((provider) => provider.type === 'credentials')
    .map((provider) => (provider.options as { id?: string } | undefined)?.id ?? provider.id),
);

/**
 * What next-auth itself answers with a 500 is refused first: a GET to a credentials provider's
 * callback (it only takes the POSTed form), a JSON body that does not parse (next-auth calls
 * `req.json()` unguarded) or holds anything but strings, a body over 16 KB, a callbackUrl it would call a configuration error.
 * The body, read once through the capped reader, is then handed to next-auth in a fresh request. A
 * well-formed but foreign callbackUrl goes home through the redirect callback (lib/api/auth-options.ts).
 */
async function handle({ request, params }: RouteInput<undefined, z.infer<typeof segments>, undefined, undefined>) {
  const [action, providerId] = params.nextauth;
  if (
    request.method !== 'POST' &&
    action === 'callback' &&
    providerId !== undefined &&
    credentialProviders.has(providerId)
  ) {
    throw new HttpError(405, 'methodNotAllowed', 'this callback only takes a POST', undefined, { Allow: 'POST' });
  }
  if (!callbackUrlsValid(request)) {
    throw HttpError.of('invalidRequest', 'callbackUrl must be an http(s) URL or a path', { callbackUrl: 'invalid' });
  }
  let body: string | undefined;
  if (request.method === 'POST') {
    body = await readText(request, MAX_BODY_BYTES);
    // next-auth reads every field of a JSON body as a string (csrfToken, callbackUrl…).
    if (request.headers.get('content-type')?.includes('application/json')) {
      if (Object.values(parseJsonObject(body)).some((value) => typeof value !== 'string')) {
        throw HttpError.of('invalidJson', 'the request body must be a JSON object of strings');
      }
    }
  }
  const forwarded = new NextRequest(request.url, { method: request.method, headers: request.headers, body });
  return nextAuth(forwarded, { params: Promise.resolve(params) });
}

/**
 * next-auth refuses a callbackUrl (query or cookie) that is not an http(s) URL or a path as a
 * configuration error: a 500 to anything but its GET pages. Same test as its own (core/lib/assert.js).
 */
function callbackUrlsValid(request: Request): boolean {
  const cookies = (request.headers.get('cookie') ?? '').split(';').map((part) => part.trim());
  const values = [
    new URL(request.url).searchParams.get('callbackUrl'),
    ...cookies.filter((c) => /^(__Secure-)?next-auth\.callback-url=/.test(c)).map((c) => cookieValue(c)),
  ];
  return values.every((value) => !value || isHttpUrl(value, request.url));
}

function cookieValue(cookie: string): string {
  const raw = cookie.slice(cookie.indexOf('=') + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function isHttpUrl(value: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? base : undefined).protocol);
  } catch {
    return false;
  }
}

// next-auth's endpoints: credentials and OAuth sign-in, sign-out, callbacks. They prove their origin
// with next-auth's CSRF token (and OAuth's state), so they take cross-site requests (OAuth callbacks
// are cross-site by nature).
export const GET = route({ params: segments, crossSite: 'allow' }, handle);
export const POST = route({ params: segments, crossSite: 'allow' }, handle);
