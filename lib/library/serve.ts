import 'server-only';
import { getDb } from '@/db';
import { HttpError } from '@/lib/http/errors';
import { libraryStorage } from './storage';
import { parseRange } from '@/lib/storage/local';
import { mayResume, takeDownload } from './downloads';
import { findDownloadTarget } from './entitlements';
import { contentDisposition, downloadFileName } from './files';
import { linkHours, verifyDownloadToken } from './links';

const HOUR_MS = 3_600_000;
/** How long a presigned storage URL works: long enough to start the download, too short to pass around. */
const PRESIGNED_SECONDS = 300;

/** The answer to each refused download: a status, a stable code and a message (README, "JSON API"). */
const REFUSED = {
  malformed: [404, 'downloadLinkInvalid', 'this is not a download link'],
  forged: [403, 'downloadLinkInvalid', 'this download link was not made by the store, or was changed'],
  expired: [410, 'downloadLinkExpired', 'this download link has expired: ask your library for a new one'],
  foreign: [403, 'downloadLinkForeign', 'this download link was made for another account'],
  notFound: [404, 'downloadNotFound', 'no such file in your library'],
  revoked: [403, 'entitlementRevoked', 'this item is no longer in your library (its order was cancelled or refunded)'],
  exhausted: [403, 'downloadLimitReached', 'every download of this file was used'],
} as const;

function refuse(reason: keyof typeof REFUSED): HttpError {
  const [status, code, message] = REFUSED[reason];
  return new HttpError(status, code, message);
}

/**
 * GET of a download link by a signed-in user: checks the link (signature, expiry, owner), the
 * entitlement (theirs, active, covering the file), counts the download (./downloads.ts: a request
 * from byte 0 counts; a resume from a later byte does not, after a counted start within the link's
 * lifetime), then streams the bytes from storage — the whole file (200) or one byte range (206) —
 * never holding the file in memory; storage that can presign (S3) gets a 302 to a URL that works
 * for 5 minutes instead. Every refusal is an HttpError (a 4xx in the route's JSON shape)
 * and changes nothing.
 */
export async function serveDownload(input: {
  token: string;
  userId: number;
  rangeHeader: string | null;
  ip: string | null;
  now: Date;
  /** HEAD (a download manager asking for the size first): the same checks and headers, no body, nothing counted. */
  headOnly?: boolean;
}): Promise<Response> {
  const verified = verifyDownloadToken(input.token, input.userId, input.now);
  if (!verified.ok) throw refuse(verified.refusal);
  const { link } = verified;
  const db = await getDb();
  const found = await findDownloadTarget(db, { ...link, userId: input.userId });
  if (!found.ok) throw refuse(found.refusal);
  const { file } = found.target;

  const adapter = libraryStorage();
  const stored = await adapter.statObject(file.storageKey);
  if (!stored) {
    console.error(`[encore] digital file ${file.id} is missing from storage (${file.storageKey})`);
    throw refuse('notFound');
  }
  const size = stored.size;
  const range = parseRange(input.rangeHeader, size);
  if (range === 'unsatisfiable') {
    throw new HttpError(416, 'rangeNotSatisfiable', `the file has ${size} bytes`, undefined, {
      'Content-Range': `bytes */${size}`,
    });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const length = size === 0 ? 0 : end - start + 1;

  const issuedAt = new Date(link.expiresAt.getTime() - linkHours() * HOUR_MS);
  const resumes =
    start > 0 && (await mayResume(db, { entitlementId: link.entitlementId, fileId: file.id, since: issuedAt }));
  if (!resumes && !input.headOnly) {
    const taken = await takeDownload({
      entitlementId: link.entitlementId,
      fileId: file.id,
      userId: input.userId,
      ip: input.ip,
      bytes: length,
      now: input.now,
    });
    if (!taken.ok) throw refuse(taken.refusal);
  }

  const disposition = contentDisposition(downloadFileName(file.title, file.format));
  if (adapter.presignGet) {
    // S3: the bytes go from the bucket, by a URL that works for a few minutes (the Range, if any, is
    // sent again to it by the client following the redirect). Counted above like a streamed download.
    const location = adapter.presignGet(
      file.storageKey,
      { expiresSeconds: PRESIGNED_SECONDS, contentType: file.contentType, contentDisposition: disposition },
      input.now,
    );
    return new Response(null, { status: 302, headers: { Location: location, 'Cache-Control': 'private, no-store' } });
  }
  const body = length === 0 || input.headOnly ? null : await adapter.readObject(file.storageKey, { start, end });
  if (length > 0 && !input.headOnly && !body) throw refuse('notFound');
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(length),
      'Content-Disposition': disposition,
      'Accept-Ranges': 'bytes',
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
