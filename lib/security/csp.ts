/**
 * Content-Security-Policy of every page.
 *
 * Per-user pages (sign-in, account, admin, cart, checkout) are rendered per request, so they get a
 * fresh nonce and a strict policy: only scripts carrying the nonce run ('strict-dynamic' lets them
 * load Next's chunks), no inline script without it.
 *
 * Catalog pages are prerendered once and served to everyone from the cache; a per-request nonce
 * cannot be baked into them (https://nextjs.org/docs/app/guides/content-security-policy: "you must
 * use dynamic rendering to add nonces"). They hold no personal data and no forms that post secrets,
 * and allow same-origin and inline scripts (Next's bootstrap payload is inline) but nothing from
 * elsewhere. Both forbid framing, plugins and <base> changes.
 */
export function contentSecurityPolicy({
  nonce,
  https,
  formTargets = [],
}: {
  nonce: string | null;
  https: boolean;
  formTargets?: string[];
}): string {
  const script = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : `'self' 'unsafe-inline'`;
  return [
    `default-src 'self'`,
    `script-src ${script}`,
    // React writes style attributes (progress bars); styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    // Images and clips may live on S3-compatible storage or be given as https URLs by staff; neither
    // can run code.
    `img-src 'self' data: blob: https:`,
    `font-src 'self'`,
    `media-src 'self' blob: data: https:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    // Sign-in with GitHub/Google and paying with Stripe post a form that redirects to them.
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Paths rendered per request (and so protected by the nonce policy). */
export const PER_USER_PREFIXES = [
  '/login',
  '/register',
  '/forgot-password',
  '/reset-password',
  '/verify-email',
  '/account',
  '/admin',
  '/cart',
  '/checkout',
  '/orders',
  '/pay',
];

export function isPerUserPath(pathname: string): boolean {
  return PER_USER_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/**
 * Appended to the user agent of per-user page requests by proxy.ts; next.config.ts lists it in
 * htmlLimitedBots so those pages render before their first byte (and so keep their HTTP status).
 */
export const BLOCKING_RENDER_MARK = 'EncoreBlockingRender';
