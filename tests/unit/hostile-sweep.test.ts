import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileActionCalls, readServerActions } from '@/scripts/lib/hostile/actions';
import { realProbes, routeProbes } from '@/scripts/lib/hostile/plan';
import { buildReport, causeOf, formatReport, logLineAround } from '@/scripts/lib/hostile/report';
import { listRoutes } from '@/scripts/lib/hostile/routes';
import { type Client, send } from '@/scripts/lib/hostile/runner';
import { CookieJar } from '@/scripts/lib/sign-in';
import { only } from '@/tests/support/lists';

// How `npm run test:hostile` (scripts/hostile.ts) calls server actions, plans its requests and reports.

const VALUES = {
  'products/[slug]': ['neon-harbour'],
  'orders/[number]': ['EN-1001'],
};

describe('server action calls', () => {
  it('reads the actions from the manifest and encodes calls as React does', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-next-'));
    fs.mkdirSync(path.join(dir, 'server'));
    fs.writeFileSync(
      path.join(dir, 'server', 'server-reference-manifest.json'),
      JSON.stringify({
        node: {
          '60abc': {
            workers: { 'app/[locale]/(secure)/cart/page': {} },
            filename: 'lib/actions/cart.ts',
            exportedName: 'updateCartLineAction',
          },
          c0def: { workers: { 'app/api/v1/products/route': {} }, exportedName: '$$RSC_SERVER_CACHE_0' },
        },
        edge: {},
      }),
    );
    const actions = readServerActions(dir);
    fs.rmSync(dir, { recursive: true });
    // The cached function is posted to a page only; this one is used by a route handler alone.
    expect(actions).toEqual([
      expect.objectContaining({ id: '60abc', name: 'lib/actions/cart.ts#updateCartLineAction', cached: false }),
    ]);
    const calls = await hostileActionCalls(only(actions), ['quantity']);
    const call = (kind: string) => calls.find((c) => c.kind === kind)!;
    expect(call('args-nul').body).toMatchObject({ contentType: 'text/plain', body: '["\\u0000","a\\u0000b"]' });
    // A useActionState form: previous state, then the FormData as "$K1" with its fields as _1_<name>.
    const form = call('form-nul-inside').body.body as string;
    expect(form).toContain('name="_1_quantity"\r\n\r\na\u0000b');
    expect(form).toContain('["$undefined","$K1"]');
    expect(call('no-js-form-nul')).toMatchObject({ fetchCall: false });
    expect(call('no-js-form-nul').body.body).toContain('name="$ACTION_ID_60abc"');
  });
});

