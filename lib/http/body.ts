import { HttpError } from './errors';

/**
 * The one body reader of every route handler. Route handlers have no body limit of their own (server
 * actions do: 1 MB), so each reads through this: the body is read as it arrives and reading stops,
 * cancelling the upload, as soon as it passes `maxBytes`. A declared Content-Length over the cap is
 * refused before anything is read; a lying or missing one (chunked upload) is caught by counting.
 * Too large: HttpError 413 `tooLarge`.
 */
async function* chunks(request: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!request.body) return;
  const reader = request.body.getReader();
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes);
      yield value;
    }
  } finally {
    // Stopped early (too large, or the caller gave up): do not read the rest of the upload.
    if (!finished) await reader.cancel().catch(() => {});
  }
}

const tooLarge = (maxBytes: number) => HttpError.of('tooLarge', `the request body is larger than ${maxBytes} bytes`);

/** The whole body as bytes, at most `maxBytes` of it (else 413). */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of chunks(request, maxBytes)) {
    parts.push(part);
    total += part.byteLength;
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return body;
}

/** The body as UTF-8 text, at most `maxBytes` (else 413); invalid UTF-8 is a 400. */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  const bytes = await readBody(request, maxBytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw HttpError.of('invalidJson', 'the request body is not UTF-8 text');
  }
}

/**
 * The body parsed as a JSON object, at most `maxBytes` (else 413). Not JSON, or JSON that is not an
 * object (an array, a string, null): HttpError 400 `invalidJson`.
 */
export async function readJsonObject(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  return parseJsonObject(await readText(request, maxBytes));
}

/** Text parsed as a JSON object; anything else (not JSON, an array, a string, null) is a 400 `invalidJson`. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw HttpError.of('invalidJson', 'the request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw HttpError.of('invalidJson', 'the request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * The lines of a body (newline-delimited, UTF-8, blank lines skipped) as they arrive, so that a large
 * upload is handled a piece at a time instead of being held whole. 413 once the body passes
 * `maxBytes` or a line `maxLineLength` characters; the upload is then cancelled.
 */
export async function* readLines(
  request: Request,
  { maxBytes, maxLineLength }: { maxBytes: number; maxLineLength: number },
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const part of chunks(request, maxBytes)) {
    pending += decoder.decode(part, { stream: true });
    let from = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', from)) {
      const line = pending.slice(from, end).trim();
      from = end + 1;
      if (line) yield line;
    }
    pending = pending.slice(from);
    if (pending.length > maxLineLength) {
      throw HttpError.of('tooLarge', `a line of the request body is longer than ${maxLineLength} characters`);
    }
  }
  const last = (pending + decoder.decode()).trim();
  if (last) yield last;
}

/** Whether the request says its body is JSON (`application/json` or `application/…+json`). */
export function isJsonContentType(request: Request): boolean {
  const type = mediaType(request);
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The request's media type, lower-cased, without parameters ('' when none). */
export function mediaType(request: Request): string {
  return request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
}
