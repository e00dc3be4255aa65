import { describe, expect, it } from 'vitest';
import { readBody, readJsonObject, readLines } from '@/lib/http/body';
import { HttpError } from '@/lib/http/errors';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * A request whose body arrives in these pieces, with no Content-Length (a chunked upload) unless one
 * is given; `pulled` counts the pieces the reader asked for, `cancelled` whether it gave up.
 */
function streamed(pieces: Uint8Array[], headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) {
        state.pulled += 1;
        controller.enqueue(next);
      } else controller.close();
    },
    cancel: () => void (state.cancelled = true),
  });
  const request = new Request('http://shop.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, state };
}

/** A long body (a thousand pieces of `size` bytes) sent only as fast as the reader asks. */
function endless(size: number, headers: Record<string, string> = {}) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += 1;
      if (state.pulled > 1000) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(120));
    },
    cancel: () => void (state.cancelled = true),
  });
  const request = new Request('http://shop.test/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, state };
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HttpError);
  return { status: (error as HttpError).status, code: (error as HttpError).code };
}

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('readBody', () => {
  it('reads a body in pieces up to the cap', async () => {
    const { request } = streamed([encode('ab'), encode('cd')]);
    expect(new TextDecoder().decode(await readBody(request, 4))).toBe('abcd');
    expect(await readBody(new Request('http://shop.test/x'), 4)).toEqual(new Uint8Array());
  });

  it('refuses a declared Content-Length over the cap before reading anything', async () => {
    const { request, state } = streamed([encode('x'.repeat(10))], { 'content-length': '5000' });
    expect(await refusal(readBody(request, 100))).toEqual({ status: 413, code: 'tooLarge' });
    expect(state.pulled).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('stops an endless chunked body at the cap and cancels the upload', async () => {
    const { request, state } = endless(1024);
    expect(await refusal(readBody(request, 10 * 1024))).toEqual({ status: 413, code: 'tooLarge' });
    expect(state.pulled).toBeLessThanOrEqual(13);
    expect(state.cancelled).toBe(true);
  });

  it('stops a body that is longer than its Content-Length says', async () => {
    const { request, state } = endless(1024, { 'content-length': '10' });
    expect(await refusal(readBody(request, 4096))).toEqual({ status: 413, code: 'tooLarge' });
    expect(state.pulled).toBeLessThanOrEqual(7);
    expect(state.cancelled).toBe(true);
  });
});

describe('readJsonObject', () => {
  const json = (text: string) => streamed([encode(text)]).request;

  it('parses a JSON object', async () => {
    expect(await readJsonObject(json('{"productId": 12, "名": "月光"}'), 100)).toEqual({ productId: 12, 名: '月光' });
  });

  it.each([['not json'], ['{"a":'], [''], ['[1,2]'], ['"text"'], ['null'], ['12']])(
    'answers 400 invalidJson to %j',
    async (text) => {
      expect(await refusal(readJsonObject(json(text), 100))).toEqual({ status: 400, code: 'invalidJson' });
    },
  );

  it('answers 400 to bytes that are not UTF-8, and 413 past the cap', async () => {
    const bad = streamed([new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])]).request;
    expect(await refusal(readJsonObject(bad, 100))).toEqual({ status: 400, code: 'invalidJson' });
    expect(await refusal(readJsonObject(json(`{"a":"${'x'.repeat(200)}"}`), 100))).toEqual({
      status: 413,
      code: 'tooLarge',
    });
  });
});

describe('readLines', () => {
  it('yields the lines as they arrive, across pieces and split characters, without blank ones', async () => {
    const bytes = encode('{"a":"月光"}\r\n\n{"b":2}\n{"c":3}');
    const { request } = streamed([bytes.slice(0, 7), bytes.slice(7, 9), bytes.slice(9, 20), bytes.slice(20)]);
    expect(await collect(readLines(request, { maxBytes: 1000, maxLineLength: 100 }))).toEqual([
      '{"a":"月光"}',
      '{"b":2}',
      '{"c":3}',
    ]);
  });

  it('stops at the byte limit or at an endless line, and cancels the rest of the upload', async () => {
    const piece = encode('x'.repeat(600) + '\n');
    const big = streamed([piece, piece, piece]);
    expect(await refusal(collect(readLines(big.request, { maxBytes: 1000, maxLineLength: 10_000 })))).toEqual({
      status: 413,
      code: 'tooLarge',
    });
    const line = endless(500);
    expect(await refusal(collect(readLines(line.request, { maxBytes: 10_000, maxLineLength: 600 })))).toEqual({
      status: 413,
      code: 'tooLarge',
    });
    expect(big.state.cancelled && line.state.cancelled).toBe(true);
    const declared = streamed([encode('z'.repeat(20))], { 'content-length': '2000' });
    await expect(collect(readLines(declared.request, { maxBytes: 1000, maxLineLength: 100 }))).rejects.toThrow(
      HttpError,
    );
  });
});
