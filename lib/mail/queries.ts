import 'server-only';
import { count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { requireAdmin } from '@/lib/auth/session';
import { mailOutbox } from './schema';

export type OutboxStatus = (typeof mailOutbox.$inferSelect)['status'];

export type OutboxListItem = {
  id: number;
  to: string;
  subject: string;
  template: string;
  status: OutboxStatus;
  createdAt: Date;
  sentAt: Date | null;
};

export type OutboxMessage = OutboxListItem & {
  locale: 'en' | 'zh';
  html: string;
  text: string;
  attempts: number;
  lastError: string | null;
};

const MAX_PAGE_SIZE = 200;

/** `%`, `_` and `\` typed by an admin are literal characters, not wildcards. */
const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The outbox for the admin mail viewer, newest first, `pageSize` (at most 200) to a page, with the
 * total count. `to` narrows it to recipients whose address contains that text (case-insensitive).
 * Admins only: throws (from requireAdmin) for anyone else, before reading anything.
 */
export async function listOutbox({
  page = 1,
  pageSize = 50,
  to,
}: { page?: number; pageSize?: number; to?: string } = {}): Promise<{
  items: OutboxListItem[];
  total: number;
  page: number;
  pageSize: number;
}> {
  await requireAdmin();
  const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize) || 1));
  const current = Math.max(1, Math.floor(page) || 1);
  const search = to?.trim();
  const where: SQL | undefined = search ? sql`${mailOutbox.toAddress} ilike ${likePattern(search)}` : undefined;
  const db = await getDb();
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: mailOutbox.id,
        to: mailOutbox.toAddress,
        subject: mailOutbox.subject,
        template: mailOutbox.template,
        status: mailOutbox.status,
        createdAt: mailOutbox.createdAt,
        sentAt: mailOutbox.sentAt,
      })
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(size)
      .offset((current - 1) * size),
    db.select({ total: count() }).from(mailOutbox).where(where),
  ]);
  return { items, total, page: current, pageSize: size };
}

/**
 * One outbox message with its HTML and text, or null. Admins only (requireAdmin throws otherwise).
 * The HTML is the mail as sent: show it in a sandboxed iframe (`srcDoc`, `sandbox="allow-popups
 * allow-popups-to-escape-sandbox"`), never inline in the admin page; its links open in a new tab.
 */
export async function getOutboxMessage(id: number): Promise<OutboxMessage | null> {
  await requireAdmin();
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      template: mailOutbox.template,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      locale: mailOutbox.locale,
      html: mailOutbox.html,
      text: mailOutbox.text,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  return row ?? null;
}
