import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import { normalizeKey } from '@/lib/security/normalize-key';
import { hashPassword } from '@/lib/accounts/passwords';
import { sealAddress, sealDisplayName } from '@/lib/accounts/sealed';
import { blindIndexSql } from '@/lib/security/blind-index';

/**
 * The demo accounts, created only by `npm run demo` on its embedded database (scripts/demo.ts): never
 * by the server itself, never on a PostgreSQL server, where a password printed in the README would
 * be a way in. Listed in the README.
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

/** The demo shopper's saved address, so checkout in the demo offers one. Fictional (the 555 range is unassigned). */
export const DEMO_ADDRESS = {
  fullName: 'Demo Shopper',
  line1: '42 Vinyl Lane',
  line2: 'Flat 3',
  city: 'Springfield',
  region: 'OR',
  postalCode: '97403',
  country: 'US',
  phone: '+1 541 555 0142',
} as const;

/** Creates the demo accounts (names and the address encrypted like every other write: lib/accounts/sealed.ts). */
export async function insertDemoUsers(tx: Executor): Promise<void> {
  for (const user of DEMO_USERS) {
    const name = sealDisplayName(user.displayName);
    await tx.execute(sql`
      insert into users (username, username_key, email, email_key, display_name, blind_index, password_hash, role,
        preferred_locale)
      values (${user.username}, ${normalizeKey(user.username)}, ${user.email}, ${normalizeKey(user.email)},
        ${name.displayName}, ${blindIndexSql(name.blindIndex)}, ${await hashPassword(user.password)}, ${user.role}, 'en')
      on conflict do nothing`);
  }
  const [shopper] = await queryRows<{ id: number }>(
    tx,
    sql`select id from users u where username_key = ${normalizeKey('shopper')}
      and not exists (select 1 from addresses a where a.user_id = u.id)`,
  );
  if (shopper) {
    const address = sealAddress(DEMO_ADDRESS);
    await tx.execute(sql`
      insert into addresses (user_id, full_name, line1, line2, city, region, postal_code, country, phone, blind_index, is_default)
      values (${shopper.id}, ${address.fullName}, ${address.line1}, ${address.line2}, ${address.city}, ${address.region},
        ${address.postalCode}, ${address.country}, ${address.phone}, ${blindIndexSql(address.blindIndex)}, true)`);
  }
}
