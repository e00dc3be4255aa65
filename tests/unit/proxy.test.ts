import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { CSRF_COOKIE, issueCsrfCookie, readCsrfToken } from '@/lib/auth/csrf';
import { issueVisitorId, readVisitorId, VISITOR_COOKIE } from '@/lib/recommendations/visitor';
import { proxy } from '@/proxy';

// The database's answer, for these tests: everything is known but the slugs that say otherwise.
vi.mock('@/lib/catalog/known', () => ({
  isKnownCatalogPath: async (path: string) => !path.includes('made-up'),
}));

const run = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, 'http://shop.test'), { headers }));

/** The request headers the proxy hands on to Next (what the rewrites in next.config.ts read). */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

describe('proxy', () => {
  it('answers 400 badUrl to broken percent-encoding anywhere, and passes good encoding outside pages untouched', async () => {
    for (const path of [
      '/orders/%E0%A4%A',
      '/%E0%A4%A',
      '/products/%E0%A4%A',
      '/api/v1/products/%E0%A4%A',
      '/art/%E0%A4%A/0.svg',
    ]) {
      const response = await run(path);
      expect(response.status, path).toBe(400);
      expect(await response.json(), path).toMatchObject({ error: { code: 'badUrl' } });
    }
    const api = await run('/api/v1/products/caf%C3%A9');
    expect(api.headers.get('x-middleware-next')).toBe('1');
    expect(forwarded(api, 'x-encore-locale')).toBeNull();
    expect(forwarded(await run('/products/caf%C3%A9'), 'x-encore-locale')).toBe('en');
  });

  it('names the locale from the cookie, then Accept-Language, then English, and rewrites nothing itself', async () => {
    const product = await run('/products/neon-harbour');
    expect(forwarded(product, 'x-encore-locale')).toBe('en');
    // A proxy rewrite is an absolute URL that Next proxies over the network when the server listens
    // on 127.0.0.1 (next start -H 127.0.0.1): the locale rewrite is a config rewrite instead.
    expect(product.headers.get('x-middleware-rewrite')).toBeNull();
    expect(forwarded(await run('/', { cookie: 'NEXT_LOCALE=zh' }), 'x-encore-locale')).toBe('zh');
    expect(forwarded(await run('/help', { 'accept-language': 'zh-CN,zh;q=0.9' }), 'x-encore-locale')).toBe('zh');
    expect(
      forwarded(await run('/help', { cookie: 'NEXT_LOCALE=en', 'accept-language': 'zh-CN' }), 'x-encore-locale'),
    ).toBe('en');
  });

  it('keeps canonical browse URLs', async () => {
    const response = await run('/music/format=vinyl/genre=jazz');
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
    expect(forwarded(response, 'x-encore-not-found')).toBeNull();
  });

  it('sends URLs that name nothing to the not-found page, and never believes the header from a client', async () => {
    expect(forwarded(await run('/products/made-up-slug'), 'x-encore-not-found')).toBe('1');
    expect(forwarded(await run('/music/genre=made-up'), 'x-encore-not-found')).toBe('1');
    const known = await run('/products/neon-harbour', { 'x-encore-not-found': '1', 'x-encore-locale': 'xx' });
    expect(forwarded(known, 'x-encore-not-found')).toBeNull();
    expect(forwarded(known, 'x-encore-locale')).toBe('en');
  });

  it.each([
    ['/music?genre=jazz&format=vinyl', '/music/format=vinyl/genre=jazz'],
    ['/music/genre=jazz/format=vinyl', '/music/format=vinyl/genre=jazz'],
    ['/film/page=1', '/film'],
    ['/tv/format=laserdisc', '/tv'],
    ['/games/%E0%A4%A', '/games'],
    ['/music?q=anything', '/music'],
  ])('redirects %s to the canonical %s', async (from, to) => {
    const response = await run(from);
    expect(response.status).toBe(308);
    expect(
      new URL(response.headers.get('location')!).pathname + new URL(response.headers.get('location')!).search,
    ).toBe(to);
  });
});

