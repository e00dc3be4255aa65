import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { env } from './lib/env';
import { internalRewrites } from './lib/http/routing';
import { BLOCKING_RENDER_MARK } from './lib/security/csp';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // 'use cache' + cacheTag for catalog reads; pages keep a static shell with per-user holes.
  cacheComponents: true,
  cacheLife: {
    // Catalog data: served from cache, refreshed hourly in the background, and invalidated at once
    // by tag when an admin changes something.
    catalog: { stale: 300, revalidate: 3600, expire: 86_400 },
  },
  // Rendered pages and 'use cache' entries are kept in memory up to this size each (least recently
  // used first out); a visitor requesting endless distinct URLs cannot grow the process past it.
  cacheMaxMemorySize: env.CACHE_MEMORY_MB * 1024 * 1024,
  // The locale rewrite and the not-found path (lib/http/routing.ts); proxy.ts sets their headers.
  async rewrites() {
    return internalRewrites();
  },
  // PGlite must not be bundled: bundled, the build passes and every query fails at run time.
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // No ETag on pages: Next hashes every HTML response in JavaScript, per request, which made a cached
  // product page (95 KB) cost 0.8x the throughput of /help (46 KB); without it they serve alike. Pages
  // are cached by the CDN (s-maxage) or private; a browser revalidating one gets the page, not a 304.
  generateEtags: false,
  // Per-user pages render in full before the first byte (proxy.ts marks their requests), so that
  // redirect(), notFound() and forbidden() there set the real HTTP status (307, 404, 403) instead of
  // a 200 with a client-side redirect. Catalog pages keep streaming and their cached shells.
  htmlLimitedBots: new RegExp(BLOCKING_RENDER_MARK),
  // Security headers on every response. The Content-Security-Policy and Strict-Transport-Security
  // are set per page by proxy.ts at run time: what is returned here is frozen by `next build`.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(self)' },
        ],
      },
    ];
  },
  experimental: {
    // forbidden() answers 403 with app/[locale]/(secure)/forbidden.tsx (admin pages for customers).
    authInterrupts: true,
    // An embedded PGlite directory may only be open in one process: prerender in a single worker.
    ...(env.DATABASE_URL ? {} : { cpus: 1 }),
  },
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
