import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cascadeRef, serialId } from '@/db/columns';

export const userRole = pgEnum('user_role', ['customer', 'admin']);

/**
 * Shoppers and staff. `usernameKey` and `emailKey` are the normalized forms (trim, NFKC, lower
 * case) that uniqueness is enforced on. `sessionVersion` is copied into every session token and
 * bumped to end all sessions at once (sign out everywhere, password change, disabling).
 * A deleted account keeps its row (orders point at it) with every personal field cleared.
 */
export const users = pgTable(
  'users',
  {
    id: serialId(),
    username: text('username').notNull(),
    usernameKey: text('username_key').notNull(),
    email: text('email'),
    emailKey: text('email_key'),
    /** Encrypted (lib/accounts/sealed.ts). */
    displayName: text('display_name'),
    /** Keyed hashes of the display name's words, for the back office search (lib/security/blind-index.ts). */
    blindIndex: text('blind_index').array(),
    /** argon2id; null for accounts that only sign in with OAuth, and for deleted accounts. */
    passwordHash: text('password_hash'),
    role: userRole('role').notNull().default('customer'),
    sessionVersion: integer('session_version').notNull().default(1),
    preferredLocale: text('preferred_locale'),
    /** The shopper allows recommendations from their history (account centre switch). */
    personalization: boolean('personalization').notNull().default(true),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key_key').on(t.usernameKey),
    uniqueIndex('users_email_key_key').on(t.emailKey),
    index('users_role_idx').on(t.role),
    index('users_blind_index_idx').using('gin', t.blindIndex).concurrently(),
  ],
);

/**
 * One row per signed-in browser. The session token carries its id; signing out revokes the row, so a
 * copied cookie stops working even though the token itself has not expired.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: cascadeRef('user_id', () => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Links an OAuth identity (GitHub, Google) to an account. */
export const oauthAccounts = pgTable(
  'oauth_accounts',
  {
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    userId: cascadeRef('user_id', () => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index('oauth_accounts_user_idx').on(t.userId)],
);

/** Password reset links: only the SHA-256 of the token is stored; single use, 30 minutes. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: serialId(),
    userId: cascadeRef('user_id', () => users.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_hash_key').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.userId),
  ],
);

/**
 * The address book; checkout offers these and copies the chosen one into the order. Every field but
 * the country is encrypted (lib/accounts/sealed.ts); `blindIndex` holds keyed hashes of the name and
 * phone number for the back office search.
 */
export const addresses = pgTable(
  'addresses',
  {
    id: serialId(),
    userId: cascadeRef('user_id', () => users.id),
    fullName: text('full_name').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    region: text('region'),
    postalCode: text('postal_code').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    phone: text('phone'),
    blindIndex: text('blind_index').array(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('addresses_user_idx').on(t.userId),
    index('addresses_blind_index_idx').using('gin', t.blindIndex).concurrently(),
  ],
);

/**
 * Registrations waiting for their email address to be confirmed (lib/accounts/registration.ts). The
 * account is created only when the link in the mail is followed, so nobody can sign in with an
 * address they do not own. Only the SHA-256 of the link's token is stored (replaced whenever a link is
 * made, so only the latest works), and of the secret kept in
 * the registering browser's cookie (that browser is signed in by the link; any other must give the
 * password). A row also holds its username until it expires, whether or not the address already had
 * an account (`mailed` = 'existing': no link was sent, the owner was told instead), so that the
 * answer to a registration never shows whether an address is known. Expired rows are deleted.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: serialId(),
    mailed: text('mailed', { enum: ['link', 'existing'] }).notNull(),
    username: text('username').notNull(),
    usernameKey: text('username_key').notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull(),
    /** Where to go once signed in (a path on this site). */
    nextPath: text('next_path').notNull().default('/'),
    /** Set when the link is made (issueRegistrationLink); null for 'existing', which gets none. */
    tokenHash: text('token_hash'),
    browserHash: text('browser_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_token_hash_key').on(t.tokenHash),
    index('registrations_username_key_idx').on(t.usernameKey),
    index('registrations_email_key_idx').on(t.emailKey),
    index('registrations_expires_idx').on(t.expiresAt),
  ],
);
