import { NextResponse } from 'next/server';

/**
 * Server-action requests that Next itself would answer with a 500 before any action code runs
 * (issue 14.4): a body over the size limit ("Body exceeded 1 MB limit"), a body React cannot decode
 * (not JSON, not multipart), 100,000 arguments, or nesting deep enough to exhaust the decoder. Next's
 * action handler turns every decoding error into a 500
 * (node_modules/next/dist/server/app-render/action-handler.js: "TODO: consider checking if the error
 * is an `ApiError` and change status code"), so proxy.ts checks the request first and answers a 4xx
 * in the API's error shape. Requests that pass are decoded by Next as before; each action then checks
 * its arguments' shape itself (lib/http/action.ts).
 *
 * Runs in the proxy: no database, no Next request APIs. Next buffers a request body for the proxy
 * (up to `proxyClientMaxBodySize`, 10 MB), so reading it here does not take it from the action.
 */

/** Next's default `serverActions.bodySizeLimit` (next.config.ts leaves it as it is). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** More arguments than any action takes, bound ones included (the largest takes three). */
export const ACTION_MAX_ARGUMENTS = 32;
/** Arrays and objects inside one another: a form's payload needs a handful. */
export const ACTION_MAX_DEPTH = 32;
/** Parts of a multipart action body: the largest form (a return of many lines) sends a few hundred. */
export const ACTION_MAX_PARTS = 2000;

type Refusal = { status: 400 | 413; code: string; message: string };

const refuse = (status: 400 | 413, code: string, message: string): Refusal => ({ status, code, message });
const TOO_LARGE = refuse(413, 'payload_too_large', `Server action bodies are limited to ${ACTION_BODY_LIMIT} bytes.`);

/** True when a JSON text nests arrays/objects deeper than `max` (counted without parsing, so without recursion). */
export function nestsDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Checks one JSON row of React's reply encoding; the root row must be the argument list. */
function checkRow(text: string, root: boolean): Refusal | null {
  if (nestsDeeperThan(text, ACTION_MAX_DEPTH))
    return refuse(400, 'bad_request', 'The arguments are nested too deeply.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return root ? refuse(400, 'bad_request', 'The arguments are not valid JSON.') : null;
  }
  if (root && !Array.isArray(value)) return refuse(400, 'bad_request', 'The arguments must be a list.');
  if (Array.isArray(value) && value.length > ACTION_MAX_ARGUMENTS && root) {
    return refuse(400, 'bad_request', `At most ${ACTION_MAX_ARGUMENTS} arguments.`);
  }
  return null;
}

/** True for a request that Next would treat as a server action call (fetch or no-JavaScript form post). */
function isActionRequest(request: Request): boolean {
  if (request.method !== 'POST') return false;
  if (request.headers.has('next-action')) return true;
  return (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');
}

/**
 * The 4xx to answer instead of letting Next fail with a 500, or null for a request that is not a
 * server action or that Next can decode.
 */
export async function checkActionRequest(request: Request): Promise<Refusal | null> {
  if (!isActionRequest(request)) return null;
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > ACTION_BODY_LIMIT) return TOO_LARGE;
  const body = new Uint8Array(await request.clone().arrayBuffer());
  if (body.byteLength > ACTION_BODY_LIMIT) return TOO_LARGE;
  // The multipart boundary is case-sensitive: only the media type is compared in lower case.
  const contentType = request.headers.get('content-type') ?? '';
  const mediaType = contentType.toLowerCase();
  if (mediaType.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Request('http://action.invalid', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      }).formData();
    } catch {
      return refuse(400, 'bad_request', 'The form data cannot be read.');
    }
    const parts = Array.from(form.entries());
    if (parts.length > ACTION_MAX_PARTS) return refuse(400, 'bad_request', `At most ${ACTION_MAX_PARTS} form fields.`);
    if (!request.headers.has('next-action')) return null;
    // React's reply encoding: part "0" is the argument list, other rows are referenced from it.
    for (const [name, value] of parts) {
      if (typeof value !== 'string' || !/^\d+$/.test(name)) continue;
      const problem = checkRow(value, name === '0');
      if (problem) return problem;
    }
    return null;
  }
  if (!mediaType.startsWith('text/plain')) {
    return refuse(400, 'bad_request', 'Server actions take multipart/form-data or text/plain bodies.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return refuse(400, 'bad_request', 'The body is not UTF-8 text.');
  }
  return checkRow(text, true);
}

/** `checkActionRequest` as the proxy's answer: the API's JSON error shape, or null to carry on. */
export async function refuseBadActionRequest(request: Request): Promise<NextResponse | null> {
  const refusal = await checkActionRequest(request);
  if (!refusal) return null;
  return NextResponse.json(
    { error: { code: refusal.code, message: refusal.message } },
    { status: refusal.status, headers: { 'Cache-Control': 'no-store' } },
  );
}
