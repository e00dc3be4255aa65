import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { normalizeKey } from '@/lib/accounts/normalize';
import { hashPassword } from '@/lib/accounts/passwords';

/**
 * The demo accounts, created only on the embedded demo database (never on a PostgreSQL server,
 * where a known password would be a hole). Listed in the README.
 */
export const DEMO_USERS = [
  {
    username: 'admin',
    email: 'admin@encore.test',
    password: 'encore-admin-demo',
    role: 'admin',
    displayName: 'Demo Admin',
  },
  {
    username: 'shopper',
    email: 'shopper@encore.test',
    password: 'encore-shopper-demo',
    role: 'customer',
    displayName: 'Demo Shopper',
  },
] as const;

export async function insertDemoUsers(tx: Transaction): Promise<void> {
  for (const user of DEMO_USERS) {
    await tx.execute(sql`
      insert into users (username, username_key, email, email_key, display_name, password_hash, role, preferred_locale)
      values (${user.username}, ${normalizeKey(user.username)}, ${user.email}, ${normalizeKey(user.email)},
        ${user.displayName}, ${await hashPassword(user.password)}, ${user.role}, 'en')
      on conflict do nothing`);
  }
}
