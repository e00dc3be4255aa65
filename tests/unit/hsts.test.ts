import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { env } from '@/lib/env';
import { proxy } from '@/proxy';

// HSTS is decided per request from the settings the server runs with, not from those `next build`
// saw: a build made with an http SITE_URL and started with an https one must send it, and the reverse.
const saved = { NODE_ENV: env.NODE_ENV, SITE_URL: env.SITE_URL, NEXTAUTH_SECRET: env.NEXTAUTH_SECRET };
// The proxy signs visitor ids with a key derived from the session key, required in production.
beforeEach(() => {
  env.NEXTAUTH_SECRET ??= 'a-test-session-key-that-is-long-enough-32';
});
afterEach(() => {
  Object.assign(env, saved);
});

// Every catalog path is known here: the proxy's lookup of unknown slugs is the database's business.
vi.mock('@/lib/catalog/known', () => ({ isKnownCatalogPath: async () => true }));

const headerFor = async (path: string, headers: Record<string, string> = {}) =>
  (await proxy(new NextRequest(new URL(path, 'https://shop.example.com'), { headers }))).headers.get(
    'strict-transport-security',
  );

describe('Strict-Transport-Security', () => {
  it('is sent on pages, redirects included, when the running server is public over https', async () => {
    Object.assign(env, { NODE_ENV: 'production', SITE_URL: 'https://shop.example.com' });
    for (const path of ['/', '/help', '/music?genre=jazz', '/account']) {
      expect(await headerFor(path)).toBe('max-age=63072000; includeSubDomains');
    }
  });

  it('is not sent over http, nor by a development server', async () => {
    Object.assign(env, { NODE_ENV: 'production', SITE_URL: 'http://localhost:3000' });
    expect(await headerFor('/help')).toBeNull();
    Object.assign(env, { NODE_ENV: 'development', SITE_URL: 'https://shop.example.com' });
    expect(await headerFor('/help')).toBeNull();
  });

  it('follows a change of SITE_URL without a new build', async () => {
    Object.assign(env, { NODE_ENV: 'production', SITE_URL: 'http://shop.example.com' });
    expect(await headerFor('/help')).toBeNull();
    env.SITE_URL = 'https://shop.example.com';
    expect(await headerFor('/help')).not.toBeNull();
  });
});
