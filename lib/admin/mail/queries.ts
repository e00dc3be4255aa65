import 'server-only';
import { pick, getDb } from '@/db';
import { count, desc, eq, type SQL } from 'drizzle-orm';

import { requireAdmin } from '@/lib/auth/session';
import type { OutboxStatus } from '@/lib/mail/queries';
import { recipientHash } from '@/lib/mail/recipient';
import { mailOutbox } from '@/lib/mail/schema';
import { openAddress, openData, openError, openSubject, renderWithoutSecrets } from '@/lib/mail/stored';

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

/** What the list shows of a message (the address and subject still sealed: see openListItem). */
const listFields = {
  ...pick(mailOutbox, 'id subject template status createdAt sentAt'),
  to: mailOutbox.toAddress,
};

/** A row with its recipient and subject decrypted. */
const openListItem = <T extends { to: string; subject: string }>(row: T): T => ({
  ...row,
  to: openAddress(row.to),
  subject: openSubject(row.subject),
});

/**
 * The outbox for the admin mail viewer, newest first, `pageSize` (at most 200) to a page, with the
 * total count. `to` narrows it to one recipient: the whole address, compared as accounts compare
 * them (the addresses are encrypted, so it is found by its keyed hash; part of an address finds
 * nothing). Admins only: throws (from requireAdmin) for anyone else, before reading anything.
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
  const where: SQL | undefined = search ? eq(mailOutbox.toHash, recipientHash(search)) : undefined;
  const db = await getDb();
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(listFields)
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(size)
      .offset((current - 1) * size),
    db.select({ total: count() }).from(mailOutbox).where(where),
  ]);
  return { items: rows.map(openListItem), total, page: current, pageSize: size };
}

/**
 * One outbox message with its HTML and text, or null. Admins only (requireAdmin throws otherwise).
 * Rendered from the stored data with every secret link hidden (a reset link or an order's access key
 * never reaches an admin; lib/mail/secret-links.ts). Show the HTML in a sandboxed document
 * (`/admin-mail/{id}`), never inline in the admin page; its links open in a new tab.
 */
export async function getOutboxMessage(id: number): Promise<OutboxMessage | null> {
  await requireAdmin();
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const [row] = await db
    .select({ ...listFields, ...pick(mailOutbox, 'locale data attempts lastError') })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id));
  if (!row) return null;
  const { template, data } = openData(row);
  const { html, text } = await renderWithoutSecrets(template, data, row.locale);
  // The stored data is left out: it holds the secret links the rendering hid.
  const { data: _data, lastError, ...message } = row;
  return { ...openListItem(message), html, text, lastError: openError(lastError) };
}
