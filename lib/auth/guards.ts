import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getCurrentUser, type SessionUser } from './session';

/**
 * For pages and layouts: the signed-in user, or a redirect to sign-in that comes back to `path`.
 * Actions and route handlers use requireUser() instead, which throws.
 */
export async function userOrSignIn(path: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(path)}`);
  return user;
}

/** For admin pages and layouts: the signed-in admin; sign-in for visitors, 403 for customers. */
export async function adminOrForbidden(path: string): Promise<SessionUser> {
  const user = await userOrSignIn(path);
  if (user.role !== 'admin') forbidden();
  return user;
}
