import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as upload } from '@/app/api/admin/products/uploads/route';
import { newProductData } from '@/components/admin/catalog/editor-state';
import { saveProductAction } from '@/lib/actions/admin/catalog';
import { sniffType } from '@/lib/admin/catalog/magic-bytes';
import { createLocalStorage, serveLocalUpload } from '@/lib/storage/local';
import { setStorage } from '@/lib/storage';
import { createS3Storage } from '@/lib/storage/s3';
import { sha256Hex, signRequest } from '@/lib/storage/sigv4';
import { StorageError } from '@/lib/storage/types';
import { requestContext, signInAs } from '../support/request-context';
import { at, only } from '@/tests/support/lists';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const RUN = Date.now().toString(36);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-uploads-'));
let adminId: number;
let customerId: number;

const newUser = async (role: 'customer' | 'admin', prefix: string) => (await createTestUser({ role, prefix })).id;

beforeAll(async () => {
  setStorage(createLocalStorage(dir));
  adminId = await newUser('admin', 'uploader');
  customerId = await newUser('customer', 'visitor');
});
afterAll(() => {
  setStorage(null);
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  requestContext.reset();
  await signInAs(adminId);
});

const send = (kind: string, body: Uint8Array | string, headers: Record<string, string> = {}) =>
  upload(
    new Request(`http://localhost/api/admin/products/uploads?kind=${kind}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
      headers,
    }),
  );

const fileOf = (url: string) => path.join(dir, ...url.replace(/^\/uploads\//, '').split('/'));

describe('uploads', () => {
  it('resizes an image to at most 1200 px, converts it to WebP and keeps a 400 px thumbnail', async () => {
    const png = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#3366aa' } })
      .png()
      .toBuffer();
    const response = await send('image', png, { 'content-type': 'image/png' });
    expect(response.status).toBe(201);
    const result = (await response.json()) as { url: string; thumbnailUrl: string; width: number; height: number };
    expect(result).toMatchObject({ width: 1200, height: 800 });
    expect(result.url).toMatch(/^\/uploads\/catalog\/images\/[0-9a-f-]{36}\.webp$/);
    expect(result.thumbnailUrl).toBe(result.url.replace(/\.webp$/, '.thumb.webp'));
    const image = fs.readFileSync(fileOf(result.url));
    expect(sniffType(image)).toBe('image/webp');
    expect(await sharp(fileOf(result.thumbnailUrl)).metadata()).toMatchObject({
      width: 400,
      height: 267,
      format: 'webp',
    });

    // Served with its type, never sniffed, with byte ranges.
    const segments = result.url.replace(/^\/uploads\//, '').split('/');
    const whole = await serveLocalUpload(segments, null, dir);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/webp');
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(new Uint8Array(image));
    const part = await serveLocalUpload(segments, 'bytes=0-9', dir);
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-9/${image.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    expect((await serveLocalUpload(segments, `bytes=${image.length + 5}-`, dir)).status).toBe(416);
    expect((await serveLocalUpload(['catalog', '..', '..', 'etc', 'passwd'], null, dir)).status).toBe(404);
    expect((await serveLocalUpload(['catalog', 'images', 'x.html'], null, dir)).status).toBe(404);
    expect((await serveLocalUpload(['catalog', 'images', 'missing.webp'], null, dir)).status).toBe(404);
  });

  it('refuses what is not an image or clip by its bytes, unreadable images and oversized files', async () => {
    const svg = await send('image', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', {
      'content-type': 'image/png',
    });
    expect(svg.status).toBe(422);
    expect(await svg.json()).toMatchObject({ error: { code: 'imageType' } });
    const broken = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
    expect(await (await send('image', broken)).json()).toMatchObject({ error: { code: 'imageUnreadable' } });
    expect(await (await send('image', new Uint8Array())).json()).toMatchObject({ error: { code: 'empty' } });
    const huge = await send('image', new Uint8Array(15 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect(await (await send('clip', 'just text')).json()).toMatchObject({ error: { code: 'clipType' } });
    expect((await send('other', 'x')).status).toBe(400);
    expect(fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.webp')).length).toBe(2);
  });

  it('stores an audio clip as it is', async () => {
    const mp3 = new Uint8Array([
      0x49,
      0x44,
      0x33,
      4,
      0,
      0,
      0,
      0,
      0,
      0,
      0xff,
      0xfb,
      0x90,
      0x64,
      ...new Array(64).fill(0),
    ]);
    const response = await send('clip', mp3, { 'content-type': 'audio/mpeg' });
    expect(response.status).toBe(201);
    const result = (await response.json()) as { url: string; contentType: string };
    expect(result.contentType).toBe('audio/mpeg');
    expect(result.url).toMatch(/^\/uploads\/catalog\/clips\/[0-9a-f-]{36}\.mp3$/);
    expect(new Uint8Array(fs.readFileSync(fileOf(result.url)))).toEqual(mp3);
  });

  it('refuses visitors and customers', async () => {
    requestContext.reset();
    expect((await send('image', 'x')).status).toBe(401);
    await signInAs(customerId);
    expect((await send('image', 'x')).status).toBe(403);
  });

  it('deletes an uploaded image when the product stops using it', async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    const image = (await (await send('image', png)).json()) as { url: string; thumbnailUrl: string };
    // A new product as the editor sends it, with a cover.
    const base = {
      ...newProductData(),
      slug: `with-cover-${RUN}`,
      kind: 'film',
      title: 'With a cover',
      media: [{ kind: 'cover', url: image.url, alt: 'Cover', width: 50, height: 50 }],
    };
    const form = (draft: unknown) => {
      const data = new FormData();
      data.set('payload', JSON.stringify(draft));
      return data;
    };
    const created = await saveProductAction(null, form(base));
    expect(created?.ok).toBe(true);
    if (!created?.ok || !created.product) return;
    expect(fs.existsSync(fileOf(image.url))).toBe(true);
    const updated = await saveProductAction(
      null,
      form({ ...base, id: created.id, version: created.product.version, media: [] }),
    );
    expect(updated?.ok).toBe(true);
    expect(fs.existsSync(fileOf(image.url))).toBe(false);
    expect(fs.existsSync(fileOf(image.thumbnailUrl))).toBe(false);
  });
});

describe('S3-compatible storage', () => {
  type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer };
  const received: Received[] = [];
  let server: http.Server;
  let endpoint: string;
  let answer: { status: number; body: string } | null = null;
  const settings = () => ({
    kind: 's3' as const,
    bucket: 'media',
    region: 'auto',
    endpoint,
    accessKeyId: 'AKIDTEST',
    secretAccessKey: 'test-secret-key',
    publicUrl: 'https://cdn.example.com',
  });

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const entry = {
          method: request.method!,
          url: request.url!,
          headers: request.headers,
          body: Buffer.concat(chunks),
        };
        received.push(entry);
        // Verify like S3 does: re-sign what arrived with the shared secret and compare.
        const auth = String(request.headers.authorization ?? '');
        const signed =
          /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/(\d{8})\/auto\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
            auth,
          );
        let ok = false;
        if (signed) {
          const names = at(signed, 2)
            .split(';')
            .filter((name) => name !== 'host' && name !== 'x-amz-date');
          const headers = Object.fromEntries(names.map((name) => [name, String(request.headers[name])]));
          const amzDate = String(request.headers['x-amz-date']);
          const date = new Date(
            `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
          );
          const expected = signRequest({
            method: request.method!,
            url: new URL(request.url!, `http://${request.headers.host}`),
            headers,
            payloadHash: String(request.headers['x-amz-content-sha256']),
            region: 'auto',
            service: 's3',
            accessKeyId: 'AKIDTEST',
            secretAccessKey: 'test-secret-key',
            date,
          });
          ok = expected.signature === signed[3] && request.headers['x-amz-content-sha256'] === sha256Hex(entry.body);
        }
        if (answer) {
          response.writeHead(answer.status, { 'content-type': 'application/xml' }).end(answer.body);
        } else if (!ok) {
          response.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
        } else {
          response.writeHead(request.method === 'DELETE' ? 204 : 200).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received.length = 0;
    answer = null;
  });

  it('PUTs with a valid SigV4 Authorization header and a signed payload, path-style', async () => {
    const storage = createS3Storage(settings());
    const bytes = new TextEncoder().encode('RIFF....WEBPVP8 a tiny image');
    const { url } = await storage.putObject('catalog/images/abc.webp', bytes, 'image/webp');
    expect(url).toBe('https://cdn.example.com/catalog/images/abc.webp');
    expect(received).toHaveLength(1);
    const put = only(received, 'upload');
    expect(put.method).toBe('PUT');
    expect(put.url).toBe('/media/catalog/images/abc.webp');
    expect(put.headers['content-type']).toBe('image/webp');
    expect(put.headers['x-amz-content-sha256']).toBe(sha256Hex(bytes));
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/\d{8}\/auto\/s3\/aws4_request, SignedHeaders=cache-control;content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(new Uint8Array(put.body)).toEqual(bytes);
    expect(storage.keyOf(url)).toBe('catalog/images/abc.webp');
    expect(storage.keyOf('https://elsewhere.example.com/catalog/images/abc.webp')).toBeNull();
  });

  it('DELETEs, and reports S3 errors with their code', async () => {
    const storage = createS3Storage(settings());
    await storage.deleteObject('catalog/images/abc.webp');
    expect(received.map((r) => [r.method, r.url])).toEqual([['DELETE', '/media/catalog/images/abc.webp']]);

    const wrong = createS3Storage({ ...settings(), secretAccessKey: 'not-the-secret' });
    await expect(wrong.putObject('catalog/images/x.webp', new Uint8Array([1]), 'image/webp')).rejects.toThrow(
      /403 SignatureDoesNotMatch/,
    );
    answer = { status: 404, body: '<Error><Code>NoSuchKey</Code></Error>' };
    await expect(storage.deleteObject('catalog/images/gone.webp')).resolves.toBeUndefined();
    answer = { status: 500, body: '<Error><Code>InternalError</Code></Error>' };
    await expect(storage.putObject('catalog/images/y.webp', new Uint8Array([1]), 'image/webp')).rejects.toBeInstanceOf(
      StorageError,
    );
    await expect(storage.putObject('../escape', new Uint8Array([1]), 'image/webp')).rejects.toBeInstanceOf(
      StorageError,
    );
  });
});
