import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';

/**
 * What a form action answered, for the page rendered after it when the form was posted without
 * JavaScript. Next renders that page from the route's prerendered shell (partial prerendering, with
 * cache components every route has one, empty for per-user pages) and resumes the rest; React's
 * resume takes no form state, so `useActionState` there starts from its initial state and the answer
 * (registration's "check your email", a field error) was lost. With JavaScript the answer comes back
 * to the script and this is never used.
 *
 * The action keeps its result here under a random id, in memory, and names the id in a cookie that
 * expires at once: the page rendered in the same request reads it (Next gives that render the
 * action's cookie writes) and the browser never stores it, so nothing outlives the request and a
 * made-up id finds nothing. The page passes the result to its form as `useActionForm`'s `initial`.
 * Entries are not removed when read (a page may render twice in its request, see prefetch =
 * 'partial'): they expire after a minute, and at most MAX_KEPT are kept.
 */

const RESULT_COOKIE = 'encore-form-result';
const KEEP_MS = 60_000;
const MAX_KEPT = 1000;

const kept = new Map<string, { action: string; result: unknown; until: number }>();

/**
 * Whether this action call is a form posted by the browser itself, as Next tells one: a multipart
 * POST without the `Next-Action` header that its script sends.
 */
async function postedWithoutScript(): Promise<boolean> {
  try {
    const request = await headers();
    return !request.has('next-action') && /^multipart\/form-data/i.test(request.get('content-type') ?? '');
  } catch {
    return false; // Outside a request (a script, a test).
  }
}

/** Called by `formAction` with each result: kept for the page only when the form came without a script. */
export async function keepFormResult(action: string, result: unknown): Promise<void> {
  if (!(await postedWithoutScript())) return;
  const now = Date.now();
  for (const [id, entry] of kept) if (entry.until < now || kept.size >= MAX_KEPT) kept.delete(id);
  const id = randomBytes(18).toString('base64url');
  kept.set(id, { action, result, until: now + KEEP_MS });
  (await cookies()).set(RESULT_COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 0 });
}

/**
 * On a page with a form: the result of `action` (its `formAction` name) when this request posted
 * that form without JavaScript, else null.
 */
export async function formResult<R>(action: string): Promise<R | null> {
  const id = (await cookies()).get(RESULT_COOKIE)?.value;
  const entry = id ? kept.get(id) : undefined;
  return entry && entry.action === action && entry.until >= Date.now() ? (entry.result as R) : null;
}
