import 'server-only';
import { AuthError, type SessionUser } from '@/lib/auth/session';

export type AdminUser = SessionUser & { role: 'admin' };

/**
 * Data-layer guard: catalog queries and mutations take the acting admin explicitly (from asAdmin
 * or requireAdmin) and refuse anything else before touching the database.
 */
export function assertAdmin(admin: unknown): asserts admin is AdminUser {
  const user = admin as Partial<AdminUser> | null | undefined;
  if (!user || typeof user.id !== 'number') throw new AuthError('unauthenticated');
  if (user.role !== 'admin') throw new AuthError('forbidden');
}
