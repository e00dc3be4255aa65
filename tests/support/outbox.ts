import { and, asc, eq, lte, or, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { deliverMail } from '@/lib/jobs/mail';
import { recipientHash } from '@/lib/mail/recipient';
import { mailOutbox } from '@/lib/mail/schema';
import { openAddress, openData, openSubject, renderWithoutSecrets } from '@/lib/mail/stored';
import { type MailTransport, type OutgoingMail, setTransportForTests } from '@/lib/mail/transport';

/** An outbox row as staff may see it: decrypted, rendered with its secret links hidden. */
export type StoredMail = {
  id: number;
  to: string;
  subject: string;
  template: string;
  status: string;
  locale: 'en' | 'zh';
  userId: number | null;
  dedupeKey: string | null;
  text: string;
  html: string;
};

/** The outbox rows matching every given filter, oldest first, read back through lib/mail. */
export async function outboxMails(
  filter: { to?: string; dedupeKey?: string; template?: string; userId?: number } = {},
): Promise<StoredMail[]> {
  const conditions: SQL[] = [];
  if (filter.to !== undefined) conditions.push(eq(mailOutbox.toHash, recipientHash(filter.to)));
  if (filter.dedupeKey !== undefined) conditions.push(eq(mailOutbox.dedupeKey, filter.dedupeKey));
  if (filter.template !== undefined) conditions.push(eq(mailOutbox.template, filter.template));
  if (filter.userId !== undefined) conditions.push(eq(mailOutbox.userId, filter.userId));
  const db = await getDb();
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(and(...conditions))
    .orderBy(asc(mailOutbox.id));
  return Promise.all(
    rows.map(async (row) => {
      const { template, data } = openData(row);
      const { text, html } = await renderWithoutSecrets(template, data, row.locale);
      return {
        id: row.id,
        to: openAddress(row.toAddress),
        subject: openSubject(row.subject),
        template: row.template,
        status: row.status,
        locale: row.locale,
        userId: row.userId,
        dedupeKey: row.dedupeKey,
        text,
        html,
      };
    }),
  );
}

/**
 * A recording transport for the rest of the test file (until `stop`): mail written meanwhile is
 * queued, and `sentTo` delivers the outbox and returns what went to an address, as its recipient
 * reads it (secret links made real).
 */
/** The token of the reset-password link in a mail's text; fails when the mail has no such link. */
export function resetTokenIn(text: string | undefined): string {
  const token = /reset-password\?token=([\w-]+)/.exec(text ?? '')?.[1];
  if (!token) throw new Error('The mail has no reset-password link');
  return token;
}

export function captureMail() {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    async sendMail(message) {
      sent.push(message);
    },
  };
  setTransportForTests(transport);
  return {
    sent,
    /** Delivers what is due and returns every mail sent to `to` so far (newest last). */
    async sentTo(to: string): Promise<OutgoingMail[]> {
      await settleOutbox();
      return sent.filter((m) => m.to.toLowerCase() === to.toLowerCase());
    },
    stop: () => setTransportForTests(undefined),
  };
}

/**
 * Delivers until nothing is due or being sent (a delivery started by `sendMailSoon` in the
 * background may hold rows for a moment), for at most five seconds.
 */
async function settleOutbox(): Promise<void> {
  const db = await getDb();
  const deadline = Date.now() + 5000;
  for (;;) {
    await deliverMail({ limit: 100 });
    const [busy] = await db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        or(
          eq(mailOutbox.status, 'sending'),
          and(eq(mailOutbox.status, 'queued'), lte(mailOutbox.nextAttemptAt, sql`now()`)),
        ),
      )
      .limit(1);
    if (!busy || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
