import { describe, expect, it } from 'vitest';
import {
  ACTION_BODY_LIMIT,
  ACTION_MAX_ARGUMENTS,
  checkActionRequest,
  nestsDeeperThan,
  refuseBadActionRequest,
} from '@/lib/validation/action-request';
import { at } from '@/tests/support/lists';

const ACTION = { 'next-action': '7f00000000000000000000000000000000000000aa' };

function post(body: BodyInit, headers: Record<string, string>): Request {
  return new Request('http://localhost/checkout', { method: 'POST', body, headers });
}
const text = (body: string, headers: Record<string, string> = {}) =>
  post(body, { ...ACTION, 'content-type': 'text/plain;charset=UTF-8', ...headers });

async function multipart(fields: Record<string, string>, headers: Record<string, string> = ACTION): Promise<Request> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  return post(await encoded.arrayBuffer(), {
    ...headers,
    'content-type': encoded.headers.get('content-type')!,
  });
}
const status = async (request: Request) => (await checkActionRequest(request))?.status ?? null;

describe('server action requests the proxy refuses before Next fails with a 500', () => {
  it('lets ordinary calls through: JSON argument lists and React multipart replies', async () => {
    expect(await status(text('[1,2]'))).toBeNull();
    expect(await status(text('["$K1"]'))).toBeNull();
    expect(await status(await multipart({ '0': '["$K1"]', '1_email': 'a@example.com' }))).toBeNull();
    // A browser's boundary has capitals (----WebKitFormBoundaryAbC…): it must be read as sent.
    const form = new FormData();
    form.append('0', '[]');
    const encoded = new Response(form);
    const boundary = at(encoded.headers.get('content-type')!.split('boundary='), 1, 'multipart boundary');
    const mixed = `Mixed${boundary}`;
    const bytes = new TextEncoder().encode(
      new TextDecoder().decode(await encoded.arrayBuffer()).replaceAll(boundary, mixed),
    );
    expect(
      await status(post(bytes, { ...ACTION, 'content-type': `multipart/form-data; boundary=${mixed}` })),
    ).toBeNull();
    expect(await status(new Request('http://localhost/', { method: 'GET', headers: ACTION }))).toBeNull();
    expect(await status(post('{}', { 'content-type': 'application/json' }))).toBeNull();
  });

  it('413 for a body over the limit, declared or not', async () => {
    const big = `["${'x'.repeat(ACTION_BODY_LIMIT)}"]`;
    expect(await status(text(big))).toBe(413);
    expect(await status(text('[1]', { 'content-length': String(ACTION_BODY_LIMIT + 1) }))).toBe(413);
    expect(await status(await multipart({ '0': '[]', '1_x': 'x'.repeat(ACTION_BODY_LIMIT) }))).toBe(413);
    // A no-JavaScript form post carries no Next-Action header.
    expect(await status(await multipart({ $ACTION_ID_abc: '', x: 'x'.repeat(ACTION_BODY_LIMIT) }, {}))).toBe(413);
  });

  it('400 for a body that is not JSON, not UTF-8, or of the wrong type', async () => {
    expect(await status(text('not json'))).toBe(400);
    expect(await status(text('{"a":1}'))).toBe(400);
    expect(await status(post(new Uint8Array([0x5b, 0xff, 0x5d]), { ...ACTION, 'content-type': 'text/plain' }))).toBe(
      400,
    );
    expect(await status(post('[1]', { ...ACTION, 'content-type': 'application/json' }))).toBe(400);
    expect(await status(post('[1]', { ...ACTION, 'content-type': 'multipart/form-data; boundary=x' }))).toBe(400);
    expect(await status(await multipart({ '0': 'not json' }))).toBe(400);
  });

  it('400 for 100,000 arguments and for deep nesting', async () => {
    expect(await status(text(JSON.stringify(new Array(100_000).fill(0))))).toBe(400);
    expect(await status(text(JSON.stringify(new Array(ACTION_MAX_ARGUMENTS).fill(0))))).toBeNull();
    expect(await status(text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toBe(400);
    expect(await status(await multipart({ '0': '["$1"]', '1': `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}` }))).toBe(
      400,
    );
  });

  it('counts nesting outside strings only', () => {
    expect(nestsDeeperThan('[[["[[[[[[[[[[["]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[["\\"[[["]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
  });

  it("answers in the API's error shape", async () => {
    const response = await refuseBadActionRequest(text('nope'));
    expect(response?.status).toBe(400);
    expect(await response?.json()).toEqual({
      error: { code: 'bad_request', message: 'The arguments are not valid JSON.' },
    });
  });
});
