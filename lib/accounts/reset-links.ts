import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '@/db';
import { env } from '@/lib/env';
import { normalizeKey } from '@/lib/security/normalize-key';
import { passwordResetTokens, users } from './schema';

/** How long a reset link works, from the moment its mail is sent. */
export const RESET_TOKEN_MINUTES = 30;

export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Issues a one-time password reset link for the mail being sent (lib/mail/deliver.ts) and returns
 * it; only its hash is stored, and only for RESET_TOKEN_MINUTES. Returns null — no link, and the mail
 * is cancelled — unless the account still exists, is enabled, still has the address the mail goes
 * to, and still has the session version it had when the reset was asked for: a password change,
 * "sign out everywhere", disabling or a new email address in between ends the request.
 */
export async function issuePasswordResetLink(
  executor: Executor,
  request: { userId: number; to: string; sessionVersion: number },
): Promise<string | null> {
  const [user] = await executor
    .select({ emailKey: users.emailKey, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, request.userId), isNull(users.deletedAt), isNull(users.disabledAt)));
  if (!user || user.emailKey !== normalizeKey(request.to) || user.sessionVersion !== request.sessionVersion) {
    return null;
  }
  const token = randomBytes(32).toString('base64url');
  await executor.insert(passwordResetTokens).values({
    userId: request.userId,
    tokenHash: hashResetToken(token),
    expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000),
  });
  return new URL(`/reset-password?token=${token}`, env.SITE_URL).toString();
}
