/**
 * Reads a request body up to `maxBytes`, stopping (and cancelling the upload) as soon as it is
 * longer, so an oversized upload is refused without being held in memory. Route handlers have no
 * body limit of their own (server actions do: 1 MB by default), hence this.
 */
export async function readBodyLimited(request: Request, maxBytes: number): Promise<Uint8Array | 'tooLarge'> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    return 'tooLarge';
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return 'tooLarge';
    }
    parts.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return body;
}

/** A body longer than allowed, or a line longer than allowed, in `readLinesLimited`. */
export class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The lines of a request body (newline-delimited, UTF-8, blank lines skipped) as they arrive, so a
 * large upload is handled a piece at a time instead of being held whole. Throws BodyTooLargeError
 * once the body passes `maxBytes` or a line `maxLineLength` characters, and cancels the upload.
 */
export async function* readLinesLimited(
  request: Request,
  { maxBytes, maxLineLength }: { maxBytes: number; maxLineLength: number },
): AsyncGenerator<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLargeError();
  }
  if (!request.body) return;
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        break;
      }
      total += value.byteLength;
      if (total > maxBytes) throw new BodyTooLargeError();
      pending += decoder.decode(value, { stream: true });
      let from = 0;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', from)) {
        const line = pending.slice(from, end).trim();
        from = end + 1;
        if (line) yield line;
      }
      pending = pending.slice(from);
      if (pending.length > maxLineLength) throw new BodyTooLargeError();
    }
    const last = (pending + decoder.decode()).trim();
    if (last) yield last;
  } finally {
    // Stopped early (an error here or in the caller): do not read the rest of the upload.
    if (!finished) await reader.cancel().catch(() => {});
  }
}
