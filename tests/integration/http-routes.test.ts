import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { GET as artRoute } from '@/app/art/[slug]/[variant]/route';
import { GET as previewRoute } from '@/app/previews/[slug]/[file]/route';
import { GET as nextAuthGet, POST as nextAuthPost } from '@/app/api/auth/[...nextauth]/route';
import { POST as rebuildRoute } from '@/app/api/admin/recommendations/rebuild/route';
import { POST as registerRoute } from '@/app/api/v1/auth/register/route';
import { registerUser } from '@/lib/accounts/mutations';
import { route } from '@/lib/api/route';
import { requestContext, signInAs } from '../support/request-context';
import { first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/*
 * The route-handler wrapper (lib/api/route.ts) as callers see it: one error shape, cross-site writes
 * refused, JSON required where JSON is expected, bodies capped, unexpected failures logged with an id.
 */

const RUN = Date.now().toString(36);
let n = 0;
const person = () => {
  n += 1;
  return {
    username: `route${n}_${RUN}`,
    email: `route${n}.${RUN}@example.com`,
    password: 'a long enough passphrase 42',
  };
};

const registrations = async (email: string) =>
  (
    await queryRow<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from registrations where email_key = ${email}`,
    )
  ).n;

function register(body: BodyInit, headers: Record<string, string> = {}) {
  return registerRoute(
    new Request('http://localhost:3000/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  );
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const body = (await response.json()) as { error: { code: string; message: string; fields?: unknown } };
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  return body.error;
}

let adminId: number;
beforeAll(async () => {
  const created = await registerUser(person(), 'en');
  if (!created.ok) throw new Error('setup');
  adminId = created.userId;
  await (await getDb()).execute(sql`update users set role = 'admin' where id = ${adminId}`);
});

describe('cross-site requests', () => {
  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
  ])('refuses a registration with %s (403), and registers nothing', async (_label, headers) => {
    const who = person();
    await expectError(await register(JSON.stringify(who), headers), 403, 'crossSite');
    expect(await registrations(who.email)).toBe(0);
  });

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['the SITE_URL Origin', { origin: 'http://localhost:3000' }],
    ['the Host it was sent to', { origin: 'http://shop.internal:8080', host: 'shop.internal:8080' }],
    ['no Origin (not a browser)', {}],
  ])('accepts a registration with %s', async (_label, headers) => {
    const who = person();
    expect((await register(JSON.stringify(who), headers)).status).toBe(202);
    expect(await registrations(who.email)).toBe(1);
  });

  it('refuses an admin route from another site even for a signed-in admin; same-origin works', async () => {
    await signInAs(adminId);
    const post = (headers: Record<string, string>) =>
      rebuildRoute(new Request('http://localhost:3000/api/admin/recommendations/rebuild', { method: 'POST', headers }));
    await expectError(await post({ 'sec-fetch-site': 'cross-site' }), 403, 'crossSite');
    await expectError(await post({ origin: 'https://evil.example' }), 403, 'crossSite');
    const same = await post({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' });
    expect(same.status).toBe(200);
    expect(await same.json()).toMatchObject({ ran: expect.any(Boolean) });
    requestContext.reset();
    await expectError(await post({ 'sec-fetch-site': 'same-origin' }), 401, 'unauthenticated');
  });
});

describe('bodies', () => {
  it('answers 415 to a body that is not declared as JSON', async () => {
    const who = person();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      await expectError(await register(JSON.stringify(who), { 'content-type': type }), 415, 'unsupportedMediaType');
    }
    expect(await registrations(who.email)).toBe(0);
  });

  it('answers 413 to a large body, declared or chunked, without reading it all', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 2000) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    await expectError(await register(endless), 413, 'tooLarge');
    expect(pulled).toBeLessThan(10);
    await expectError(await register('{}', { 'content-length': String(100 * 1024 * 1024) }), 413, 'tooLarge');
  });

  it('answers 400 invalidJson to broken or non-object JSON, and 400 with fields to bad fields', async () => {
    await expectError(await register('{"username": '), 400, 'invalidJson');
    await expectError(await register('["a"]'), 400, 'invalidJson');
    const error = await expectError(
      await register(JSON.stringify({ ...person(), email: 'not an address' })),
      400,
      'invalidRequest',
    );
    expect(error.fields).toMatchObject({ email: expect.any(String) });
  });
});

describe('unexpected failures', () => {
  it('are logged with a request id, which the 500 answer carries', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = route({}, async () => {
      throw new Error('database on fire');
    });
    const response = await failing(new Request('http://localhost/api/v1/x'));
    const error = await expectError(response, 500, 'internal');
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(error).toMatchObject({ requestId: id });
    expect(JSON.stringify(error)).not.toContain('database on fire');
    expect(String(first(log.mock.calls)[0])).toContain(id);
    log.mockRestore();
  });
});

describe('generated media', () => {
  it('serves the cover art and preview clips of active products: a draft names nothing (404) but to admins', async () => {
    const product = await queryRow<{ id: number; slug: string; title: string; track: number }>(
      await getDb(),
      sql`select p.id, p.slug, p.title, t.sort_order as track from products p join tracks t on t.product_id = p.id
        where p.status = 'active' and t.preview_url like '/previews/%' order by p.id limit 1`,
    );
    const art = () =>
      artRoute(new Request(`http://localhost/art/${product.slug}/0.svg`), {
        params: Promise.resolve({ slug: product.slug, variant: '0.svg' }),
      });
    const preview = () =>
      previewRoute(new Request(`http://localhost/previews/${product.slug}/${product.track}.wav`), {
        params: Promise.resolve({ slug: product.slug, file: `${product.track}.wav` }),
      });
    const active = await art();
    expect(active.status).toBe(200);
    expect(await active.text()).toContain(product.title.slice(0, 10).replace(/&/g, '&amp;'));
    expect((await preview()).status).toBe(200);

    for (const status of ['draft', 'archived']) {
      await (await getDb()).execute(sql`update products set status = ${status} where id = ${product.id}`);
      const hidden = await art();
      expect(hidden.status).toBe(404);
      expect(await hidden.text()).not.toContain(product.title);
      expect((await preview()).status).toBe(404);
    }
    await signInAs(adminId); // admins preview a draft's art in the back office, never cached
    const forAdmin = await art();
    expect(forAdmin.status).toBe(200);
    expect(forAdmin.headers.get('cache-control')).toBe('private, no-store');
    requestContext.reset();
    for (const [slug, variant] of [
      ['Bad Slug', '0.svg'],
      [product.slug, '10.svg'],
      [product.slug, '0.png'],
    ]) {
      const refused = await artRoute(new Request('http://localhost/art/x'), {
        params: Promise.resolve({ slug, variant }),
      });
      expect(refused.status).toBe(404);
    }
  });
});

