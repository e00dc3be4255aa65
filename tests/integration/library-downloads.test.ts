import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET, HEAD } from '@/app/api/v1/library/downloads/[token]/route';
import { getDb } from '@/db';
import { takeDownload } from '@/lib/library/downloads';
import { downloadToken, verifyDownloadToken } from '@/lib/library/links';
import { resetDownloadCount } from '@/lib/library/reset';
import { serveDownload } from '@/lib/library/serve';
import { setLibraryStorage } from '@/lib/library/storage';
import { createLocalStorage } from '@/lib/storage/local';
import { createS3Storage } from '@/lib/storage/s3';
import { itOnPostgres } from '../support/concurrency';
import { addDigitalFile, downloadState, entitlementsOf, libraryOrder } from '../support/library';
import { requestContext, signInAs } from '../support/request-context';
import { rowOf } from '../support/rows';
import { createTestShopper } from '../support/users';

// Downloads of the digital library (issue 17): signed, expiring links bound to a user, counted per
// file and entitlement, streamed from storage (a real file on local disk, in a temp folder) with
// byte ranges; every refusal a clear 4xx that changes nothing.

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'encore-library-'));
  setLibraryStorage(createLocalStorage(dir));
});

afterAll(async () => {
  setLibraryStorage(null);
  await fs.rm(dir, { recursive: true, force: true });
});

beforeEach(() => requestContext.reset());

/** A signed-in shopper owning one file (64 KB of random bytes unless given), and a link to it. */
async function owned(file: Parameters<typeof addDigitalFile>[1] = {}) {
  const { shopper, orderId, editionId } = await libraryOrder();
  const [entitlement] = await entitlementsOf(orderId);
  const stored = await addDigitalFile(editionId, file);
  await signInAs(shopper.id);
  const link = { entitlementId: entitlement!.id, fileId: stored.fileId, userId: shopper.id };
  return { shopper, orderId, editionId, link, token: downloadToken(link, new Date()), ...stored };
}

async function get(token: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost/api/v1/library/downloads/${token}`, { headers }), {
    params: Promise.resolve({ token }),
  });
}

async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

async function refusal(response: Response) {
  return { status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code };
}

describe('GET /api/v1/library/downloads/{token}', () => {
  it('streams the whole file with its type, length, name and Accept-Ranges, and counts it', async () => {
    const { token, bytes, link } = await owned({ title: 'Blue in Green' });
    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/flac');
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Blue in Green.flac"; filename*=UTF-8''Blue%20in%20Green.flac`,
    );
    expect(await bytesOf(response)).toEqual(bytes);
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 1, logged: 1 });
  });

  it('names a non-ASCII title safely (RFC 5987) and drops path tricks', async () => {
    const { token } = await owned({ title: '../夜曲 / Café "Live"', format: 'mp3_320' });
    const response = await get(token);
    await response.body?.cancel();
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="-__ - Cafe -Live-.mp3"; filename*=UTF-8''-%E5%A4%9C%E6%9B%B2%20-%20Caf%C3%A9%20-Live-.mp3`,
    );
  });

  it('answers a Range with 206 and exactly those bytes; a resume of a counted download does not count again', async () => {
    const { token, bytes, link } = await owned();
    const first = await get(token, { range: 'bytes=0-999' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-999/${bytes.byteLength}`);
    expect(first.headers.get('content-length')).toBe('1000');
    expect(await bytesOf(first)).toEqual(bytes.slice(0, 1000));
    const resumed = await get(token, { range: 'bytes=1000-' });
    expect(resumed.status).toBe(206);
    expect(resumed.headers.get('content-range')).toBe(`bytes 1000-${bytes.byteLength - 1}/${bytes.byteLength}`);
    expect(await bytesOf(resumed)).toEqual(bytes.slice(1000));
    const tail = await get(token, { range: 'bytes=-10' });
    expect(await bytesOf(tail)).toEqual(bytes.slice(-10));
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 1, logged: 1 });
  });

  it('counts a Range from a later byte when no download of the file was started with this link', async () => {
    const { token, link } = await owned();
    const response = await get(token, { range: 'bytes=500-' });
    expect(response.status).toBe(206);
    await response.body?.cancel();
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 1, logged: 1 });
  });

  it('answers HEAD with the headers of the download, counting nothing', async () => {
    const { token, bytes, link } = await owned();
    const response = await HEAD(new Request(`http://localhost/api/v1/library/downloads/${token}`, { method: 'HEAD' }), {
      params: Promise.resolve({ token }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(response.body).toBeNull();
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 0, logged: 0 });
  });

  it('answers 416 to a range past the end, counting nothing', async () => {
    const { token, bytes, link } = await owned();
    const response = await get(token, { range: `bytes=${bytes.byteLength}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.byteLength}`);
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 0, logged: 0 });
  });

  it('refuses tampered, forged and malformed links, counting nothing', async () => {
    const { token, link } = await owned();
    const parts = token.split('.');
    const signature = parts[5]!;
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    const otherFile = [...parts.slice(0, 2), (link.fileId + 1).toString(36), ...parts.slice(3)].join('.');
    const later = [...parts.slice(0, 4), (Number.parseInt(parts[4]!, 36) + 3600).toString(36), parts[5]].join('.');
    for (const bad of [[...parts.slice(0, 5), flipped].join('.'), otherFile, later]) {
      expect(await refusal(await get(bad))).toEqual({ status: 403, code: 'downloadLinkInvalid' });
    }
    for (const bad of ['nope', `${token}x`, token.replace('v1.', 'v2.'), '../../etc/passwd']) {
      expect(await refusal(await get(bad))).toEqual({ status: 404, code: 'downloadLinkInvalid' });
    }
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 0, logged: 0 });
  });

  it('refuses an expired link with 410', async () => {
    const { link } = await owned();
    const old = downloadToken(link, new Date(Date.now() - 25 * 3_600_000));
    expect(await refusal(await get(old))).toEqual({ status: 410, code: 'downloadLinkExpired' });
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 0, logged: 0 });
  });

  it("refuses another account's link, and a signed-out request", async () => {
    const mine = await owned();
    await owned(); // signs in as someone else
    expect(await refusal(await get(mine.token))).toEqual({ status: 403, code: 'downloadLinkForeign' });
    requestContext.reset();
    expect(await refusal(await get(mine.token))).toEqual({ status: 401, code: 'unauthenticated' });
    expect(await downloadState(mine.link.entitlementId, mine.link.fileId)).toEqual({ used: 0, logged: 0 });
  });

  it("refuses a file that is not the entitlement's edition's, and a revoked entitlement", async () => {
    const { link, orderId } = await owned();
    const other = await owned();
    await signInAs(link.userId);
    const foreignFile = downloadToken({ ...link, fileId: other.fileId }, new Date());
    expect(await refusal(await get(foreignFile))).toEqual({ status: 404, code: 'downloadNotFound' });
    const unknown = downloadToken({ ...link, fileId: 2_000_000_000 }, new Date());
    expect(await refusal(await get(unknown))).toEqual({ status: 404, code: 'downloadNotFound' });
    await (
      await getDb()
    ).execute(sql`update entitlements set status = 'revoked', revoked_at = now() where order_id = ${orderId}`);
    expect(await refusal(await get(downloadToken(link, new Date())))).toEqual({
      status: 403,
      code: 'entitlementRevoked',
    });
  });

  it('refuses once every download was used, logging nothing more', async () => {
    const { token, link } = await owned();
    await (
      await getDb()
    ).execute(
      sql`insert into download_counts (entitlement_id, file_id, used) values (${link.entitlementId}, ${link.fileId}, 5)`,
    );
    expect(await refusal(await get(token))).toEqual({ status: 403, code: 'downloadLimitReached' });
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 5, logged: 0 });
  });
});

