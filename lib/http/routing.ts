// Relative, not '@/…': next.config.ts imports this file, and its loader does not read tsconfig paths.
import { LOCALES } from '../i18n/config';

/**
 * How a public URL reaches its internal route. Pure: used by proxy.ts and next.config.ts.
 *
 * The URL never carries the locale: proxy.ts picks it (cookie, then Accept-Language) and puts it in
 * a request header, and the rewrites below send /music to the hidden segment, /en/music. They are
 * config rewrites rather than `NextResponse.rewrite()` in the proxy because Next 16 takes a proxy
 * rewrite for an external URL, and proxies it over the network, when the server is bound to a
 * loopback address: with `next start -H 127.0.0.1` every page answered 500 after 30 s ("Failed to
 * proxy http://localhost:…/en", https://github.com/vercel/next.js/issues/94745). A config rewrite
 * is a path, so it stays inside the server whatever address it listens on.
 *
 * A catalog URL that names nothing (an unknown product, person or genre, a page past the end) is
 * sent to one fixed not-found path instead of its own: a product or browse page is cached by its
 * URL on first render, so rendering the 404 under each made-up URL would store one entry per URL.
 */
export const LOCALE_HEADER = 'x-encore-locale';
export const NOT_FOUND_HEADER = 'x-encore-not-found';
/** app/[locale]/(store)/page-not-found: the store's 404 page, prerendered once per language. */
export const NOT_FOUND_SEGMENT = 'page-not-found';

const localeValue = `(?<locale>${LOCALES.join('|')})`;

/** `rewrites()` of next.config.ts: run after the proxy, before the file system and the routes. */
export function internalRewrites() {
  return {
    beforeFiles: [
      {
        source: '/:path*',
        has: [
          { type: 'header' as const, key: NOT_FOUND_HEADER, value: '1' },
          { type: 'header' as const, key: LOCALE_HEADER, value: localeValue },
        ],
        destination: `/:locale/${NOT_FOUND_SEGMENT}`,
      },
      {
        // Rewrites apply one after the other: without `missing`, this one would prefix the locale
        // again to the not-found path.
        source: '/:path*',
        has: [{ type: 'header' as const, key: LOCALE_HEADER, value: localeValue }],
        missing: [{ type: 'header' as const, key: NOT_FOUND_HEADER }],
        destination: '/:locale/:path*',
      },
    ],
    afterFiles: [],
    fallback: [],
  };
}
