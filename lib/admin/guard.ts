import 'server-only';
import { AuthError } from '@/lib/auth/errors';
import { requireAdmin, type SessionUser } from '@/lib/auth/session';

export type Refused = { ok: false; error: 'unauthenticated' | 'forbidden' };

/**
 * The first line of every admin server action (route handlers say `route({ auth: 'admin' })`): runs
 * `work` for a signed-in admin (checked in the database), and answers anyone else with a refusal
 * before anything is read or changed. tests/integration/admin-authorization.test.ts calls every admin action through this.
 */
export async function asAdmin<T>(work: (admin: SessionUser & { role: 'admin' }) => Promise<T>): Promise<T | Refused> {
  let admin: SessionUser & { role: 'admin' };
  try {
    admin = await requireAdmin();
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: error.reason };
    throw error;
  }
  return work(admin);
}
