/**
 * The one error shape of the JSON API: `{ error: { code, message, fields? } }` (README, "JSON API").
 * `code` is stable and meant for programs (clients map it to their own words); `message` is English
 * for developers; `fields` names the query or body fields that were refused, each with a message key.
 */

/** The codes every route may answer with, and their status. Routes add a few of their own (README). */
export const ERROR_STATUS = {
  invalidRequest: 400,
  invalidJson: 400,
  badUrl: 400,
  unauthenticated: 401,
  forbidden: 403,
  crossSite: 403,
  notFound: 404,
  methodNotAllowed: 405,
  tooLarge: 413,
  unsupportedMediaType: 415,
  throttled: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string>; requestId?: string };
};

/** Thrown anywhere below a route handler to answer with this error (lib/api/route.ts turns it into JSON). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  /** An error with one of the common codes, at its usual status. */
  static of(code: ErrorCode, message: string, fields?: Record<string, string>): HttpError {
    return new HttpError(ERROR_STATUS[code], code, message, fields);
  }

  /** 429 `throttled`, with the seconds to wait in Retry-After. */
  static throttled(message: string, retryAfterSeconds: number): HttpError {
    return new HttpError(429, 'throttled', message, undefined, { 'Retry-After': String(retryAfterSeconds) });
  }
}

/** The JSON response for an error: never cached. */
export function errorResponse(
  status: number,
  error: ErrorBody['error'],
  headers: Record<string, string> = {},
): Response {
  return Response.json({ error } satisfies ErrorBody, {
    status,
    headers: { 'Cache-Control': 'no-store', ...headers },
  });
}
