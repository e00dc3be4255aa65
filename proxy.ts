import { type NextRequest, NextResponse } from 'next/server';
import { isBrowseSection } from '@/lib/catalog/formats';
import { isKnownCatalogPath } from '@/lib/catalog/known';
import { browsePath, readFilters } from '@/lib/catalog/validation';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { CSRF_COOKIE, CSRF_COOKIE_OPTIONS, issueCsrfCookie, readCsrfToken } from '@/lib/auth/csrf';
import { env } from '@/lib/env';
import { LOCALE_HEADER, NOT_FOUND_HEADER } from '@/lib/http/routing';
import { LOCALE_COOKIE, negotiateLocale } from '@/lib/i18n/config';
import { issueVisitorId, readVisitorId, VISITOR_COOKIE } from '@/lib/recommendations/visitor';
import { BLOCKING_RENDER_MARK, contentSecurityPolicy, isPerUserPath } from '@/lib/security/csp';
import { strictTransportSecurity } from '@/lib/security/hsts';
import { refuseBadActionRequest } from '@/lib/validation/action-request';

/**
 * Routing only, never an authorization check (https://nextjs.org/docs/app/api-reference/file-conventions/proxy):
 * - the locale (cookie, then Accept-Language) becomes the hidden /[locale] segment, so every page is
 *   still prerendered once per language: /music → /en/music (the proxy names the locale in a request
 *   header; the rewrite itself is in next.config.ts, see lib/http/routing.ts for why);
 * - browse pages have one canonical URL per set of filters: /music?genre=jazz&format=vinyl and
 *   /music/genre=jazz/format=vinyl redirect to /music/format=vinyl/genre=jazz;
 * - a catalog URL that names nothing (unknown product, person or genre, a page past the end) gets the
 *   404 page without rendering under its own URL, so made-up URLs leave nothing in the page cache
 *   (lib/catalog/known.ts);
 * - per-user pages get a fresh CSP nonce (Next reads it from the request header and puts it on its
 *   scripts); catalog pages get the static policy (lib/security/csp.ts);
 * - /account and /admin without a session cookie go straight to sign-in. This is only a shortcut:
 *   the pages, actions and route handlers check the session themselves;
 * - a first visit gets a signed anonymous visitor id cookie (recommendations; linked to the account at
 *   sign-in); an unsigned or forged one is replaced.
 * - the sign-in page and a registration link's page get next-auth's CSRF cookie when the browser has
 *   none, so that their forms can be posted to next-auth without JavaScript (lib/auth/csrf.ts).
 * - a URL with broken percent-encoding gets a 400 (Next would answer a bare 500), API routes included;
 * - over https, every page and redirect carries Strict-Transport-Security, decided at run time
 *   (lib/security/hsts.ts).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const response = !NOT_A_PAGE.test(pathname)
    ? ((await refuseBadActionRequest(request)) ?? (await route(request)))
    : safeDecode(pathname) === null
      ? badUrl()
      : NextResponse.next();
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

async function route(request: NextRequest): Promise<NextResponse> {
  const url = request.nextUrl.clone();
  const [, section = '', ...segments] = url.pathname.split('/');
  if (isBrowseSection(section)) {
    const canonical = canonicalBrowsePath(section, segments, url.searchParams);
    if (canonical !== safeDecode(url.pathname) || url.search) {
      url.pathname = canonical;
      url.search = '';
      return NextResponse.redirect(url, 308);
    }
  }
  const path = url.pathname;
  if (safeDecode(path) === null) return badUrl();
  if (/^\/(account|admin)(\/|$)/.test(path) && !request.cookies.has(SESSION_COOKIE)) {
    const login = new URL('/login', request.url);
    login.searchParams.set('next', `${path}${url.search}`);
    return NextResponse.redirect(login);
  }
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
  const csrfCookie =
    NEXT_AUTH_FORMS.has(path) && !readCsrfToken(request.cookies.get(CSRF_COOKIE)?.value) ? issueCsrfCookie() : null;
  // Also on the request, for the page rendered from it.
  if (csrfCookie) request.cookies.set(CSRF_COOKIE, csrfCookie);
  const nonce = isPerUserPath(path) ? Buffer.from(crypto.randomUUID()).toString('base64') : null;
  const csp = contentSecurityPolicy({ nonce, https: HTTPS, formTargets: FORM_TARGETS });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(LOCALE_HEADER, locale);
  if (await isKnownCatalogPath(path)) requestHeaders.delete(NOT_FOUND_HEADER);
  else requestHeaders.set(NOT_FOUND_HEADER, '1');
  if (nonce) {
    requestHeaders.set('content-security-policy', csp);
    requestHeaders.set('user-agent', `${request.headers.get('user-agent') ?? ''} ${BLOCKING_RENDER_MARK}`.trim());
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  if (csrfCookie) response.cookies.set(CSRF_COOKIE, csrfCookie, CSRF_COOKIE_OPTIONS);
  // A first-party, random, signed id for recommendations from anonymous browsing (linked at sign-in).
  if (!readVisitorId(request.cookies.get(VISITOR_COOKIE)?.value)) {
    response.cookies.set(VISITOR_COOKIE, issueVisitorId(), {
      httpOnly: true,
      sameSite: 'lax',
      secure: HTTPS,
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  return response;
}

const HTTPS = env.SITE_URL.startsWith('https://');
/** The pages whose form posts to next-auth: sign-in, and the link that finishes a registration. */
const NEXT_AUTH_FORMS = new Set(['/login', '/verify-email']);
const FORM_TARGETS = [
  ...(env.GITHUB_ID ? ['https://github.com'] : []),
  ...(env.GOOGLE_ID ? ['https://accounts.google.com'] : []),
];

/**
 * Broken percent-encoding (`/orders/%E0%A4%A`): Next fails to decode it when matching a dynamic route
 * and answers a bare 500 (it looks for a /400 page the App Router does not have). Answered here, before
 * routing, as the API's 400 `badUrl`. The second matcher below brings every such URL here, API and
 * media routes included.
 */
function badUrl(): NextResponse {
  return NextResponse.json(
    { error: { code: 'badUrl', message: 'the URL is not valid percent-encoded UTF-8' } },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  );
}

/** What the first matcher leaves out (config.matcher must be a literal, so it is written twice). */
const NOT_A_PAGE = /^\/(api|_next|art|previews|admin-mail)\/|^\/(favicon\.ico|sitemap\.xml|robots\.txt)$|\.[a-z0-9]+$/;

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function canonicalBrowsePath(section: string, segments: string[], search: URLSearchParams): string {
  const params = new URLSearchParams(segments.map((segment) => safeDecode(segment) ?? '').join('&'));
  for (const [name, value] of search) params.append(name, value);
  return browsePath(section, readFilters(params));
}

export const config = {
  // Pages: everything but API routes, Next internals, generated media and files with an extension.
  // Then any URL with a percent sign, for badUrl().
  matcher: [
    '/((?!api/|_next/|art/|previews/|admin-mail/|favicon.ico|sitemap.xml|robots.txt|.*\\.[a-z0-9]+$).*)',
    '/(.*%.*)',
  ],
};
