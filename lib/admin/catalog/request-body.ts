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
