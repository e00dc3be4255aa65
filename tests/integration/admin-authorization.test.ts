import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { registerUser } from '@/lib/accounts/mutations';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { AuthError } from '@/lib/auth/errors';
import { createTestEdition } from '../support/commerce';
import { requestContext, sessionTokenFor } from '../support/request-context';
import { INVALID_INPUT } from '@/lib/http/action';
import { at } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
// after() runs the work at once outside a request.
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

/*
 * "A test lists every admin action and route handler in the code and calls each one as a signed-out
 * visitor and as a customer: each is refused and nothing changes."
 *
 * Found by convention, so it covers what is added later without being edited:
 * - admin server actions: every export of every module in lib/actions/admin/;
 * - admin route handlers: app/api/admin/** /route.ts and app/admin-* /** /route.ts.
 * Each is called with a spread of argument shapes (nothing, form data naming real rows, ids,
 * objects) so that a missing check would have something to change. The whole database is
 * fingerprinted before and after.
 */

const ROOT = process.cwd();
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Modules that exist today: the scan must find at least these, or it is not scanning. */
const KNOWN_ACTION_MODULES = ['lib/actions/admin/customers.ts', 'lib/actions/admin/reviews.ts'];
const KNOWN_ROUTE_MODULES = ['app/admin-mail/[id]/route.ts'];

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function adminActionModules(): string[] {
  return walk(path.join(ROOT, 'lib/actions/admin'))
    .filter((file) => file.endsWith('.ts'))
    .map(relative)
    .sort();
}