describe('links', () => {
  it('verify what they were made for, and nothing else', async () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const link = { entitlementId: 12, fileId: 34, userId: 56 };
    const token = downloadToken(link, now);
    expect(verifyDownloadToken(token, 56, now)).toEqual({
      ok: true,
      link: { ...link, expiresAt: new Date('2026-12-02T00:00:00Z') },
    });
    expect(verifyDownloadToken(token, 57, now)).toEqual({ ok: false, refusal: 'foreign' });
    expect(verifyDownloadToken(token, 56, new Date('2026-12-02T00:00:00Z'))).toEqual({
      ok: false,
      refusal: 'expired',
    });
    // Every single character changed in the signature is refused.
    const dot = token.lastIndexOf('.');
    for (let i = dot + 1; i < token.length; i++) {
      const changed = token.slice(0, i) + (token[i] === 'a' ? 'b' : 'a') + token.slice(i + 1);
      expect(verifyDownloadToken(changed, 56, now)).toEqual({ ok: false, refusal: 'forged' });
    }
  });
});

describe('counting at once', () => {
  itOnPostgres('lets exactly 5 of 10 downloads started at once through when 5 are left', async () => {
    const { link } = await owned();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => takeDownload({ ...link, ip: '198.51.100.7', bytes: 10, now })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array.from({ length: 5 }, () => ({ ok: false, refusal: 'exhausted' })),
    );
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 5, logged: 5 });
  });

  itOnPostgres('serves exactly 2 of 10 requests at once when 2 are left', async () => {
    const { link, token } = await owned();
    await (
      await getDb()
    ).execute(
      sql`insert into download_counts (entitlement_id, file_id, used) values (${link.entitlementId}, ${link.fileId}, 3)`,
    );
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        serveDownload({ token, userId: link.userId, rangeHeader: null, ip: null, now: new Date() }).catch(
          (error: { status: number }) => error.status,
        ),
      ),
    );
    const served = responses.filter((r): r is Response => r instanceof Response);
    await Promise.all(served.map((response) => response.body?.cancel()));
    expect(served.map((response) => response.status)).toEqual([200, 200]);
    expect(responses.filter((r) => r === 403)).toHaveLength(8);
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 5, logged: 2 });
  });
});

