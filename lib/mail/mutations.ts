import 'server-only';
import { and, eq, inArray, lt, or } from 'drizzle-orm';
import { type Executor, getDb } from '@/db';
import type { Locale } from '@/lib/i18n/config';
import { recipientHash } from './recipient';
import { mailOutbox } from './schema';
import { findLiveSecret, type WithSecretLinks } from './secret-links';
import { renderWithoutSecrets, sealMail } from './stored';
import type { TemplateData, TemplateName } from './templates';
import { getTransport } from './transport';

export {
  deliverPendingMail,
  type LinkMaker,
  MAX_ATTEMPTS,
  retryDelaySeconds,
  sendMailSoon,
  setMailDelivery,
} from './deliver';

// One address, no display name, no list: the address comes from an account, and a comma or a
// line break in it must never add recipients or headers.
const SINGLE_ADDRESS = /^[^\s@,;<>"()]+@[^\s@,;<>"()]+$/;

export type EnqueueMailInput<K extends TemplateName> = {
  to: string;
  locale: Locale;
  template: K;
  /** The template's data; a link that carries a secret is a `SecretLink` (lib/mail/secret-links.ts). */
  data: WithSecretLinks<TemplateData<K>>;
  /** Makes the call idempotent: a second mail with the same key is not written. */
  dedupeKey?: string;
  /** The account the mail goes to or is about: set it whenever there is one (deleted with it). */
  userId?: number;
};

/**
 * Writes a mail to the outbox, inside the caller's transaction when given one, so the mail exists
 * exactly when the change that caused it commits. What is written: the template, its data (secret
 * links as descriptions, made real only when the mail is sent) and the subject, the personal parts
 * encrypted (lib/mail/stored.ts). Status is 'queued' when a transport is configured, else 'held'
 * (kept for admins at /admin/mail, secret links hidden). With a `dedupeKey` that is already in the
 * outbox nothing is written and the existing id comes back with `duplicate: true`.
 * Delivery is separate: call `sendMailSoon()` after the transaction commits.
 * Throws on an invalid address, a template link that is not http(s), or data holding a link with
 * a secret in it (`?key=`, `?token=`) instead of a `SecretLink` (caller bugs).
 */
export async function enqueueMail<K extends TemplateName>(
  executor: Executor,
  input: EnqueueMailInput<K>,
): Promise<{ id: number; duplicate: boolean }> {
  const to = input.to.trim();
  if (!SINGLE_ADDRESS.test(to)) throw new Error(`enqueueMail: not a single email address: ${JSON.stringify(to)}`);
  const secret = findLiveSecret(input.data);
  if (secret) {
    throw new Error(
      `enqueueMail: ${input.template}.${secret} holds a link with a secret in it; pass a SecretLink (lib/mail/secret-links.ts) so that it is made when the mail is sent`,
    );
  }
  // Rendering now checks the data (bad links throw here, not at delivery) and gives the subject.
  const { subject } = await renderWithoutSecrets(input.template, input.data, input.locale);
  const [row] = await executor
    .insert(mailOutbox)
    .values({
      ...sealMail({ to, subject, data: input.data }),
      locale: input.locale,
      template: input.template,
      status: getTransport() ? 'queued' : 'held',
      dedupeKey: input.dedupeKey ?? null,
      userId: input.userId ?? null,
    })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  if (!row) {
    // The conflict waited for the other writer to commit, so its row is visible to this statement.
    const [existing] = await executor
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(eq(mailOutbox.dedupeKey, input.dedupeKey!));
    if (!existing) throw new Error(`enqueueMail: dedupe key ${input.dedupeKey} conflicted but no row was found`);
    return { id: existing.id, duplicate: true };
  }
  return { id: row.id, duplicate: false };
}

/**
 * Deletes an account's mail from the outbox, whatever its state: every mail tagged with the user,
 * and every mail to the address (order mails of guest checkouts made with it). For account deletion,
 * inside its transaction. Returns how many mails went.
 */
export async function deleteMailOf(executor: Executor, account: { userId: number; email: string | null }) {
  const deleted = await executor
    .delete(mailOutbox)
    .where(
      or(
        eq(mailOutbox.userId, account.userId),
        account.email ? eq(mailOutbox.toHash, recipientHash(account.email)) : undefined,
      ),
    )
    .returning({ id: mailOutbox.id });
  return deleted.length;
}

/**
 * Deletes up to `limit` mails that no longer wait for delivery (sent, failed, held, cancelled) and
 * were written before `before`, in one statement (retention job, lib/jobs/retention.ts): mail holds
 * names and order details, and nobody needs it once it is gone. Queued mail, and mail being sent, stay.
 */
export async function deleteFinishedMail(before: Date, limit: number): Promise<number> {
  const db = await getDb();
  const finished = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.status, ['sent', 'failed', 'held', 'cancelled']), lt(mailOutbox.createdAt, before)))
    .limit(limit)
    .for('update', { skipLocked: true });
  const deleted = await db.delete(mailOutbox).where(inArray(mailOutbox.id, finished)).returning({ id: mailOutbox.id });
  return deleted.length;
}
