/**
 * What a mutation answers its caller (a server action, then the form): done, maybe with data, or an
 * expected failure as a message key (shown beside the field in `fieldErrors`, or for the whole form
 * in `error`). Refusals of non-admins (lib/admin/guard.ts) have the same shape.
 */
export type MutationResult<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const fail = (error: string, fieldErrors?: Record<string, string>) =>
  ({ ok: false, error, ...(fieldErrors ? { fieldErrors } : {}) }) as const;
