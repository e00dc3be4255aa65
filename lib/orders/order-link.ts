import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { normalizeKey } from '@/lib/security/normalize-key';
import { users } from '@/lib/accounts/schema';
import { emailSchema } from '@/lib/accounts/validation';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import type { Limit } from '@/lib/security/rate-limit';

import { orders } from './schema';

/**
 * A new order link by mail, for a visitor whose link expired or got lost: they give the order
 * number and the email address the order was placed with, and if both match an order, that address
 * gets a fresh link. The answer never says whether they matched (the action answers before the
 * lookup, and the mail goes only to the order's own address).
 */
export const orderLinkRequestSchema = z.object({
  number: z.string().regex(/^EN-\d{1,12}$/, 'orderNumberInvalid'),
  email: emailSchema,
});

const HOUR = 60 * 60;

/** How long a mailed order link works (ORDER_LINK_DAYS), for the pages that say so. */
export function orderLinkDays(): number {
  return env.ORDER_LINK_DAYS;
}

/**
 * Per order number (a mailbox cannot be flooded with links) and per client IP (nobody can sweep order
 * numbers); clients with no known IP share one bucket. Counted for every request, whether or not the
 * order exists.
 */
export function orderLinkLimits(number: string, ip: string | null): Limit[] {
  return [
    { key: `order-link:order:${number}`, limit: 3, windowSeconds: HOUR },
    { key: `order-link:ip:${ip ?? 'unknown'}`, limit: 10, windowSeconds: HOUR },
  ];
}

/** Mails a fresh link of order `number` to its address when `email` is that address (any case). */
export async function sendOrderLink(number: string, email: string, fallbackLocale: Locale): Promise<void> {
  const db = await getDb();
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      locale: orders.locale,
      userId: orders.userId,
      name: sql<string | null>`coalesce(${users.displayName}, ${users.username})`,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.number, number));
  if (!order?.email || normalizeKey(order.email) !== normalizeKey(email)) return;
  await enqueueMail(db, {
    to: order.email,
    locale: order.locale === 'zh' || order.locale === 'en' ? order.locale : fallbackLocale,
    template: 'orderLink',
    data: {
      name: order.name ?? '',
      number: order.number,
      orderUrl: secretLinks.order(order.id, order.number),
      days: env.ORDER_LINK_DAYS,
    },
    userId: order.userId ?? undefined,
  });
  sendMailSoon();
}
