import 'server-only';
import type { z } from 'zod';
import { AuthError } from '@/lib/auth/errors';
import { requireAdmin, requireUser, type SessionUser } from '@/lib/auth/session';
import { isJsonContentType, readJsonObject } from '@/lib/http/body';
import { errorResponse, HttpError } from '@/lib/http/errors';
import { isCrossSite } from '@/lib/http/origin';

/** The JSON body limit of a route that does not set its own. */
const DEFAULT_JSON_BYTES = 16 * 1024;

type Auth = 'user' | 'admin' | undefined;
type UserFor<A extends Auth> = A extends 'admin'
  ? SessionUser & { role: 'admin' }
  : A extends 'user'
    ? SessionUser
    : null;

export type RouteOptions<A extends Auth, P, Q, B> = {
  /** Who may call it: a signed-in user, an admin (checked in the database), or anyone (unset). */
  auth?: A;
  /** The dynamic segments; a failure is a 404 (the URL names nothing). */
  params?: z.ZodType<P>;
  /** The query string (as an object of its last values); a failure is a 400 naming the fields. */
  query?: z.ZodType<Q>;
  /** A JSON object body: requires a JSON Content-Type (else 415), read capped (else 413), then parsed. */
  body?: z.ZodType<B>;
  /** The cap of a JSON body in bytes (16 KB unless set). */
  maxBytes?: number;
  /**
   * 'allow' only for endpoints with their own proof of origin (a signature, a CSRF token): without
   * it a state-changing method (anything but GET, HEAD, OPTIONS) from another site is a 403.
   */
  crossSite?: 'allow';
};

export type RouteInput<A extends Auth, P, Q, B> = {
  request: Request;
  user: UserFor<A>;
  params: P;
  query: Q;
  body: B;
  requestId: string;
};

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one wrapper of every route handler (CONVENTIONS.md): in order, refuses cross-site writes
 * (403 crossSite), authenticates (401/403), checks the dynamic segments (404), the query (400) and
 * a JSON body (415, 413, 400), then runs `handler`. Every error is one JSON shape
 * (lib/http/errors.ts): HttpError and AuthError thrown below become their status; anything else is
 * logged with a request id and answered as 500 `internal` with that id in the body and X-Request-Id.
 */
export function route<A extends Auth = undefined, P = undefined, Q = undefined, B = undefined>(
  options: RouteOptions<A, P, Q, B>,
  handler: (input: RouteInput<A, P, Q, B>) => Promise<Response>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = crypto.randomUUID();
    try {
      if (options.crossSite !== 'allow' && !SAFE_METHODS.has(request.method) && isCrossSite(request)) {
        throw HttpError.of('crossSite', 'requests from other sites are not accepted');
      }
      const user = (
        options.auth === 'admin' ? await requireAdmin() : options.auth === 'user' ? await requireUser() : null
      ) as UserFor<A>;
      const params = options.params ? parseParams(options.params, await context?.params) : (undefined as P);
      const query = options.query
        ? parseOrThrow(options.query, Object.fromEntries(new URL(request.url).searchParams), 'query')
        : (undefined as Q);
      let body = undefined as B;
      if (options.body) {
        if (!isJsonContentType(request)) {
          throw HttpError.of('unsupportedMediaType', 'the request body must be JSON (Content-Type: application/json)');
        }
        body = parseOrThrow(
          options.body,
          await readJsonObject(request, options.maxBytes ?? DEFAULT_JSON_BYTES),
          'body',
        );
      }
      return await handler({ request, user, params, query, body, requestId });
    } catch (error) {
      return toErrorResponse(error, request, requestId);
    }
  };
}

function parseParams<P>(schema: z.ZodType<P>, params: unknown): P {
  const parsed = schema.safeParse(params ?? {});
  if (!parsed.success) throw HttpError.of('notFound', 'not found');
  return parsed.data;
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where: 'query' | 'body'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || where] ??= issue.message;
  throw HttpError.of('invalidRequest', `invalid ${where}`, fields);
}

/** The response for anything thrown below a route handler. */
export function toErrorResponse(error: unknown, request: Request, requestId: string): Response {
  if (error instanceof HttpError) {
    const { code, message, fields } = error;
    return errorResponse(error.status, { code, message, ...(fields && { fields }) }, error.headers);
  }
  if (error instanceof AuthError) {
    return errorResponse(error.reason === 'unauthenticated' ? 401 : 403, {
      code: error.reason,
      message: error.reason === 'unauthenticated' ? 'sign in first' : 'not allowed for this account',
    });
  }
  console.error(`[encore] ${request.method} ${new URL(request.url).pathname} failed (request ${requestId}):`, error);
  return errorResponse(
    500,
    { code: 'internal', message: 'something went wrong on our side', requestId },
    { 'X-Request-Id': requestId },
  );
}
