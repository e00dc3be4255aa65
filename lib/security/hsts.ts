import { env } from '@/lib/env';

/**
 * The Strict-Transport-Security header value, or null when it must not be sent. Decided from the
 * settings the server runs with (read at each call), never at build time: next.config.ts `headers()`
 * are computed by `next build` and frozen into the build, so a build made with an http SITE_URL and
 * deployed behind https would never send it (and the reverse would pin a plain-http host).
 * Only production servers whose public URL is https send it; proxy.ts adds it to every page.
 */
export function strictTransportSecurity(): string | null {
  if (env.NODE_ENV !== 'production' || !env.SITE_URL.startsWith('https://')) return null;
  return 'max-age=63072000; includeSubDomains';
}
