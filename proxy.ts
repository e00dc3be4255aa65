import { type NextRequest, NextResponse } from 'next/server';
import { isBrowseSection } from '@/lib/catalog/formats';
import { browsePath, readFilters } from '@/lib/catalog/validation';
import { LOCALE_COOKIE, negotiateLocale } from '@/lib/i18n/config';

/**
 * Routing only, never an authorization check (https://nextjs.org/docs/app/api-reference/file-conventions/proxy):
 * - the locale (cookie, then Accept-Language) becomes the hidden /[locale] segment, so every page is
 *   still prerendered once per language: /music → /en/music;
 * - browse pages have one canonical URL per set of filters: /music?genre=jazz&format=vinyl and
 *   /music/genre=jazz/format=vinyl redirect to /music/format=vinyl/genre=jazz.
 */
export function proxy(request: NextRequest) {
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
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get('accept-language'));
  url.pathname = `/${locale}${url.pathname === '/' ? '' : url.pathname}`;
  return NextResponse.rewrite(url);
}

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
  // Everything but API routes, Next internals, generated media and files with an extension.
  matcher: ['/((?!api/|_next/|art/|previews/|favicon.ico|sitemap.xml|robots.txt|.*\\.[a-z0-9]+$).*)'],
};
