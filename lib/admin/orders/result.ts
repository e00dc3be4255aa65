/**
 * What a back-office mutation answers: done, or an expected failure as a message key (shown beside
 * the field in `fieldErrors`, or for the whole form in `error`). Refusals of non-admins
 * (lib/admin/guard.ts) have the same shape.
 */
export type AdminResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const fail = (error: string, fieldErrors?: Record<string, string>) =>
  ({ ok: false, error, ...(fieldErrors ? { fieldErrors } : {}) }) as const;

/** Timestamps come back as Date (postgres.js, PGlite) or text: always an ISO string. */
export function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
