import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { readMigrations } from '@/db/migrate';
import { createScratchDatabase } from '@/scripts/lib/databases';
import { type RunningServer, startServer } from '@/scripts/lib/server';
import { baseUrl } from './support/browser';
import { at, first } from '@/tests/support/lists';

/**
 * The production server as a deployer runs it: bound to loopback behind a reverse proxy, and left
 * to the internet's made-up URLs. Plain HTTP, no browser. Extra servers use the ports after the
 * e2e server's (npm run test:e2e -- --port=N: N + 1).
 */
const mainPort = () => Number(new URL(baseUrl()).port);
const started: RunningServer[] = [];
const dropped: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
  for (const drop of dropped) await drop();
});

/** A second server on the same build; on the embedded database, its own empty one in memory. */
async function extraServer(port: number, options: { hostname?: string; env?: Record<string, string> } = {}) {
  const env = process.env.DATABASE_URL ? {} : { PGLITE_DIR: 'memory://', SEED_DEMO: 'never' };
  const server = await startServer(port, { ...env, ...options.env }, 60_000, { hostname: options.hostname });
  started.push(server);
  return server;
}

describe('next start -H 127.0.0.1 (behind a reverse proxy)', () => {
  it('serves pages, redirects and 404s without proxying to itself', async () => {
    const server = await extraServer(mainPort() + 1, { hostname: '127.0.0.1' });
    expect(server.url).toBe(`http://127.0.0.1:${mainPort() + 1}`);
    const get = (pathname: string, headers: Record<string, string> = {}) =>
      fetch(server.url + pathname, { headers, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
    for (const pathname of ['/', '/help', '/music', '/login']) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(200);
      expect(await response.text(), pathname).toContain('<html lang="en-US"');
    }
    expect(await (await get('/help', { 'accept-language': 'zh-CN' })).text()).toContain('<html lang="zh-CN"');
    const redirect = await get('/music?genre=jazz');
    expect(redirect.status).toBe(308);
    expect(new URL(redirect.headers.get('location')!, server.url).href).toBe(`${server.url}/music/genre=jazz`);
    expect((await get('/products/no-such-album')).status).toBe(404);
    expect(server.log()).not.toContain('Failed to proxy');
  });
});

/** Size in bytes and number of files under a folder. */
function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { bytes, files };
}

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) / 1024;
}

/** Requests `paths` with a few at a time; returns the statuses seen, with counts. */
async function requestAll(paths: string[], concurrency = 6): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const response = await fetch(baseUrl() + paths[next++], { redirect: 'manual' });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

