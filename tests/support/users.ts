import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { registerUser } from '@/lib/accounts/mutations';
import type { SessionUser } from '@/lib/accounts/queries';

/** The password of the accounts createTestUser makes: long and plain enough for the strength check. */
export const TEST_PASSWORD = 'correct horse battery staple';

const RUN = randomUUID().slice(0, 8);
let sequence = 0;

/**
 * Registers an account as the sign-up form does (registerUser), with a username and email no other
 * test uses (`<prefix><n>_<run>`, `<prefix><n>.<run>@example.com`), and makes it an admin when asked.
 */
export async function createTestUser(
  options: { role?: 'customer' | 'admin'; prefix?: string; displayName?: string } = {},
): Promise<{ id: number; username: string; email: string }> {
  const { role = 'customer', prefix = 'user', displayName } = options;
  sequence += 1;
  const username = `${prefix}${sequence}_${RUN}`;
  const email = `${prefix}${sequence}.${RUN}@example.com`;
  const result = await registerUser({ username, email, password: TEST_PASSWORD, displayName }, 'en');
  if (!result.ok) throw new Error(`Could not register ${username}: ${JSON.stringify(result.fieldErrors)}`);
  if (role === 'admin') await (await getDb()).execute(sql`update users set role = 'admin' where id = ${result.userId}`);
  return { id: result.userId, username, email };
}

/** A new account as the session layer describes it to placeOrder and the admin functions. */
export async function createTestShopper<Role extends 'customer' | 'admin' = 'customer'>(
  options: { role?: Role; prefix?: string } = {},
): Promise<SessionUser & { role: Role }> {
  const role = options.role ?? ('customer' as Role);
  const { id, username, email } = await createTestUser({ role, prefix: options.prefix });
  return { id, username, email, displayName: null, role, preferredLocale: null, hasPassword: true };
}
