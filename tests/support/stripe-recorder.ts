import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for api.stripe.com, so the real Stripe SDK can be tested without the network:
 * it records every request (method, path, decoded form body or query, Idempotency-Key) and plays the
 * few endpoints the store uses — create, retrieve, list and expire Checkout Sessions, create refunds —
 * keeping sessions in memory and honouring idempotency keys like Stripe does. Also builds signed
 * webhook deliveries for the webhook route.
 */

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export type RecordedRequest = {
  method: string;
  path: string;
  /** The decoded form body (POST) or query string (GET), nested as Stripe's bracket notation says. */
  params: FormObject;
  idempotencyKey: string | null;
};

/** The session fields the store reads; the recorder fills the rest of Stripe's shape with nulls. */
export type RecordedSession = {
  id: string;
  object: 'checkout.session';
  mode: 'payment';
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_total: number | null;
  currency: string | null;
  customer_email: string | null;
  customer_details: { email: string | null } | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  url: string | null;
  created: number;
  expires_at: number;
  success_url: string | null;
  cancel_url: string | null;
  locale: string | null;
  livemode: false;
};

/**
 * Decodes `a[b][0][c]=v` form encoding into nested objects; objects whose keys are 0…n become arrays.
 * Values stay strings, as Stripe receives them.
 */
export function decodeForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const path = key.replace(/\]/g, '').split('[');
    let node: FormObject = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as FormObject;
    });
  }
  const arrays = (value: FormValue): FormValue => {
    if (typeof value === 'string' || Array.isArray(value)) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, arrays(v)] as const);
    const isList = entries.length > 0 && entries.every(([k], i) => k === String(i));
    return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
  };
  return arrays(root) as FormObject;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;
const asObject = (value: FormValue | undefined): FormObject =>
  value && typeof value === 'object' && !Array.isArray(value) ? value : {};
const asList = (value: FormValue | undefined): FormValue[] => (Array.isArray(value) ? value : []);
const asString = (value: FormValue | undefined): string | null => (typeof value === 'string' ? value : null);

/** amount_total as Stripe computes it: line items plus the (first) fixed shipping rate. */
function totalOf(params: FormObject): number {
  const items = asList(params.line_items).map(asObject);
  const goods = items.reduce((sum, item) => {
    const price = asObject(item.price_data);
    return sum + Number(asString(price.unit_amount)) * Number(asString(item.quantity) ?? 1);
  }, 0);
  const rate = asObject(asObject(asList(params.shipping_options)[0]).shipping_rate_data);
  return goods + Number(asString(asObject(rate.fixed_amount).amount) ?? 0);
}

export type StripeRecorder = {
  /** The base URL to put in STRIPE_API_BASE. */
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, RecordedSession>;
  /** Page size the list endpoint uses at most, so that tests exercise auto-pagination. */
  pageSize: number;
  /** Adds a session as if it had been created (and perhaps paid) earlier. */
  addSession(fields: Partial<RecordedSession>): RecordedSession;
  /** Answers the next `method path` request with this error instead of handling it. */
  failOnce(method: string, path: string, status: number, type?: string): void;
  close(): Promise<void>;
};

function stripeError(status: number, type: string, message: string, code?: string) {
  return { status, body: { error: { type, message, ...(code && { code }) } } };
}

