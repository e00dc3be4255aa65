import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_BODY_LIMIT } from '@/lib/validation/action-request';
import { baseUrl } from './support/browser';

/**
 * Server actions are POST endpoints anyone can call with any body (issue 14.4). Against the production
 * build: what Next would have failed with a 500 before the action runs (body over the limit, a body
 * that does not decode, 100,000 arguments, deep nesting) is a 4xx from the proxy, and a call of the
 * wrong shape reaches the action's own check (lib/http/action.ts) and gets its invalid result.
 * Plain HTTP, as a script would send it; the action ids come from the build's manifest.
 */
type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };
const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as Manifest;

function actionId(exportedName: string, file: string): string {
  const entry = Object.entries(manifest.node).find(
    ([, action]) => action.exportedName === exportedName && (action.filename ?? '').includes(file),
  );
  if (!entry) throw new Error(`${exportedName} is not in the server reference manifest`);
  return entry[0];
}

const PLACE_ORDER = actionId('placeOrderAction', 'lib/actions/checkout');
const ADD_TO_CART = actionId('addToCartAction', 'lib/actions/cart');

/** The page that uses each action: Next answers 409 for an action called from a page without it. */
const PAGE: Record<string, string> = { [PLACE_ORDER]: '/checkout', [ADD_TO_CART]: '/products/neon-harbour' };

async function call(id: string, body: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl()}${PAGE[id]}`, {
    method: 'POST',
    body,
    headers: {
      'next-action': id,
      origin: baseUrl(),
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      ...headers,
    },
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

describe('server action requests against the production server', () => {
  it('answers a call of the right shape as before', async () => {
    const response = await call(ADD_TO_CART, '[-1]');
    expect(response.status).toBe(200);
    expect(response.text).toContain('editionUnavailable');
  });

  it('the wrong argument shape reaches the action and gets its invalid result, not a TypeError', async () => {
    for (const body of ['[null]', '[]', '[{"a":1},{"b":2}]']) {
      const response = await call(PLACE_ORDER, body);
      expect(response.status, body).toBe(200);
      expect(response.text, body).toContain('"invalid"');
    }
  });

  it('413 for a body over the limit', async () => {
    const response = await call(ADD_TO_CART, `["${'x'.repeat(ACTION_BODY_LIMIT)}"]`);
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'payload_too_large' } });
    const form = new FormData();
    form.set('$ACTION_ID_' + PLACE_ORDER, '');
    form.set('line1', 'x'.repeat(ACTION_BODY_LIMIT));
    const noScript = await fetch(`${baseUrl()}/checkout`, {
      method: 'POST',
      body: form,
      headers: { origin: baseUrl() },
    });
    expect(noScript.status).toBe(413);
  });

  it('400 for a body that does not decode, the wrong content type, 100,000 arguments or deep nesting', async () => {
    const cases: [string, BodyInit, Record<string, string>?][] = [
      ['not JSON', 'this is not json'],
      ['JSON body type', '[1]', { 'content-type': 'application/json' }],
      ['100,000 arguments', JSON.stringify(new Array(100_000).fill(1))],
      ['deep nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
      ['broken multipart', '--x\r\nnope', { 'content-type': 'multipart/form-data; boundary=x' }],
    ];
    for (const [name, body, headers] of cases) {
      const response = await call(ADD_TO_CART, body, headers);
      expect(response.status, name).toBe(400);
      expect(JSON.parse(response.text), name).toMatchObject({ error: { code: 'bad_request' } });
    }
  });
});
