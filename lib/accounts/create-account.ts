import 'server-only';
import type { Transaction } from '@/db';
import type { Locale } from '@/lib/i18n/config';
import { enqueueMail } from '@/lib/mail/mutations';
import { normalizeKey } from '@/lib/security/normalize-key';
import { sealDisplayName } from './sealed';
import { users } from './schema';
import { must } from '@/lib/must';

export type FieldErrors = Record<string, string>;

export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === '23505') return (e.constraint ?? e.constraint_name ?? '').includes(constraint);
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
}

/**
 * Writes a new customer account whose email address is known to belong to it, and its welcome mail,
 * in the caller's transaction; returns the id. Uniqueness of the email and username (by normalized
 * form) is left to the unique indexes: the caller turns a violation into a field error.
 * Callers: a followed registration link, and `registerUser` (trusted creation).
 */
export async function insertAccount(
  tx: Transaction,
  account: { username: string; email: string; displayName: string | null; passwordHash: string; locale: Locale },
): Promise<number> {
  const [user] = await tx
    .insert(users)
    .values({
      username: account.username,
      usernameKey: normalizeKey(account.username),
      email: account.email.trim(),
      emailKey: normalizeKey(account.email),
      ...sealDisplayName(account.displayName),
      passwordHash: account.passwordHash,
      preferredLocale: account.locale,
    })
    .returning({ id: users.id });
  const { id } = must(user, 'new user');
  await enqueueMail(tx, {
    to: account.email.trim(),
    locale: account.locale,
    template: 'welcome',
    data: { name: account.displayName ?? account.username },
    userId: id,
  });
  return id;
}