describe('next-auth', () => {
  const call = (method: 'GET' | 'POST', path: string, init: { body?: string; type?: string } = {}) => {
    const handler = method === 'GET' ? nextAuthGet : nextAuthPost;
    const url = new URL(`http://localhost:3000/api/auth/${path}`);
    return handler(
      new Request(url, {
        method,
        body: init.body,
        headers: init.type ? { 'content-type': init.type } : {},
      }),
      { params: Promise.resolve({ nextauth: url.pathname.split('/').slice(3) }) },
    );
  };

  // What reaches next-auth itself (it reads next/headers through require(), out of the tests' reach)
  // is checked against a production server: tests/e2e/server.spec.ts.
  it('answers 4xx, not 500, to what next-auth itself fails on', async () => {
    for (const provider of ['credentials', 'registration']) {
      const get = await call('GET', `callback/${provider}`);
      expect(get.status).toBe(405);
      expect(get.headers.get('allow')).toBe('POST');
    }
    for (const path of ['callback/credentials', 'signout', '_log', 'session']) {
      for (const body of ['{"csrfToken": ', '{"csrfToken": 1}', '{"csrfToken": ["a"]}', '{"data": {"a": "b"}}']) {
        await expectError(await call('POST', path, { body, type: 'application/json' }), 400, 'invalidJson');
      }
    }
    for (const callbackUrl of ['http://[', 'not a url', 'javascript:alert(1)']) {
      const query = `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
      await expectError(await call('GET', `signin${query}`), 400, 'invalidRequest');
      await expectError(
        await call('POST', `callback/credentials${query}`, { body: 'a=1', type: 'application/x-www-form-urlencoded' }),
        400,
        'invalidRequest',
      );
    }
    await expectError(
      await call('POST', 'signout', { body: 'x'.repeat(20_000), type: 'application/x-www-form-urlencoded' }),
      413,
      'tooLarge',
    );
  });
});
