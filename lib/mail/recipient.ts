import 'server-only';
import { createHmac } from 'node:crypto';
import { normalizeKey } from '@/lib/security/normalize-key';
import { authSecret } from '@/lib/security/auth-secret';

/**
 * A keyed hash of a mail address (HMAC-SHA256 under the session key, NEXTAUTH_SECRET), stored beside
 * the encrypted address: it finds a recipient's mail (admin search by address, purge when an account
 * is deleted) without the address being readable in the database. Addresses compare as accounts do
 * (trimmed, NFKC, lower case). Changing NEXTAUTH_SECRET makes older mail unfindable by address, not
 * unreadable; it is deleted after RETAIN_MAIL_DAYS anyway.
 */
export function recipientHash(address: string): string {
  return createHmac('sha256', authSecret())
    .update(`mail-recipient:${normalizeKey(address)}`)
    .digest('hex');
}
