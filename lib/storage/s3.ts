import 'server-only';
import type { S3Settings } from './config';
import { presignGetUrl, sha256Hex, signRequest, uriEncode } from './sigv4';
import { assertValidKey, type ByteRange, type StorageAdapter, StorageError } from './types';

type Fetch = typeof fetch;

/** The request URL of an object: path style on a custom endpoint, virtual-hosted style on AWS. */
export function objectUrl(settings: S3Settings, key: string): URL {
  const path = uriEncode(key, true);
  return settings.endpoint
    ? new URL(`${settings.endpoint}/${uriEncode(settings.bucket)}/${path}`)
    : new URL(`https://${settings.bucket}.s3.${settings.region}.amazonaws.com/${path}`);
}

/**
 * S3-compatible storage with plain fetch and SigV4 (no SDK): PUT and DELETE of single objects,
 * with the payload hash signed. Objects are read publicly from S3_PUBLIC_URL (a public bucket, a
 * CDN or R2's public domain), so the bucket must allow public reads of the uploads.
 */
export function createS3Storage(settings: S3Settings, fetchImpl: Fetch = fetch): StorageAdapter {
  async function send(method: 'PUT' | 'DELETE', key: string, body?: Uint8Array, contentType?: string) {
    assertValidKey(key);
    const url = objectUrl(settings, key);
    const payloadHash = sha256Hex(body ?? new Uint8Array());
    const { headers } = signRequest({
      method,
      url,
      headers: {
        'x-amz-content-sha256': payloadHash,
        ...(contentType ? { 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' } : {}),
      },
      payloadHash,
      region: settings.region,
      service: 's3',
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      date: new Date(),
    });
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers,
        body: body ? new Blob([body as Uint8Array<ArrayBuffer>]) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new StorageError(`S3 ${method} ${key} failed: ${(error as Error).message}`);
    }
    if (response.ok || (method === 'DELETE' && response.status === 404)) {
      await response.body?.cancel();
      return;
    }
    const text = (await response.text().catch(() => '')).slice(0, 2000);
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? 'Error';
    throw new StorageError(`S3 ${method} ${key} answered ${response.status} ${code}`, response.status);
  }
  /** A signed GET or HEAD of an object (a byte range when given): the response, or null for a missing object. */
  async function fetchObject(method: 'GET' | 'HEAD', key: string, range?: ByteRange): Promise<Response | null> {
    assertValidKey(key);
    const url = objectUrl(settings, key);
    const payloadHash = sha256Hex(new Uint8Array());
    const { headers } = signRequest({
      method,
      url,
      headers: {
        'x-amz-content-sha256': payloadHash,
        ...(range ? { range: `bytes=${range.start}-${range.end}` } : {}),
      },
      payloadHash,
      region: settings.region,
      service: 's3',
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      date: new Date(),
    });
    // 30 s for the answer to start; the body of a large file may then take as long as it takes.
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new Error('no answer within 30 s')), 30_000);
    let response: Response;
    try {
      response = await fetchImpl(url, { method, headers, signal: abort.signal });
    } catch (error) {
      throw new StorageError(`S3 ${method} ${key} failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    if (response.ok) return response;
    await response.body?.cancel();
    if (response.status === 404) return null;
    throw new StorageError(`S3 ${method} ${key} answered ${response.status}`, response.status);
  }
  const prefix = `${settings.publicUrl}/`;
  return {
    async putObject(key, bytes, contentType) {
      await send('PUT', key, bytes, contentType);
      return { url: `${prefix}${key}` };
    },
    async deleteObject(key) {
      await send('DELETE', key);
    },
    async statObject(key) {
      const response = await fetchObject('HEAD', key);
      return response ? { size: Number(response.headers.get('content-length') ?? 0) } : null;
    },
    async readObject(key, range) {
      // Streamed through: the body is passed on as it arrives.
      return (await fetchObject('GET', key, range))?.body ?? null;
    },
    presignGet(key, options, now) {
      assertValidKey(key);
      return presignGetUrl({
        url: objectUrl(settings, key),
        region: settings.region,
        service: 's3',
        accessKeyId: settings.accessKeyId,
        secretAccessKey: settings.secretAccessKey,
        date: now,
        expiresSeconds: options.expiresSeconds,
        query: {
          'response-content-type': options.contentType,
          'response-content-disposition': options.contentDisposition,
        },
      });
    },
    keyOf(url) {
      if (!url.startsWith(prefix)) return null;
      const key = url.slice(prefix.length);
      try {
        assertValidKey(key);
        return key;
      } catch {
        return null;
      }
    },
  };
}