let serial = 0;
/** Made-up catalog URLs: products, people, over-long slugs, genres, pages past the end. */
function madeUpPaths(count: number): string[] {
  const word = () => `zz${(serial++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const kinds = [
    () => `/products/${word()}`,
    () => `/people/${word()}`,
    () => `/products/${'a'.repeat(300)}${word()}`,
    () => `/music/genre=${word()}`,
    () => `/film/page=${9000 + (serial++ % 999)}`,
  ];
  return Array.from({ length: count }, (_, i) => at(kinds, i % kinds.length)());
}

describe('made-up URLs', () => {
  it('answer 404 and leave the page cache on disk and the server memory flat', async () => {
    const pid = Number(process.env.E2E_SERVER_PID);
    expect(pid, 'E2E_SERVER_PID (set by scripts/e2e.ts)').toBeGreaterThan(0);
    const cacheDir = path.join(process.cwd(), '.next', 'server');
    // Warm up first: the first few hundred requests of any kind grow a fresh Node heap.
    await requestAll(madeUpPaths(200));
    const before = { disk: folderSize(cacheDir), rss: residentMegabytes(pid) };

    const statuses = await requestAll(madeUpPaths(1_000));

    const after = { disk: folderSize(cacheDir), rss: residentMegabytes(pid) };
    console.log(
      `1,000 made-up URLs: .next/server ${before.disk.files} → ${after.disk.files} files, ` +
        `${before.disk.bytes} → ${after.disk.bytes} bytes; server RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MB`,
    );
    expect(statuses).toEqual({ 404: 1_000 });
    // Flat within a tolerance: nothing new on disk (a catalog page revalidating in the background
    // may rewrite its own files meanwhile), and less than 128 MB more resident memory: V8 lets its
    // heap grow by some 60 MB over these requests before it collects (measured: +57 MB, back down
    // after ~2,500). Before unknown URLs were sent to the one not-found page, the same 1,000 requests
    // wrote 3,600 files (53 MB) and grew the server from 372 to 644 MB.
    expect(after.disk.files - before.disk.files).toBeLessThanOrEqual(0);
    expect(Math.abs(after.disk.bytes - before.disk.bytes)).toBeLessThan(256 * 1024);
    expect(after.rss - before.rss).toBeLessThan(128);
  });
});

describe.runIf(process.env.DATABASE_URL)(
  'a PostgreSQL database with migrations pending (the embedded one migrates itself)',
  () => {
    async function emptyDatabase() {
      const database = await createScratchDatabase(process.env.DATABASE_URL!, 'encore_e2e_pending');
      dropped.push(database.drop);
      return database.url;
    }

    it('makes the server refuse to start, saying what to do', async () => {
      const url = await emptyDatabase();
      const starting = startServer(mainPort() + 2, { DATABASE_URL: url, MIGRATE_ON_START: '' }, 60_000);
      // Should it start after all, stop it with the others.
      starting.then((server) => started.push(server)).catch(() => {});
      const count = readMigrations().length;
      await expect(starting).rejects.toThrow(
        new RegExp(`exited with 1[\\s\\S]*missing ${count} migration\\(s\\)[\\s\\S]*npm run db:migrate`),
      );
    });

    it('is migrated at start with MIGRATE_ON_START=1, by one of several instances starting at once', async () => {
      const url = await emptyDatabase();
      const env = { DATABASE_URL: url, MIGRATE_ON_START: '1' };
      const servers = await Promise.all([
        startServer(mainPort() + 2, env, 90_000),
        startServer(mainPort() + 3, env, 90_000),
      ]);
      started.push(...servers);
      for (const server of servers) expect((await fetch(`${server.url}/help`)).status).toBe(200);
      // Each migration applied once, by one of them (the other waited on the lock or found none left).
      const count = readMigrations().length;
      const logs = servers.map((server) => server.log());
      expect(logs.filter((log) => log.includes(`Applied ${count} migration(s) at start`))).toHaveLength(1);
      expect(logs.filter((log) => log.includes('Applied 0000_extensions'))).toHaveLength(1);
      const client = postgres(url, { max: 1, onnotice: () => {} });
      const { n } = first(await client`select count(*)::int as n from drizzle.__drizzle_migrations`);
      await client.end();
      expect(n).toBe(count);
    });
  },
);

/** Signs in through next-auth's own endpoints, as the login form does; the session cookie to send. */
async function signInCookie(login: string, password: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const header = () => Array.from(cookies, ([name, value]) => `${name}=${value}`).join('; ');
  const csrf = await fetch(new URL('/api/auth/csrf', baseUrl()));
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(new URL('/api/auth/callback/credentials', baseUrl()), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ csrfToken, login, password, json: 'true' }),
  });
  keep(signIn);
  return header();
}

describe('bad URLs and requests on the production server', () => {
  const get = (pathname: string, headers: Record<string, string> = {}) =>
    fetch(new URL(pathname, baseUrl()), { headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });

  it('answers 400 to broken percent-encoding, pages, API and media alike', async () => {
    for (const pathname of [
      '/orders/%E0%A4%A',
      '/products/%E0%A4%A',
      '/%E0%A4%A',
      '/api/v1/products/%E0%A4%A',
      '/art/%E0%A4%A/0.svg',
      '/admin/orders/%E0%A4%A',
    ]) {
      const response = await get(pathname);
      expect(response.status, pathname).toBe(400);
      expect(await response.json(), pathname).toMatchObject({ error: { code: 'badUrl' } });
    }
    expect((await get('/api/v1/products/caf%C3%A9')).status).toBe(404);
  });

  it('answers 4xx to what next-auth fails on, and sends a malformed callbackUrl home', async () => {
    const callback = await get('/api/auth/callback/credentials');
    expect(callback.status).toBe(405);
    for (const action of ['callback/credentials', 'signout', '_log']) {
      const response = await fetch(new URL(`/api/auth/${action}`, baseUrl()), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json' },
        body: '{"csrfToken": ',
      });
      expect(response.status, action).toBe(400);
    }
    for (const callbackUrl of ['http://[', 'not a url']) {
      const query = `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
      expect((await get(`/api/auth/signin${query}`)).status, callbackUrl).toBe(400);
      const post = await fetch(new URL(`/api/auth/callback/credentials${query}`, baseUrl()), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'login=x&password=y',
      });
      expect(post.status, callbackUrl).toBe(400);
    }
    const foreign = await get(`/api/auth/signin?callbackUrl=${encodeURIComponent('https://evil.example/x')}`);
    expect(foreign.status).toBe(302);
    const location = new URL(foreign.headers.get('location')!, baseUrl());
    expect(new URL(location.searchParams.get('callbackUrl')!).pathname).toBe('/');
  });

  it('answers 404 to a missing or malformed record in the back office', async () => {
    const cookie = await signInCookie('admin@encore.test', 'encore-admin-demo');
    expect((await get('/admin/returns', { cookie })).status).toBe(200);
    for (const pathname of [
      '/admin/returns/999999',
      '/admin/returns/abc',
      '/admin/orders/EN-999',
      '/admin/orders/EN-999/packing-slip',
      '/admin/customers/999999',
      '/admin/customers/abc',
      '/admin/products/999999',
      '/admin/stock/999999',
      '/admin/mail/999999',
    ]) {
      expect((await get(pathname, { cookie })).status, pathname).toBe(404);
    }
  });
});
