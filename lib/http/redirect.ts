/**
 * Where to send someone after signing in: only a path on this site. Absolute URLs, protocol-relative
 * (`//evil.example`), backslash tricks (`/\evil.example`), `javascript:` and anything malformed fall
 * back to `/`.
 */
export function safeRedirectPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2048) return fallback;
  if (!target.startsWith('/') || target.startsWith('//') || target.includes('\\')) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  try {
    const base = 'http://encore.invalid';
    const url = new URL(target, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * The path of next-auth's `callbackUrl` (an absolute URL of this store, or a path) for pages that
 * next-auth redirects to, as a `safeRedirectPath`: only its path is ever used, so another site's
 * address still leads to a page of this store.
 */
export function callbackPath(callbackUrl: unknown, fallback = '/'): string {
  if (typeof callbackUrl !== 'string' || callbackUrl.length > 2048) return fallback;
  try {
    const url = new URL(callbackUrl, 'http://encore.invalid');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback;
    return safeRedirectPath(`${url.pathname}${url.search}${url.hash}`, fallback);
  } catch {
    return fallback;
  }
}