describe('resetting a count (admin)', () => {
  it('gives the downloads of a file back once, with an audit row, and only for an admin', async () => {
    const staff = await createTestShopper({ role: 'admin', prefix: 'libstaff' });
    const admin = { id: staff.id, role: 'admin' as const };
    const { token, link } = await owned();
    const db = await getDb();
    await db.execute(
      sql`insert into download_counts (entitlement_id, file_id, used) values (${link.entitlementId}, ${link.fileId}, 5)`,
    );
    expect(await refusal(await get(token))).toEqual({ status: 403, code: 'downloadLimitReached' });
    const target = { entitlementId: link.entitlementId, fileId: link.fileId };
    await expect(
      resetDownloadCount({ id: link.userId, role: 'customer' } as never, target, new Date()),
    ).rejects.toThrow(/admin/);
    expect(await resetDownloadCount(admin, { entitlementId: -1, fileId: 'x' }, new Date())).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(await resetDownloadCount(admin, target, new Date())).toEqual({ ok: true, usedBefore: 5, limit: 5 });
    expect(await resetDownloadCount(admin, target, new Date())).toEqual({ ok: false, error: 'nothingToReset' });
    expect(
      await rowOf<{ n: number }>(
        sql`select count(*)::int as n from audit_log where action = 'library.reset_downloads'
          and entity = 'entitlement' and entity_id = ${String(link.entitlementId)} and actor_user_id = ${admin.id}`,
      ),
    ).toEqual({ n: 1 });
    const response = await get(token);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 1, logged: 1 });
  });
});

describe('reading from S3-compatible storage', () => {
  it('HEADs for the size and GETs a byte range with a signed request, streaming the body; a missing object is null', async () => {
    const calls: { method: string; url: string; headers: Record<string, string> }[] = [];
    const objects = new Map([['library/1/a.flac', new TextEncoder().encode('0123456789')]]);
    const fakeFetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
      const url = new URL(String(input));
      const headers = init?.headers as Record<string, string>;
      calls.push({ method: init?.method ?? 'GET', url: url.pathname, headers });
      const bytes = objects.get(url.pathname.replace(/^\/media\//, ''));
      if (!bytes) return new Response('<Error><Code>NoSuchKey</Code></Error>', { status: 404 });
      if (init?.method === 'HEAD') return new Response(null, { headers: { 'content-length': String(bytes.length) } });
      const [, from, to] = /^bytes=(\d+)-(\d+)$/.exec(headers.range ?? '') ?? [];
      const body = from ? bytes.slice(Number(from), Number(to) + 1) : bytes;
      return new Response(body, { status: from ? 206 : 200 });
    }) as typeof fetch;
    const s3 = createS3Storage(
      {
        kind: 's3',
        bucket: 'media',
        region: 'auto',
        endpoint: 'http://127.0.0.1:9',
        accessKeyId: 'AKIDTEST',
        secretAccessKey: 'secret',
        publicUrl: 'https://cdn.example.com',
      },
      fakeFetch,
    );
    expect(await s3.statObject('library/1/a.flac')).toEqual({ size: 10 });
    const stream = await s3.readObject('library/1/a.flac', { start: 2, end: 5 });
    expect(new TextDecoder().decode(await new Response(stream).arrayBuffer())).toBe('2345');
    expect(calls.map((call) => [call.method, call.url, call.headers.range])).toEqual([
      ['HEAD', '/media/library/1/a.flac', undefined],
      ['GET', '/media/library/1/a.flac', 'bytes=2-5'],
    ]);
    expect(calls[1]!.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/.*SignedHeaders=host;range;/,
    );
    expect(await s3.statObject('library/1/missing.flac')).toBeNull();
    expect(await s3.readObject('library/1/missing.flac')).toBeNull();
  });

  it('answers a download from S3 with a 302 to a presigned URL of 5 minutes, counted once', async () => {
    const { link, token, storageKey, bytes } = await owned({ title: 'Freddie Freeloader' });
    const fakeFetch = (async (_input: URL | RequestInfo, init?: RequestInit) =>
      init?.method === 'HEAD'
        ? new Response(null, { headers: { 'content-length': String(bytes.byteLength) } })
        : new Response('not expected', { status: 500 })) as typeof fetch;
    setLibraryStorage(
      createS3Storage(
        {
          kind: 's3',
          bucket: 'media',
          region: 'auto',
          endpoint: 'https://s3.example.com',
          accessKeyId: 'AKIDTEST',
          secretAccessKey: 'secret',
          publicUrl: 'https://cdn.example.com',
        },
        fakeFetch,
      ),
    );
    try {
      const response = await get(token);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(`https://s3.example.com/media/${storageKey}`);
      expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
      expect(location.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      expect(location.searchParams.get('response-content-type')).toBe('audio/flac');
      expect(location.searchParams.get('response-content-disposition')).toContain('Freddie Freeloader.flac');
      expect(await downloadState(link.entitlementId, link.fileId)).toEqual({ used: 1, logged: 1 });
    } finally {
      setLibraryStorage(createLocalStorage(dir));
    }
  });
});