export async function startStripeRecorder(): Promise<StripeRecorder> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, RecordedSession>();
  const idempotent = new Map<string, { status: number; body: unknown }>();
  const failures = new Map<string, { status: number; body: unknown }>();
  let clock = 0;

  const newSession = (fields: Partial<RecordedSession>): RecordedSession => {
    const sessionId = fields.id ?? id('cs');
    // Strictly increasing creation times keep the list order (newest first) deterministic.
    const created = fields.created ?? Math.floor(Date.now() / 1000) + clock++;
    return {
      id: sessionId,
      object: 'checkout.session',
      mode: 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: null,
      currency: null,
      customer_email: null,
      customer_details: null,
      client_reference_id: null,
      metadata: {},
      payment_intent: null,
      url: `https://checkout.stripe.test/c/pay/${sessionId}`,
      success_url: null,
      cancel_url: null,
      locale: null,
      livemode: false,
      ...fields,
      created,
      expires_at: fields.expires_at ?? created + 24 * 60 * 60,
    };
  };

  const route = (method: string, path: string, params: FormObject): { status: number; body: unknown } => {
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      const session = newSession({
        amount_total: totalOf(params),
        currency: asString(params.currency),
        customer_email: asString(params.customer_email),
        client_reference_id: asString(params.client_reference_id),
        metadata: Object.fromEntries(Object.entries(asObject(params.metadata)).map(([k, v]) => [k, asString(v) ?? ''])),
        success_url: asString(params.success_url),
        cancel_url: asString(params.cancel_url),
        locale: asString(params.locale),
        expires_at: Number(asString(params.expires_at)) || undefined,
      });
      sessions.set(session.id, session);
      return { status: 200, body: session };
    }
    if (method === 'GET' && path === '/v1/checkout/sessions') {
      const created = asObject(params.created);
      const gte = Number(asString(created.gte) ?? 0);
      const status = asString(params.status);
      const matching = [...sessions.values()]
        .filter((s) => s.created >= gte && (!status || s.status === status))
        .sort((a, b) => b.created - a.created);
      const after = asString(params.starting_after);
      const start = after ? matching.findIndex((s) => s.id === after) + 1 : 0;
      const limit = Math.min(Number(asString(params.limit) ?? 10), recorder.pageSize);
      const data = matching.slice(start, start + limit);
      return {
        status: 200,
        body: { object: 'list', url: '/v1/checkout/sessions', has_more: start + limit < matching.length, data },
      };
    }
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (sessionPath) {
      const [, sessionId = '', expire] = sessionPath;
      const session = sessions.get(sessionId);
      if (!session)
        return stripeError(
          404,
          'invalid_request_error',
          `No such checkout.session: '${sessionId}'`,
          'resource_missing',
        );
      if (method === 'GET' && !expire) return { status: 200, body: session };
      if (method === 'POST' && expire) {
        if (session.status !== 'open') {
          return stripeError(
            400,
            'invalid_request_error',
            `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`,
          );
        }
        session.status = 'expired';
        return { status: 200, body: session };
      }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return {
        status: 200,
        body: {
          id: id('re'),
          object: 'refund',
          amount: Number(asString(params.amount)),
          payment_intent: asString(params.payment_intent),
          status: 'succeeded',
        },
      };
    }
    return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path})`);
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://recorder');
      const method = req.method ?? 'GET';
      const params = decodeForm(method === 'GET' ? url.search.slice(1) : raw);
      const key = req.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' ? key : null;
      requests.push({ method, path: url.pathname, params, idempotencyKey });
      const failure = failures.get(`${method} ${url.pathname}`);
      failures.delete(`${method} ${url.pathname}`);
      // Like Stripe: the same key on the same endpoint replays the first answer instead of acting again.
      const replayKey = idempotencyKey && `${method} ${url.pathname} ${idempotencyKey}`;
      const answer = failure ?? ((replayKey && idempotent.get(replayKey)) || route(method, url.pathname, params));
      if (replayKey && !failure) idempotent.set(replayKey, answer);
      res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': id('req') });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const recorder: StripeRecorder = {
    url: `http://127.0.0.1:${port}`,
    requests,
    sessions,
    pageSize: 2,
    addSession(fields) {
      const session = newSession(fields);
      sessions.set(session.id, session);
      return session;
    },
    failOnce(method, path, status, type = status >= 500 ? 'api_error' : 'invalid_request_error') {
      failures.set(`${method} ${path}`, stripeError(status, type, `Simulated ${status} from the recorder`));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return recorder;
}

/** A webhook event as Stripe sends it, wrapping a Checkout Session. */
export function checkoutEvent(
  type: string,
  session: Partial<RecordedSession> & { id: string },
  eventId = id('evt'),
): Record<string, unknown> {
  return {
    id: eventId,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { object: 'checkout.session', mode: 'payment', ...session } },
  };
}

/**
 * A POST to the webhook route, signed over `payload` exactly as Stripe signs it. `body` lets a test
 * send different bytes than were signed; `timestamp` (Unix seconds) makes a stale signature.
 */
export function signedWebhookRequest(
  payload: string,
  options: { secret: string; timestamp?: number; body?: string; signature?: string | null },
): Request {
  const signature =
    options.signature !== undefined
      ? options.signature
      : Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret, timestamp: options.timestamp });
  return new Request('http://localhost/api/webhooks/stripe', {
    method: 'POST',
    body: options.body ?? payload,
    headers: { 'content-type': 'application/json', ...(signature !== null && { 'stripe-signature': signature }) },
  });
}
