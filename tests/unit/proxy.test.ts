import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { issueVisitorId, readVisitorId, VISITOR_COOKIE } from '@/lib/recommendations/visitor';
import { proxy } from '@/proxy';

const run = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, 'http://shop.test'), { headers }));

describe('proxy', () => {
  it('rewrites to the locale from the cookie, then Accept-Language, then English', () => {
    expect(run('/products/neon-harbour').headers.get('x-middleware-rewrite')).toBe(
      'http://shop.test/en/products/neon-harbour',
    );
    expect(run('/', { cookie: 'NEXT_LOCALE=zh' }).headers.get('x-middleware-rewrite')).toBe('http://shop.test/zh');
    expect(run('/help', { 'accept-language': 'zh-CN,zh;q=0.9' }).headers.get('x-middleware-rewrite')).toBe(
      'http://shop.test/zh/help',
    );
    expect(
      run('/help', { cookie: 'NEXT_LOCALE=en', 'accept-language': 'zh-CN' }).headers.get('x-middleware-rewrite'),
    ).toBe('http://shop.test/en/help');
  });

  it('keeps canonical browse URLs and rewrites them', () => {
    const response = run('/music/format=vinyl/genre=jazz');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-middleware-rewrite')).toBe('http://shop.test/en/music/format=vinyl/genre=jazz');
  });

  it.each([
    ['/music?genre=jazz&format=vinyl', '/music/format=vinyl/genre=jazz'],
    ['/music/genre=jazz/format=vinyl', '/music/format=vinyl/genre=jazz'],
    ['/film/page=1', '/film'],
    ['/tv/format=laserdisc', '/tv'],
    ['/games/%E0%A4%A', '/games'],
    ['/music?q=anything', '/music'],
  ])('redirects %s to the canonical %s', (from, to) => {
    const response = run(from);
    expect(response.status).toBe(308);
    expect(
      new URL(response.headers.get('location')!).pathname + new URL(response.headers.get('location')!).search,
    ).toBe(to);
  });
});

describe('proxy security', () => {
  it('gives per-user pages a fresh nonce and a strict policy, forwarded to Next in the request', () => {
    const first = run('/login');
    const second = run('/login');
    const csp = first.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-inline' '");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(second.headers.get('content-security-policy')).not.toBe(csp);
    // Next reads the nonce from the rewritten request's CSP header.
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });

  it('gives catalog pages the static policy, still without framing', () => {
    const csp = run('/products/neon-harbour').headers.get('content-security-policy')!;
    expect(csp).not.toContain('nonce-');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('sends visitors without a session cookie from /admin and /account to sign in', () => {
    for (const path of ['/admin', '/admin/mail', '/account/security']) {
      const response = run(path, { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' });
      expect(response.status).toBe(307);
      const location = new URL(response.headers.get('location')!);
      expect(location.pathname).toBe('/login');
      expect(location.searchParams.get('next')).toBe(path);
    }
    // With a cookie the page itself decides (and checks the session in the database).
    expect(run('/admin', { cookie: 'encore.session-token=x' }).headers.get('x-middleware-rewrite')).toBe(
      'http://shop.test/en/admin',
    );
  });

  it('gives a first visit a signed visitor id, and replaces an unsigned or forged one', () => {
    const issued = run('/').cookies.get(VISITOR_COOKIE)?.value;
    expect(readVisitorId(issued)).toMatch(/^[0-9a-f-]{36}$/);
    const valid = issueVisitorId();
    expect(run('/', { cookie: `${VISITOR_COOKIE}=${valid}` }).cookies.get(VISITOR_COOKIE)).toBeUndefined();
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
      const replaced = run('/', { cookie: `${VISITOR_COOKIE}=${forged}` }).cookies.get(VISITOR_COOKIE)?.value;
      expect(readVisitorId(replaced)).not.toBeNull();
      expect(readVisitorId(replaced)).not.toBe(id);
    }
  });
});