describe('proxy security', () => {
  it('gives per-user pages a fresh nonce and a strict policy, forwarded to Next in the request', async () => {
    const first = await run('/login');
    const second = await run('/login');
    const csp = first.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-inline' '");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    // Next reads the nonce from the rewritten request's CSP header.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });

  it('gives catalog pages the static policy, still without framing', async () => {
    const csp = (await run('/products/neon-harbour')).headers.get('content-security-policy')!;
    expect(csp).not.toContain('nonce-');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('sends visitors without a session cookie from /admin and /account to sign in', async () => {
    for (const path of ['/admin', '/admin/mail', '/account/security']) {
      const response = await run(path, { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' });
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get('location')!);
      expect(location.pathname).toBe('/login');
      expect(location.searchParams.get('next')).toBe(path);
    }
    // With a cookie the page itself decides (and checks the session in the database).
    const signedIn = await run('/admin', { cookie: 'encore.session-token=x' });
    expect(signedIn.status).toBe(200);
    expect(forwarded(signedIn, 'x-encore-locale')).toBe('en');
  });

  it('gives a first visit a signed visitor id, and replaces an unsigned or forged one', async () => {
    const issued = (await run('/')).cookies.get(VISITOR_COOKIE)?.value;
    expect(readVisitorId(issued)).toMatch(/^[0-9a-f-]{36}$/);
    const valid = issueVisitorId();
    expect((await run('/', { cookie: `${VISITOR_COOKIE}=${valid}` })).cookies.get(VISITOR_COOKIE)).toBeUndefined();
    const id = readVisitorId(valid)!;
    const forgeries = [
      id, // unsigned: what every browser held before ids were signed
      crypto.randomUUID(),
      `${crypto.randomUUID()}.${valid.split('.')[1]}`, // another id with a real signature
      `${id}.${'A'.repeat(22)}`,
      `${valid}x`,
    ];
    for (const forged of forgeries) {
      expect(readVisitorId(forged)).toBeNull();
      const replaced = (await run('/', { cookie: `${VISITOR_COOKIE}=${forged}` })).cookies.get(VISITOR_COOKIE)?.value;
      expect(readVisitorId(replaced)).not.toBeNull();
      expect(readVisitorId(replaced)).not.toBe(id);
    }
  });

  it("gives the sign-in page next-auth's CSRF cookie when the browser has no valid one, also for the page itself", async () => {
    const first = await run('/login?next=%2Fcart');
    const issued = first.cookies.get(CSRF_COOKIE);
    expect(readCsrfToken(issued?.value)).toMatch(/^[0-9a-f]{64}$/);
    expect(issued).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    expect(forwarded(first, 'cookie')).toContain(`${CSRF_COOKIE}=${encodeURIComponent(issued!.value)}`);
    const valid = issueCsrfCookie();
    expect((await run('/login', { cookie: `${CSRF_COOKIE}=${valid}` })).cookies.get(CSRF_COOKIE)).toBeUndefined();
    const [token] = valid.split('|');
    for (const forged of [token, `${token}|${'0'.repeat(64)}`, `${'a'.repeat(64)}|${valid.split('|')[1]}`]) {
      expect(readCsrfToken(forged)).toBeNull();
      const replaced = (await run('/login', { cookie: `${CSRF_COOKIE}=${forged}` })).cookies.get(CSRF_COOKIE)?.value;
      expect(readCsrfToken(replaced)).not.toBeNull();
    }
    expect((await run('/help')).cookies.get(CSRF_COOKIE)).toBeUndefined();
  });

  it("gives a registration link's page the CSRF cookie too: its form posts to next-auth without JavaScript", async () => {
    const issued = (await run('/verify-email?token=abc')).cookies.get(CSRF_COOKIE);
    expect(readCsrfToken(issued?.value)).toMatch(/^[0-9a-f]{64}$/);
    expect((await run('/register')).cookies.get(CSRF_COOKIE)).toBeUndefined();
  });
});
