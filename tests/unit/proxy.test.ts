import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
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