describe('sweep plan and report', () => {
  const routes = listRoutes();

  it('sends real requests first, then hostile ones to every route, more to those an identity reaches', () => {
    expect(realProbes(routes, VALUES, 'anonymous').map((p) => p.url)).toEqual(
      expect.arrayContaining(['/products/neon-harbour', '/api/v1/cart', '/admin/orders/EN-1001']),
    );
    // The hidden [locale] segment: the other languages through the locale cookie.
    const zh = realProbes(routes, VALUES, 'anonymous', { locales: ['en', 'zh'], localeCookie: 'NEXT_LOCALE' });
    expect(zh.filter((p) => p.url === '/help').map((p) => [p.kind, p.cookie?.cookie])).toEqual([
      ['real', undefined],
      ['real-zh', 'NEXT_LOCALE=zh'],
    ]);
    const options = { fields: ['q'], cookieNames: ['NEXT_LOCALE'], thorough: false };
    const all = routeProbes(routes, VALUES, 'anonymous', { ...options, deep: new Set(routes.map((r) => r.pattern)) });
    expect(all.some((p) => p.url === '/products/%00' && p.method === 'GET')).toBe(true);
    expect(all.some((p) => p.url.startsWith('/search?') && p.kind === 'query-nul')).toBe(true);
    expect(all.some((p) => p.target === '/api/v1/cart' && p.method === 'DELETE')).toBe(true);
    expect(all.some((p) => p.body?.huge)).toBe(false);
    const some = routeProbes(routes, VALUES, 'shopper', { ...options, deep: new Set(['/account']) });
    expect(some.some((p) => p.target === '/search' && p.kind === 'query-nul')).toBe(false);
    expect(some.some((p) => p.target === '/account' && p.kind === 'query-nul')).toBe(true);
    // Route handlers that take bodies get them whatever the identity.
    expect(some.some((p) => p.target === '/api/v1/auth/register' && p.kind === 'json-deep-10000')).toBe(true);
  });

  it('finds the server log line of a failure and groups failures by cause', () => {
    const log = 'GET /a\n ⨯ TypeError: x is not a function (digest: "123abc")\nother\n';
    expect(logLineAround(log, 0, 10, 2000)).toBe('⨯ TypeError: x is not a function (digest: "123abc")');
    expect(causeOf({ status: 500, kind: 'a', log: '⨯ Error: invalid byte sequence 0x00 at 12' })).toBe(
      causeOf({ status: 500, kind: 'b', log: '⨯ Error: invalid byte sequence 0x00 at 345' }),
    );
    expect(causeOf({ status: 500, kind: 'segment %', log: '' })).toBe('HTTP 500, nothing logged: segment %');
    const probe = { identity: 'anonymous' as const, method: 'GET', url: '/x', target: '/x', kind: 'real' };
    const report = buildReport(
      [
        { probe, status: 200, ms: 1, logFrom: 0, logTo: 0 },
        { probe, status: 500, ms: 1, logFrom: 0, logTo: 6, alone: 500, ownLog: true },
        { probe, status: 0, error: 'TimeoutError', ms: 1, logFrom: 0, logTo: 0 },
        { probe: { ...probe, body: { kind: 'json-20mb', huge: true } }, status: 0, ms: 1, logFrom: 0, logTo: 0 },
      ],
      `${log}⨯ unhandledRejection: boom\n`,
      { seconds: 1, serverExit: null },
    );
    expect(report.histogram).toEqual({ 200: 1, 500: 1, 'no answer': 2 });
    expect(report.failures.map((f) => f.status)).toEqual([500, 0]);
    // Sent again alone, a failure's log window is its own: nothing past it is read.
    expect(report.failures[0]).toMatchObject({ alone: 500, log: 'GET /a' });
    expect(formatReport(report)).toContain('500 GET /x [anonymous, real, again alone]');
    expect(report.serverProblems).toEqual(['⨯ unhandledRejection: boom']);
  });
});

describe('sending probes', () => {
  /** A server that closes the connection under the first `resets` requests it gets, and answers 204 after. */
  async function serverResetting(resets: number) {
    let seen = 0;
    const server = http.createServer((request, response) => {
      seen += 1;
      if (seen <= resets) request.socket.destroy();
      else response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const jar = new CookieJar();
    const client: Client = {
      baseUrl: `http://127.0.0.1:${port}`,
      jars: { anonymous: jar, shopper: jar, admin: jar },
      log: () => '',
      timeoutMs: 5000,
    };
    return { client, close: () => new Promise((resolve) => server.close(resolve)) };
  }
  const probe = { identity: 'anonymous' as const, method: 'GET', url: '/x', target: '/x', kind: 'real' };

  it('resends once, on a new connection, a request whose connection was closed under it, and says so', async () => {
    const { client, close } = await serverResetting(1);
    const outcome = await send(client, probe);
    await close();
    expect(outcome.status).toBe(204);
    expect(outcome.resentAfter).toMatch(/UND_ERR_SOCKET|ECONNRESET|EPIPE/);
    const report = buildReport([outcome], '', { seconds: 1, serverExit: null });
    expect(report.failures).toEqual([]);
    expect(formatReport(report)).toContain('1 reset on a reused connection, answered when resent on a new one');
  });

  it('fails a request that gets no answer on a new connection either, and never resends a huge upload', async () => {
    const twice = await serverResetting(2);
    const outcome = await send(twice.client, probe);
    await twice.close();
    expect(outcome.status).toBe(0);
    expect(outcome.error).toContain('then on a new connection');
    expect(buildReport([outcome], '', { seconds: 1, serverExit: null }).failures).toHaveLength(1);

    const once = await serverResetting(1);
    const upload = await send(once.client, {
      ...probe,
      method: 'POST',
      body: { kind: 'json-2mb', body: '{}', huge: true },
    });
    await once.close();
    expect(upload).toMatchObject({ status: 0 });
    expect(upload.resentAfter).toBeUndefined();
  });
});
