import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { mailOutbox } from './schema';
import { openAddress, openData, openSubject, renderWithoutSecrets } from './stored';

export type OutboxStatus = (typeof mailOutbox.$inferSelect)['status'];

/** A mail addressed to an account, as the shopper's data export shows it (secret links left out). */
export type AccountMail = {
  to: string;
  template: string;
  subject: string;
  text: string;
  status: OutboxStatus;
  createdAt: Date;
  sentAt: Date | null;
};

/**
 * The newest `limit` mails tagged with the account, decrypted and rendered without their secret
 * links, for "Download my data" (lib/privacy/export.ts). The caller has already checked that
 * `userId` is the signed-in shopper.
 */
export async function listMailOfAccount(userId: number, limit: number): Promise<AccountMail[]> {
  const db = await getDb();
  const rows = await db
    .select({
      to: mailOutbox.toAddress,
      locale: mailOutbox.locale,
      template: mailOutbox.template,
      subject: mailOutbox.subject,
      data: mailOutbox.data,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.userId, userId))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
  return Promise.all(
    rows.map(async (row) => {
      const { template, data } = openData(row);
      const rendered = await renderWithoutSecrets(template, data, row.locale);
      return {
        to: openAddress(row.to),
        template: row.template,
        subject: openSubject(row.subject),
        text: rendered.text,
        status: row.status,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
      };
    }),
  );
}