function adminRouteModules(): string[] {
  const roots = [
    path.join(ROOT, 'app/api/admin'),
    ...fs
      .readdirSync(path.join(ROOT, 'app'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('admin-'))
      .map((entry) => path.join(ROOT, 'app', entry.name)),
  ];
  return roots
    .flatMap(walk)
    .filter((file) => /^route\.(ts|tsx|js)$/.test(path.basename(file)))
    .map(relative)
    .sort();
}

/**
 * A well-formed value for a dynamic segment, by its name ([number] an order number, [slug] a product
 * slug, anything else a numeric id), so that a handler validating the shape of its params first
 * still reaches its authorization check: the test expects exactly 401 or 403, not a 404.
 */
function segmentValue(name: string): string {
  if (/number/i.test(name)) return fixture.orderNumber;
  if (/slug/i.test(name)) return fixture.productSlug;
  return String(fixture.customerId);
}

/** Params for a route file's dynamic segments: [id] → "…", [...slug] and [[...slug]] → ["…"]. */
function paramsFor(file: string): { params: Record<string, string | string[]>; urlPath: string } {
  const params: Record<string, string | string[]> = {};
  const parts = file
    .replace(/^app\//, '')
    .replace(/\/route\.\w+$/, '')
    .split('/')
    .map((segment) => {
      const catchAll = /^\[\[?\.\.\.(\w+)\]?\]$/.exec(segment);
      const single = /^\[(\w+)\]$/.exec(segment);
      if (catchAll) {
        params[at(catchAll, 1)] = [segmentValue(at(catchAll, 1))];
        return segmentValue(at(catchAll, 1));
      }
      if (single) {
        params[at(single, 1)] = segmentValue(at(single, 1));
        return segmentValue(at(single, 1));
      }
      return segment;
    })
    // Route groups and private folders are not part of the URL.
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return { params, urlPath: `/${parts.map(encodeURIComponent).join('/')}` };
}

/** A hash of every row of every table: any insert, update or delete anywhere changes it. */
async function fingerprint(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const row = await queryRow<{ hash: string }>(
      db,
      sql`select md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as hash from ${sql.identifier(name)} t`,
    );
    out[name] = row.hash;
  }
  // Sequences too: a refused action must not even have tried an insert.
  const sequences = await queryRows<{ name: string; value: string }>(
    db,
    sql`select sequencename as name, coalesce(last_value, 0)::text as value from pg_sequences
        where schemaname = 'public' order by sequencename`,
  );
  for (const { name, value } of sequences) out[`sequence:${name}`] = value;
  return out;
}

type Fixture = {
  customerId: number;
  customerToken: string;
  reviewId: number;
  editionId: number;
  productSlug: string;
  orderNumber: string;
};
let fixture: Fixture;

/** Argument shapes an action might be called with, naming real rows so that a missing check would bite. */
/** The shape a form action is called with: (previous state, FormData). */
function isWellFormed(args: unknown[]): boolean {
  return args.length === 2 && args[1] instanceof FormData;
}

function isInvalidInput(result: unknown): boolean {
  return JSON.stringify(result) === JSON.stringify(INVALID_INPUT);
}

function argumentShapes(): unknown[][] {
  // The plain-object argument; the form carries the same fields and more.
  const object = {
    id: fixture.customerId,
    userId: fixture.customerId,
    role: 'admin',
    reviewId: fixture.reviewId,
    status: 'hidden',
    editionId: fixture.editionId,
    number: fixture.orderNumber,
  };
  const form = new FormData();
  for (const [name, value] of Object.entries({
    ...object,
    productId: 1,
    delta: '-1',
    quantity: '1',
    reason: 'correction',
    orderNumber: fixture.orderNumber,
    amount: '1.00',
    carrier: 'ups',
    trackingNumber: 'TRACK1234',
    note: 'x',
  })) {
    form.set(name, String(value));
  }
  return [
    [],
    [form],
    [null, form],
    [undefined, form],
    [fixture.customerId],
    [String(fixture.customerId)],
    [fixture.reviewId, 'hidden'],
    [fixture.orderNumber, form],
    [object],
    [null, object],
    [fixture.customerId, form],
    [fixture.editionId, object, form],
  ];
}

const signedOut = () => requestContext.reset();
const asCustomer = () => {
  requestContext.reset();
  requestContext.cookies.set(SESSION_COOKIE, fixture.customerToken);
};

const REFUSALS = {
  unauthenticated: { as: signedOut, status: 401 },
  forbidden: { as: asCustomer, status: 403 },
} as const;

beforeAll(async () => {
  const suffix = Date.now().toString(36);
  const customer = await registerUser(
    { username: `authz_${suffix}`, email: `authz.${suffix}@example.com`, password: 'correct horse battery staple' },
    'en',
  );
  if (!customer.ok) throw new Error(JSON.stringify(customer.fieldErrors));
  const db = await getDb();
  const edition = await createTestEdition({ stock: 5 });
  const review = await queryRow<{ id: number }>(
    db,
    sql`insert into reviews (product_id, user_id, rating, body) values (${edition.productId}, ${customer.userId}, 4, 'Fine.')
        returning id`,
  );
  const order = await queryRow<{ number: string }>(
    db,
    sql`insert into orders (number, user_id, email, status, currency, subtotal_minor, shipping_minor, tax_minor, total_minor,
          tax_inclusive, checkout_key, access_token_hash, payment_provider, expires_at, paid_at)
        values ('EN-' || nextval('order_number_seq'), ${customer.userId}, 'authz@example.com', 'paid', 'USD', 1999, 0, 0, 1999,
          true, ${`authz-${suffix}`}, '', 'demo', now(), now())
        returning number`,
  );
  // The customer's session exists before the first fingerprint; the tests only switch cookies.
  const { token } = await sessionTokenFor(customer.userId);
  fixture = {
    customerId: customer.userId,
    customerToken: token,
    reviewId: review.id,
    editionId: edition.editionId,
    productSlug: edition.slug,
    orderNumber: order.number,
  };
});

describe('admin authorization', () => {
  const actionModules = adminActionModules();
  const routeModules = adminRouteModules();

  it('finds the admin actions and route handlers that exist', () => {
    expect(actionModules).toEqual(expect.arrayContaining(KNOWN_ACTION_MODULES));
    expect(routeModules).toEqual(expect.arrayContaining(KNOWN_ROUTE_MODULES));
  });

  for (const [expected, { as, status }] of Object.entries(REFUSALS) as [
    keyof typeof REFUSALS,
    (typeof REFUSALS)[keyof typeof REFUSALS],
  ][]) {
    const who = expected === 'unauthenticated' ? 'a signed-out visitor' : 'a customer';

    it(`refuses every admin action to ${who}, and nothing changes`, async () => {
      const before = await fingerprint();
      const called: string[] = [];
      for (const file of actionModules) {
        const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
        const exports = Object.entries(loaded);
        expect(exports.length, `${file} exports nothing`).toBeGreaterThan(0);
        for (const [name, action] of exports) {
          expect(typeof action, `${file} exports ${name}, which is not a function`).toBe('function');
          for (const args of argumentShapes()) {
            as();
            const label = `${file} ${name}(${args.map((arg) => (arg instanceof FormData ? 'FormData' : JSON.stringify(arg))).join(', ')})`;
            let result: unknown;
            try {
              result = await (action as (...args: unknown[]) => Promise<unknown>)(...args);
            } catch (error) {
              expect(error, label).toBeInstanceOf(AuthError);
              expect((error as AuthError).reason, label).toBe(expected);
              continue;
            }
            // A call of the wrong shape may be turned away as invalid before the action runs
            // (lib/http/action.ts); a well-formed one must reach the action and be refused by it.
            if (isWellFormed(args) || !isInvalidInput(result))
              expect(result, label).toEqual({ ok: false, error: expected });
          }
          called.push(`${file}#${name}`);
        }
      }
      expect(called.length).toBeGreaterThanOrEqual(5);
      expect(await fingerprint()).toEqual(before);
    });

    it(`answers ${status} to ${who} on every admin route handler, and nothing changes`, async () => {
      const before = await fingerprint();
      let calls = 0;
      for (const file of routeModules) {
        const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
        const handlers = HTTP_METHODS.filter((method) => typeof loaded[method] === 'function');
        expect(handlers.length, `${file} has no handler`).toBeGreaterThan(0);
        const { params, urlPath } = paramsFor(file);
        for (const method of handlers) {
          for (const query of ['', `?id=${fixture.customerId}&status=hidden`]) {
            as();
            const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method);
            const request = new Request(new URL(`${urlPath}${query}`, 'http://localhost'), {
              method,
              headers: hasBody ? { 'content-type': 'application/json' } : {},
              body: hasBody ? JSON.stringify({ id: fixture.customerId, role: 'admin', status: 'hidden' }) : undefined,
            });
            const handler = loaded[method] as (request: Request, context: unknown) => Promise<Response>;
            const response = await handler(request, { params: Promise.resolve(params) });
            expect(response.status, `${method} ${urlPath}${query}`).toBe(status);
            calls += 1;
          }
        }
      }
      expect(calls).toBeGreaterThan(0);
      expect(await fingerprint()).toEqual(before);
    });
  }
});
