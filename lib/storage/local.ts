import 'server-only';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { assertValidKey, type StorageAdapter } from './types';

/** URL prefix of local uploads: public/uploads/{key} is served at /uploads/{key}. */
export const LOCAL_UPLOADS_PATH = '/uploads/';

export function defaultUploadsDir(): string {
  return path.join(process.cwd(), 'public', 'uploads');
}

/**
 * Files under `dir` (public/uploads by default). `next start` only serves the files that were in
 * public/ when it started, so app/uploads/[...path]/route.ts serves the ones uploaded later.
 * For one machine only: on Vercel or behind a load balancer use S3-compatible storage.
 */
export function createLocalStorage(dir = defaultUploadsDir()): StorageAdapter {
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(dir, ...key.split('/'));
  };
  return {
    async putObject(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temporary = `${file}.${randomBytes(6).toString('hex')}.part`;
      await fs.writeFile(temporary, bytes);
      await fs.rename(temporary, file);
      return { url: `${LOCAL_UPLOADS_PATH}${key}` };
    },
    async deleteObject(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    async statObject(key) {
      try {
        const stat = await fs.stat(fileOf(key));
        return stat.isFile() ? { size: stat.size } : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async readObject(key, range) {
      const file = fileOf(key);
      // Opened first, so a missing file is a null here rather than an error in the middle of a response.
      const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!handle) return null;
      const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    keyOf(url) {
      if (!url.startsWith(LOCAL_UPLOADS_PATH)) return null;
      const key = url.slice(LOCAL_UPLOADS_PATH.length);
      try {
        assertValidKey(key);
        return key;
      } catch {
        return null;
      }
    },
  };
}

/** Content types the uploads route answers with; anything else is not served. */
const SERVED_TYPES: Record<string, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  avif: 'image/avif',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

/** The file behind an /uploads path, or null when the key is invalid, the type not whitelisted or the file missing. */
export async function findLocalUpload(
  segments: string[],
  dir = defaultUploadsDir(),
): Promise<{ file: string; size: number; contentType: string } | null> {
  const key = segments.join('/');
  const extension = /\.([a-z0-9]+)$/.exec(key)?.[1];
  const contentType = extension ? SERVED_TYPES[extension] : undefined;
  if (!contentType) return null;
  try {
    assertValidKey(key);
  } catch {
    return null;
  }
  const file = path.join(dir, ...segments);
  // Belt and braces: the resolved file must stay inside the uploads folder.
  if (!path.resolve(file).startsWith(path.resolve(dir) + path.sep)) return null;
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? { file, size: stat.size, contentType } : null;
  } catch {
    return null;
  }
}

/** A single byte range from a Range header ("bytes=0-1023", "bytes=500-", "bytes=-500"), or null for the whole file. */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * The response for GET /uploads/{key}: streamed from disk, with byte ranges (Safari will not play
 * audio or video without them), whitelisted content types and no content sniffing.
 */
export async function serveLocalUpload(segments: string[], rangeHeader: string | null, dir = defaultUploadsDir()) {
  const found = await findLocalUpload(segments, dir);
  if (!found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  const headers: Record<string, string> = {
    'Content-Type': found.contentType,
    'Accept-Ranges': 'bytes',
    // Keys are random and never reused: the file at a URL never changes.
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
  const range = parseRange(rangeHeader, found.size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${found.size}` } });
  }
  const { start, end } = range ?? { start: 0, end: found.size - 1 };
  const length = found.size === 0 ? 0 : end - start + 1;
  const body =
    length === 0 ? null : (Readable.toWeb(createReadStream(found.file, { start, end })) as ReadableStream<Uint8Array>);
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      'Content-Length': String(length),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${found.size}` } : {}),
    },
  });
}
